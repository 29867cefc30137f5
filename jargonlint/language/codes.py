"""Language codes: what glossaries and config may name, and how detector output is normalised."""

from __future__ import annotations

from functools import cache
from importlib import resources

ANY = "any"  # glossary key meaning "every language"


@cache
def known_languages() -> frozenset[str]:
    """All ISO 639-1 codes (read once from the package data; immutable)."""
    text = resources.files(__package__).joinpath("data/iso639-1.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def normalize_language(code: str) -> str:
    """``"zh-TW"`` -> ``"zh"``, ``"pt_BR"`` -> ``"pt"``, ``"FR"`` -> ``"fr"``.

    Regions and scripts are dropped: glossaries are written per language, and Chinese
    entries match both scripts.
    """
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


def is_known_language(code: str) -> bool:
    """True for a two-letter ISO 639-1 code (after normalisation)."""
    return normalize_language(code) in known_languages()
