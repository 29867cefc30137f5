"""``--format text``: ``path:line:col: severity [rule:id] message``, the source line with a
caret under the span, the suggestion, and a summary."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

import click

from jargonlint.finding import Finding, Severity
from jargonlint.report import Report
from jargonlint.reporters import OutputOptions

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _excerpt(finding: Finding, source: str, color: bool) -> list[str]:
    lines = source.split("\n")
    if not 1 <= finding.line <= len(lines):
        return []
    line_text = lines[finding.line - 1].rstrip("\r").expandtabs(1)
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line_text)
    gutter = str(finding.line)
    pad = " " * len(gutter)
    caret = " " * _width(line_text[:start]) + "^" * max(1, _width(line_text[start:end]))
    if color:
        caret = click.style(caret, fg=_COLORS[finding.severity], bold=True)
    out = [f"{pad} |", f"{gutter} | {line_text}", f"{pad} | {caret}"]
    if finding.suggestions:
        label = "help" if finding.rule == "canned" else "suggestion"
        out.append(f"{pad} = {label}: " + " | ".join(finding.suggestions))
    return out


def render_finding(report: Report, finding: Finding, color: bool) -> list[str]:
    """The lines shown for one finding."""
    where = f"{report.path}:{finding.line}:{finding.column}:"
    part = f" ({finding.part})" if finding.part else ""
    severity = finding.severity.label
    if color:
        where = click.style(where, bold=True)
        severity = click.style(severity, fg=_COLORS[finding.severity], bold=True)
    head = f"{where}{part} {severity} [{finding.code}] {finding.message} [{finding.lang}]"
    return [head, *_excerpt(finding, report.sources.get(finding.part, ""), color)]


def summary(reports: Sequence[Report]) -> str:
    """``Found 3 findings (1 error, 2 warnings) in 2 of 5 files; languages: en 3, fr 2.``"""
    findings = [f for r in reports for f in r.findings]
    by_severity = Counter(f.severity for f in findings)
    languages = Counter(r.language for r in reports)
    language_text = ", ".join(f"{lang} {count}" for lang, count in sorted(languages.items()))
    files = _plural(len(reports), "file")
    if not findings:
        return f"No findings in {files} (languages: {language_text})." if reports else "No files to check."
    parts = ", ".join(_plural(by_severity[s], s.label) for s in sorted(by_severity, reverse=True))
    with_findings = sum(1 for r in reports if r.findings)
    return f"Found {_plural(len(findings), 'finding')} ({parts}) in {with_findings} of {files} (languages: {language_text})."


def render(reports: Sequence[Report], options: OutputOptions) -> str:
    """The whole text output."""
    out: list[str] = []
    for report in reports:
        if report.findings and not options.quiet:
            languages = ", ".join(report.languages)
            title = f"{report.path} [{languages}]"
            out.append(click.style(title, underline=True) if options.color else title)
        for finding in report.findings:
            out.extend(
                render_finding(report, finding, options.color) if not options.quiet else render_finding(report, finding, options.color)[:1]
            )
        if report.findings and not options.quiet:
            out.append("")
    if not options.quiet:
        out.append(summary(reports))
    return "\n".join(out) + ("\n" if out else "")
