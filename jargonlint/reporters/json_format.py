"""``--format json``: a stable, versioned document (version 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from jargonlint.report import Report
from jargonlint.reporters import OutputOptions

VERSION = 1


def as_dict(reports: Sequence[Report]) -> dict[str, object]:
    """The JSON-ready form of ``reports``."""
    files = [
        {
            "path": report.path,
            "language": report.language,
            "languages": list(report.languages),
            "problems": list(report.problems),
            "findings": [finding.to_dict() for finding in report.findings],
        }
        for report in reports
    ]
    return {
        "version": VERSION,
        "files": files,
        "summary": {"files": len(reports), "findings": sum(len(r.findings) for r in reports)},
    }


def render(reports: Sequence[Report], options: OutputOptions) -> str:
    """JSON text, UTF-8 kept readable (no \\u escapes), with a trailing newline."""
    return json.dumps(as_dict(reports), ensure_ascii=False, indent=2) + "\n"
