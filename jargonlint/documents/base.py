"""A Document is the text the customer reads, with a map back to the source file.

Readers (text, HTML, e-mail, templates, ...) build Documents; rules only ever see
``Document.text``. Offsets are mapped back to the source in exactly one place:
``OffsetMap.to_source``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from jargonlint.suppressions import Directive


@dataclass(frozen=True, slots=True)
class _Run:
    text_start: int
    text_end: int
    source_start: int
    source_end: int
    copied: bool = True  # False for a substitute: it maps as a unit even when its length is the source's

    @property
    def one_to_one(self) -> bool:
        return self.copied and self.text_end - self.text_start == self.source_end - self.source_start


class OffsetMap:
    """Maps offsets in a document's text to offsets in its source.

    The text is a sequence of runs; a run is either copied from the source character for
    character, or stands for a whole source range (an entity, a placeholder, a tag): such a
    run maps as a unit, so a span never ends inside ``&amp;`` or ``{{ name }}``.
    """

    def __init__(self, runs: list[_Run]) -> None:
        self._runs = runs
        self._starts = [r.text_start for r in runs]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a document whose text is its source."""
        return cls([_Run(0, length, 0, length)])

    def _run_at(self, offset: int) -> _Run:
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self._runs[index]

    def _point(self, offset: int, as_end: bool) -> int:
        if not self._runs:
            return 0
        run = self._run_at(offset - 1 if as_end and offset > 0 else offset)
        if run.one_to_one:
            return run.source_start + (offset - run.text_start)
        return run.source_end if as_end else run.source_start

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the text span ``[start, end)``."""
        return self._point(start, as_end=False), self._point(end, as_end=True)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when the span is copied character for character from one place in the source
        (so it can be edited safely by a fix)."""
        first, last = self._run_at(start), self._run_at(max(end - 1, start))
        return first is last and first.one_to_one


class DocumentBuilder:
    """Builds a Document's text and offset map piece by piece."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._runs: list[_Run] = []
        self._length = 0
        self._blocks: list[Block] = []

    @property
    def length(self) -> int:
        return self._length

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end > start:
            self._append(self.source[start:end], start, end)

    def substitute(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (an entity, a placeholder)."""
        if text:
            self._append(text, start, end, copied=False)

    def separate(self, text: str = "\n\n", at: int | None = None) -> None:
        """Append a break (between blocks) that stands for no source text."""
        position = self._runs[-1].source_end if at is None and self._runs else (at or 0)
        self._append(text, position, position)

    def block(self, start: int, lang: str | None) -> None:
        """Mark that the text from ``start`` on has the language hint ``lang``."""
        self._blocks.append(Block(start, lang))

    def _append(self, text: str, source_start: int, source_end: int, copied: bool = True) -> None:
        run = _Run(self._length, self._length + len(text), source_start, source_end, copied)
        self._parts.append(text)
        self._runs.append(run)
        self._length = run.text_end

    def build(
        self,
        *,
        lang_hint: str | None = None,
        part: str | None = None,
        problems: tuple[str, ...] = (),
        directives: tuple[Directive, ...] = (),
    ) -> Document:
        text = "".join(self._parts)
        return Document(self.source, text, OffsetMap(self._runs), tuple(self._blocks), lang_hint, part, problems, directives)


@dataclass(frozen=True, slots=True)
class Block:
    """From text offset ``start`` on (until the next block), the language hint is ``lang``."""

    start: int
    lang: str | None


@dataclass(frozen=True, slots=True)
class Document:
    """What a customer reads (``text``), and where each character comes from in ``source``."""

    source: str
    text: str
    offsets: OffsetMap
    blocks: tuple[Block, ...] = ()
    lang_hint: str | None = None
    part: str | None = None  # e.g. "Subject" or "text/html" for an e-mail part
    problems: tuple[str, ...] = field(default=())  # what could not be read, with source lines
    directives: tuple[Directive, ...] = ()  # inline suppressions found in the source's comments

    @classmethod
    def plain(cls, text: str, *, lang_hint: str | None = None) -> Document:
        """A document whose source is exactly what the customer reads."""
        return cls(text, text, OffsetMap.identity(len(text)), lang_hint=lang_hint)

    def block_language(self, offset: int) -> str | None:
        """The markup language hint in force at text ``offset``."""
        lang = None
        for block in self.blocks:
            if block.start > offset:
                break
            lang = block.lang
        return lang
