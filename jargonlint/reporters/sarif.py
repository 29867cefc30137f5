"""``--format sarif``: a SARIF 2.1.0 log (GitHub code scanning, GitLab, Azure DevOps, IDE viewers).

One run; one rule (``reportingDescriptor``) per ``rule:id`` found, with the glossary
entry's note and suggestions as help; one result per finding. Columns are UTF-16 code
units, SARIF's default (``columnKind: utf16CodeUnits``), which is what viewers count.
A finding in a decoded e-mail part has no region in the file: its part is named instead.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

from jargonlint import __version__
from jargonlint.finding import Finding, Severity
from jargonlint.positions import LineIndex
from jargonlint.report import Report
from jargonlint.reporters import OutputOptions
from jargonlint.reporters.utf16 import utf16_columns, utf16_length

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SUMMARIES = {
    "jargon": "Jargon customers may not understand",
    "canned": "A canned phrase customers skim over",
    "acronym": "An acronym the reader may not know",
    "suppression": "A jargonlint suppression comment that suppresses nothing",
}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (to the repository root), with '/'."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return urllib.parse.quote(os.path.normpath(path).replace(os.sep, "/"))


def _rule(code: str, findings: Sequence[Finding]) -> dict[str, object]:
    first = findings[0]
    summary = _SUMMARIES.get(first.rule, f"Rule {first.rule}")
    suggestions: dict[str, tuple[str, ...]] = {}
    for finding in findings:
        if finding.suggestions and finding.lang not in suggestions:
            suggestions[finding.lang] = finding.suggestions
    about = first.note or f"{summary}."
    text, markdown = [about], [about]
    if suggestions:
        items = [(f"{lang}: " if lang else "") + " | ".join(texts) for lang, texts in sorted(suggestions.items())]
        text.append("Suggestions:\n" + "\n".join(f"  {item}" for item in items))
        markdown.append("**Suggestions**\n\n" + "\n".join(f"- {item}" for item in items))
    text.append(f"Run `jargonlint explain {code}` for details.")
    markdown.append(f"Run `jargonlint explain {code}` for details.")
    properties: dict[str, object] = {"tags": [first.rule]}
    if first.glossary:
        properties["glossary"] = first.glossary
    return {
        "id": code,
        "name": first.id,
        "shortDescription": {"text": f"{summary}: {first.id}"},
        "fullDescription": {"text": first.note or f"{summary}."},
        "help": {"text": "\n".join(text), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[first.severity]},
        "properties": properties,
    }


def _region(finding: Finding, source: str | None) -> dict[str, object]:
    region: dict[str, object] = {"startLine": finding.line, "endLine": finding.end_line}
    columns = utf16_columns(finding, source)
    if columns is not None:
        region["startColumn"], region["endColumn"] = columns
    region["snippet"] = {"text": finding.text}
    return region


def _offsets_region(source: str, lines: LineIndex, start: int, end: int) -> dict[str, object]:
    start_line, start_column = lines.position(start)
    end_line, end_column = lines.position(end)
    return {
        "startLine": start_line,
        "startColumn": utf16_length(source[start - start_column + 1 : start]) + 1,
        "endLine": end_line,
        "endColumn": utf16_length(source[end - end_column + 1 : end]) + 1,
    }


def _result(report: Report, finding: Finding, rule_index: int, line_indexes: dict[str | None, LineIndex]) -> dict[str, object]:
    uri = artifact_uri(report.path or "-")
    physical: dict[str, object] = {"artifactLocation": {"uri": uri}}
    source = report.sources.get(finding.part)
    if finding.part is None:
        physical["region"] = _region(finding, source)
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.fix is not None and finding.fix.safe and finding.part is None and source is not None:
        lines = line_indexes.get(finding.part) or line_indexes.setdefault(finding.part, LineIndex(source))
        replacements = [
            {"deletedRegion": _offsets_region(source, lines, edit.start, edit.end), "insertedContent": {"text": edit.content}}
            for edit in finding.fix.edits
        ]
        change = {"artifactLocation": {"uri": uri}, "replacements": replacements}
        result["fixes"] = [{"description": {"text": "Use the glossary's replacement"}, "artifactChanges": [change]}]
    properties: dict[str, object] = {"lang": finding.lang}
    if finding.part is not None:
        properties["part"] = finding.part
    result["properties"] = properties
    return result


def as_dict(reports: Sequence[Report]) -> dict[str, object]:
    """The SARIF log as plain data."""
    by_code: dict[str, list[Finding]] = {}
    for report in reports:
        for finding in report.findings:
            by_code.setdefault(finding.code, []).append(finding)
    codes = sorted(by_code)
    index = {code: i for i, code in enumerate(codes)}
    notifications = [{"level": "warning", "message": {"text": problem}} for report in reports for problem in report.problems]
    invocation: dict[str, object] = {"executionSuccessful": True}
    results = []
    for report in reports:
        line_indexes: dict[str | None, LineIndex] = {}  # built once per source, only for fixes
        results += [_result(report, finding, index[finding.code], line_indexes) for finding in report.findings]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "jargonlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(code, by_code[code]) for code in codes],
            }
        },
        "invocations": [invocation],
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(reports: Sequence[Report], options: OutputOptions) -> str:
    """The SARIF log as JSON text with a trailing newline."""
    return json.dumps(as_dict(reports), ensure_ascii=False, indent=2) + "\n"
