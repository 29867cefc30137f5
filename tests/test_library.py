"""The library API: one Linter, many calls, many threads; exact offsets; no printing; typed errors."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jargonlint
from jargonlint import Finding, JargonlintError, Linter, LintError, Report, Severity
from jargonlint.linter import keep_case

LETTERS = [
    ("en", "We apologize for any inconvenience. Your deductible is due. Our SLA applies and the KYC check too."),
    ("fr", "Nous nous excusons pour la gêne occasionnée. Votre franchise et vos franchises sont dues, merci de votre patience."),
    ("nl", "Excuses voor het ongemak. Uw eigen risico is verhoogd; geen probleem, wij helpen u graag verder met uw polis."),
    ("zh", "给您带来的不便，敬请谅解。您的免赔额已更新，我们的CRM系统会通知您。"),
]


def signature(report: Report) -> list[tuple[str, str, int, int, str]]:
    return [(f.rule, f.id, f.start, f.end, f.lang) for f in report.findings]


def test_public_api_is_exported() -> None:
    for name in (
        "Linter",
        "Finding",
        "Report",
        "Severity",
        "GlossaryError",
        "ConfigError",
        "FileError",
        "LintError",
        "JargonlintError",
        "Fix",
        "Edit",
    ):
        assert hasattr(jargonlint, name)
    assert (Path(jargonlint.__file__).parent / "py.typed").is_file()


def test_same_linter_from_many_threads_gives_the_same_results(acme_linter: Linter) -> None:
    expected = {text: signature(acme_linter.lint(text)) for _, text in LETTERS}
    assert all(expected.values())
    jobs = [text for _, text in LETTERS] * 50
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda text: (text, signature(acme_linter.lint(text))), jobs))
    assert all(result == expected[text] for text, result in results)


def test_fresh_linter_warms_up_safely_from_many_threads(acme_glossary: Path) -> None:
    linter = Linter([acme_glossary], builtin=False)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda item: (item[0], linter.lint(item[1]).language), LETTERS * 4))
    assert all(lang == detected for lang, detected in results)


def test_lint_never_prints(acme_linter: Linter, capsys: pytest.CaptureFixture[str]) -> None:
    acme_linter.lint(LETTERS[0][1])
    acme_linter.lint("")
    assert capsys.readouterr() == ("", "")


def test_findings_are_complete_values(acme_linter: Linter) -> None:
    report = acme_linter.lint("Line one.\nOur claim and your deductible.", path="letter.en.txt")
    claim, deductible = report.findings
    assert isinstance(claim, Finding)
    assert (claim.line, claim.column, claim.end_line, claim.end_column) == (2, 5, 2, 10)
    assert claim.fix is not None and claim.fix.edits[0].content == "request"
    assert deductible.severity is Severity.WARNING and deductible.glossary == "acme-insurance"
    assert report.path == "letter.en.txt" and report.language == "en"


def test_multi_line_finding_positions(acme_linter: Linter) -> None:
    [finding] = acme_linter.lint("Nous nous excusons pour la gêne\noccasionnée.", lang="fr").findings
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 2, 12)


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [("claim", "request", "request"), ("Claim", "request", "Request"), ("CLAIM", "request", "REQUEST")],
)
def test_fix_keeps_the_case_of_the_original(original: str, replacement: str, expected: str) -> None:
    assert keep_case(original, replacement) == expected


def test_internal_errors_are_wrapped(acme_linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(acme_linter, "_lint", explode)
    with pytest.raises(LintError) as caught:
        acme_linter.lint("x")
    assert isinstance(caught.value, JargonlintError) and isinstance(caught.value.__cause__, RuntimeError)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "deductible",
                "Excess",
                "franchise",
                "SLA",
                "KYC",
                "we apologise for any",
                "delay",
                "\n",
                "\n\n",
                "  ",
                ".",
                "免赔额",
                "给您带来的不便，敬请谅解",
                "é",
                "\u00ad",
                "R&D",
                "{{ x }}",
                "\ufffc",
            ]
        )
        | st.text(max_size=8),
        max_size=30,
    ).map(" ".join),
)
def test_every_finding_is_an_exact_slice_of_the_input(acme_linter: Linter, text: str) -> None:
    report = acme_linter.lint(text)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        lines = text.split("\n")
        assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.text.split("\n")[0])


def test_broken_messages_raise_only_documented_errors(acme_linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    import email

    import jargonlint.linter as linter_module

    def explode(_: object) -> list[object]:
        raise ValueError("garbled MIME")

    monkeypatch.setattr(linter_module, "read_message", explode)
    with pytest.raises(LintError) as caught:
        acme_linter.lint_message(email.message_from_string("Subject: x\n\nbody"))
    assert isinstance(caught.value.__cause__, ValueError)
