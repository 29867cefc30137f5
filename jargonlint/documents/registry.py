"""Choosing a reader for a file by its extension (or an explicit format name)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from jargonlint.documents.base import Document
from jargonlint.documents.email import read_email, read_email_bytes
from jargonlint.documents.po import read_po
from jargonlint.documents.templates import TEMPLATE_EXTENSIONS, TEMPLATE_READERS
from jargonlint.documents.xliff import read_xliff

Reader = Callable[[str], list[Document]]

# format name -> reader; extensions -> format name. The template readers include "text",
# "html" and "markdown": placeholders ({name}, %s, ...) are one word in any text.
READERS: dict[str, Reader] = {**TEMPLATE_READERS, "email": read_email, "po": read_po, "xliff": read_xliff}
EXTENSIONS: dict[str, str] = {**TEMPLATE_EXTENSIONS, ".eml": "email", ".po": "po", ".xlf": "xliff", ".xliff": "xliff"}

BytesReader = Callable[[bytes], list[Document]]
# Formats that declare charsets inside the file (each MIME part its own) are read from the bytes.
BYTES_READERS: dict[str, BytesReader] = {"email": read_email_bytes}


def format_for(path: str | None) -> str:
    """The format name for ``path`` (compound suffixes such as ``.html.j2`` first)."""
    if path:
        suffixes = [s.lower() for s in PurePath(path).suffixes]
        for size in range(len(suffixes), 0, -1):
            name = EXTENSIONS.get("".join(suffixes[-size:]))
            if name:
                return name
    return "text"


def reader_for(path: str | None, format_name: str | None = None) -> Reader:
    """The reader for an explicit format name, else for the file's extension."""
    if format_name is not None:
        if format_name not in READERS:
            raise KeyError(f"unknown input format '{format_name}' (known: {', '.join(sorted(READERS))})")
        return READERS[format_name]
    return READERS[format_for(path)]


def bytes_reader_for(path: str | None, format_name: str | None = None) -> BytesReader | None:
    """The bytes reader for the format (explicit, else by extension), if it has one."""
    return BYTES_READERS.get(format_name or format_for(path))
