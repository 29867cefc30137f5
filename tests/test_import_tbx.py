"""``glossary import --from tbx`` and ``export --to tbx``: an insurer's term base in en/fr/de/nl."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from defusedxml.ElementTree import fromstring

from jargonlint import Linter
from jargonlint.cli import cli
from jargonlint.glossary.loader import load_glossaries
from jargonlint.glossary.writer import glossary_data

TBX = Path(__file__).parent / "fixtures" / "tbx"
TERMBASE = TBX / "insurer-termbase.tbx"

EXPECTED_YAML = """\
glossary: acme-insurance-customer-vocabulary
description: Imported from the term base insurer-termbase.tbx.
languages: [en, fr, de, nl]

terms:
  - id: C0101
    match:
      en: [deductible, excess]
      fr: franchise
      de: [Selbstbeteiligung, Selbstbehalt]
      nl: [eigen risico, vrijstelling]
    suggest:
      en: [own contribution, the amount you pay yourself]
      fr: montant à votre charge
      de: Eigenanteil
      nl: eigen bijdrage
    replace: {en: own contribution, fr: montant à votre charge, de: Eigenanteil, nl: eigen bijdrage}
    note: The part of a claim the policyholder pays before the insurer pays the rest.

  - id: C0102
    match: {en: policy schedule, fr: conditions particulières, nl: bijzondere voorwaarden}
    suggest:
      en: [insurance summary, cover summary]
      fr: résumé de votre assurance
      nl: overzicht van uw verzekering
    replace: {fr: résumé de votre assurance, nl: overzicht van uw verzekering}
    note: Policyholders call it their insurance, not a policy.

  - id: C0103
    match: {en: indemnity, de: Entschädigungsleistung}
    suggest: {en: compensation, de: Entschädigung}
    replace: {en: compensation}
    note: Legal wording from the 1998 conditions.

  - id: C0104
    match: {fr: résiliation, nl: opzeg}
    suggest: {fr: fin du contrat, nl: opzegging}
    replace: {fr: fin du contrat}
    note: Fin du contrat à l'initiative d'une des parties.

  - id: C0106
    match: {de: Nachtrag}
    suggest: {de: Vertragsänderung}
    replace: {de: Vertragsänderung}
    note: Vertragsänderung während der Laufzeit.
"""


def _import(source: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "tbx", str(source), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_term_status_maps_to_match_suggest_and_replace(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    stderr = _import(TERMBASE, out)
    assert stderr == (
        "imported 5 entries from 6 concepts in 4 languages; skipped 1.\n"
        "  skipped concept C0105: no deprecated or superseded term: nothing to flag\n"
    )
    assert out.read_text(encoding="utf-8") == (
        f"# Imported by `jargonlint glossary import` from TBX: {TERMBASE}\n"
        "# imported 5 entries from 6 concepts in 4 languages; skipped 1.\n"
        "# Not imported:\n"
        "#   concept C0105: no deprecated or superseded term: nothing to flag\n" + EXPECTED_YAML
    )


def test_imported_term_base_flags_letters_with_the_preferred_term_as_fix(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    _import(TERMBASE, out)
    linter = Linter([out], builtin=False)
    letter = "Dear Ms Peeters,\n\nThe excess of EUR 250 is deducted from the indemnity.\n"
    findings = [f for f in linter.lint(letter, lang="en").findings if f.rule == "jargon"]
    assert [(f.id, f.text, f.suggestions) for f in findings] == [
        ("C0101", "excess", ("own contribution", "the amount you pay yourself")),
        ("C0103", "indemnity", ("compensation",)),
    ]
    assert all(letter[f.start : f.end] == f.text for f in findings)
    assert [f.fix.edits[0].content if f.fix else None for f in findings] == ["own contribution", "compensation"]
    german = [f for f in linter.lint("Ihr Selbstbehalt steigt ab dem nächsten Nachtrag.", lang="de").findings if f.rule == "jargon"]
    assert [(f.text, f.suggestions) for f in german] == [("Selbstbehalt", ("Eigenanteil",)), ("Nachtrag", ("Vertragsänderung",))]


@pytest.mark.parametrize("version", ["2008", "v3"])
def test_round_trip_through_tbx_keeps_the_glossary(tmp_path: Path, version: str) -> None:
    first = tmp_path / "first.yaml"
    _import(TERMBASE, first)
    exported = tmp_path / f"export-{version}.tbx"
    result = CliRunner().invoke(
        cli,
        [
            "glossary",
            "export",
            "--to",
            "tbx",
            "--tbx-version",
            version,
            "--no-builtin",
            "--isolated",
            "-g",
            str(first),
            "-o",
            str(exported),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"exported 5 concepts in 4 languages as TBX {version}; skipped 0.\n"
    second = tmp_path / "second.yaml"
    _import(exported, second)
    before, after = (glossary_data(load_glossaries([p], builtin=False).glossaries[-1]) for p in (first, second))
    assert before.pop("description") == "Imported from the term base insurer-termbase.tbx."
    assert after.pop("description") == f"Imported from the term base export-{version}.tbx."
    assert after == before


GLOSSARY = """\
glossary: acme-claims
languages: [en, nl]
terms:
  - id: claim
    match: {en: claim, nl: schadeclaim}
    suggest: {en: [your request, request], nl: uw aanvraag}
    replace: {en: request}
    note: Customers ask; they do not claim.
  - id: ecommerce
    match: {any: e-commerce}
    suggest: {any: online shop}
  - id: premium
    match: {en: "{annual|monthly} premium"}
    suggest: {en: what you pay}
canned:
  - id: do-not-hesitate
    match: {en: "do not hesitate to contact us"}
"""


def test_export_writes_statuses_per_language(tmp_path: Path) -> None:
    glossary = tmp_path / "claims.yaml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "export", "--to", "tbx", "--no-builtin", "--isolated", "-g", str(glossary)])
    assert result.exit_code == 0
    assert result.stderr == (
        "exported 2 concepts in 2 languages as TBX 2008; skipped 3.\n"
        "  skipped ecommerce: phrases for 'any' language have no TBX language; left out\n"
        "  skipped ecommerce: no phrase a term base can hold\n"
        "  skipped do-not-hesitate: a canned phrase, not a term\n"
    )
    root = fromstring(result.stdout.encode("utf-8"))
    assert (root.tag, root.get("type"), root.findtext("martifHeader/fileDesc/titleStmt/title")) == ("martif", "TBX-Basic", "acme-claims")
    concepts = {e.get("id"): e for e in root.iter("termEntry")}
    assert list(concepts) == ["claim", "premium"]
    assert concepts["claim"].findtext("note") == "Customers ask; they do not claim."

    def terms(concept: str, lang: str) -> list[tuple[str | None, str | None]]:
        section = next(s for s in concepts[concept].iter("langSet") if s.get("{http://www.w3.org/XML/1998/namespace}lang") == lang)
        return [(t.findtext("term"), t.findtext("termNote")) for t in section.iter("tig")]

    assert terms("claim", "en") == [
        ("claim", "deprecatedTerm-admn-sts"),
        ("request", "preferredTerm-admn-sts"),
        ("your request", "admittedTerm-admn-sts"),
    ]
    assert terms("claim", "nl") == [("schadeclaim", "deprecatedTerm-admn-sts"), ("uw aanvraag", "admittedTerm-admn-sts")]
    # Alternatives become one term each: a term base holds no phrase syntax.
    assert terms("premium", "en") == [
        ("annual premium", "deprecatedTerm-admn-sts"),
        ("monthly premium", "deprecatedTerm-admn-sts"),
        ("what you pay", "admittedTerm-admn-sts"),
    ]


def test_tbx_v3_dca_file_is_read(tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    assert _import(TBX / "claims-v3.tbx", out, "--name", "claims") == "imported 2 entries from 2 concepts in 2 languages; skipped 0.\n"
    assert out.read_text(encoding="utf-8").split("\n", 2)[2] == (
        "glossary: claims\n"
        "description: Imported from the term base claims-v3.tbx.\n"
        "languages: [en, nl]\n"
        "\n"
        "terms:\n"
        "  - id: claims-loss-adjuster\n"
        "    match: {en: loss adjuster, nl: schade-expert}\n"
        "    suggest: {en: our expert, nl: onze expert}\n"
        "    replace: {en: our expert, nl: onze expert}\n"
        "    note: The expert who assesses the damage for the insurer.\n"
        "\n"
        "  - id: claims-subrogation\n"
        "    match: {en: subrogation}\n"
        "    suggest: {en: we recover the costs from the other party}\n"
    )


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><martif>&b;</martif>',
            "refused unsafe XML: EntitiesForbidden(name='a', system_id=None, public_id=None)",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>',
            "refused unsafe XML: EntitiesForbidden(name='x', system_id='file:///etc/passwd', public_id=None)",
        ),
        ("<martif><text><body>", "not well-formed XML: no element found: line 1, column 20"),
        ("<xliff version='1.2'/>", "not a TBX file: the root element is <xliff>, expected <martif> or <tbx>"),
    ],
)
def test_unsafe_or_broken_xml_is_refused(tmp_path: Path, xml: str, message: str) -> None:
    source = tmp_path / "bad.tbx"
    source.write_text(xml, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "tbx", str(source)])
    assert result.exit_code == 2
    assert result.stdout == ""
    line = 1 if "line 1" in message or "root element" in message else 0
    where = f"{source}:{line}" if line else str(source)
    assert result.stderr == f"error: cannot import {source} (1 problem):\n  {where}: {message}\n"


def test_import_in_a_real_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "jargonlint", "glossary", "import", "--from", "tbx", str(TERMBASE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.splitlines()[0] == "imported 5 entries from 6 concepts in 4 languages; skipped 1."
    assert out.read_text(encoding="utf-8").endswith(EXPECTED_YAML)
    again = subprocess.run(
        [sys.executable, "-m", "jargonlint", "glossary", "import", "--from", "tbx", str(TERMBASE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (again.returncode, again.stderr) == (2, f"error: {out} exists; use --force to overwrite it\n")
