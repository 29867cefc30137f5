"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``, one per finding,
escaped as the Actions toolkit does (``%``, CR and LF everywhere; ``:`` and ``,`` in
properties too). Columns are UTF-16 code units, as the browser counts them, and are left
out for a span over several lines (GitHub ignores them there). Severity ``info`` is a
``notice``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from jargonlint.finding import Finding, Severity
from jargonlint.report import Report
from jargonlint.reporters import OutputOptions
from jargonlint.reporters.utf16 import utf16_columns

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(report: Report, finding: Finding) -> str:
    """The workflow command for one finding."""
    path = os.path.normpath(report.path or "-").replace(os.sep, "/")
    properties = [("file", path)]
    title = f"jargonlint ({finding.code})"
    if finding.part is None:
        properties.append(("line", str(finding.line)))
        columns = utf16_columns(finding, report.sources.get(None))
        if finding.end_line == finding.line and columns is not None:
            properties += [("col", str(columns[0])), ("endLine", str(finding.end_line)), ("endColumn", str(columns[1]))]
        elif finding.end_line != finding.line:
            properties.append(("endLine", str(finding.end_line)))
    else:
        title += f" in {finding.part}"  # a decoded e-mail part: its lines are not the file's
    properties.append(("title", title))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(reports: Sequence[Report], options: OutputOptions) -> str:
    """One workflow command per finding, one per line."""
    return "".join(command(report, finding) + "\n" for report in reports for finding in report.findings)
