"""Assertions shared by the document-format tests: every finding is an exact slice of its source."""

from __future__ import annotations

from jargonlint import Report

Row = tuple[str, str, str, int, int, str]


def assert_offsets_point_at_text(report: Report) -> None:
    """Each finding's offsets are inside its source (the file, or its e-mail part) and slice out its text."""
    for finding in report.findings:
        source = report.sources[finding.part]
        assert 0 <= finding.start <= finding.end <= len(source)
        assert source[finding.start : finding.end] == finding.text


def rows(report: Report) -> list[Row]:
    """(rule, id, text, line, column, lang) of each finding, after checking its offsets and position."""
    assert_offsets_point_at_text(report)
    for finding in report.findings:
        before = report.sources[finding.part][: finding.start]
        assert (finding.line, finding.column) == (before.count("\n") + 1, finding.start - (before.rfind("\n") + 1) + 1)
    return [(f.rule, f.id, f.text, f.line, f.column, f.lang) for f in report.findings]


def assert_problems_name_lines(report: Report, source: str) -> None:
    """Every reading problem starts with ``line N`` of the file."""
    for problem in report.problems:
        assert 1 <= int(problem.split(":")[0].removeprefix("line ")) <= source.count("\n") + 1
