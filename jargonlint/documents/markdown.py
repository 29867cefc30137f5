"""Markdown letters: the prose, with exact offsets into the source.

Blocks come from markdown-it-py (CommonMark with GFM tables and strikethrough), which gives
each block its source lines: a hand-written scanner would have to redo CommonMark's block
rules (lazy continuation lines, indented code inside lists, HTML blocks, setext headings).
Inline tokens carry no positions, so the inline syntax of each paragraph, heading and table
cell is read here over the source characters themselves, which is what keeps every offset
exact (escapes and entities each stand for their source range).

Read: paragraphs, headings, list items, quotes, table cells, link texts and image alt texts.
Not read: code blocks and inline code (one PLACEHOLDER word), URLs (one PLACEHOLDER word),
link targets, front matter, HTML comments; HTML blocks are read as HTML.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jargonlint.documents.base import Document
from jargonlint.documents.html import HtmlScanner
from jargonlint.documents.masking import MaskedSource
from jargonlint.language.codes import is_known_language, normalize_language
from jargonlint.language.tokenize import PLACEHOLDER
from jargonlint.positions import LineIndex
from jargonlint.suppressions import Directive, parse_directive

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A\ufeff?(?:---|\+\+\+)[ \t]*\n(?:.*?\n)??(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LANG = re.compile(
    r"^[ \t]*(?:lang|language|locale)[ \t]*[:=][ \t]*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)[\"']?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>")
_INLINE_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s+[^<>]*?)?/?>")
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<]*[^\s<?!.,:;*_~)'\"\]]")
_URL_MAY_FOLLOW = frozenset(" \t\n([*_~\"'")
_INVISIBLE = str.maketrans({"\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\u00a0": " "})
_SEARCH_LIMIT = 2000  # how far a code span or a link target may run (keeps odd input linear)

# Operations on a block's content: copy a range, put text for a range, drop a range, or a comment.
_Op = tuple[str, int, int, str]


def _is_space(ch: str) -> bool:
    return ch.isspace()


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


class _InlineScanner:
    """Reads the inline syntax of one block's content; the result is a list of operations."""

    def __init__(self, text: str, references: frozenset[str]) -> None:
        self.text = text
        self.references = references
        self.ops: list[_Op] = []
        self._brackets: dict[int, int] | None = None

    def scan(self, start: int, end: int) -> None:
        plain = position = start
        while position < end:
            first_op = len(self.ops)
            found = self._construct(position, end)
            if found is None:
                position += 1
                continue
            if position > plain:  # the text before the construct goes before its operations
                self.ops.insert(first_op, ("copy", plain, position, ""))
            plain = position = found
        if end > plain:
            self.ops.append(("copy", plain, end, ""))

    def _construct(self, i: int, end: int) -> int | None:
        """If a construct starts at ``i``, record it and return where it ends."""
        ch = self.text[i]
        if ch == "\\":
            return self._escape(i, end)
        if ch == "`":
            return self._code(i, end)
        if ch == "<":
            return self._angle(i, end)
        if ch == "&":
            return self._entity(i, end)
        if ch == "[" or (ch == "!" and self.text.startswith("[", i + 1)):
            return self._link(i, end)
        if ch in "*_~":
            return self._delimiters(i, end)
        if ch in "hw" and (i == 0 or self.text[i - 1] in _URL_MAY_FOLLOW):
            match = _BARE_URL.match(self.text, i, end)
            if match:
                self.ops.append(("put", i, match.end(), PLACEHOLDER))
                return match.end()
        return None

    def _escape(self, i: int, end: int) -> int | None:
        if i + 1 < end and self.text[i + 1] in _ASCII_PUNCTUATION:
            self.ops.append(("put", i, i + 2, self.text[i + 1]))
            return i + 2
        if i + 1 < end and self.text[i + 1] == "\n":  # a hard line break
            self.ops.append(("drop", i, i + 1, ""))
            return i + 1
        return None

    def _code(self, i: int, end: int) -> int:
        run_end, span_end = _code_span(self.text, i, end)
        if span_end is None:
            return run_end  # no closing run: the backticks are literal
        self.ops.append(("put", i, span_end, PLACEHOLDER))
        return span_end

    def _angle(self, i: int, end: int) -> int | None:
        text = self.text
        if text.startswith("<!--", i):
            close = text.find("-->", i + 4, end)
            if close >= 0:
                self.ops.append(("comment", i + 4, close, ""))
                return close + 3
            return None
        match = _AUTOLINK.match(text, i, end)
        if match:
            self.ops.append(("put", i, match.end(), PLACEHOLDER))
            return match.end()
        match = _INLINE_TAG.match(text, i, end)
        if match:
            self.ops.append(("put" if match.group(1).lower() == "br" else "drop", i, match.end(), "\n"))
            return match.end()
        return None

    def _entity(self, i: int, end: int) -> int | None:
        match = _ENTITY.match(self.text, i, end)
        if match is None:
            return None
        decoded = html.unescape(match.group())
        if decoded == match.group():
            return None
        self.ops.append(("put", i, match.end(), decoded.translate(_INVISIBLE)))
        return match.end()

    def _delimiters(self, i: int, end: int) -> int:
        text, ch = self.text, self.text[i]
        run = i
        while run < end and text[run] == ch:
            run += 1
        before = text[i - 1] if i > 0 else " "
        after = text[run] if run < len(text) else " "
        left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before) or _is_punctuation(before))
        right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after) or _is_punctuation(after))
        if ch == "*":
            emphasis = left or right
        elif ch == "_":  # never inside a word: snake_case stays as written
            emphasis = (left and (not right or _is_punctuation(before))) or (right and (not left or _is_punctuation(after)))
        else:
            emphasis = run - i == 2 and (left or right)
        self.ops.append(("drop" if emphasis else "copy", i, run, ""))
        return run

    def _link(self, i: int, end: int) -> int | None:
        opening = i + 1 if self.text[i] == "!" else i
        close = self._bracket_end(opening, end)
        if close is None:
            return None
        link_end = self._link_end(opening, close, end)
        if link_end is None:
            return None
        self.ops.append(("drop", i, opening + 1, ""))
        self.scan(opening + 1, close)
        self.ops.append(("drop", close, link_end, ""))
        return link_end

    def _bracket_end(self, opening: int, end: int) -> int | None:
        close = self._closing_brackets().get(opening)
        return close if close is not None and close < end else None

    def _closing_brackets(self) -> dict[int, int]:
        """Where each "[" of the content is closed (escapes and code spans skipped), in one pass."""
        if self._brackets is None:
            text, opened, self._brackets = self.text, [], {}
            j = 0
            while j < len(text):
                ch = text[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "`":
                    run_end, span_end = _code_span(text, j, len(text))
                    j = span_end or run_end
                    continue
                if ch == "[":
                    opened.append(j)
                elif ch == "]" and opened:
                    self._brackets[opened.pop()] = j
                j += 1
        return self._brackets

    def _link_end(self, opening: int, close: int, end: int) -> int | None:
        text = self.text
        after = close + 1
        if after < end and text[after] == "(":
            found = self._destination_end(after + 1, end)
            if found is not None:
                return found
        if after < end and text[after] == "[":
            label_close = text.find("]", after + 1, min(end, after + 1000))
            if label_close >= 0:
                label = text[after + 1 : label_close] or text[opening + 1 : close]
                if _label(label) in self.references:
                    return label_close + 1
        if _label(text[opening + 1 : close]) in self.references:
            return after
        return None

    def _destination_end(self, j: int, end: int) -> int | None:
        """The end of ``(destination "title")`` whose content starts at ``j``, if well formed."""
        text = self.text
        end = min(end, j + _SEARCH_LIMIT)  # "[a]([a]([a](..." must not make every link read to the end
        j = _skip_spaces(text, j, end)
        if j < end and text[j] == "<":
            close = text.find(">", j + 1, end)
            if close < 0 or "\n" in text[j:close]:
                return None
            j = close + 1
        else:
            depth = 0
            while j < end and not text[j].isspace():
                if text[j] == "\\":
                    j += 1
                elif text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                j += 1
        j = _skip_spaces(text, j, end)
        if j < end and text[j] in "\"'(":
            closer = ")" if text[j] == "(" else text[j]
            k = j + 1
            while k < end and text[k] != closer:
                k += 2 if text[k] == "\\" else 1
            if k >= end:
                return None
            j = _skip_spaces(text, k + 1, end)
        return j + 1 if j < end and text[j] == ")" else None


def _code_span(text: str, i: int, end: int) -> tuple[int, int | None]:
    """The end of the backtick run at ``i``, and the end of the code span it opens (None if
    no run of as many backticks closes it)."""
    run = i
    while run < end and text[run] == "`":
        run += 1
    fence = run - i
    search = run
    limit = min(end, run + _SEARCH_LIMIT)
    while True:
        close = text.find("`" * fence, search, limit)
        if close < 0:
            return run, None
        after = close + fence
        if after < end and text[after] == "`":  # a longer run does not close it
            search = after
            while search < end and text[search] == "`":
                search += 1
            continue
        return run, after


def _skip_spaces(text: str, j: int, end: int) -> int:
    while j < end and text[j] in " \t\n":
        j += 1
    return j


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


class _MarkdownReader:
    def __init__(self, masked: MaskedSource) -> None:
        self.masked = masked
        self.builder = masked.builder()
        self.html = HtmlScanner(masked, self.builder)
        self.lines = LineIndex(masked.source)
        self.directives: list[Directive] = []
        view = masked.view
        front = _FRONT_MATTER.match(view)
        self.front_matter = front.group() if front else ""
        # What markdown-it reads: front matter blanked (it would be a rule and a heading), and
        # no character it would rewrite ("\r" makes a line, NUL becomes U+FFFD), so that its
        # lines are exactly the source's lines.
        blanked = "".join(ch if ch == "\n" else " " for ch in self.front_matter)
        self.view = (blanked + view[len(blanked) :]).replace("\r", " ").replace("\0", "\ufffd")
        self.line_starts = [0, *(i + 1 for i, ch in enumerate(self.view) if ch == "\n")]

    def lang_hint(self) -> str | None:
        match = _FRONT_MATTER_LANG.search(self.front_matter)
        if match and is_known_language(match.group(1)):
            return normalize_language(match.group(1))
        return self.html.lang_hint

    def read(self) -> None:
        from markdown_it import MarkdownIt

        env: dict[str, object] = {}
        tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(self.view, env)
        found = env.get("references")
        references = frozenset(_label(str(key)) for key in found) if isinstance(found, dict) else frozenset()
        for index, token in enumerate(tokens):
            if token.map is None:
                continue
            first, last = token.map
            if token.type == "inline" and tokens[index - 1].type not in ("th_open", "td_open"):
                self._block(self._content_segments(token, first, last), references)
            elif token.type == "tr_open":
                for cell in self._cells(first):
                    self._block([cell], references)
            elif token.type == "html_block":
                self.html.scan(self._line_start(first), self._line_start(last))
        self.html.finish()

    def _line_start(self, line: int) -> int:
        return self.line_starts[line] if line < len(self.line_starts) else len(self.view)

    def _line_end(self, line: int) -> int:
        return self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.view)

    def _content_segments(self, token: Token, first: int, last: int) -> list[tuple[int, int]]:
        """Where each line of a block's content is in the source (markers and indentation of
        lists and quotes left out)."""
        segments = []
        for line, content in zip(range(first, last), token.content.split("\n"), strict=False):
            wanted = content.strip(" \t")
            if wanted:
                found = self.view.rfind(wanted, self._line_start(line), self._line_end(line))
                if found >= 0:
                    segments.append((found, found + len(wanted)))
        return segments

    def _cells(self, line: int) -> list[tuple[int, int]]:
        """The cells of a table row: split at pipes that are not escaped."""
        start, end = self._line_start(line), self._line_end(line)
        text = self.view
        while start < end and text[start] in " \t>":
            start += 1
        if start < end and text[start] == "|":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start and text[end - 1] == "|" and (end - 2 < start or text[end - 2] != "\\"):
            end -= 1
        cells, cell_start, j = [], start, start
        while j <= end:
            if j == end or (text[j] == "|" and text[j - 1] != "\\"):
                a, b = cell_start, j
                while a < b and text[a] in " \t":
                    a += 1
                while b > a and text[b - 1] in " \t":
                    b -= 1
                if b > a:
                    cells.append((a, b))
                cell_start = j + 1
            j += 1
        return cells

    def _block(self, segments: Sequence[tuple[int, int]], references: frozenset[str]) -> None:
        if not segments:
            return
        content = "\n".join(self.view[start:end] for start, end in segments)
        offsets: list[int] = []  # the source offset of each content character; -1 = a line break
        for number, (start, end) in enumerate(segments):
            if number:
                offsets.append(-1)
            offsets.extend(range(start, end))
        scanner = _InlineScanner(content, references)
        scanner.scan(0, len(content))
        self.builder.separate("\n\n", segments[0][0])
        for kind, start, end, text in scanner.ops:
            if kind == "copy":
                self._copy(offsets, start, end)
            elif kind == "put":
                self._put(offsets, start, end, text)
            elif kind == "comment":
                self._comment(offsets, start, end)
        self.builder.separate("\n\n", segments[-1][1])

    def _copy(self, offsets: list[int], start: int, end: int) -> None:
        i = start
        while i < end:
            if offsets[i] < 0:
                self.builder.separate("\n", offsets[i - 1] + 1)
                i += 1
                continue
            j = i
            while j + 1 < end and offsets[j + 1] == offsets[j] + 1:
                j += 1
            self.builder.copy(offsets[i], offsets[j] + 1)
            i = j + 1

    def _put(self, offsets: list[int], start: int, end: int, text: str) -> None:
        inside = [offset for offset in offsets[start:end] if offset >= 0]
        if not inside:
            return
        if text == PLACEHOLDER:
            text = f" {PLACEHOLDER} "
        if text == "\n":
            self.builder.separate("\n", inside[0])
        else:
            self.builder.substitute(text, inside[0], inside[-1] + 1)

    def _comment(self, offsets: list[int], start: int, end: int) -> None:
        inside = [offset for offset in offsets[start:end] if offset >= 0]
        if inside:
            first, last = inside[0], inside[-1] + 1
            directive = parse_directive(self.masked.source[first:last], self.lines.position(first)[0], self.lines.position(last)[0])
            if directive is not None:
                self.directives.append(directive)


def markdown_document(masked: MaskedSource, *, problems: tuple[str, ...] = (), directives: tuple[Directive, ...] = ()) -> Document:
    """The Document of Markdown whose template syntax (if any) is masked."""
    reader = _MarkdownReader(masked)
    reader.read()
    return reader.builder.build(
        lang_hint=reader.lang_hint(),
        problems=(*problems, *reader.html.problems),
        directives=tuple(sorted((*directives, *reader.html.directives, *reader.directives), key=lambda d: d.line)),
    )


def read_markdown(source: str) -> list[Document]:
    """Markdown without template syntax."""
    return [markdown_document(MaskedSource.plain(source))]
