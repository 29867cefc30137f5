"""What importers and exporters return, and the id rules they share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from jargonlint.errors import ProblemsError
from jargonlint.glossary.model import Glossary

MAX_SOURCE_BYTES = 32 * 1024 * 1024


class SourceError(ProblemsError):
    """The file to import cannot be read as the format it claims to be (every problem listed)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something in the source (or glossary) that was not carried over, and why."""

    where: str  # a rule name, an entry id, a line: what a person looks for in the source
    item: str  # the token, phrase or term; "" when the whole ``where`` was skipped
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.item!r}: {self.reason}" if self.item else f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A glossary built from another format, what was left out, and a one-line summary."""

    glossary: Glossary
    skipped: tuple[Skipped, ...]
    summary: str
    source: str  # how the header comment of the written YAML names the source


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The exported file's text and what the target format cannot hold."""

    text: str
    skipped: tuple[Skipped, ...]
    summary: str


def slug(text: str, fallback: str = "entry") -> str:
    """A glossary id from free text: ``"Eigen risico"`` -> ``"eigen-risico"``.

    Letters outside ASCII are kept only after dropping accents; ids must stay greppable.
    """
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return result[:60].rstrip("-") or fallback


class IdAllocator:
    """Hands out unique ids: the second ``deductible`` becomes ``deductible-2``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate in self._used:
            candidate = f"{wanted}-{number}"
            number += 1
        self._used.add(candidate)
        return candidate


def plural(count: int, word: str, words: str | None = None) -> str:
    """``plural(1, "entry", "entries")`` -> ``"1 entry"``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
