"""The check command: output formats, exit codes, stdin, bad input; in-process and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from jargonlint.cli import cli, main

ACME = str(Path(__file__).parent / "fixtures" / "glossaries" / "acme.yaml")
LETTER = "Dear Ms Smith,\n\nWe apologise for any delay. Your deductible\nis 200 euros under the SLA.\n"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def test_text_output_points_at_the_span(letter: Path) -> None:
    code, out, _ = run("check", "--no-builtin", "-g", ACME, str(letter))
    assert code == 1
    assert out.splitlines() == [
        f"{letter} [en]",
        f'{letter}:3:1: warning [canned:sorry-inconvenience] "We apologise for any delay" is a canned phrase: '
        "Say what went wrong and what you are doing about it. [en]",
        "  |",
        "3 | We apologise for any delay. Your deductible",
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "  = help: Say what went wrong and what you are doing about it.",
        f'{letter}:3:34: warning [jargon:deductible] "deductible" is jargon: say "the amount you pay yourself" [en]',
        "  |",
        "3 | We apologise for any delay. Your deductible",
        "  |                                  ^^^^^^^^^^",
        "  = suggestion: the amount you pay yourself",
        f'{letter}:4:24: warning [acronym:SLA] "SLA" is not explained: write "service level agreement (SLA)" at its first use [en]',
        "  |",
        "4 | is 200 euros under the SLA.",
        "  |                        ^^^",
        "  = suggestion: service level agreement (SLA)",
        "",
        "Found 3 findings (3 warnings) in 1 of 1 file (languages: en 1).",
    ]


def test_no_colour_when_not_a_terminal(letter: Path) -> None:
    _, out, _ = run("check", "--no-builtin", "-g", ACME, str(letter))
    assert "\x1b[" not in out


def test_json_output_is_valid_and_offsets_are_exact(letter: Path) -> None:
    code, out, _ = run("check", "--no-builtin", "-g", ACME, "--format", "json", str(letter))
    assert code == 1
    data = json.loads(out)
    schema = json.loads(resources.files("jargonlint.reporters").joinpath("report-v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["summary"] == {"files": 1, "findings": 3}
    [file] = data["files"]
    assert file["language"] == "en"
    source = letter.read_text(encoding="utf-8")
    assert [(f["rule"], f["id"], f["text"]) for f in file["findings"]] == [
        ("canned", "sorry-inconvenience", "We apologise for any delay"),
        ("jargon", "deductible", "deductible"),
        ("acronym", "SLA", "SLA"),
    ]
    for finding in file["findings"]:
        assert source[finding["start"] : finding["end"]] == finding["text"]


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_decides_the_exit_code(letter: Path, fail_on: str, code: int) -> None:
    assert run("check", "--no-builtin", "-g", ACME, "--fail-on", fail_on, str(letter))[0] == code


def test_clean_and_empty_input_exit_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run("check", "--no-builtin", "-g", ACME, str(empty))
    assert (code, out) == (0, "No findings in 1 file (languages: en 1).\n")
    assert run("check", "--no-builtin", "-g", ACME, "-", input="")[0] == 0


def test_stdin_with_a_file_name_hint() -> None:
    code, out, _ = run(
        "check", "--no-builtin", "-g", ACME, "--stdin-filename", "brief.fr.txt", "-q", "-", input="Votre franchise est de 200 euros."
    )
    assert code == 1
    assert out == 'brief.fr.txt:1:7: warning [jargon:deductible] "franchise" is jargon: say "le montant qui reste à votre charge" [fr]\n'


def test_lang_flag_forces_the_language(letter: Path) -> None:
    _, out, _ = run("check", "--no-builtin", "-g", ACME, "--lang", "nl", "--format", "json", str(letter))
    assert json.loads(out)["files"][0]["language"] == "nl"
    code, _, err = run("check", "--lang", "klingon", str(letter))
    assert code == 2 and "unknown language code 'klingon'" in err


def test_folders_are_walked_with_default_excludes(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "a.txt").write_text("Your deductible.", encoding="utf-8")
    (tmp_path / "letters" / "b.md").write_text("Your excess.", encoding="utf-8")
    (tmp_path / "letters" / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "my-env").mkdir()
    (tmp_path / "my-env" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    (tmp_path / "my-env" / "README.txt").write_text("Your deductible.", encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "c.txt").write_text("Your deductible.", encoding="utf-8")
    code, out, _ = run("check", "--no-builtin", "-g", ACME, "--isolated", "--format", "json", str(tmp_path))
    assert code == 1
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["a.txt", "b.md"]


def test_bad_glossary_exits_2_with_every_problem(tmp_path: Path, letter: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("glossary: bad\nterms:\n  - id: a\n    match: {en: 'x {y'}\n    colour: red\n", encoding="utf-8")
    code, out, err = run("check", "--no-builtin", "-g", str(bad), str(letter))
    assert (code, out) == (2, "")
    assert "invalid glossary (2 problems):" in err
    assert f"{os.path.relpath(bad)}:5: unknown key 'colour'" in err or f"{bad}:5: unknown key 'colour'" in err
    assert ":4: match.en: '{' without a matching '}' in 'x {y'" in err


def test_unreadable_binary_and_non_utf8_files(tmp_path: Path, letter: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Votre franchise a été appliquée à la déclaration, merci.\n".encode("cp1252"))
    code, out, err = run(
        "check", "--no-builtin", "-g", ACME, "--format", "json", str(tmp_path / "missing.txt"), str(binary), str(latin), str(letter)
    )
    assert code == 2
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in err
    assert f"error: {binary}: binary file, not linted" in err
    assert "not valid UTF-8 (first bad byte on line 1); read as" in err
    files = json.loads(out)["files"]
    assert [Path(f["path"]).name for f in files] == ["latin.txt", "letter.txt"]
    assert [f["text"] for f in files[0]["findings"]] == ["franchise"]


def test_config_file_is_discovered_and_validated(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    letter = tmp_path / "letters" / "a.txt"
    letter.write_text("Our deductible and our claim.", encoding="utf-8")
    (tmp_path / "jargonlint.toml").write_text(
        f'glossaries = ["{ACME}"]\nbuiltin = false\nfail-on = "error"\ndisable = ["jargon:claim"]\n', encoding="utf-8"
    )
    code, out, _ = run("check", "--format", "json", str(letter))
    assert code == 0  # a warning only, and fail-on = error
    assert [f["id"] for f in json.loads(out)["files"][0]["findings"]] == ["deductible"]
    (tmp_path / "jargonlint.toml").write_text('colour = "red"\nfail-on = "loud"\n', encoding="utf-8")
    code, _, err = run("check", str(letter))
    assert code == 2
    assert "jargonlint.toml:1: unknown setting 'colour'" in err
    assert "jargonlint.toml:2: 'fail-on': unknown severity 'loud'" in err
    assert run("check", "--isolated", "--no-builtin", "-g", ACME, str(letter))[0] == 1


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.jargonlint]\nglossaries = ["{ACME}"]\nbuiltin = false\nlanguages = ["fr"]\n', encoding="utf-8"
    )
    letter = tmp_path / "l.txt"
    letter.write_text("Your deductible and your excess are high, we wrote in this long enough letter.", encoding="utf-8")
    _, out, _ = run("check", "--format", "json", str(letter))
    assert json.loads(out)["files"][0]["language"] == "fr"


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("jargonlint, version ")
    code, out, _ = run("check", "--help")
    assert code == 0 and "jargonlint check letter.txt" in out


def test_usage_error_exits_2() -> None:
    assert main(["check", "--format", "nope"]) == 2


def test_real_process(letter: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jargonlint", "check", "--no-builtin", "-g", ACME, "--format", "json", str(letter)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"] == {"files": 1, "findings": 3}


def test_cp1252_letters_are_read_as_cp1252(tmp_path: Path) -> None:
    letter = tmp_path / "facture.txt"
    letter.write_bytes("Votre franchise de 250 € est à régler.\n".encode("cp1252"))
    code, out, err = run("check", "--no-builtin", "-g", ACME, "--lang", "fr", "--format", "json", str(letter))
    assert code == 1
    assert "read as windows-1252" in err
    [finding] = json.loads(out)["files"][0]["findings"]
    assert finding["text"] == "franchise"
