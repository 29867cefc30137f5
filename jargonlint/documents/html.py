"""HTML letters and HTML e-mails: the text a reader sees, with exact offsets into the source.

The standard library's ``html.parser`` finds the markup; it is forgiving (never rejects a
page) and reports where each construct starts. Text is then copied from the source by
offset, never from the parser's decoded strings, so a finding always lands on the
characters it names; entities are decoded here, each standing for its source range.

Read: text outside ``<script>``, ``<style>``, ``<template>`` and comments, and the ``alt``
and ``title`` attributes. Block elements separate paragraphs; ``lang`` sets the language
of an element's content; ``<!-- jargonlint: ... -->`` comments are suppressions.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from jargonlint.documents.base import Document, DocumentBuilder
from jargonlint.documents.masking import MARKS, MaskedSource
from jargonlint.language.codes import is_known_language, normalize_language
from jargonlint.positions import LineIndex
from jargonlint.suppressions import Directive, parse_directive

_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_HIDDEN = frozenset({"script", "style", "template"})  # content never shown
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
# An element that starts while one of these is the innermost open element closes it (<li>
# after <li>, <td> after <td>...), so that a `lang` does not leak into what follows.
_AUTO_CLOSED_BY = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}
_WITH_ALT = frozenset({"img", "area", "input"})

# Entities; whitespace runs with a blank line in them (HTML collapses them: not a paragraph
# break); soft hyphens and zero-width characters (e-mail preheaders are full of them).
_TEXT_PIECE = re.compile(
    r"(?P<entity>&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});?)"
    r"|(?P<blank>[ \t\r\f]*\n[ \t\r\f]*\n\s*)"
    r"|(?P<invisible>[\u00ad\u200b\u200c\u200d\u2060\ufeff])"
)
_INVISIBLE = str.maketrans({"\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00a0": " "})
_BLANK = " \t\r\n\f" + MARKS
# As html.parser reads attributes (its ``attrfind_tolerant``), to find where a value is.
_TAG_NAME = re.compile(r"</?[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")


@dataclass(frozen=True, slots=True)
class _Event:
    kind: str  # "text", "start", "end" or "comment"
    start: int
    end: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    self_closing: bool = False


class _EventParser(HTMLParser):
    """Records where each construct of ``view[start:end]`` is; keeps no decoded text."""

    def __init__(self, view: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        # Not "offset" or "lineno": html.parser keeps its own position in those.
        self._view = view
        self._limit = end
        self.events: list[_Event] = []
        self._line_starts = [start, *(i + 1 for i in range(start, end) if view[i] == "\n")]

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _text(self, start: int, end: int) -> None:
        if start < end <= self._limit:
            self.events.append(_Event("text", start, end))

    def handle_data(self, data: str) -> None:
        start = self._here()
        if self._view.startswith(data, start):
            end = start + len(data)
            # html.parser skips, unreported, an "&" it cannot finish at the end ("R&D"): keep it.
            previous = self.events[-1].end if self.events else self._line_starts[0]
            if start == previous + 1 and self._view[previous] == "&":
                start = previous
            self._text(start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(self._here(), 1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(self._here(), 2 + len(name))

    def _reference(self, start: int, length: int) -> None:
        end = start + length
        if end < self._limit and self._view[end] == ";":
            end += 1
        if self._view.startswith("&", start):
            self._text(start, end)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, self_closing=True)

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        start = self._here()
        raw = self.get_starttag_text() or ""
        if self._view.startswith(raw, start):
            self.events.append(_Event("start", start, start + len(raw), tag, tuple(attrs), self_closing))

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        self.events.append(_Event("end", start, start, tag))

    def handle_comment(self, data: str) -> None:
        start = self._here()
        if self._view.startswith("<!--", start):  # not a bogus comment such as <!x> or </ x>
            self.events.append(_Event("comment", start + 4, start + 4 + len(data)))


@dataclass
class _Element:
    tag: str
    start: int
    lang: str | None
    sets_lang: bool
    hidden: bool


class HtmlScanner:
    """Puts the visible text of HTML into a builder, collecting directives, problems and
    language hints. It keeps its open elements between calls to :meth:`scan`, so Markdown can
    feed it one HTML block at a time (``<div lang="fr">`` in one block, ``</div>`` later)."""

    def __init__(self, masked: MaskedSource, builder: DocumentBuilder) -> None:
        self.masked = masked
        self.builder = builder
        self.directives: list[Directive] = []
        self.problems: list[str] = []
        self.lang_hint: str | None = None  # the document's language: <html lang> or a Content-Language <meta>
        self._lines = LineIndex(masked.source)
        self._stack: list[_Element] = []
        self._at_break = True
        self._deferred: list[tuple[int, int]] = []  # title attributes, read at the next break

    def line(self, offset: int) -> int:
        return self._lines.position(offset)[0]

    def scan(self, start: int = 0, end: int | None = None) -> None:
        """Read ``source[start:end]``."""
        view = self.masked.view
        end = len(view) if end is None else end
        # No tag can end after the last ">": that is text, and html.parser would read it again
        # from each "<" in it (quadratic time on a long "<a <a <a ..." with no ">").
        markup_end = view.rfind(">", start, end) + 1 or start
        parser = _EventParser(view, start, markup_end)
        try:
            parser.feed(view[start:markup_end])
            parser.close()
        except Exception as exc:  # noqa: BLE001 - html.parser has had crashes on odd input; keep what was read
            last = parser.events[-1].start if parser.events else start
            self.problems.append(f"line {self.line(last)}: cannot read the HTML after this line ({exc.__class__.__name__})")
        tail = [_Event("text", a, b) for a, b in _split_at_comments(view, markup_end, end)]
        skip_until = start
        for event in (*parser.events, *tail):
            if event.start < skip_until:
                continue
            if event.kind == "text" and view.startswith("<!--", event.start):
                skip_until = self._unparsed_comment(event.start, end)
            elif event.kind == "text":
                if not self._hidden:
                    self._text(event.start, event.end)
            elif event.kind == "start":
                self._start(event)
            elif event.kind == "end":
                self._end(event.tag, event.start)
            else:
                self._comment(event.start, event.end)

    def finish(self) -> None:
        """Report what never closed and read pending ``title`` attributes."""
        for element in self._stack:
            if element.hidden:
                self.problems.append(f"line {self.line(element.start)}: <{element.tag}> is never closed; the rest of the file is not read")
                break
        self._break(len(self.masked.source))

    # -- events ----------------------------------------------------------------------------

    @property
    def _hidden(self) -> bool:
        return any(element.hidden for element in self._stack)

    @property
    def _lang(self) -> str | None:
        return next((element.lang for element in reversed(self._stack) if element.sets_lang), None)

    def _start(self, event: _Event) -> None:
        tag = event.tag
        if self._hidden:
            if tag not in _VOID and not event.self_closing:
                self._stack.append(_Element(tag, event.start, None, False, True))
            return
        closes = _AUTO_CLOSED_BY.get(tag, {"p"} if tag in _BLOCK else set())
        if self._stack and self._stack[-1].tag in closes:
            self._end(self._stack[-1].tag, event.start)
        attrs = {name: value for name, value in event.attrs}
        if tag in _BLOCK:
            self._break(event.start)
        elif tag == "br":
            self.builder.separate("\n", event.start)
        self._document_language(tag, attrs)
        if tag not in _VOID and not event.self_closing:
            before = self._lang
            sets_lang = "lang" in attrs or "xml:lang" in attrs
            lang = _language(attrs.get("lang") or attrs.get("xml:lang"))
            self._stack.append(_Element(tag, event.start, lang, sets_lang, tag in _HIDDEN))
            if self._lang != before:
                self.builder.block(self.builder.length, self._lang)
        for name, value_start, value_end in _attribute_values(self.masked.view, event.start, event.end):
            if name == "alt" and tag in _WITH_ALT:
                self.builder.separate(" ", value_start)
                self._text(value_start, value_end)
                self.builder.separate(" ", value_end)
            elif name == "title":
                self._deferred.append((value_start, value_end))

    def _end(self, tag: str, at: int) -> None:
        index = next((i for i in range(len(self._stack) - 1, -1, -1) if self._stack[i].tag == tag), None)
        if index is None:
            return  # a stray end tag: browsers ignore it too
        before = self._lang
        del self._stack[index:]
        if self._hidden:
            return
        if tag in _BLOCK:
            self._break(at)
        if self._lang != before:
            self.builder.block(self.builder.length, self._lang)

    def _document_language(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "html":
            self.lang_hint = _language(attrs.get("lang") or attrs.get("xml:lang")) or self.lang_hint
        elif tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-language" and self.lang_hint is None:
            self.lang_hint = _language((attrs.get("content") or "").split(",")[0])

    def _comment(self, start: int, end: int) -> None:
        directive = parse_directive(self.masked.source[start:end], self.line(start), self.line(end))
        if directive is not None:
            self.directives.append(directive)

    def _unparsed_comment(self, start: int, end: int) -> int:
        """A comment html.parser gave up on (unclosed, or closed by ``--!>``): read it here."""
        close = min(
            (i for i in (self.masked.view.find("-->", start + 4, end), self.masked.view.find("--!>", start + 4, end)) if i >= 0), default=-1
        )
        if close < 0:
            self.problems.append(f"line {self.line(start)}: comment '<!--' is never closed; the rest of the file is not read")
            return end
        self._comment(start + 4, close)
        return close + (3 if self.masked.view.startswith("-->", close) else 4)

    # -- text ------------------------------------------------------------------------------

    def _break(self, at: int) -> None:
        if self._at_break and not self._deferred:
            return
        for value_start, value_end in self._deferred:
            self.builder.separate("\n\n", value_start)
            self._text(value_start, value_end)
        self._deferred.clear()
        self.builder.separate("\n\n", at)
        self._at_break = True

    def _text(self, start: int, end: int) -> None:
        view = self.masked.view
        if self._at_break:
            while start < end and view[start] in _BLANK:
                start += 1
            if start == end:
                return
        builder = self.builder
        position = start
        for match in _TEXT_PIECE.finditer(view, start, end):
            builder.copy(position, match.start())
            position = match.end()
            if match.lastgroup == "entity":
                decoded = html.unescape(match.group())
                if decoded == match.group():
                    builder.copy(match.start(), match.end())
                else:
                    builder.substitute(decoded.translate(_INVISIBLE), match.start(), match.end())
            elif match.lastgroup == "blank":
                builder.substitute(" ", match.start(), match.end())
        builder.copy(position, end)
        self._at_break = False


def _split_at_comments(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """``view[start:end]`` cut before each ``<!--`` (so that an unclosed comment is seen)."""
    cuts = [start]
    while (found := view.find("<!--", cuts[-1] + 1, end)) >= 0:
        cuts.append(found)
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True) if b > a]


def _language(value: str | None) -> str | None:
    if value and is_known_language(value.strip()):
        return normalize_language(value)
    return None


def _attribute_values(view: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """``(name, value start, value end)`` of each attribute with a value in the tag at ``start``."""
    name = _TAG_NAME.match(view, start, end)
    if name is None:
        return []
    found = []
    position = name.end()
    while position < end:
        match = _ATTRIBUTE.match(view, position, end)
        if match is None or match.end() == position:
            break
        position = match.end()
        if match.group(3):
            value_start, value_end = match.span(3)
            if view[value_start] in "'\"":
                value_start, value_end = value_start + 1, value_end - 1
            found.append((match.group(1).lower(), value_start, value_end))
    return found


def html_document(masked: MaskedSource, *, problems: tuple[str, ...] = (), directives: tuple[Directive, ...] = ()) -> Document:
    """The Document of HTML whose template syntax (if any) is masked."""
    scanner = HtmlScanner(masked, masked.builder())
    scanner.scan()
    scanner.finish()
    return scanner.builder.build(
        lang_hint=scanner.lang_hint,
        problems=(*problems, *scanner.problems),
        directives=(*directives, *scanner.directives),
    )


def read_html(source: str) -> list[Document]:
    """HTML without template syntax."""
    return [html_document(MaskedSource.plain(source))]
