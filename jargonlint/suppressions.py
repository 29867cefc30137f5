"""Inline suppressions: ``jargonlint: ignore``, ``jargonlint: ignore[jargon:deductible]``,
``jargonlint: off`` / ``jargonlint: on``, written in the comment syntax of each format.

Readers find comments and call :func:`parse_directive`; the linter applies the directives
to findings by source line, and can report directives that suppressed nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jargonlint.finding import Finding

_DIRECTIVE = re.compile(r"jargonlint:\s*(ignore|off|on)\b(?:\[([^\]\n]*)\])?", re.IGNORECASE)
# A plain-text line that is only a directive (optionally behind a comment marker).
PLAIN_TEXT_DIRECTIVE_LINE = re.compile(
    r"^[ \t]*(?:#|//|--|;|%)?[ \t]*jargonlint:\s*(?:ignore|off|on)\b[^\n]*$", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment; ``codes`` empty = every rule, else ``rule`` or ``rule:id``."""

    kind: str  # "ignore" (the next line), "off" or "on" (a region)
    codes: tuple[str, ...]
    line: int  # 1-based source line where the comment starts
    end_line: int  # ... and ends
    # Last line an "ignore" covers; None = just the next line. Catalog readers set it to the end of
    # the entry below the comment (a .po entry, an XLIFF unit), whose text starts lines further down.
    through_line: int | None = None

    def covers(self, finding: Finding) -> bool:
        """True if this directive names the finding's rule or code (or names nothing)."""
        return not self.codes or finding.rule in self.codes or finding.code in self.codes


def parse_directive(comment: str, line: int, end_line: int | None = None) -> Directive | None:
    """The directive in a comment's text, if there is one."""
    match = _DIRECTIVE.search(comment)
    if match is None:
        return None
    codes = tuple(code.strip() for code in (match.group(2) or "").split(",") if code.strip())
    return Directive(match.group(1).lower(), codes, line, end_line if end_line is not None else line)


@dataclass(frozen=True, slots=True)
class SuppressionResult:
    """Findings that remain, and directives that suppressed nothing."""

    findings: tuple[Finding, ...]
    unused: tuple[Directive, ...]


def apply_directives(findings: Iterable[Finding], directives: Sequence[Directive]) -> SuppressionResult:
    """Drop findings covered by a directive; report the directives that were never used."""
    used: set[int] = set()
    kept: list[Finding] = []
    ordered = sorted(enumerate(directives), key=lambda item: item[1].line)
    for finding in findings:
        suppressed_by: int | None = None
        open_regions: dict[int, Directive] = {}
        for index, directive in ordered:
            if directive.line > finding.line:
                break
            if directive.kind == "off":
                open_regions[index] = directive
            elif directive.kind == "on":
                for key, region in list(open_regions.items()):
                    if not directive.codes or set(directive.codes) & set(region.codes) or not region.codes:
                        del open_regions[key]
            elif (
                directive.kind == "ignore"
                and directive.end_line < finding.line <= (directive.through_line or directive.end_line + 1)
                and directive.covers(finding)
            ):
                suppressed_by = index
        if suppressed_by is None:
            suppressed_by = next((key for key, region in open_regions.items() if region.covers(finding)), None)
        if suppressed_by is None:
            kept.append(finding)
        else:
            used.add(suppressed_by)
    unused = tuple(d for i, d in enumerate(directives) if i not in used and d.kind != "on")
    return SuppressionResult(tuple(kept), unused)
