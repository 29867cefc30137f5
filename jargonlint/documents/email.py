"""E-mail (``.eml``, MIME): what the recipient reads, one Document per part.

The Subject (RFC 2047 decoded) and every text/plain and text/html part (any transfer encoding,
any charset) become Documents whose ``part`` names them ("Subject", "text/plain",
"text/html", "text/plain#2", ...) and whose ``source`` is the decoded part: findings' offsets,
lines and columns refer to that text. ``Content-Language`` (of the part, else of an enclosing
part or the message) is the language hint.

Not linted: attachments (a ``Content-Disposition: attachment`` or a file name), attached or
forwarded messages (``message/rfc822``), and quoted replies: ``>`` lines with the "On ...
wrote:" line above them, everything from an "-----Original Message-----" or "Forwarded
message" marker on, and in HTML the ``<blockquote type="cite">``, ``gmail_quote`` and similar
blocks of mail clients. They are what someone else wrote earlier, not this letter.

Broken input never stops the reading: an unknown or wrong charset, broken base64 or a
multipart without its boundary give a problem (with the line of the message or of the part)
and whatever could be decoded is linted.
"""

from __future__ import annotations

import binascii
import codecs
import email
import email.charset
import email.policy
import re
from collections.abc import Iterator
from dataclasses import replace
from email.message import Message
from html.parser import HTMLParser

from jargonlint.documents.base import Document, DocumentBuilder
from jargonlint.files import guess_encoding

SUBJECT = "Subject"  # the part name of the Subject's Document
_TEXT_TYPES = ("text/plain", "text/html")
_KNOWN_TRANSFER_ENCODINGS = frozenset({"7bit", "8bit", "binary", "quoted-printable", "base64", "x-uuencode", "uuencode", "x-uue", "uue"})
# Charsets that mail clients (and browsers, per the WHATWG Encoding standard) read as a superset.
_SUPERSETS = {"iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932", "iso8859-9": "cp1254"}
_BASE64_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=")

# Quoted replies in plain text.
_QUOTED_LINE = re.compile(r"[ \t]*>")
_ATTRIBUTION = re.compile(
    r"(?:wrote|a écrit|schreef|schrieb|escribió|ha scritto|escreveu|skrev|kirjoitti|napisał|написал|写道|寫道)[^\n]*[:：][ \t]*$",
    re.IGNORECASE,
)
_ATTRIBUTION_OPENING = re.compile(r"[ \t]*(?:On|Le|Am|Op|El|Il|Em|Den|Dne|W dniu|在)\b")
_EARLIER_MESSAGE = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Original Message|Forwarded message|Message d'origine|Message transféré|Oorspronkelijk bericht"
    r"|Doorgestuurd bericht|Ursprüngliche Nachricht|Weitergeleitete Nachricht|Mensaje original|Mensaje reenviado"
    r"|Messaggio originale|Messaggio inoltrato|Mensagem original|Mensagem encaminhada|原始邮件|转发的邮件)[ \t]*-{2,}"
    r"|Begin forwarded message:|Début du message réexpédié[ \t]*:"
    r"|_{20,}[ \t]*\r?\n[ \t]*(?:From|De|Van|Von|Da|Fra|Od|发件人)[ \t]*:)",
    re.IGNORECASE | re.MULTILINE,
)
# Quoted replies in HTML: the containers mail clients put them in.
_QUOTE_CLASSES = frozenset({"gmail_quote", "gmail_attr", "yahoo_quoted", "moz-cite-prefix"})
_EARLIER_MESSAGE_IDS = frozenset({"divRplyFwdMsg", "appendonsend"})  # Outlook: everything from here on


# -- decoding ------------------------------------------------------------------------------


def _codec(label: str) -> str | None:
    """Python's name for a charset label, or None if it is not a text encoding."""
    try:
        name = codecs.lookup(label).name
        b"a".decode(name)  # "zlib", "base64", "rot13" are codecs too, but not charsets
        return name
    except (LookupError, UnicodeError):
        alias = email.charset.ALIASES.get(label)
        return _codec(alias) if alias and alias != label else None


def decode_text(data: bytes, charset: str | None, lines: bool = True) -> tuple[str, str | None]:
    """``data`` read in its declared ``charset``; and a problem when it could not be (naming,
    with ``lines``, the line of the first byte that is not in that charset)."""
    label = (charset or "").strip().strip("\"'").lower()
    codec = _codec(label) if label else None
    if label and codec is None:
        text, used = guess_encoding(data)
        return text, f"unknown charset '{label}'; read as {used}"
    attempts = [_SUPERSETS.get(codec, codec), codec] if codec else ["utf-8"]
    first_bad: int | None = None
    for attempt in dict.fromkeys(attempts):
        try:
            return data.decode(attempt), None
        except UnicodeDecodeError as exc:
            first_bad = exc.start if first_bad is None else min(first_bad, exc.start)
        except UnicodeError:  # a codec that cannot say where ("idna", "punycode"...)
            first_bad = 0
    text, used = guess_encoding(data, codec or "utf-8")
    declared = f"not valid {label}" if label else "no charset declared and not UTF-8"
    line = data[: first_bad or 0].count(b"\n") + 1
    where = f" (first bad byte on line {line} of the part)" if lines else ""
    return text, f"{declared}{where}; read as {used}"


def decode_base64(encoded: str) -> tuple[bytes, list[tuple[int, str]]]:
    """Bytes of a base64 body, leniently; problems as (0-based line in ``encoded``, message)."""
    symbols: list[str] = []
    problems: list[tuple[int, str]] = []
    last_line = 0
    for index, line in enumerate(encoded.splitlines()):
        stripped = "".join(line.split())
        usable = [ch for ch in stripped if ch in _BASE64_ALPHABET or ch == "="]
        if len(usable) != len(stripped) and not problems:  # the first broken line says where
            problems.append((index, "broken base64: characters that are not base64 were skipped; the text near them may be garbled"))
        symbols += usable
        last_line = index if stripped else last_line
    data = bytearray()
    for group in re.split(r"=+", "".join(symbols)):
        if len(group) % 4 == 1:  # six bits cannot make a byte
            problems.append((last_line, "broken base64: the body is cut short; its last bytes are lost"))
            group = group[:-1]
        data += binascii.a2b_base64(group + "=" * (-len(group) % 4)) if group else b""
    return bytes(data), problems


def _has_8bit(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)  # bytes the parser kept as surrogates


def decode_header_value(value: str) -> tuple[str, list[str]]:
    """A header's text: unfolded, RFC 2047 encoded words decoded; and the problems found."""
    value = re.sub(r"\r?\n(?=[ \t])", "", value)
    problems: list[str] = []
    pieces: list[str] = []
    position, after_word = 0, False
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        if not (after_word and not between.strip()):  # spaces between two encoded words vanish
            pieces.append(_raw_header_text(between, problems))
        charset, encoding, payload = match.group(1).split("*", 1)[0], match.group(2).upper(), match.group(3)
        if encoding == "B":
            data, broken = decode_base64(payload)
            problems += [message for _, message in broken]
        else:
            data = binascii.a2b_qp(payload.encode("ascii", "replace"), header=True)
        text, problem = decode_text(data, charset, lines=False)
        if problem:
            problems.append(problem)
        pieces.append(text)
        position, after_word = match.end(), True
    pieces.append(_raw_header_text(value[position:], problems))
    return "".join(pieces), problems


def _raw_header_text(text: str, problems: list[str]) -> str:
    """Header text outside encoded words; raw 8-bit bytes in it are read as UTF-8 if they can be."""
    if not _has_8bit(text):
        return text
    decoded, used = guess_encoding(text.encode("ascii", "surrogateescape"))
    if used != "utf-8":
        problems.append(f"8-bit text that is not MIME-encoded; read as {used}")
    return decoded


# -- the parts a recipient reads --------------------------------------------------------------


def _content_language(part: Message) -> str | None:
    value = part.get("Content-Language")
    first = str(value).split(",")[0].strip() if value is not None else ""
    return first or None


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or part.get_filename() is not None


def _text_parts(part: Message, lang: str | None, problems: list[str]) -> Iterator[tuple[Message, str | None]]:
    """The text parts to lint, in order, each with its language hint."""
    lang = _content_language(part) or lang
    if part.get_content_maintype() == "message":  # an attached or forwarded message
        return
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, Message):
                yield from _text_parts(child, lang, problems)
    elif part.get_content_maintype() == "multipart":
        why = "has no boundary parameter" if part.get_boundary() is None else "never uses its boundary"
        problems.append(f"the {part.get_content_type()} body {why}, so its parts cannot be told apart; not linted")
    elif part.get_content_type() in _TEXT_TYPES and not _is_attachment(part):
        yield part, lang


class _BodyLocator:
    """Finds the line of the raw message where a part's body starts (for precise problems)."""

    def __init__(self, raw: str | None) -> None:
        self._raw = raw
        self._cursor = 0

    def first_line(self, part: Message) -> int | None:
        payload = part.get_payload()
        if self._raw is None or not isinstance(payload, str) or not payload:
            return None
        # The body follows the part's headers and a blank line; the same text elsewhere is not it.
        position = self._raw.find(payload, self._cursor)
        while position > 0 and not self._raw.endswith(("\n\n", "\n\r\n"), 0, position):
            position = self._raw.find(payload, position + 1)
        if position < 0:
            return None
        self._cursor = position + len(payload)
        return self._raw.count("\n", 0, position) + 1


def _body_text(part: Message, name: str, body_line: int | None) -> tuple[str, list[str]]:
    """A part's decoded text and what went wrong decoding it."""
    problems: list[str] = []

    def where(line: int) -> str:  # a 0-based line of the encoded body
        return f"line {body_line + line}: {name} part" if body_line is not None else f"{name} part, line {line + 1} of its encoded body"

    encoding = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if encoding == "base64":
        payload = part.get_payload()
        data, broken = decode_base64(payload if isinstance(payload, str) else "")
        problems += [f"{where(line)}: {message}" for line, message in broken]
    else:
        if encoding not in _KNOWN_TRANSFER_ENCODINGS:
            problems.append(f"{where(0)}: unknown Content-Transfer-Encoding '{encoding}'; read as it is")
        decoded = part.get_payload(decode=True)
        data = decoded if isinstance(decoded, bytes) else b""
    text, problem = decode_text(data, part.get_content_charset())
    if problem:
        problems.append(f"{name} part: {problem}")
    return text, problems


def _drop(text: str, ranges: list[tuple[int, int]], problems: tuple[str, ...], lang: str | None, name: str) -> Document:
    """A Document of ``text`` without ``ranges`` (quoted replies); each gap breaks the paragraph."""
    builder = DocumentBuilder(text)
    position = 0
    for start, end in ranges:
        builder.copy(position, start)
        if start > position:
            builder.separate("\n\n")
        position = max(position, end)
    builder.copy(position, len(text))
    return builder.build(lang_hint=lang, part=name, problems=problems)


def quoted_plain_text(text: str) -> list[tuple[int, int]]:
    """Ranges of a text/plain body that quote earlier messages (in order, not overlapping)."""
    earlier = _EARLIER_MESSAGE.search(text)
    end = text.rfind("\n", 0, earlier.start()) + 1 if earlier else len(text)
    lines: list[tuple[int, int]] = []  # (start, end) of each line before ``end``
    position = 0
    while position < end:
        newline = text.find("\n", position, end)
        line_end = newline + 1 if newline >= 0 else end
        lines.append((position, line_end))
        position = line_end
    ranges: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not _QUOTED_LINE.match(text, lines[index][0]):
            index += 1
            continue
        first = last = index
        while last + 1 < len(lines) and (_QUOTED_LINE.match(text, lines[last + 1][0]) or not text[slice(*lines[last + 1])].strip()):
            last += 1
        while last > first and not text[slice(*lines[last])].strip():
            last -= 1
        first = _attribution_start(text, lines, first)
        ranges.append((lines[first][0], lines[last][1]))
        index = last + 1
    if earlier:
        ranges.append((end, len(text)))
    return ranges


def _attribution_start(text: str, lines: list[tuple[int, int]], quote: int) -> int:
    """The first line of the "On ... wrote:" attribution above the quoted line ``quote``, if any."""
    above = quote - 1
    while above >= 0 and not text[slice(*lines[above])].strip():
        above -= 1
    if above < 0 or not _ATTRIBUTION.search(text[slice(*lines[above])].rstrip("\r\n")):
        return quote
    if not _ATTRIBUTION_OPENING.match(text, lines[above][0]) and above > 0 and _ATTRIBUTION_OPENING.match(text, lines[above - 1][0]):
        return above - 1  # an attribution wrapped over two lines
    return above


class _HtmlQuoteFinder(HTMLParser):
    """Finds the elements in which mail clients put quoted replies."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.ranges: list[tuple[int, int]] = []
        self._html = html
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._quote: tuple[str, int] | None = None  # tag and start offset of the open quote
        self._depth = 0
        self.cut: int | None = None  # everything from here on is an earlier message

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.cut is not None:
            return
        if self._quote is not None:
            self._depth += tag == self._quote[0]
            return
        attributes = {name: value or "" for name, value in attrs}
        if attributes.get("id") in _EARLIER_MESSAGE_IDS:
            self.cut = self._offset()
        elif _QUOTE_CLASSES & set(attributes.get("class", "").split()) or (tag == "blockquote" and attributes.get("type") == "cite"):
            self._quote, self._depth = (tag, self._offset()), 1

    def handle_endtag(self, tag: str) -> None:
        if self._quote is None or self.cut is not None or tag != self._quote[0]:
            return
        self._depth -= 1
        if self._depth == 0:
            start = self._offset()
            closing = self._html.find(">", start)
            self.ranges.append((self._quote[1], closing + 1 if closing >= 0 else len(self._html)))
            self._quote = None

    def finish(self) -> list[tuple[int, int]]:
        self.close()
        if self._quote is not None:
            self.ranges.append((self._quote[1], len(self._html)))
        if self.cut is not None:
            self.ranges.append((self.cut, len(self._html)))
        return self.ranges


def quoted_html(html: str) -> list[tuple[int, int]]:
    """Ranges of a text/html body that quote earlier messages."""
    finder = _HtmlQuoteFinder(html)
    finder.feed(html)
    return finder.finish()


def _html_documents(html: str, problems: tuple[str, ...], lang: str | None, name: str) -> list[Document]:
    from jargonlint.documents.registry import READERS  # looked up now: the registry imports this module

    reader = READERS.get("html")
    if reader is None:
        return [DocumentBuilder(html).build(part=name, problems=(*problems, f"{name} part: no HTML reader; not linted"))]
    # Quoted replies are blanked out, not cut: the HTML stays whole and offsets stay those of ``html``.
    masked = html
    for start, end in quoted_html(html):
        masked = masked[:start] + re.sub(r"[^\n]", " ", masked[start:end]) + masked[end:]
    documents = [
        replace(d, source=html, part=name, lang_hint=d.lang_hint or lang, problems=tuple(f"{name} part: {p}" for p in d.problems))
        for d in reader(masked)
    ] or [DocumentBuilder(html).build(part=name)]
    documents[0] = replace(documents[0], problems=(*problems, *documents[0].problems))
    return documents


def read_message(message: Message, raw: str | None = None) -> list[Document]:
    """The Documents of an e-mail: its Subject, then its text parts in order.

    ``raw`` is the message's source (bytes as ASCII with surrogate escapes), used to give
    problems the line of the message they are on.
    """
    problems: list[str] = []
    lang = _content_language(message)
    documents: list[Document] = []
    subject = next((str(value) for key, value in message.raw_items() if key.lower() == "subject"), None)
    if subject is not None:
        text, subject_problems = decode_header_value(subject)
        if text.strip() or subject_problems:
            documents.append(
                replace(Document.plain(text, lang_hint=lang), part=SUBJECT, problems=tuple(f"Subject: {p}" for p in subject_problems))
            )
    locator = _BodyLocator(raw)
    seen: dict[str, int] = {}
    for part, part_lang in _text_parts(message, lang, problems):
        content_type = part.get_content_type()
        seen[content_type] = seen.get(content_type, 0) + 1
        name = content_type if seen[content_type] == 1 else f"{content_type}#{seen[content_type]}"
        text, part_problems = _body_text(part, name, locator.first_line(part))
        if content_type == "text/html":
            documents += _html_documents(text, tuple(part_problems), part_lang, name)
        else:
            documents.append(_drop(text, quoted_plain_text(text), tuple(part_problems), part_lang, name))
    if problems:  # about the message's structure: carried by its first Document
        first = documents[0] if documents else Document.plain("")
        documents[:1] = [replace(first, problems=(*problems, *first.problems))]
    return documents


def read_email_bytes(data: bytes) -> list[Document]:
    """An ``.eml`` file as it is on disk: each part is decoded with the charset it declares."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    return read_message(message, data.decode("ascii", errors="surrogateescape"))


def read_email(source: str) -> list[Document]:
    """An ``.eml`` file already decoded to text (its UTF-8 bytes are restored first)."""
    return read_email_bytes(source.encode("utf-8", errors="surrogateescape"))
