"""Reading input files: finding them, telling text from binary, decoding any encoding."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jargonlint.config import Settings
from jargonlint.errors import FileError

# Extensions linted when a folder is given; a file named explicitly is always linted.
LINTED_EXTENSIONS = frozenset(
    [
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".xhtml",
        ".eml",
        ".j2",
        ".jinja",
        ".jinja2",
        ".djhtml",
        ".hbs",
        ".handlebars",
        ".mustache",
        ".liquid",
        ".erb",
        ".ftl",
        ".po",
        ".xlf",
        ".xliff",
    ]
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text and, when it was not UTF-8, a warning naming the encoding used."""

    text: str
    encoding: str
    warning: str | None = None


def is_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB (and no UTF-16/32 byte-order mark) mean binary."""
    return b"\x00" in data[:8192] and not any(data.startswith(bom) for bom, _ in _BOMS)


def decode(data: bytes) -> DecodedText:
    """UTF-8 (with or without BOM) or UTF-16/32 with BOM; otherwise the detected encoding, with a warning."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data.decode(encoding, errors="replace"), encoding)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text, encoding = guess_encoding(data, not_this="utf-8")
        return DecodedText(
            text, encoding, f"not valid UTF-8 (first bad byte on line {line}); read as {encoding}. Save the file as UTF-8 to be sure."
        )


def guess_encoding(data: bytes, not_this: str | None = None) -> tuple[str, str]:
    """Text and the encoding it was read in, for bytes whose encoding is unknown or wrong."""
    if not_this != "utf-8":
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding != not_this:
        text = str(best)
        if len(text) == len(data):  # a single-byte charset: on short texts the guess among them is a coin toss,
            try:  # so prefer the one letters and mail are most often written in (charset_normalizer says cp775)
                return data.decode("cp1252"), "windows-1252"
            except UnicodeDecodeError:
                pass
        return text, best.encoding
    return data.decode("cp1252", errors="replace"), "windows-1252"


def read_source(path: str) -> tuple[bytes, str]:
    """The bytes of ``path`` (``-`` = standard input) and the name to show for it."""
    if path == "-":
        import sys

        return sys.stdin.buffer.read(), "-"
    try:
        return Path(path).read_bytes(), path
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileError(f"{path}: is a directory") from None
    except OSError as exc:
        raise FileError(f"{path}: cannot read: {exc.strerror or exc}") from None


def iter_files(paths: Sequence[str], settings: Settings) -> Iterator[str]:
    """Files to lint: named files as given, folders walked (sorted, excludes applied)."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(
                d
                for d in subfolders
                # Any virtualenv, whatever its name: its packages' READMEs are not our letters.
                if not settings.is_excluded(os.path.join(folder, d)) and not os.path.isfile(os.path.join(folder, d, "pyvenv.cfg"))
            )
            for name in sorted(names):
                full = os.path.join(folder, name)
                if Path(name).suffix.lower() in LINTED_EXTENSIONS and not settings.is_excluded(full):
                    yield full
