"""``check --fix`` and ``--diff``: safe replacements only, case kept, atomic writes that keep the
file's encoding, newlines and permissions, idempotent; through the CLI and a real process."""

from __future__ import annotations

import codecs
import dataclasses
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jargonlint import Linter
from jargonlint.cli import cli
from jargonlint.documents.base import DocumentBuilder
from jargonlint.finding import Edit, Fix
from jargonlint.fix import apply_fixes, encode_like, safe_fixes, unified_diff

ACME = str(Path(__file__).parent / "fixtures" / "glossaries" / "acme.yaml")
# "claim" has `replace: request` in the acme glossary; "claims" (inflected) and "deductible" have no safe fix.
LETTER = (
    "Dear Mr Byrne,\n"
    "\n"
    "Claim 48213: your claim for the storm damage to your roof is approved.\n"
    "The CLAIM PAYMENT of 1,200 euros reaches your account within five days.\n"
    "Your deductible of 250 euros is taken off, as for all claims.\n"
    "\n"
    "Kind regards,\n"
    "Aoife Brennan\n"
)
FIXED = (
    "Dear Mr Byrne,\n"
    "\n"
    "Request 48213: your request for the storm damage to your roof is approved.\n"
    "The REQUEST PAYMENT of 1,200 euros reaches your account within five days.\n"
    "Your deductible of 250 euros is taken off, as for all claims.\n"
    "\n"
    "Kind regards,\n"
    "Aoife Brennan\n"
)
DUTCH = "Beste mevrouw Jansen,\n\nGeen probleem: wij passen uw adres vandaag aan.\nMet vriendelijke groet,\nEls de Vries"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-builtin", "--isolated", "-g", ACME, *args], input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "approval.txt"
    path.write_bytes(LETTER.encode("utf-8"))
    return path


# -- applying edits ------------------------------------------------------------------------


def test_apply_fixes_in_source_order_and_skips_overlaps() -> None:
    text = "your claim and your claim form"
    fixes = [
        Fix((Edit(20, 25, "request"),)),
        Fix((Edit(5, 10, "request"),)),
        Fix((Edit(8, 14, "X"),)),  # overlaps the first edit in source order: skipped whole
    ]
    assert apply_fixes(text, fixes) == ("your request and your request form", 2)


def test_apply_fixes_counts_only_changes() -> None:
    assert apply_fixes("your request", [Fix((Edit(5, 12, "request"),))]) == ("your request", 0)


def test_unsafe_fixes_and_email_parts_are_not_applied(acme_linter: Linter) -> None:
    report = acme_linter.lint("Your claim.", lang="en")
    [finding] = report.findings
    assert finding.fix is not None
    assert safe_fixes(report.findings) == [finding.fix]
    unsafe = dataclasses.replace(finding, fix=Fix(finding.fix.edits, safe=False))
    in_part = dataclasses.replace(finding, part="text/html")
    assert safe_fixes([unsafe, in_part]) == []


def test_no_fix_inside_markup_or_for_inflected_forms(acme_linter: Linter) -> None:
    source = "Your cl&#97;im was received; your claims too."
    builder = DocumentBuilder(source)
    builder.copy(0, 5)
    builder.substitute("cl", 5, 7)
    builder.substitute("a", 7, 12)  # an entity: not verbatim source text
    builder.copy(12, len(source))
    report = acme_linter.lint_document(builder.build(), lang="en")
    assert [(f.text, f.fix) for f in report.findings] == [("cl&#97;im", None), ("claims", None)]


def test_case_is_kept(acme_linter: Linter) -> None:
    report = acme_linter.lint("Claim 1: the claim. CLAIM 2.", lang="en")
    assert [e.content for fix in safe_fixes(report.findings) for e in fix.edits] == ["Request", "request", "REQUEST"]


def test_encode_like_keeps_the_byte_order_mark() -> None:
    for bom, codec in ((codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF8, "utf-8")):
        assert encode_like("Your request", bom + "Your claim".encode(codec), "ignored") == bom + "Your request".encode(codec)
    assert encode_like("café", "cafe".encode("cp1252"), "cp1252") == "café".encode("cp1252")


# -- check --fix -----------------------------------------------------------------------------


def test_fix_writes_the_file_and_reports_what_remains(letter: Path) -> None:
    code, out, err = run("--fix", "-q", "approval.txt")
    assert code == 1  # the deductible and "claims" remain
    assert letter.read_text(encoding="utf-8") == FIXED
    assert out == (
        'approval.txt:5:6: warning [jargon:deductible] "deductible" is jargon: say "the amount you pay yourself" [en]\n'
        'approval.txt:5:55: warning [jargon:claim] "claims" is jargon: say "your request" [en]\n'
    )
    assert err == "Fixed 3 findings in 1 file.\n"


def test_fix_twice_changes_nothing_the_second_time(letter: Path) -> None:
    run("--fix", "approval.txt")
    once = letter.read_bytes()
    before = letter.stat().st_mtime_ns
    code, _, err = run("--fix", "approval.txt")
    assert code == 1
    assert letter.read_bytes() == once
    assert letter.stat().st_mtime_ns == before  # not even rewritten
    assert err == ""


def test_fix_exits_0_when_nothing_remains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bevestiging.txt").write_text(DUTCH, encoding="utf-8")
    code, out, err = run("--fix", "--lang", "nl", "bevestiging.txt")
    assert (code, out, err) == (0, "No findings in 1 file (languages: nl 1).\n", "Fixed 1 finding in 1 file.\n")
    assert Path("bevestiging.txt").read_text(encoding="utf-8") == DUTCH.replace("Geen probleem", "Graag gedaan")


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf-8 crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("utf-8 with bom", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
        ("utf-16 le with bom, crlf", lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")),
        ("utf-16 be with bom", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("cp1252", lambda text: text.replace("euros", "€").encode("cp1252")),
    ],
)
def test_fix_keeps_encoding_and_newlines(letter: Path, name: str, encode: object) -> None:
    assert callable(encode)
    letter.write_bytes(encode(LETTER))
    code, _, err = run("--fix", "--lang", "en", "-q", "approval.txt")
    assert code == 1, err
    assert letter.read_bytes() == encode(FIXED), name


def test_a_file_that_does_not_decode_cleanly_is_not_fixed(letter: Path) -> None:
    damaged = codecs.BOM_UTF8 + LETTER.encode("utf-8").replace(b"Kind", b"K\xffnd")  # invalid UTF-8 after a BOM
    letter.write_bytes(damaged)
    code, _, err = run("--fix", "-q", "approval.txt")
    assert code == 1
    assert "warning: approval.txt: not fixed: the file does not read back identically as utf-8-sig; save it as UTF-8 first" in err
    assert letter.read_bytes() == damaged


def test_fix_keeps_permissions_and_symbolic_links(letter: Path) -> None:
    letter.chmod(0o640)
    link = letter.with_name("latest.txt")
    link.symlink_to(letter.name)
    run("--fix", "latest.txt")
    assert link.is_symlink()
    assert letter.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(letter.stat().st_mode) == 0o640


def test_a_failed_replace_leaves_the_original_intact(letter: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, _, err = run("--fix", "-q", "approval.txt")
    assert code == 2
    assert "error: approval.txt: cannot write the fixes: No space left on device\n" in err
    assert letter.read_bytes() == LETTER.encode("utf-8")
    assert sorted(p.name for p in letter.parent.iterdir()) == ["approval.txt"]  # no temporary file left


def test_a_failed_write_midway_leaves_the_original_intact(letter: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    code, _, err = run("--fix", "approval.txt")
    assert code == 2
    assert "cannot write the fixes: Input/output error" in err
    assert letter.read_bytes() == LETTER.encode("utf-8")
    assert sorted(p.name for p in letter.parent.iterdir()) == ["approval.txt"]


def test_fixes_that_produce_new_jargon_are_fixed_until_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("chain.yaml").write_text(
        "glossary: chain\nterms:\n"
        "  - {id: commence, match: {en: commence}, replace: {en: initiate}}\n"
        "  - {id: initiate, match: {en: initiate}, replace: {en: start}}\n",
        encoding="utf-8",
    )
    Path("notice.txt").write_text("Repairs commence on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-builtin", "--isolated", "-g", "chain.yaml", "--fix", "notice.txt"])
    assert result.exit_code == 0
    assert Path("notice.txt").read_text(encoding="utf-8") == "Repairs start on Monday.\n"
    assert result.stderr == "Fixed 2 findings in 1 file.\n"


def test_replacements_that_never_settle_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("loop.yaml").write_text(
        "glossary: loop\nterms:\n"
        "  - {id: a, match: {en: commence}, replace: {en: initiate}}\n"
        "  - {id: b, match: {en: initiate}, replace: {en: commence}}\n",
        encoding="utf-8",
    )
    Path("notice.txt").write_text("Repairs commence on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-builtin", "--isolated", "-g", "loop.yaml", "--fix", "-q", "notice.txt"])
    assert "warning: notice.txt: fixes did not settle after 10 passes; check the glossary's replacements" in result.stderr


# -- --diff ----------------------------------------------------------------------------------


def test_diff_prints_a_unified_diff_and_writes_nothing(letter: Path) -> None:
    code, out, err = run("--diff", "approval.txt")
    assert code == 1
    assert out == (
        "--- approval.txt\n"
        "+++ approval.txt\n"
        "@@ -1,7 +1,7 @@\n"
        " Dear Mr Byrne,\n"
        " \n"
        "-Claim 48213: your claim for the storm damage to your roof is approved.\n"
        "-The CLAIM PAYMENT of 1,200 euros reaches your account within five days.\n"
        "+Request 48213: your request for the storm damage to your roof is approved.\n"
        "+The REQUEST PAYMENT of 1,200 euros reaches your account within five days.\n"
        " Your deductible of 250 euros is taken off, as for all claims.\n"
        " \n"
        " Kind regards,\n"
    )
    assert err == "Would fix 3 findings in 1 file.\n"
    assert letter.read_bytes() == LETTER.encode("utf-8")


def test_diff_exits_0_when_there_is_nothing_to_fix(letter: Path) -> None:
    letter.write_text(FIXED, encoding="utf-8")
    assert run("--diff", "approval.txt") == (0, "", "No fixes to apply.\n")


def test_diff_marks_a_last_line_without_newline() -> None:
    assert unified_diff("Beste Els,\nGeen probleem", "Beste Els,\nGraag gedaan", "brief.txt") == (
        "--- brief.txt\n+++ brief.txt\n@@ -1,2 +1,2 @@\n Beste Els,\n-Geen probleem\n\\ No newline at end of file\n"
        "+Graag gedaan\n\\ No newline at end of file\n"
    )


def test_diff_to_an_output_file(letter: Path) -> None:
    code, out, _ = run("--diff", "-o", "fixes.patch", "approval.txt")
    assert (code, out) == (1, "")
    assert Path("fixes.patch").read_text(encoding="utf-8").startswith("--- approval.txt\n+++ approval.txt\n@@ -1,7 +1,7 @@\n")


# -- standard input --------------------------------------------------------------------------


def test_stdin_fix_prints_the_fixed_text_and_reports_on_stderr() -> None:
    code, out, err = run("--fix", "-q", "--stdin-filename", "approval.txt", "-", input=LETTER)
    assert code == 1
    assert out == FIXED
    assert err == (
        'approval.txt:5:6: warning [jargon:deductible] "deductible" is jargon: say "the amount you pay yourself" [en]\n'
        'approval.txt:5:55: warning [jargon:claim] "claims" is jargon: say "your request" [en]\n'
        "Fixed 3 findings.\n"
    )


def test_stdin_diff() -> None:
    code, out, _ = run("--diff", "--lang", "nl", "-", input=DUTCH)
    assert code == 1
    assert out.startswith("--- -\n+++ -\n@@ -1,5 +1,5 @@\n Beste mevrouw Jansen,\n \n-Geen probleem: wij")


# -- a real process --------------------------------------------------------------------------


def test_real_process_fix_then_nothing_to_do(letter: Path) -> None:
    command = [sys.executable, "-m", "jargonlint", "check", "--no-builtin", "--isolated", "-g", ACME, "--fix", "-q", "approval.txt"]
    first = subprocess.run(command, capture_output=True, text=True, check=False, cwd=letter.parent)
    assert (first.returncode, first.stderr) == (1, "Fixed 3 findings in 1 file.\n")
    assert letter.read_text(encoding="utf-8") == FIXED
    assert run("--diff", "approval.txt") == (0, "", "No fixes to apply.\n")


# -- markup and templates --------------------------------------------------------------------

TEMPLATE = (
    '<p class="claim"><a href="/claim/{{ claim.id }}">Your claim</a> is approved. '
    "Your cl&#97;im number is {{ claim.number }}.</p>\n"
    "{% if claim.paid %}<p>We paid the claim on {{ claim.paid_on }}.</p>{% endif %}\n"
)


def test_fix_in_a_template_edits_only_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("paid.html.j2").write_text(TEMPLATE, encoding="utf-8")
    code, _, err = run("--fix", "-q", "paid.html.j2")
    assert Path("paid.html.j2").read_text(encoding="utf-8") == TEMPLATE.replace("Your claim<", "Your request<").replace(
        "paid the claim", "paid the request"
    )
    assert (code, err) == (1, "Fixed 2 findings in 1 file.\n")  # the entity-encoded "cl&#97;im" stays flagged


def test_replacements_with_markup_characters_are_not_applied_to_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("tc.yaml").write_text("glossary: tc\nterms:\n  - {id: tcs, match: {en: small print}, replace: {en: terms & conditions}}\n")
    Path("welcome.html").write_text("<p>Read the small print.</p>\n", encoding="utf-8")
    Path("welcome.txt").write_text("Read the small print.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-builtin", "--isolated", "-g", "tc.yaml", "--fix", "-q", "welcome.html", "welcome.txt"])
    assert Path("welcome.html").read_text(encoding="utf-8") == "<p>Read the small print.</p>\n"
    assert Path("welcome.txt").read_text(encoding="utf-8") == "Read the terms & conditions.\n"
    assert result.stderr == "Fixed 1 finding in 1 file.\n"
