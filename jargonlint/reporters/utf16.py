"""Columns in UTF-16 code units: what SARIF (by default) and browsers count.

Findings count columns in code points; a character outside the Basic Multilingual Plane
(an emoji, a rare CJK character) is one code point but two UTF-16 code units.
"""

from __future__ import annotations

from jargonlint.finding import Finding


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_columns(finding: Finding, source: str | None) -> tuple[int, int] | None:
    """1-based start and end (exclusive) columns of ``finding`` in UTF-16 code units,
    or ``None`` when the source text is not available."""
    if source is None or source[finding.start : finding.end] != finding.text:
        return None
    line_start = finding.start - (finding.column - 1)
    end_line_start = finding.end - (finding.end_column - 1)
    return utf16_length(source[line_start : finding.start]) + 1, utf16_length(source[end_line_start : finding.end]) + 1
