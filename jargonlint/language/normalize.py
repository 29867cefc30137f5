"""Text normalisation for matching keys (never for offsets)."""

from __future__ import annotations

import unicodedata

# Typographic variants writers and word processors swap freely.
_PUNCTUATION_VARIANTS = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00ad": ""}
)


def normalize_word(text: str) -> str:
    """The case- and width-insensitive key of a word: NFKC, curly quotes straightened, casefolded."""
    return unicodedata.normalize("NFKC", text).translate(_PUNCTUATION_VARIANTS).casefold()


def fold_accents(text: str) -> str:
    """``"prévenir"`` -> ``"prevenir"``: drop combining marks (for ``accents: false`` entries)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
