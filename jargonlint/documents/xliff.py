"""XLIFF 1.2 and 2.x: the translations (``<target>``), read in the target language.

A target's language is its ``xml:lang``, else its ``<file target-language>`` (1.2), else the
``<xliff trgLang>`` (2.x). Only the targets of ``<trans-unit>`` (1.2) and ``<segment>`` (2.x)
are linted, not alternatives (``<alt-trans>``, translation-candidate matches) nor sources.
Inline codes: ``<x/>`` and ``<ph>`` stand for something the customer sees in their place (a
name, a number) and count as one word; ``<g>``, ``<pc>``, ``<mrk>`` are transparent; paired
markers (``<bx/>``, ``<sc/>``, ...) and native code (``<bpt>``, ``<ept>``, ``<it>``) vanish.
``<!-- jargonlint: ignore -->`` covers the targets of the next unit.
"""

from __future__ import annotations

from jargonlint.documents.base import Document, DocumentBuilder
from jargonlint.documents.xmltokens import XmlProblem, XmlToken, tokenize_xml
from jargonlint.language.tokenize import PLACEHOLDER
from jargonlint.positions import LineIndex
from jargonlint.suppressions import Directive, parse_directive

_TARGET_PARENTS = frozenset({"trans-unit", "segment"})
_UNITS = frozenset({"trans-unit", "unit"})
_PLACEHOLDERS = frozenset({"x", "ph"})
_NATIVE_CODE = frozenset({"bpt", "ept", "it", "ph", "x"})  # their content is code, never text


def _is_line_break(token: XmlToken) -> bool:
    """``<x ctype="lb"/>`` (1.2) or ``<ph subType="xlf:lb"/>`` (2.x)."""
    return token.attributes.get("ctype") == "lb" or token.attributes.get("subType") == "xlf:lb"


class _XliffReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.builder = DocumentBuilder(source)
        self.problems: list[XmlProblem] = []
        self.directives: list[Directive] = []
        self.open: list[XmlToken] = []  # elements not closed yet
        self.root_lang: str | None = None
        self.file_lang: str | None = None
        self.first_lang: str | None = None
        self.target: XmlToken | None = None  # the <target> being read
        self.code: XmlToken | None = None  # an inline code whose content is skipped
        self.units = 0
        self.last_target_unit = -1
        self.last_char = ""
        self.pending_ignores: list[int] = []  # directives waiting for the next unit's targets
        self.ignore_ends: dict[int, int] = {}  # directive index -> last line it covers

    def line(self, offset: int) -> int:
        return self.lines.position(offset)[0]

    def read(self) -> Document:
        tokens, problems = tokenize_xml(self.source)
        self.problems += problems
        seen_root = False
        for token in tokens:
            seen_root = seen_root or token.local_name == "xliff"
            if token.kind == "comment":
                self._comment(token)
            elif token.kind == "start":
                self._start(token)
            elif token.kind == "empty":
                self._empty(token)
            elif token.kind == "end":
                self._end(token)
            elif self.target is not None and self.code is None:
                self._text(token)
        if self.open:
            unclosed = ", ".join(f"<{t.name}> (line {self.line(t.start)})" for t in reversed(self.open))
            self.problems.append(XmlProblem(len(self.source), f"the file ends inside {unclosed}"))
        if not seen_root:
            self.problems.append(XmlProblem(0, "no <xliff> element: this is not an XLIFF file"))
        directives = [
            Directive(d.kind, d.codes, d.line, d.end_line, self.ignore_ends.get(i)) if i in self.ignore_ends else d
            for i, d in enumerate(self.directives)
        ]
        shown = tuple(f"line {self.line(p.offset)}: {p.message}" for p in sorted(self.problems, key=lambda p: p.offset))
        return self.builder.build(lang_hint=self.first_lang, problems=shown, directives=tuple(directives))

    # -- markup --------------------------------------------------------------------------

    def _comment(self, token: XmlToken) -> None:
        directive = parse_directive(token.value or "", self.line(token.start), self.line(token.end))
        if directive is not None:
            if directive.kind == "ignore":
                self.pending_ignores.append(len(self.directives))
            self.directives.append(directive)

    def _start(self, token: XmlToken) -> None:
        name, parent = token.local_name, self.open[-1].local_name if self.open else ""
        self.open.append(token)
        if self.code is not None:
            return
        if name == "xliff":
            self.root_lang = token.attributes.get("trgLang")
        elif name == "file":
            self.file_lang = token.attributes.get("target-language")
        elif name in _UNITS:
            self.units += 1
        elif name == "target" and parent in _TARGET_PARENTS and self.target is None:
            self._begin_target(token)
        elif self.target is not None and name in _NATIVE_CODE:
            self.code = token

    def _empty(self, token: XmlToken) -> None:
        if self.target is None or self.code is not None:
            return
        name = token.local_name
        if name in _PLACEHOLDERS:
            self._placeholder(token, token.end)
        elif name == "cp":
            self._code_point(token)

    def _end(self, token: XmlToken) -> None:
        names = [t.name for t in self.open]
        if token.name not in names:
            self.problems.append(XmlProblem(token.start, f"</{token.name}> closes no open element; ignored"))
            return
        while self.open:
            element = self.open.pop()
            if element.name != token.name:
                message = f"</{token.name}> closes <{element.name}> opened on line {self.line(element.start)}"
                self.problems.append(XmlProblem(token.start, message))
            self._close(element, token)
            if element.name == token.name:
                return

    def _close(self, element: XmlToken, end: XmlToken) -> None:
        if element is self.code:
            self.code = None
            if element.local_name in _PLACEHOLDERS:
                self._placeholder(element, end.end)
        elif element is self.target:
            self.target = None
            for index in self.pending_ignores:
                self.ignore_ends[index] = self.line(end.start)
            if not any(t.local_name in _UNITS for t in self.open):
                self.pending_ignores = []  # targets outside units: each is its own entry
        elif element.local_name in _UNITS:
            self.pending_ignores = [i for i in self.pending_ignores if i not in self.ignore_ends]

    # -- text ----------------------------------------------------------------------------

    def _begin_target(self, token: XmlToken) -> None:
        lang = token.attributes.get("xml:lang") or self.file_lang or self.root_lang
        self.first_lang = self.first_lang or lang
        if self.builder.length:
            self.builder.separate(" " if self.last_target_unit == self.units else "\n\n", at=token.start)
        self.last_char = ""
        self.builder.block(self.builder.length, lang)
        self.last_target_unit = self.units
        self.target = token

    def _emit(self, text: str, start: int, end: int, verbatim: bool) -> None:
        if verbatim:
            self.builder.copy(start, end)
        else:
            self.builder.substitute(text, start, end)
        self.last_char = text[-1:] or self.last_char

    def _text(self, token: XmlToken) -> None:
        if token.kind == "reference":
            self._emit(token.value if token.value is not None else PLACEHOLDER, token.start, token.end, verbatim=False)
        else:
            self._emit(self.source[token.start : token.end], token.start, token.end, verbatim=True)

    def _placeholder(self, element: XmlToken, end: int) -> None:
        if _is_line_break(element):
            self._emit("\n", element.start, end, verbatim=False)
            return
        # One word for the matcher; spaces keep it apart from letters it is glued to.
        before = " " if self.last_char.isalnum() else ""
        after = " " if self.source[end : end + 1].isalnum() else ""
        self._emit(f"{before}{PLACEHOLDER}{after}", element.start, end, verbatim=False)

    def _code_point(self, token: XmlToken) -> None:
        try:
            char = chr(int(token.attributes.get("hex", ""), 16))
            if 0xD800 <= ord(char) <= 0xDFFF:
                raise ValueError(char)
        except (ValueError, OverflowError):
            self.problems.append(XmlProblem(token.start, "<cp> without a valid hex code point"))
            char = PLACEHOLDER
        self._emit(char, token.start, token.end, verbatim=False)


def read_xliff(source: str) -> list[Document]:
    """An XLIFF file: its targets as one Document, one paragraph per unit."""
    return [_XliffReader(source).read()]
