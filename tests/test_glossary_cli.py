"""``jargonlint glossary validate`` and ``glossary show``, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jargonlint.cli import cli

LETTERS = """\
# An organisation glossary with authoring mistakes that still load.
glossary: acme-letters
languages: [en, nl]
terms:
  - id: deductible
    match: {en: [deductible, excess], nl: eigen risico}
    suggest: {en: the amount you pay yourself, nl: het bedrag dat u zelf betaalt}
    replace: {en: your own contribution}

  - id: excess-charge
    match: {en: excesses}
    suggest: {en: extra charge}

  - id: hereby
    match: {en: hereby}

  - id: claim
    match: {en: claim, nl: schadeclaim}
    suggest: {en: your request}
    replace: {de: Anfrage}

  - id: pasted
    match: {en: "\\u00ad"}
    suggest: {en: nothing}
"""

CLEAN = """\
glossary: acme-claims
languages: [en]
terms:
  - id: claim
    match: {en: claim}
    suggest: {en: [your request, request]}
    replace: {en: request}
  - id: policyholder
    match: {en: policyholder}
    suggest: {en: you}
canned:
  - id: do-not-hesitate
    match: {en: "{do not|don't} hesitate to contact us"}
    suggest: {en: "Say how: 'Call Anna on 020 123 4567.'"}
"""

BROKEN = """\
glossary: acme-broken
extends: [./missing.yaml]
terms:
  - id: claim
    match: {en: claim}
    severity: urgent
  - match: {en: policyholder}
    suggest: {en: you}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in (("letters.yaml", LETTERS), ("clean.yaml", CLEAN), ("broken.yaml", BROKEN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_validate_lists_every_warning_with_file_and_line(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["glossary", "validate", "letters.yaml"])
    assert result.exit_code == 0
    assert result.stdout == (
        "letters.yaml:5: warning: entry 'deductible': replace.en 'your own contribution' is in no suggest.en, so the message and --fix disagree\n"
        "letters.yaml:10: warning: entry 'excess-charge': match.en 'excesses' is also a phrase of 'deductible' (line 5); "
        "one span gets one finding, so only one of them is reported\n"
        "letters.yaml:14: warning: entry 'hereby' has no suggestion: findings will not tell the writer what to say instead\n"
        "letters.yaml:17: warning: entry 'claim' matches 'nl' text but has no suggest.nl (nl text falls back to 'en')\n"
        "letters.yaml:17: warning: entry 'claim': replace.de is never used (no match.de or match.any)\n"
        "letters.yaml:22: warning: entry 'pasted': match.en '\\xad' has no words and can never match\n"
        "letters.yaml: OK with 6 warnings (5 terms, 0 canned phrases)\n"
    )


def test_validate_errors_exit_2_and_name_every_file(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["glossary", "validate", "clean.yaml", "broken.yaml"])
    assert result.exit_code == 2
    assert result.stdout == (
        "clean.yaml: OK (2 terms, 1 canned phrase)\n"
        "broken.yaml:6: error: unknown severity 'urgent' (expected one of: info, warning, error)\n"
        f"broken.yaml:2: error: extends: cannot find './missing.yaml' (looked for {folder / 'missing.yaml'})\n"
        "broken.yaml:4: warning: entry 'claim' has no suggestion: findings will not tell the writer what to say instead\n"
        "broken.yaml: 2 errors, 1 warning\n"
    )


def test_validate_strict_fails_on_warnings(folder: Path) -> None:
    (folder / "nosuggest.yaml").write_text("glossary: x\nterms:\n  - id: hereby\n    match: {en: hereby}\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["glossary", "validate", "nosuggest.yaml"]).exit_code == 0
    strict = runner.invoke(cli, ["glossary", "validate", "--strict", "nosuggest.yaml"])
    assert (strict.exit_code, strict.stdout.splitlines()[-1]) == (1, "nosuggest.yaml: OK with 1 warning (1 term, 0 canned phrases)")


def test_validate_in_a_real_subprocess(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jargonlint", "glossary", "validate", "clean.yaml", "missing.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (2, "")
    assert (
        done.stdout == "clean.yaml: OK (2 terms, 1 canned phrase)\nmissing.yaml: error: file not found\nmissing.yaml: 1 error, 0 warnings\n"
    )


BASE = """\
glossary: acme-base
languages: [en, fr]
terms:
  - id: claim
    match: {en: claim, fr: sinistre}
    suggest: {en: your request, fr: votre demande}
  - id: deductible
    match: {en: deductible, fr: franchise}
    suggest: {en: the amount you pay yourself, fr: le montant à votre charge}
acronyms:
  allow: [IBAN]
  define: {SLA: {en: service level agreement, fr: accord de niveau de service}}
"""

BRANCH = """\
glossary: acme-brussels
extends: [./base.yaml]
terms:
  - id: claim
    match: {fr: déclaration de sinistre}
    suggest: {fr: votre demande}
    replace: {fr: demande}
ignore: [franchise postale]
"""


@pytest.fixture
def branch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "branch.yaml").write_text(BRANCH, encoding="utf-8")
    return tmp_path / "branch.yaml"


def test_show_prints_the_merged_glossary_with_provenance(branch: Path) -> None:
    result = CliRunner().invoke(cli, ["glossary", "show", "--no-builtin", "--isolated", "-g", "branch.yaml"])
    assert result.exit_code == 0
    assert result.stdout == (
        "# The effective glossary: these files merged in this order (a later id overrides an earlier one).\n"
        "#   1. base.yaml (acme-base)\n"
        "#   2. branch.yaml (acme-brussels)\n"
        "sources:\n"
        "  - {glossary: acme-base, path: base.yaml, entries: 2}\n"
        "  - {glossary: acme-brussels, path: branch.yaml, entries: 1}\n"
        "\n"
        "terms:\n"
        "  - id: deductible\n"
        "    from: acme-base (base.yaml:7)\n"
        "    match: {en: deductible, fr: franchise}\n"
        "    suggest: {en: the amount you pay yourself, fr: le montant à votre charge}\n"
        "\n"
        "  - id: claim\n"
        "    from: acme-brussels (branch.yaml:4)\n"
        "    match: {fr: déclaration de sinistre}\n"
        "    suggest: {fr: votre demande}\n"
        "    replace: {fr: demande}\n"
        "canned: []\n"
        "\n"
        "acronyms:\n"
        "  allow: [IBAN]\n"
        "  define:\n"
        "    SLA: {en: service level agreement, fr: accord de niveau de service, from: acme-base}\n"
        "  unknown: warning\n"
        "ignore: [franchise postale]\n"
        "\n"
        "overridden:\n"
        "  - {id: claim, from: 'acme-base (base.yaml:4)', by: 'acme-brussels (branch.yaml:4)'}\n"
    )


def test_show_for_one_language_as_json(branch: Path) -> None:
    result = CliRunner().invoke(
        cli, ["glossary", "show", "--no-builtin", "--isolated", "-g", "branch.yaml", "--lang", "en", "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["language"] == "en"
    assert data["terms"] == [
        {"id": "deductible", "from": "acme-base (base.yaml:7)", "match": ["deductible"], "suggest": ["the amount you pay yourself"]}
    ]
    assert data["acronyms"]["define"] == {"SLA": {"en": "service level agreement", "from": "acme-base"}}
    # The Brussels 'claim' has no English phrase, so overriding it silently dropped the English one: show says so.
    assert data["overridden"] == [{"id": "claim", "from": "acme-base (base.yaml:4)", "by": "acme-brussels (branch.yaml:4)"}]


def test_show_reports_an_invalid_glossary(branch: Path) -> None:
    (branch.parent / "base.yaml").write_text("glossary: acme-base\nterms: nothing\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "show", "--no-builtin", "--isolated", "-g", "branch.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "error: invalid glossary (1 problem):\n  base.yaml:2: 'terms' must be a list of entries, got str 'nothing'\n"
