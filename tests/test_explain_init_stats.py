"""``jargonlint explain``, ``init`` and ``stats``: exact output through the CLI and real processes."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from jargonlint import Linter
from jargonlint.cli import cli
from jargonlint.config import load_settings
from jargonlint.glossary.loader import load_glossaries
from jargonlint.rules import acronyms, phrases

ACME = str(Path(__file__).parent / "fixtures" / "glossaries" / "acme.yaml")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def acme_path() -> str:
    """How the loader names the acme glossary file (relative to the current folder)."""
    entry = load_glossaries([ACME], builtin=False).entry("claim")
    assert entry is not None
    return entry.path


# -- explain -------------------------------------------------------------------------------


def test_explain_a_rule_prints_its_documentation() -> None:
    code, out, _ = run("explain", "acronym", "--no-builtin", "-g", ACME)
    assert code == 0
    doc = inspect.cleandoc(acronyms.__doc__ or "").replace("``", "`")
    assert out == f"acronym\n\n{doc}\n\nGlossaries loaded: acme-insurance.\n2 acronyms defined, 2 allowed; unknown acronyms: info.\n"
    for heading in ("\nWhat it does\n", "\nWhy is this bad?\n", "\nExample\n"):
        assert heading in out


def test_explain_jargon_counts_the_loaded_entries() -> None:
    code, out, _ = run("explain", "jargon", "--no-builtin", "-g", ACME)
    assert code == 0
    doc = inspect.cleandoc(phrases.__doc__ or "").replace("``", "`")
    assert out == f"jargon\n\n{doc}\n\nGlossaries loaded: acme-insurance.\n6 `jargon` entries; `jargonlint explain ID` shows one.\n"


def test_explain_an_entry_by_code() -> None:
    code, out, _ = run("explain", "canned:sorry-inconvenience", "--no-builtin", "-g", ACME)
    assert code == 0
    assert out == (
        "canned:sorry-inconvenience\n"
        "\n"
        "Flags:\n"
        '  en: "we {apologize|apologise} for any {inconvenience|trouble|*}"\n'
        '  fr: "nous nous excusons pour la gêne occasionnée"\n'
        '  nl: "excuses voor het ongemak"\n'
        '  zh: "给您带来的不便，敬请谅解"\n'
        "\n"
        "Why it hurts:\n"
        "  (no note in the glossary)\n"
        "\n"
        "Suggestions:\n"
        "  en: Say what went wrong and what you are doing about it.\n"
        "  fr: Dites ce qui s'est passé et ce que vous faites.\n"
        "  nl: Zeg wat er misging en wat u eraan doet.\n"
        "  zh: 说明发生了什么以及您正在做什么。\n"
        "\n"
        "Severity: warning\n"
        f"Defined in: acme-insurance ({acme_path()}:45)\n"
    )


def test_explain_an_entry_by_id_with_replacement_and_matching_options() -> None:
    code, out, _ = run("explain", "mta", "--no-builtin", "-g", ACME)
    assert code == 0
    assert out == (
        "jargon:mta\n"
        "\n"
        "Flags:\n"
        '  en: "MTA"\n'
        "\n"
        "Why it hurts:\n"
        "  Mid-term adjustment, an internal code.\n"
        "\n"
        "Suggestions:\n"
        "  en: change to your policy\n"
        "\n"
        "Severity: error\n"
        "Matching: case_sensitive: true\n"
        f"Defined in: acme-insurance ({acme_path()}:24)\n"
    )
    _, out, _ = run("explain", "claim", "--no-builtin", "-g", ACME)
    assert '\nReplacement (applied by --fix):\n  en: "request"\n' in out


def test_explain_shows_what_an_entry_overrides(tmp_path: Path) -> None:
    override = tmp_path / "branch.yaml"
    override.write_text("glossary: acme-branch\nterms:\n  - id: claim\n    match: {en: claim form}\n    note: The branch says 'form'.\n")
    code, out, _ = run("explain", "jargon:claim", "--no-builtin", "-g", ACME, "-g", str(override))
    assert code == 0
    assert re.search(r"\nDefined in: acme-branch \(\S*branch\.yaml:3\)\nOverrides: acme-insurance \(\S*acme\.yaml:20\)\n$", out), out


def test_explain_acronyms() -> None:
    assert run("explain", "SLA", "--no-builtin", "-g", ACME) == (
        0,
        "acronym:SLA\n\n"
        "Flagged at its first use unless it is explained there, as in:\n"
        "  en: service level agreement (SLA)\n"
        "  fr: accord de niveau de service (SLA)\n"
        "\n"
        "Defined in: acme-insurance\n",
        "",
    )
    assert run("explain", "acronym:PDF", "--no-builtin", "-g", ACME) == (
        0,
        "acronym:PDF\n\nAllowed: never flagged (customers know it).\n",
        "",
    )


def test_explain_unknown_name_exits_2_with_close_matches() -> None:
    code, out, err = run("explain", "deductable", "--no-builtin", "-g", ACME)
    assert (code, out) == (2, "")
    assert err == (
        "error: no rule, glossary entry or acronym named 'deductable'. Did you mean: deductible, jargon:deductible?\n"
        "Rules: jargon, canned, acronym, suppression; or an entry id from the loaded glossaries.\n"
    )
    code, _, err = run("explain", "jargon:sorry-inconvenience", "--no-builtin", "-g", ACME)
    assert code == 2
    assert "Did you mean: canned:sorry-inconvenience, sorry-inconvenience?" in err


def test_explain_respects_config_and_no_builtin(tmp_path: Path) -> None:
    config = tmp_path / "jargonlint.toml"
    config.write_text(f'glossaries = ["{ACME}"]\nbuiltin = false\n', encoding="utf-8")
    code, out, _ = run("explain", "geen-probleem", "--config", str(config))
    assert code == 0 and out.startswith("canned:geen-probleem\n")
    assert run("explain", "geen-probleem", "--isolated", "--no-builtin")[0] == 2


def test_explain_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jargonlint", "explain", "deductible", "--no-builtin", "--isolated", "-g", ACME],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:4] == ["jargon:deductible", "", "Flags:", '  en: "deductible", "excess"']
    assert "Why it hurts:\n  Customers rarely know this insurance word.\n" in result.stdout


# -- init ----------------------------------------------------------------------------------


def uncomment(glossary: str) -> str:
    """The glossary with its examples switched on: '# ' removed before YAML lines."""
    lines, body = [], False
    for line in glossary.splitlines():
        body = body or line.startswith("languages:")
        if body and line.startswith("# ") and (line[2:].startswith(" ") or re.match(r"[a-z]+:", line[2:])):
            line = line[2:]
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "letter-templates"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_init_creates_config_and_glossary(project: Path) -> None:
    code, out, err = run("init", "--lang", "fr", "--lang", "NL", "--org", "Acme Insurance")
    assert (code, err) == (0, "")
    assert out == (
        "Created jargonlint.toml and glossary.yaml (languages: fr, nl).\n"
        "Next: add your organisation's words to glossary.yaml, then run `jargonlint check`.\n"
    )
    config = tomllib.loads((project / "jargonlint.toml").read_text(encoding="utf-8"))
    assert config == {"glossaries": ["glossary.yaml"], "languages": ["fr", "nl"], "default-language": "fr", "fail-on": "warning"}
    settings = load_settings(project / "jargonlint.toml")
    assert settings.glossaries == (str(project / "glossary.yaml"),)
    glossary = load_glossaries([project / "glossary.yaml"], builtin=False)
    assert [g.name for g in glossary.glossaries] == ["acme-insurance"]
    assert glossary.languages == ("fr", "nl") and glossary.entries == ()


def test_init_examples_are_in_the_languages_asked_for_and_work_when_uncommented(project: Path) -> None:
    run("init", "--lang", "fr", "--lang", "nl", "--org", "Acme Insurance")
    text = (project / "glossary.yaml").read_text(encoding="utf-8")
    assert "#       fr: franchise\n#       nl: eigen risico\n" in text
    assert "#       en:" not in text
    (project / "glossary.yaml").write_text(uncomment(text), encoding="utf-8")
    # Without the built-in packs, whose entries may also flag these phrases.
    linter = Linter(settings=dataclasses.replace(load_settings(project / "jargonlint.toml"), builtin=False))
    assert [e.id for e in linter.glossary.entries if e.glossary == "acme-insurance"] == ["deductible", "officialese", "do-not-hesitate"]
    assert linter.glossary.define["SLA"] == {"fr": "accord de niveau de service", "nl": "dienstverleningsovereenkomst"}
    letter = "Madame,\n\nVotre franchise reste de 150 euros. Nous traiterons votre dossier dans les meilleurs délais.\n"
    report = linter.lint(letter, lang="fr")
    assert [(f.code, f.text) for f in report.findings] == [
        ("jargon:deductible", "franchise"),
        ("jargon:officialese", "dans les meilleurs délais"),
    ]
    assert report.findings[1].fix is not None and report.findings[1].fix.edits[0].content == "rapidement"


def test_init_without_examples_for_a_language_falls_back_to_english(project: Path) -> None:
    code, _, _ = run("init", "--lang", "pl")
    assert code == 0
    text = (project / "glossary.yaml").read_text(encoding="utf-8")
    assert "# No examples in pl: write yours like the en ones.\n" in text
    assert "glossary: letter-templates\n" in text  # named after the folder
    assert "#       en: deductible\n" in text
    load_glossaries([project / "glossary.yaml"], builtin=False)


def test_init_refuses_to_overwrite_unless_forced(project: Path) -> None:
    (project / "glossary.yaml").write_text("glossary: ours\n", encoding="utf-8")
    code, out, err = run("init", "--lang", "de")
    assert (code, out, err) == (2, "", "error: glossary.yaml already exists; use --force to overwrite.\n")
    assert sorted(p.name for p in project.iterdir()) == ["glossary.yaml"]
    assert run("init", "--lang", "de", "--force")[0] == 0
    assert "languages: [de]\n" in (project / "glossary.yaml").read_text(encoding="utf-8")
    assert run("init")[2] == "error: jargonlint.toml and glossary.yaml already exist; use --force to overwrite.\n"


def test_init_rejects_unknown_languages(project: Path) -> None:
    code, _, err = run("init", "--lang", "elvish")
    assert code == 2 and "unknown language code 'elvish'" in err
    assert list(project.iterdir()) == []


def test_init_real_process_then_check_uses_the_config(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jargonlint", "init", "--lang", "en", "--org", "Acme"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    (project / "glossary.yaml").write_text(uncomment((project / "glossary.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    (project / "letter.txt").write_text("Repairs commence on Monday. Your deductible is 100 euros.\n", encoding="utf-8")
    code, out, _ = run("check", "--no-builtin", "--format", "json", "letter.txt")
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["rule"], f["id"], f["text"]) for f in findings] == [
        ("jargon", "officialese", "commence"),
        ("jargon", "deductible", "deductible"),
    ]


# -- stats ---------------------------------------------------------------------------------


@pytest.fixture
def letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "delay.en.txt").write_text(
        "Dear Ms Okafor,\n\nWe apologise for any delay with your claim. Your deductible\nis 200 euros under the SLA.\n", encoding="utf-8"
    )
    (folder / "franchise.fr.txt").write_text(
        "Madame,\n\nVotre franchise reste de 150 euros. Nous nous excusons pour la gêne occasionnée.\nN'hésitez pas à nous contacter.\n",
        encoding="utf-8",
    )
    (folder / "thanks.en.txt").write_text("Dear Mr Lee,\n\nThank you for your letter of 3 May.\n", encoding="utf-8")
    return tmp_path


STATS_TEXT = """By rule
  rule     findings  files
  canned          3      2
  jargon          3      2
  acronym         1      1

By entry
  entry                       findings  files
  canned:sorry-inconvenience         2      2
  jargon:deductible                  2      2
  acronym:SLA                        1      1
  canned:do-not-hesitate             1      1
  jargon:claim                       1      1

By language
  language  findings  files
  en               4      1
  fr               3      1

By file
  file                      language  findings
  letters/delay.en.txt      en               4
  letters/franchise.fr.txt  fr               3

7 findings in 2 of 3 files.
"""


def test_stats_text_tables(letters: Path) -> None:
    assert run("stats", "--no-builtin", "--isolated", "-g", ACME, "letters") == (0, STATS_TEXT, "")


def test_stats_json(letters: Path) -> None:
    code, out, _ = run("stats", "--no-builtin", "--isolated", "-g", ACME, "--format", "json", "letters")
    assert code == 0
    assert json.loads(out) == {
        "version": 1,
        "rules": [
            {"name": "canned", "findings": 3, "files": 2},
            {"name": "jargon", "findings": 3, "files": 2},
            {"name": "acronym", "findings": 1, "files": 1},
        ],
        "entries": [
            {"name": "canned:sorry-inconvenience", "findings": 2, "files": 2},
            {"name": "jargon:deductible", "findings": 2, "files": 2},
            {"name": "acronym:SLA", "findings": 1, "files": 1},
            {"name": "canned:do-not-hesitate", "findings": 1, "files": 1},
            {"name": "jargon:claim", "findings": 1, "files": 1},
        ],
        "languages": [{"name": "en", "findings": 4, "files": 1}, {"name": "fr", "findings": 3, "files": 1}],
        "files": [
            {"path": "letters/delay.en.txt", "language": "en", "findings": 4},
            {"path": "letters/franchise.fr.txt", "language": "fr", "findings": 3},
            {"path": "letters/thanks.en.txt", "language": "en", "findings": 0},
        ],
        "summary": {"files": 3, "files_with_findings": 2, "findings": 7},
    }


def test_stats_without_findings_and_with_a_missing_file(letters: Path) -> None:
    assert run("stats", "--no-builtin", "--isolated", "-g", ACME, "letters/thanks.en.txt") == (0, "No findings in 1 file.\n", "")
    code, out, err = run("stats", "--no-builtin", "--isolated", "-g", ACME, "letters/thanks.en.txt", "letters/gone.txt")
    assert (code, out, err) == (2, "No findings in 1 file.\n", "error: letters/gone.txt: no such file\n")


def test_stats_stdin_and_language(letters: Path) -> None:
    code, out, _ = run("stats", "--no-builtin", "--isolated", "-g", ACME, "--lang", "fr", "--format", "json", "-", input="Votre franchise.")
    assert code == 0
    assert json.loads(out)["entries"] == [{"name": "jargon:deductible", "findings": 1, "files": 1}]


def test_stats_real_process(letters: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jargonlint",
            "stats",
            "--no-builtin",
            "--isolated",
            "-g",
            ACME,
            "letters/delay.en.txt",
            "letters/thanks.en.txt",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith(
        "By file\n  file                  language  findings\n  letters/delay.en.txt  en               4\n\n4 findings in 1 of 2 files.\n"
    )


def test_stats_reads_templates_by_format(letters: Path) -> None:
    (letters / "letters" / "paid.tmpl").write_text("<p>We paid your {{ kind }} claim.</p>\n", encoding="utf-8")
    code, out, _ = run(
        "stats", "--no-builtin", "--isolated", "-g", ACME, "--format-in", "jinja-html", "--format", "json", "letters/paid.tmpl"
    )
    assert code == 0
    assert json.loads(out)["entries"] == [{"name": "jargon:claim", "findings": 1, "files": 1}]
