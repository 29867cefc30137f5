"""Templates (Jinja2/Django, Handlebars/Mustache, Liquid, ERB, FreeMarker) and the placeholders
of any text: ``{name}``, ``{{name}}``, ``%(name)s``, ``%s``, ``${name}``, ICU ``{n, plural, ...}``.

Tags, expressions and comments are template syntax, never the customer's text. They are found
here and masked (see ``masking``) before the underlying format (HTML, Markdown, text) is read,
so they are neither linted nor able to break a phrase. An expression or placeholder is one
word that only ``*`` matches ("we apologize for any {{ issue }}"). A line holding only tags
and comments disappears with its line break, as template whitespace control usually makes it.
Comments may hold ``jargonlint:`` directives. A delimiter or block that is never closed, and a
closing tag that closes nothing, is a problem with its line; the rest is read as usual.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from jargonlint.documents.base import Document
from jargonlint.documents.html import html_document
from jargonlint.documents.markdown import markdown_document
from jargonlint.documents.masking import PLACEHOLDER_TEXT, MaskedSource, Span
from jargonlint.positions import LineIndex
from jargonlint.suppressions import PLAIN_TEXT_DIRECTIVE_LINE, Directive, parse_directive

TemplateReader = Callable[[str], list[Document]]
UnderlyingReader = Callable[..., Document]

_TAG_NAME = re.compile(r"[#/^>&*=!]?\s*[>*]?\s*([A-Za-z_][\w.:-]*|#)")
_LOOKS_LIKE_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|!--|!doctype)", re.IGNORECASE)
_BRANCH_TAGS = frozenset({"else", "elif", "elsif", "elseif", "when", "empty", "plural", "pluralize", "case", "default", "recover", "sep"})
_QUOTE = re.compile("[\"']")
_MAX_EXPRESSION = 1_000  # how far a tag is read character by character (strings, parentheses) for its end


@dataclass(frozen=True, slots=True)
class _Tag:
    """A block tag, for the check that blocks are closed."""

    name: str
    start: int
    closing: bool
    may_open: bool  # False for tags that never open a block ({% set x = 1 %}, <#assign x=1>)


class _Scan:
    """What a template syntax found in a source: spans, directives, problems, block tags."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.spans: list[Span] = []
        self.directives: list[Directive] = []
        self.problems: list[tuple[int, str]] = []
        self.tags: list[_Tag] = []

    def line(self, offset: int) -> int:
        return self.lines.position(offset)[0]

    def placeholder(self, start: int, end: int) -> None:
        self.spans.append(Span(start, end, PLACEHOLDER_TEXT))

    def hidden(self, start: int, end: int, name: str = "") -> None:
        # A tag between alternatives ("claims are{% else %}claim is") must not glue two words.
        self.spans.append(Span(start, end, " " if name in _BRANCH_TAGS else ""))

    def comment(self, start: int, end: int, text_start: int, text_end: int) -> None:
        self.hidden(start, end)
        directive = parse_directive(self.source[text_start:text_end], self.line(start), self.line(end))
        if directive is not None:
            self.directives.append(directive)

    def problem(self, offset: int, message: str) -> None:
        self.problems.append((offset, f"line {self.line(offset)}: {message}"))

    def unclosed(self, start: int, opener: str, closer: str) -> int:
        """An opening delimiter without its closing one: hide the delimiter, read on after it."""
        self.problem(start, f"'{opener}' is never closed (no '{closer}'); the text after it is read as text")
        self.hidden(start, start + len(opener))
        return start + len(opener)


def _find_close(source: str, position: int, closer: str) -> int:
    """Where ``closer`` is, skipping quoted strings inside the tag; -1 if nowhere."""
    plain = source.find(closer, position)
    if plain < 0 or _QUOTE.search(source, position, plain) is None:
        return plain
    quote = ""
    i = position
    limit = min(len(source), position + _MAX_EXPRESSION)
    while i < limit:
        ch = source[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
            elif ch == "\n":
                return plain  # strings do not span lines: that quote was an apostrophe
        elif source.startswith(closer, i):
            return i
        elif ch in "\"'":
            quote = ch
        i += 1
    return plain


def _check_blocks(scan: _Scan, openers: Iterable[str], show: Callable[[str, bool], str]) -> None:
    """Report blocks never closed and closing tags that close nothing."""
    names = {tag.name for tag in scan.tags if not tag.closing}
    closed = {tag.name for tag in scan.tags if tag.closing}
    opening = (set(openers) | closed) & names
    stack: list[_Tag] = []
    for tag in scan.tags:
        if not tag.closing:
            if tag.may_open and tag.name in opening:
                stack.append(tag)
            continue
        index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].name == tag.name), None)
        if index is None:
            scan.problem(tag.start, f"'{show(tag.name, True)}' closes no open block")
            continue
        for inner in stack[index + 1 :]:
            scan.problem(inner.start, f"'{show(inner.name, False)}' is never closed (no '{show(inner.name, True)}')")
        del stack[index:]
    for tag in stack:
        scan.problem(tag.start, f"'{show(tag.name, False)}' is never closed (no '{show(tag.name, True)}')")


# -- Jinja2 / Django / Liquid -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _BraceSyntax:
    """``{{ expression }}``, ``{% tag %}`` and (Jinja, Django) ``{# comment #}``."""

    hash_comments: bool
    comment_blocks: frozenset[str]  # {% comment %} ... {% endcomment %}
    raw_blocks: frozenset[str]  # {% raw %} ... {% endraw %}: literal text
    openers: frozenset[str]  # tags closed by {% end<name> %} (others are found from the file)

    def scan(self, source: str) -> _Scan:
        scan = _Scan(source)
        opener = re.compile(r"\{\{|\{%|\{#" if self.hash_comments else r"\{\{|\{%")
        position = 0
        while (match := opener.search(source, position)) is not None:
            start = match.start()
            if match.group() == "{#":
                close = source.find("#}", start + 2)
                if close < 0:
                    position = scan.unclosed(start, "{#", "#}")
                    continue
                scan.comment(start, close + 2, start + 2, close)
                position = close + 2
            elif match.group() == "{{":
                close = _find_close(source, start + 2, "}}")
                if close < 0:
                    position = scan.unclosed(start, "{{", "}}")
                    continue
                scan.placeholder(start, close + 2)
                position = close + 2
            else:
                position = self._tag(scan, start)
        _check_blocks(scan, self.openers, lambda name, closing: f"{{% end{name} %}}" if closing else f"{{% {name} %}}")
        return scan

    def _tag(self, scan: _Scan, start: int) -> int:
        source = scan.source
        close = _find_close(source, start + 2, "%}")
        if close < 0:
            return scan.unclosed(start, "{%", "%}")
        end = close + 2
        inner = source[start + 2 : close].strip(" \t\r\n-+~")
        word = _TAG_NAME.match(inner)
        name = "#" if inner.startswith("#") else word.group(1) if word else ""
        if name == "#":  # Liquid's {% # comment %}
            scan.comment(start, end, start + 2, close)
            return end
        if name in self.raw_blocks or name in self.comment_blocks:
            closing = re.compile(r"\{%[-+~]?\s*end" + re.escape(name) + r"\s*[-+~]?%\}")
            found = closing.search(source, end)
            if found is None:
                scan.problem(start, f"'{{% {name} %}}' is never closed (no '{{% end{name} %}}')")
                scan.hidden(start, end)
                return end
            if name in self.comment_blocks:
                scan.comment(start, found.end(), end, found.start())
            else:
                scan.hidden(start, end)
                scan.hidden(found.start(), found.end())
            return found.end()
        scan.hidden(start, end, name)
        if name.startswith("end") and len(name) > 3:
            scan.tags.append(_Tag(name[3:], start, closing=True, may_open=False))
        elif name:
            # {% set x %}...{% endset %} captures a block; {% set x = 1 %} does not.
            scan.tags.append(_Tag(name, start, closing=False, may_open=name != "set" or "=" not in inner))
        return end


_JINJA = _BraceSyntax(
    hash_comments=True,
    comment_blocks=frozenset({"comment"}),  # Django
    raw_blocks=frozenset({"raw", "verbatim"}),
    openers=frozenset(
        {"if", "for", "block", "macro", "call", "filter", "with", "autoescape", "trans", "blocktrans", "blocktranslate", "spaceless"}
        | {"ifchanged", "ifequal", "ifnotequal", "cache", "localize", "language", "timezone", "embed", "apply", "sandbox", "set"}
    ),
)
_LIQUID = _BraceSyntax(
    hash_comments=False,
    comment_blocks=frozenset({"comment", "doc"}),
    raw_blocks=frozenset({"raw"}),
    openers=frozenset({"if", "unless", "case", "for", "capture", "tablerow", "form", "paginate", "schema", "style", "javascript"}),
)


# -- Handlebars / Mustache ------------------------------------------------------------------------


class _MustacheSyntax:
    """``{{value}}``, ``{{{raw value}}}``, ``{{#block}}...{{/block}}``, ``{{!-- comment --}}``."""

    def scan(self, source: str) -> _Scan:
        scan = _Scan(source)
        position = 0
        while (start := source.find("{{", position)) >= 0:
            if start > 0 and source[start - 1] == "\\":  # \{{ is a literal {{
                position = start + 2
            elif source.startswith("{{!--", start):
                position = self._comment(scan, start, "{{!--", "--}}")
            elif source.startswith("{{!", start):
                position = self._comment(scan, start, "{{!", "}}")
            elif source.startswith("{{{{", start):  # a raw block delimiter
                close = source.find("}}}}", start + 4)
                position = scan.unclosed(start, "{{{{", "}}}}") if close < 0 else self._hide(scan, start, close + 4)
            elif source.startswith("{{{", start):
                close = _find_close(source, start + 3, "}}}")
                if close < 0:
                    position = scan.unclosed(start, "{{{", "}}}")
                else:
                    scan.placeholder(start, close + 3)
                    position = close + 3
            else:
                position = self._mustache(scan, start)
        # Every {{#name}} opens a block that {{/name}} closes.
        openers = {tag.name for tag in scan.tags if not tag.closing}
        _check_blocks(scan, openers, lambda name, closing: f"{{{{/{name}}}}}" if closing else f"{{{{#{name}}}}}")
        return scan

    @staticmethod
    def _hide(scan: _Scan, start: int, end: int) -> int:
        scan.hidden(start, end)
        return end

    @staticmethod
    def _comment(scan: _Scan, start: int, opener: str, closer: str) -> int:
        close = scan.source.find(closer, start + len(opener))
        if close < 0:
            return scan.unclosed(start, opener, closer)
        scan.comment(start, close + len(closer), start + len(opener), close)
        return close + len(closer)

    @staticmethod
    def _mustache(scan: _Scan, start: int) -> int:
        source = scan.source
        close = _find_close(source, start + 2, "}}")
        if close < 0:
            return scan.unclosed(start, "{{", "}}")
        end = close + 2
        inner = source[start + 2 : close].strip(" \t\r\n~")
        word = _TAG_NAME.match(inner)
        name = word.group(1) if word else ""
        sigil = inner[:1]
        if sigil in ("#", "^") and name and name != "else":
            scan.hidden(start, end)
            scan.tags.append(_Tag(name, start, closing=False, may_open=True))
        elif sigil == "/":
            scan.hidden(start, end)
            scan.tags.append(_Tag(name, start, closing=True, may_open=False))
        elif sigil in (">", "=", "^") or name == "else" or not inner:
            scan.hidden(start, end, "else" if name == "else" or inner == "^" else "")  # partials, delimiters, else
        else:
            scan.placeholder(start, end)
        return end


# -- ERB ----------------------------------------------------------------------------------------------


class _ErbSyntax:
    """``<%= value %>``, ``<% code %>``, ``<%# comment %>``; ``<%%`` is a literal ``<%``.

    Blocks are Ruby (``do ... end``): not checked, only the delimiters are.
    """

    def scan(self, source: str) -> _Scan:
        scan = _Scan(source)
        position = 0
        while (start := source.find("<%", position)) >= 0:
            if source.startswith("<%%", start):
                position = start + 3
                continue
            close = source.find("%>", start + 2)
            if close < 0:
                position = scan.unclosed(start, "<%", "%>")
                continue
            position = close + 2
            if source.startswith("<%#", start):
                scan.comment(start, position, start + 3, close)
            elif source.startswith("<%=", start):
                scan.placeholder(start, position)
            else:
                scan.hidden(start, position)
        return scan


# -- FreeMarker ----------------------------------------------------------------------------------------


class _FreemarkerSyntax:
    """``${value}``, ``<#directive ...>``/``</#directive>``, ``<@macro/>``, ``<#-- comment -->``."""

    openers = frozenset(
        {"if", "list", "items", "macro", "function", "switch", "attempt", "compress", "escape", "noescape"}
        | {"autoesc", "noautoesc", "outputformat", "assign", "local", "global", "foreach"}
    )
    _START = re.compile(r"<#--|</?[#@]|[$#]\{")

    def scan(self, source: str) -> _Scan:
        scan = _Scan(source)
        position = 0
        while (match := self._START.search(source, position)) is not None:
            start, opener = match.start(), match.group()
            if opener == "<#--":
                close = source.find("-->", start + 4)
                if close < 0:
                    position = scan.unclosed(start, "<#--", "-->")
                    continue
                scan.comment(start, close + 3, start + 4, close)
                position = close + 3
            elif opener.endswith("{"):
                close = _expression_end(source, start + 2, "}", "{}", no_nesting_after="$#")
                if close < 0:
                    position = scan.unclosed(start, opener, "}")
                    continue
                scan.placeholder(start, close + 1)
                position = close + 1
            else:
                position = self._directive(scan, start, opener)
        _check_blocks(scan, self.openers, self._show)
        return scan

    @staticmethod
    def _show(name: str, closing: bool) -> str:
        sigil = "@" if name.startswith("@") else "#"
        return f"</{sigil}{name.lstrip('@')}>" if closing else f"<{sigil}{name.lstrip('@')}>"

    def _directive(self, scan: _Scan, start: int, opener: str) -> int:
        source = scan.source
        close = _expression_end(source, start + len(opener), ">", "()")
        if close < 0:
            return scan.unclosed(start, opener, ">")
        end = close + 1
        inner = source[start + len(opener) : close]
        word = re.match(r"[A-Za-z_][\w.:-]*", inner)
        name = word.group() if word else ""
        scan.hidden(start, end, name)
        if opener.endswith("@"):
            name = "@" + name  # macros close with </@name> or </@>
        if opener.startswith("</"):
            if name == "@":  # </@> closes the innermost macro call
                open_macro = next((t for t in reversed(scan.tags) if t.name.startswith("@") and not t.closing), None)
                name = open_macro.name if open_macro else name
            scan.tags.append(_Tag(name, start, closing=True, may_open=False))
        elif name and not inner.rstrip().endswith("/"):
            captures = name not in ("assign", "local", "global") or "=" not in inner
            scan.tags.append(_Tag(name, start, closing=False, may_open=captures))
        return end


def _expression_end(source: str, position: int, end: str, nest: str, no_nesting_after: str = "") -> int:
    """The ``end`` character that closes an expression begun before ``position``: not inside a
    string, not inside a ``nest`` pair ("()" or "{}"); -1 if there is none within reach.
    A ``nest`` opener right after a ``no_nesting_after`` character means the expression was
    never closed (FreeMarker interpolations do not nest)."""
    if source.find(end, position) < 0:
        return -1
    depth = 0
    i = position
    limit = min(len(source), position + _MAX_EXPRESSION)
    while i < limit:
        ch = source[i]
        if ch in "\"'":
            close = source.find(ch, i + 1)
            i = close if close >= 0 else i
        elif ch == end and depth == 0:
            return i
        elif ch == nest[0]:
            if no_nesting_after and source[i - 1] in no_nesting_after:
                return -1
            depth += 1
        elif ch == nest[1]:
            depth = max(depth - 1, 0)
        i += 1
    return -1


# -- placeholders in any text --------------------------------------------------------------------------

_PLACEHOLDER_START = re.compile(r"[{$%]")
_PLACEHOLDER = re.compile(
    r"\{\{\{[^{}\n]{1,200}\}\}\}"  # {{{ name }}}
    r"|\{\{[^{}\n]{1,200}\}\}"  # {{ name }}
    r"|\$\{[^{}\n]{1,200}\}"  # ${name}
    r"|(?<!%)%\([A-Za-z_][\w.-]{0,63}\)[-#0 +]?\d*(?:\.\d+)?[sdifrxXeEgGc]"  # %(name)s
    r"|(?<![%\w])%(?:\d{1,2}\$)?[sd](?!\w)"  # %s, %d, %1$s
    r"|\{[A-Za-z_0-9][\w.-]{0,63}(?::[^{}\s]{0,20})?\}"  # {name}, {0}, {amount:.2f}
)
_ICU_START = re.compile(r"\{\s*[A-Za-z_][\w]*\s*,\s*(?:plural|select|selectordinal|number|date|time|spellout|ordinal|duration)\s*[,}]")
_ICU_LIMIT = 2_000


def _icu_end(source: str, start: int) -> int | None:
    """The end of an ICU message argument starting at ``start`` (balanced braces)."""
    if _ICU_START.match(source, start) is None:
        return None
    depth = 0
    for i in range(start, min(len(source), start + _ICU_LIMIT)):
        if source[i] == "{":
            depth += 1
        elif source[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def placeholder_spans(source: str, taken: Sequence[Span] = ()) -> list[Span]:
    """Placeholders of any syntax outside the spans already ``taken`` (sorted by start)."""
    starts = [span.start for span in taken]
    spans: list[Span] = []
    position = 0
    for match in _PLACEHOLDER_START.finditer(source):
        start = match.start()
        if start < position:
            continue
        end = _icu_end(source, start) if source[start] == "{" else None
        if end is None:
            found = _PLACEHOLDER.match(source, start)
            end = found.end() if found else None
        if end is None:
            continue
        index = bisect.bisect_right(starts, start) - 1
        inside = index >= 0 and taken[index].end > start
        overlaps = index + 1 < len(taken) and taken[index + 1].start < end
        if not inside and not overlaps:
            spans.append(Span(start, end, PLACEHOLDER_TEXT))
            position = end
    return spans


# -- reading ------------------------------------------------------------------------------------------


def _tag_only_lines(source: str, spans: Sequence[Span]) -> list[Span]:
    """Whole lines (with their line break) whose only non-space characters are hidden spans."""
    hidden = sorted((span for span in spans if not span.placeholder), key=lambda span: span.start)
    starts = [span.start for span in hidden]
    touched: dict[int, int] = {}  # start -> end of each line a hidden span is on
    line_end = -1
    for span in hidden:
        if span.end <= line_end:
            continue  # on a line already seen
        line_start = line_end + 1 if span.start <= line_end else source.rfind("\n", 0, span.start) + 1
        while True:
            line_end = source.find("\n", line_start)
            line_end = len(source) if line_end < 0 else line_end
            touched[line_start] = line_end
            if line_end + 1 >= span.end:
                break
            line_start = line_end + 1
    return [Span(start, min(end + 1, len(source))) for start, end in touched.items() if _only_hidden(source, start, end, hidden, starts)]


def _only_hidden(source: str, start: int, end: int, hidden: Sequence[Span], starts: Sequence[int]) -> bool:
    found = False
    position = start
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    while position < end:
        while index < len(hidden) and hidden[index].end <= position:
            index += 1
        span = hidden[index] if index < len(hidden) else None
        if span is not None and span.start <= position:
            position = span.end
            found = True
        elif source[position].isspace():
            position += 1
        else:
            return False
    return found


def text_document(masked: MaskedSource, *, problems: tuple[str, ...] = (), directives: tuple[Directive, ...] = ()) -> Document:
    """The Document of plain text whose template syntax (if any) is masked."""
    builder = masked.builder()
    builder.copy(0, len(masked.source))
    return builder.build(problems=problems, directives=directives)


class _Syntax(Protocol):
    """A template language: finds its constructs in a source."""

    def scan(self, source: str) -> _Scan: ...


ENGINES: dict[str, _Syntax] = {
    "jinja": _JINJA,
    "handlebars": _MustacheSyntax(),
    "liquid": _LIQUID,
    "erb": _ErbSyntax(),
    "freemarker": _FreemarkerSyntax(),
}
UNDERLYING: dict[str, UnderlyingReader] = {"html": html_document, "markdown": markdown_document, "text": text_document}


def read_template(source: str, engine: str | None, underlying: str | None) -> list[Document]:
    """Read ``source`` as ``engine`` syntax (None: placeholders only) over ``underlying``
    (None: HTML if it looks like HTML, else text)."""
    scan = ENGINES[engine].scan(source) if engine else _Scan(source)
    if underlying in (None, "text"):
        # Plain-text directive lines ("# jargonlint: ignore"), as in a .txt letter.
        template_spans = list(scan.spans)
        for match in PLAIN_TEXT_DIRECTIVE_LINE.finditer(source):
            if not any(span.start < match.end() and match.start() < span.end for span in template_spans):
                scan.comment(match.start(), match.end(), match.start(), match.end())
    taken = sorted(scan.spans, key=lambda span: span.start)  # constructs are found in order: no overlaps
    spans = [*taken, *placeholder_spans(source, taken)]
    spans += _tag_only_lines(source, spans)
    masked = MaskedSource.hide(source, spans)
    if underlying is None:
        underlying = "html" if _LOOKS_LIKE_HTML.search(masked.view) else "text"
    problems = tuple(message for _, message in sorted(scan.problems))
    return [UNDERLYING[underlying](masked, problems=problems, directives=tuple(scan.directives))]


def template_reader(engine: str | None, underlying: str | None) -> TemplateReader:
    """A reader for one template syntax over one underlying format."""

    def read(source: str) -> list[Document]:
        return read_template(source, engine, underlying)

    read.__doc__ = f"{engine or 'placeholders'} over {underlying or 'HTML or text'}"
    return read


_ENGINE_SUFFIXES = {
    "jinja": (".j2", ".jinja", ".jinja2"),
    "handlebars": (".hbs", ".handlebars", ".mustache"),
    "liquid": (".liquid",),
    "erb": (".erb",),
    "freemarker": (".ftl",),
}
_FORMAT_SUFFIXES = {"html": (".html", ".htm", ".xhtml"), "markdown": (".md", ".markdown"), "text": (".txt", ".text")}


def _formats() -> tuple[dict[str, TemplateReader], dict[str, str]]:
    """Format names and the extensions that choose them: "html", "markdown", "text"; "<engine>"
    (over HTML or text, as the file looks); "<engine>-<format>" ("jinja-html" for ``.html.j2``)."""
    readers = {name: template_reader(None, name) for name in UNDERLYING}
    extensions = {suffix: name for name, suffixes in _FORMAT_SUFFIXES.items() for suffix in suffixes}
    for engine, engine_suffixes in _ENGINE_SUFFIXES.items():
        readers[engine] = template_reader(engine, None)
        extensions.update(dict.fromkeys(engine_suffixes, engine))
        for name, format_suffixes in _FORMAT_SUFFIXES.items():
            readers[f"{engine}-{name}"] = template_reader(engine, name)
            extensions.update({outer + inner: f"{engine}-{name}" for outer in format_suffixes for inner in engine_suffixes})
    extensions.update({".djhtml": "jinja-html", ".ftlh": "freemarker-html"})
    return readers, extensions


TEMPLATE_READERS, TEMPLATE_EXTENSIONS = _formats()
