"""``glossary import --from csv`` and ``export --to csv``: one column per language."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jargonlint.cli import cli
from jargonlint.glossary.loader import load_glossaries
from jargonlint.glossary.writer import glossary_data

SHEET = Path(__file__).parent / "fixtures" / "csv" / "insurer-terms.csv"

EXPECTED_YAML = """\
glossary: acme-csv
description: Imported from insurer-terms.csv.
languages: [en, fr, de, nl]

terms:
  - id: deductible
    match: {en: [deductible, excess], fr: franchise, de: Selbstbeteiligung, nl: eigen risico}
    suggest:
      en: the amount you pay yourself
      fr: le montant à votre charge
      de: der Betrag, den Sie selbst zahlen
      nl: het bedrag dat u zelf betaalt
    note: Customers rarely know this insurance word.

  - id: claim
    match: {en: claim, fr: sinistre, de: Schadensfall, nl: schadegeval}
    suggest: {en: your request, fr: votre demande, de: Ihre Meldung, nl: uw aanvraag}
    replace: {en: request, fr: demande}
    severity: info

  - id: policyholder
    match:
      en: policyholder
      fr: preneur d'assurance
      de: Versicherungsnehmer
      nl: verzekeringnemer
    suggest: {en: you, fr: vous, de: Sie, nl: u}
    note: Write to the person; do not name their role.

canned:
  - id: we-apologise-for-any-inconvenience
    match:
      en: we {apologise|apologize} for any inconvenience
      fr: nous nous excusons pour la gêne occasionnée
      de: wir bitten um Entschuldigung für die Unannehmlichkeiten
      nl: excuses voor het ongemak
    suggest: {en: Say what went wrong and what you are doing about it.}
"""

EXPECTED_CSV = """\
id,kind,en,fr,de,nl,suggest_en,suggest_fr,suggest_de,suggest_nl,replace_en,replace_fr,note,severity
deductible,term,deductible; excess,franchise,Selbstbeteiligung,eigen risico,the amount you pay yourself,le montant à votre charge,"der Betrag, den Sie selbst zahlen",het bedrag dat u zelf betaalt,,,Customers rarely know this insurance word.,warning
claim,term,claim,sinistre,Schadensfall,schadegeval,your request,votre demande,Ihre Meldung,uw aanvraag,request,demande,,info
policyholder,term,policyholder,preneur d'assurance,Versicherungsnehmer,verzekeringnemer,you,vous,Sie,u,,,Write to the person; do not name their role.,warning
we-apologise-for-any-inconvenience,canned,we {apologise|apologize} for any inconvenience,nous nous excusons pour la gêne occasionnée,wir bitten um Entschuldigung für die Unannehmlichkeiten,excuses voor het ongemak,Say what went wrong and what you are doing about it.,,,,,,,warning
"""


def test_semicolon_sheet_with_bom_imports_to_exact_yaml() -> None:
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "csv", str(SHEET), "--name", "acme-csv"])
    assert result.exit_code == 0
    assert result.stderr == "imported 4 entries (3 terms, 1 canned phrase) in 4 languages.\n"
    assert result.stdout == (
        f"# Imported by `jargonlint glossary import` from CSV: {SHEET}\n"
        "# imported 4 entries (3 terms, 1 canned phrase) in 4 languages.\n" + EXPECTED_YAML
    )


def test_export_writes_one_column_per_language_and_round_trips(tmp_path: Path) -> None:
    runner = CliRunner()
    glossary = tmp_path / "acme.yaml"
    assert runner.invoke(cli, ["glossary", "import", "--from", "csv", str(SHEET), "--name", "acme-csv", "-o", str(glossary)]).exit_code == 0
    result = runner.invoke(cli, ["glossary", "export", "--to", "csv", "--no-builtin", "--isolated", "-g", str(glossary)])
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_CSV
    assert result.stderr == "exported 4 entries in 4 languages.\n"
    sheet = tmp_path / "acme.csv"
    sheet.write_text(result.stdout, encoding="utf-8")
    again = tmp_path / "again.yaml"
    assert runner.invoke(cli, ["glossary", "import", "--from", "csv", str(sheet), "--name", "acme-csv", "-o", str(again)]).exit_code == 0
    before, after = (glossary_data(load_glossaries([p], builtin=False).glossaries[-1]) for p in (glossary, again))
    assert (before.pop("description"), after.pop("description")) == ("Imported from insurer-terms.csv.", "Imported from acme.csv.")
    assert after == before


def test_flags_and_any_language_columns(tmp_path: Path) -> None:
    sheet = tmp_path / "codes.tsv"
    sheet.write_text("en\tany\tsuggest_any\tcase_sensitive\tinflect\nMTA\te-commerce\tonline shop\tyes\tno\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "csv", str(sheet)])
    assert result.exit_code == 0
    assert result.stdout.split("\n", 2)[2] == (
        "glossary: codes\n"
        "description: Imported from codes.tsv.\n"
        "languages: [en]\n"
        "\n"
        "terms:\n"
        "  - id: mta\n"
        "    match: {en: MTA, any: e-commerce}\n"
        "    suggest: {any: online shop}\n"
        "    case_sensitive: true\n"
        "    inflect: false\n"
    )


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        'id,en,fr,colour,suggest_xx\nok,claim,sinistre,,\n\n"bad id",excess,"franchise,\navec retour à la ligne",,\nempty,,,,,x\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "csv", str(sheet)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot import {sheet} (5 problems):\n"
        f"  {sheet}:1: unknown column 'colour' (expected language codes such as en, suggest_en, replace_en, id, kind, note, severity)\n"
        f"  {sheet}:1: unknown column 'suggest_xx' (expected language codes such as en, suggest_en, replace_en, id, kind, note, severity)\n"
        f"  {sheet}:4: id must be letters, digits, '-', '_' or '.', got 'bad id'\n"
        f"  {sheet}:6: more cells than columns (extra 'x')\n"
        f"  {sheet}:6: no phrase in any language column\n"
    )
