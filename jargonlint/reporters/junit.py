"""``--format junit``: JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps).

One test case per file; each finding at or above ``--fail-on`` is a ``<failure>`` of it, so
the report fails exactly when the exit code does. Findings below it are listed in the
test case's ``<system-out>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from jargonlint.finding import Finding
from jargonlint.report import Report
from jargonlint.reporters import OutputOptions

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(report: Report, finding: Finding) -> str:
    part = f" ({finding.part})" if finding.part else ""
    return (
        f"{report.path}:{finding.line}:{finding.column}:{part} {finding.severity.label} [{finding.code}] {finding.message} [{finding.lang}]"
    )


def _testcase(report: Report, options: OutputOptions) -> tuple[ET.Element, bool]:
    path = report.path or "-"
    case = ET.Element("testcase", {"classname": "jargonlint", "name": _xml_text(path), "file": _xml_text(path)})
    failing = report.at_or_above(options.fail_on)
    for finding in failing:
        failure = ET.SubElement(
            case, "failure", {"type": finding.code, "message": _xml_text(f"{finding.line}:{finding.column}: {finding.message}")}
        )
        body = [_line(report, finding)]
        if finding.suggestions:
            body.append("  suggestion: " + " | ".join(finding.suggestions))
        failure.text = _xml_text("\n".join(body))
    others = [f for f in report.findings if f.severity < options.fail_on]
    if others:
        ET.SubElement(case, "system-out").text = _xml_text("\n".join(_line(report, f) for f in others))
    return case, bool(failing)


def render(reports: Sequence[Report], options: OutputOptions) -> str:
    """The JUnit XML document, UTF-8, with an XML declaration."""
    cases = [_testcase(report, options) for report in reports]
    counts = {"tests": str(len(cases)), "failures": str(sum(failed for _, failed in cases)), "errors": "0"}
    root = ET.Element("testsuites", {"name": "jargonlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "jargonlint", **counts, "skipped": "0"})
    suite.extend(case for case, _ in cases)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
