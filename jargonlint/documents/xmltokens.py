"""A lenient XML tokenizer that keeps the source offset of everything it reads.

ElementTree loses offsets and expat stops at the first error; translation files edited by hand
often have one (a bare ``&`` in "Terms & Conditions"), and the rest of the file still deserves
to be linted. This tokenizer reports such errors as problems and reads on.

It is safe on hostile input by construction: a DOCTYPE is skipped (with a problem), and only
the five predefined entities and character references are ever decoded; nothing is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_NAME = re.compile(r"[^\W\d][\w.:-]*")
_ATTRIBUTE = re.compile(r"""\s*([^\s=/<>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_TAG_END = re.compile(r"\s*(/?)>")
_REFERENCE = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,8})|([^\W\d][\w.-]*))?(;?)")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


@dataclass(frozen=True, slots=True)
class XmlToken:
    """One piece of an XML source: ``source[start:end]``.

    ``kind`` is ``start``/``end``/``empty`` (tags, with ``name`` and ``attributes``), ``text``
    (character data copied verbatim; also the inside of a CDATA section), ``reference``
    (``&amp;``, ``&#233;``: ``value`` is what it stands for, ``None`` for an unknown entity) or
    ``comment`` (``value`` is the comment's text).
    """

    kind: str
    start: int
    end: int
    name: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    value: str | None = None

    @property
    def local_name(self) -> str:
        """The name without its namespace prefix (``xliff:target`` -> ``target``)."""
        return self.name.rpartition(":")[2]


@dataclass(frozen=True, slots=True)
class XmlProblem:
    """Something that is not well-formed XML, at source offset ``offset``."""

    offset: int
    message: str


def decode_references(value: str) -> str:
    """An attribute value with its predefined entities and character references decoded."""

    def meaning(match: re.Match[str]) -> str:
        decoded = _reference_value(match)
        return decoded if decoded is not None else match.group()

    return _REFERENCE.sub(meaning, value)


def _reference_value(match: re.Match[str]) -> str | None:
    decimal, hexadecimal, name, semicolon = match.groups()
    if not semicolon:
        return None
    if name is not None:
        return _PREDEFINED.get(name)
    number = int(decimal, 10) if decimal is not None else int(hexadecimal or "0", 16)
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return None
    return chr(number)


class _Tokenizer:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens: list[XmlToken] = []
        self.problems: list[XmlProblem] = []

    def run(self) -> None:
        source, position = self.source, 0
        while position < len(source):
            bracket = source.find("<", position)
            if bracket < 0:
                self._text(position, len(source))
                return
            self._text(position, bracket)
            position = self._markup(bracket)

    def _text(self, start: int, end: int) -> None:
        position = start
        for match in _REFERENCE.finditer(self.source, start, end):
            if match.start() > position:
                self.tokens.append(XmlToken("text", position, match.start()))
            if match.group() == "&" or not match.group(4):
                self.problems.append(XmlProblem(match.start(), "'&' that starts no entity (write &amp;); read as text"))
                self.tokens.append(XmlToken("text", match.start(), match.end()))
            else:
                value = _reference_value(match)
                if value is None:
                    why = "unknown entity (DTD entities are never read)" if match.group(3) else "reference to no character"
                    self.problems.append(XmlProblem(match.start(), f"{match.group()}: {why}"))
                self.tokens.append(XmlToken("reference", match.start(), match.end(), value=value))
            position = match.end()
        if end > position:
            self.tokens.append(XmlToken("text", position, end))

    def _until(self, start: int, opener: str, closer: str, what: str) -> tuple[int, int]:
        """(content end, token end) of a construct opened at ``start`` and closed by ``closer``."""
        found = self.source.find(closer, start + len(opener))
        if found < 0:
            self.problems.append(XmlProblem(start, f"{what} never closed (missing {closer})"))
            return len(self.source), len(self.source)
        return found, found + len(closer)

    def _markup(self, start: int) -> int:
        source = self.source
        if source.startswith("<!--", start):
            content_end, end = self._until(start, "<!--", "-->", "comment")
            self.tokens.append(XmlToken("comment", start, end, value=source[start + 4 : content_end]))
            return end
        if source.startswith("<![CDATA[", start):
            content_end, end = self._until(start, "<![CDATA[", "]]>", "CDATA section")
            self.tokens.append(XmlToken("text", start + 9, content_end))
            return end
        if source.startswith("<?", start):
            return self._until(start, "<?", "?>", "processing instruction")[1]
        if source.startswith("<!", start):
            return self._declaration(start)
        if source.startswith("</", start):
            return self._end_tag(start)
        name = _NAME.match(source, start + 1)
        if name is None:
            self.problems.append(XmlProblem(start, "'<' that starts no tag (write &lt;); read as text"))
            self.tokens.append(XmlToken("text", start, start + 1))
            return start + 1
        return self._start_tag(start, name.group(), name.end())

    def _declaration(self, start: int) -> int:
        """``<!DOCTYPE ...>`` (with an internal subset in ``[...]``): skipped, never read."""
        subset = self.source.find("[", start)
        closing = self.source.find(">", start)
        if 0 <= subset < closing:
            closing = self.source.find("]", subset)
            closing = self.source.find(">", closing) if closing >= 0 else -1
        end = closing + 1 if closing >= 0 else len(self.source)
        self.problems.append(XmlProblem(start, "DOCTYPE ignored: DTDs and entity declarations are never read"))
        return end

    def _end_tag(self, start: int) -> int:
        name = _NAME.match(self.source, start + 2)
        close = _TAG_END.match(self.source, name.end()) if name else None
        if name is None or close is None or close.group(1):
            self.problems.append(XmlProblem(start, "malformed end tag; ignored"))
            following = self.source.find(">", start)
            next_tag = self.source.find("<", start + 1)
            if following < 0 or 0 <= next_tag < following:
                return next_tag if next_tag >= 0 else len(self.source)
            return following + 1
        self.tokens.append(XmlToken("end", start, close.end(), name.group()))
        return close.end()

    def _start_tag(self, start: int, name: str, position: int) -> int:
        attributes: dict[str, str] = {}
        while True:
            close = _TAG_END.match(self.source, position)
            if close is not None:
                kind = "empty" if close.group(1) else "start"
                self.tokens.append(XmlToken(kind, start, close.end(), name, attributes))
                return close.end()
            attribute = _ATTRIBUTE.match(self.source, position)
            if attribute is None:
                break
            value = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
            attributes[attribute.group(1)] = decode_references(value or "")
            position = attribute.end()
        # A broken tag: read it up to its '>' (or the next '<') and keep what was understood.
        following = self.source.find(">", position)
        next_tag = self.source.find("<", position)
        unclosed = following < 0 or 0 <= next_tag < following
        end = (next_tag if next_tag >= 0 else len(self.source)) if unclosed else following + 1
        self.problems.append(XmlProblem(start, f"malformed <{name}> tag" + (" (no closing '>')" if unclosed else "")))
        self.tokens.append(XmlToken("start", start, end, name, attributes))
        return end


def tokenize_xml(source: str) -> tuple[list[XmlToken], list[XmlProblem]]:
    """The tokens of ``source`` in order, and what was not well-formed."""
    tokenizer = _Tokenizer(source)
    tokenizer.run()
    return tokenizer.tokens, tokenizer.problems
