"""Language hints from file names: ``letter.fr.txt``, ``letter_fr.html``, ``fr/letter.txt``."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import PurePath

from jargonlint.language.codes import normalize_language

# Codes common enough in template repos to be trusted in a file name without configuration;
# others count only when configured (a folder named "to/" or "my/" is not a language).
_TRUSTED_IN_NAMES = frozenset(
    [
        "en",
        "fr",
        "es",
        "nl",
        "de",
        "it",
        "pt",
        "zh",
        "ja",
        "ko",
        "ru",
        "pl",
        "sv",
        "da",
        "nb",
        "fi",
        "cs",
        "hu",
        "ro",
        "el",
        "tr",
        "ar",
        "uk",
        "ca",
    ]
)
_LOCALE = re.compile(r"^([a-z]{2})(?:[-_](?:[A-Za-z]{2}|Hans|Hant|hans|hant|[0-9]{3}))?$")
_STEM_SUFFIX = re.compile(r"[._-]([a-z]{2}(?:[-_](?:[A-Z]{2}|Hans|Hant))?)$")


def _as_language(candidate: str, configured: Collection[str]) -> str | None:
    match = _LOCALE.match(candidate)
    if not match:
        return None
    lang = normalize_language(match.group(1))
    return lang if lang in _TRUSTED_IN_NAMES or lang in configured else None


def language_from_path(path: str | PurePath, configured: Collection[str] = ()) -> str | None:
    """The language a file's name or folder says it is written in, if any."""
    pure = PurePath(path)
    name = pure.name
    while "." in name:  # letter.fr.html.j2 -> try "j2", "html", "fr" from the right
        name, _, suffix = name.rpartition(".")
        lang = _as_language(suffix, configured)
        if lang is not None and name:
            return lang
    lang = _as_language(name, configured)  # de.po, fr_FR.json
    if lang is not None and name != pure.name:
        return lang
    stem_match = _STEM_SUFFIX.search(name)
    if stem_match:
        lang = _as_language(stem_match.group(1), configured)
        if lang is not None:
            return lang
    for folder in reversed(pure.parts[:-1]):
        lang = _as_language(folder, configured)
        if lang is not None:
            return lang
    return None
