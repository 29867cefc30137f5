"""Template syntax hidden from markup parsers, and a builder that drops it or stands in for it.

A template is an underlying format (HTML, Markdown, text) with template constructs mixed
in. The markup parser reads ``MaskedSource.view``: the source with every construct
overwritten character for character, so that offsets stay those of the source and a
construct can neither look like markup nor break it. ``MaskedBuilder`` then leaves hidden
constructs (tags, comments) out of the text and puts one PLACEHOLDER word for a placeholder.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from jargonlint.documents.base import DocumentBuilder
from jargonlint.language.tokenize import PLACEHOLDER

# Private-use characters: letters to a markup parser (no markup, no space, no punctuation),
# never copied into a document's text. Newlines inside a construct are kept in the view so
# that line numbers, and Markdown's line structure, stay those of the source.
PLACEHOLDER_MARK = "\ue000"
HIDDEN_MARK = "\ue001"
MARKS = PLACEHOLDER_MARK + HIDDEN_MARK


@dataclass(frozen=True, slots=True)
class Span:
    """``source[start:end]`` is template syntax, read as ``text``: nothing for a tag or a
    comment, a space for a tag between alternatives (``{% else %}``), one PLACEHOLDER word
    for a placeholder (the customer reads a value there)."""

    start: int
    end: int
    text: str = ""

    @property
    def placeholder(self) -> bool:
        return PLACEHOLDER in self.text


PLACEHOLDER_TEXT = f" {PLACEHOLDER} "  # padded: one word even between letters


@dataclass(frozen=True, slots=True)
class MaskedSource:
    """A source, the view of it a markup parser reads, and the template spans hidden in it."""

    source: str
    view: str
    spans: tuple[Span, ...]  # sorted, not overlapping, inside the source

    @classmethod
    def plain(cls, source: str) -> MaskedSource:
        """A source without template syntax."""
        return cls(source, source, ())

    @classmethod
    def hide(cls, source: str, spans: Iterable[Span]) -> MaskedSource:
        """Mask ``spans`` (clipped to the source; of overlapping spans the first wins)."""
        kept: list[Span] = []
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            start, end = max(span.start, kept[-1].end if kept else 0), min(span.end, len(source))
            if end > start:
                kept.append(Span(start, end, span.text))
        parts: list[str] = []
        position = 0
        for span in kept:
            parts.append(source[position : span.start])
            mark = PLACEHOLDER_MARK if span.placeholder else HIDDEN_MARK
            parts.append("".join("\n" if ch == "\n" else mark for ch in source[span.start : span.end]))
            position = span.end
        parts.append(source[position:])
        return cls(source, "".join(parts), tuple(kept))

    def builder(self) -> DocumentBuilder:
        """A builder over the original source that skips or replaces the masked spans."""
        return MaskedBuilder(self.source, self.spans) if self.spans else DocumentBuilder(self.source)


class MaskedBuilder(DocumentBuilder):
    """A DocumentBuilder whose ``copy`` never copies template syntax.

    A span's text stands for the whole span, so a finding that ends on a placeholder covers
    all of it.
    """

    def __init__(self, source: str, spans: tuple[Span, ...]) -> None:
        super().__init__(source)
        self._spans = spans
        self._ends = [span.end for span in spans]

    def copy(self, start: int, end: int) -> None:
        position = start
        index = bisect.bisect_right(self._ends, start)
        while index < len(self._spans) and self._spans[index].start < end:
            span = self._spans[index]
            if span.start > position:
                super().copy(position, span.start)
            if span.text and span.start >= start:
                self.substitute(span.text, span.start, span.end)
            position = max(position, span.end)
            index += 1
        if end > position:
            super().copy(position, end)
