"""Choosing a reader for a file by its extension (or an explicit format name)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from jargonlint.documents.base import Document


def read_plain_text(source: str) -> list[Document]:
    """Plain text: the customer reads the file as it is."""
    return [Document.plain(source)]


Reader = Callable[[str], list[Document]]

# format name -> reader; extensions -> format name. Readers for markup formats are added here.
READERS: dict[str, Reader] = {"text": read_plain_text}
EXTENSIONS: dict[str, str] = {}


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
