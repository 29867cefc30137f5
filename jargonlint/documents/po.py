"""gettext ``.po`` catalogs: every translation (``msgstr``, ``msgstr[n]``), read in the catalog's
``Language``.

A line scanner rather than polib: findings need the source offset of each character of a
translation, through continuation lines (``"..."`` on the next lines) and escapes (``\\n``, ``\\"``).
Each translation is its own paragraph; the header, the ``msgid`` source texts and obsolete
(``#~``) entries are not linted. Fuzzy entries are: they are the translations under review.
``# jargonlint: ignore`` in an entry's comments covers the whole entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jargonlint.documents.base import Document, DocumentBuilder
from jargonlint.documents.templates import placeholder_spans
from jargonlint.language.codes import is_known_language
from jargonlint.language.tokenize import PLACEHOLDER
from jargonlint.suppressions import Directive, parse_directive

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([^\]\n]*)\])?(?=[\s\"]|$)")
# A string literal: its content, a lone backslash before the end of the line, the closing quote.
_LITERAL = re.compile(r'"((?:[^"\\\r\n]|\\[^\r\n])*)(\\?)("?)')
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "?": "?", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r"\\(?:(?P<octal>[0-7]{1,3})|x(?P<hex>[0-9A-Fa-f]{1,6})|(?P<char>.))")
_LANGUAGE_HEADER = re.compile(r"^Language:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class _Piece:
    """Decoded text and the source range it comes from (``verbatim``: character for character)."""

    text: str
    start: int
    end: int
    verbatim: bool


@dataclass(slots=True)
class _Field:
    keyword: str  # msgctxt, msgid, msgid_plural, msgstr, msgstr[n]
    line: int
    last_line: int
    pieces: list[_Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(slots=True)
class _Entry:
    fields: list[_Field] = field(default_factory=list)

    def get(self, keyword: str) -> _Field | None:
        return next((f for f in self.fields if f.keyword == keyword), None)

    @property
    def translations(self) -> list[_Field]:
        return [f for f in self.fields if f.keyword.startswith("msgstr")]

    @property
    def is_header(self) -> bool:
        msgid = self.get("msgid")
        return msgid is not None and not msgid.text and self.get("msgctxt") is None


class _CatalogScanner:
    """Reads a catalog line by line into entries, collecting problems and directives."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.entries: list[_Entry] = []
        self.problems: list[str] = []
        self.directives: list[Directive] = []
        self._entry = _Entry()
        self._pending_ignores: list[int] = []  # indexes into directives, waiting for their entry

    def scan(self) -> None:
        offset = 0
        for number, line in enumerate(self.source.split("\n"), start=1):  # only "\n" ends a line, as in LineIndex
            self._line(number, offset, line.removesuffix("\r"))
            offset += len(line) + 1
        self._finish_entry()

    def _line(self, number: int, offset: int, line: str) -> None:
        stripped = line.lstrip()
        start = offset + len(line) - len(stripped)
        if not stripped or stripped.startswith("#~"):  # a blank line, or an obsolete entry: never shown
            self._finish_entry()
        elif stripped.startswith("#"):
            if self._entry.fields:  # comments open the next entry
                self._finish_entry()
            directive = parse_directive(stripped, number)
            if directive is not None:
                if directive.kind == "ignore":
                    self._pending_ignores.append(len(self.directives))
                self.directives.append(directive)
        elif keyword := _KEYWORD.match(stripped):
            self._keyword(number, start, stripped, keyword)
        elif stripped.startswith('"'):
            if not self._entry.fields:
                self.problems.append(f"line {number}: string without msgid or msgstr before it; ignored")
                self._strings(number, start, stripped, _Field("", number, number))
            else:
                self._strings(number, start, stripped, self._entry.fields[-1])
        else:
            self.problems.append(f"line {number}: cannot read {stripped[:30]!r}; expected a comment, a keyword or a string")

    def _keyword(self, number: int, start: int, stripped: str, match: re.Match[str]) -> None:
        name, index = match.group(1), match.group(2)
        if name in ("msgctxt", "msgid") and (self._entry.translations or self._entry.get("msgid")):
            self._finish_entry()  # a new entry without a blank line before it
        if name == "msgstr" and index is not None:
            if not index.strip().isdigit():
                self.problems.append(f"line {number}: msgstr[{index}] is not a plural number")
            name = f"msgstr[{index.strip()}]"
        elif index is not None:
            self.problems.append(f"line {number}: {name} takes no [index]")
        if name.startswith("msgstr") and self._entry.get("msgid") is None:
            self.problems.append(f"line {number}: {name} without msgid before it")
        current = _Field(name, number, number)
        self._entry.fields.append(current)
        rest = match.end()
        if not stripped[rest:].strip():
            self.problems.append(f"line {number}: {name} without a string")
            return
        self._strings(number, start + rest, stripped[rest:], current)

    def _strings(self, number: int, start: int, text: str, into: _Field) -> None:
        """The string literals on one line (usually one), decoded into ``into``."""
        position, literals = 0, 0
        into.last_line = number
        while True:
            while position < len(text) and text[position] in " \t":
                position += 1
            if position >= len(text):
                return
            literal = _LITERAL.match(text, position)
            if literal is None:
                where = "after the string" if literals else 'where a "string" should be'
                self.problems.append(f"line {number}: unexpected text {text[position : position + 30]!r} {where}")
                return
            literals += 1
            into.pieces += self._decode(number, start + literal.start(1), literal.group(1))
            if literal.group(2) or not literal.group(3):
                self.problems.append(f'line {number}: string not closed (missing ")')
                return
            position = literal.end()

    def _decode(self, number: int, start: int, content: str) -> list[_Piece]:
        """Pieces of one literal's content (which starts at source offset ``start``)."""
        pieces: list[_Piece] = []
        position = 0
        for match in _ESCAPE.finditer(content):
            if match.start() > position:
                pieces.append(_Piece(content[position : match.start()], start + position, start + match.start(), True))
            pieces.append(_Piece(self._meaning(number, match), start + match.start(), start + match.end(), False))
            position = match.end()
        if position < len(content):
            pieces.append(_Piece(content[position:], start + position, start + len(content), True))
        return pieces

    def _meaning(self, number: int, match: re.Match[str]) -> str:
        if match.group("char") is not None:
            char = match.group("char")
            if char not in _SIMPLE_ESCAPES:
                self.problems.append(f"line {number}: unknown escape \\{char}; read as {char!r}")
            return _SIMPLE_ESCAPES.get(char, char)
        value = int(match.group("octal"), 8) if match.group("octal") else int(match.group("hex"), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            self.problems.append(f"line {number}: escape {match.group()} is not a character")
            return PLACEHOLDER
        return chr(value)

    def _finish_entry(self) -> None:
        entry, self._entry = self._entry, _Entry()
        if not entry.fields:
            return
        if entry.get("msgid") is not None and not entry.translations:
            self.problems.append(f"line {entry.fields[0].line}: msgid without msgstr")
        self.entries.append(entry)
        last_line = max(f.last_line for f in entry.fields)
        for index in self._pending_ignores:
            directive = self.directives[index]
            self.directives[index] = Directive(directive.kind, directive.codes, directive.line, directive.end_line, last_line)
        self._pending_ignores = []


def _catalog_language(scanner: _CatalogScanner) -> str | None:
    header = next((entry for entry in scanner.entries if entry.is_header), None)
    if header is None or not header.translations:
        return None
    translation = header.translations[0]
    found = _LANGUAGE_HEADER.search(translation.text)
    if found is None or not found.group(1):
        return None
    if not is_known_language(found.group(1)):
        scanner.problems.append(
            f"line {translation.line}: Language {found.group(1)!r} in the header is not a language code; detecting instead"
        )
        return None
    return found.group(1)


def read_po(source: str) -> list[Document]:
    """A gettext catalog: its translations as one Document, one paragraph each."""
    scanner = _CatalogScanner(source)
    scanner.scan()
    lang = _catalog_language(scanner)
    builder = DocumentBuilder(source)
    if lang:
        builder.block(0, lang)  # every translation is in the catalog's language: no per-paragraph guessing
    for entry in scanner.entries:
        if entry.is_header:
            continue
        for translation in entry.translations:
            if translation.text.strip():
                if builder.length:
                    builder.separate("\n\n")
                _emit(builder, translation.pieces)
    return [builder.build(lang_hint=lang, problems=tuple(scanner.problems), directives=tuple(scanner.directives))]


def _emit(builder: DocumentBuilder, pieces: list[_Piece]) -> None:
    """One translation into the builder; placeholders (found in the decoded text, so they may
    run over continuation lines, as long ICU messages do) become one PLACEHOLDER word."""
    text = "".join(piece.text for piece in pieces)
    owner: list[int] = []  # for each decoded character: its piece, and its source range
    starts: list[int] = []
    ends: list[int] = []
    for index, piece in enumerate(pieces):
        for offset in range(len(piece.text)):
            owner.append(index)
            starts.append(piece.start + offset if piece.verbatim else piece.start)
            ends.append(piece.start + offset + 1 if piece.verbatim else piece.end)
    position = 0
    for span in [*placeholder_spans(text), None]:
        stop = span.start if span is not None else len(text)
        while position < stop:  # runs of one piece each, up to the placeholder
            run_end = position + 1
            while run_end < stop and owner[run_end] == owner[position]:
                run_end += 1
            piece = pieces[owner[position]]
            if piece.verbatim:
                builder.copy(starts[position], ends[run_end - 1])
            else:
                builder.substitute(text[position:run_end], piece.start, piece.end)
            position = run_end
        if span is not None:
            builder.substitute(f" {PLACEHOLDER} ", starts[span.start], ends[span.end - 1])
            position = span.end
