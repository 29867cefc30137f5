"""Rules ``jargon`` and ``canned``: glossary terms and canned-script phrases.

What it does
    Flags every phrase of a glossary entry (``terms:`` for ``jargon``, ``canned:`` for
    ``canned``), in any inflected form, with the entry's suggestion in the text's language.
Why is this bad?
    Jargon is the company's words, not the customer's; canned phrases tell the reader
    nobody listened. Both make a letter harder to act on.
Example
    "Your deductible applies." -> say "the amount you pay yourself".
"""

from __future__ import annotations

from collections.abc import Sequence

from jargonlint.glossary.model import Entry
from jargonlint.glossary.phrase import expand_phrase
from jargonlint.language.tokenize import Token
from jargonlint.matching.phrase_matcher import PhraseMatch
from jargonlint.rules.candidate import Candidate


def _quoted_list(items: Sequence[str]) -> str:
    quoted = [f'"{item}"' for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def message_for(entry: Entry, text: str, suggestions: Sequence[str]) -> str:
    """The one-line message of a phrase finding."""
    shown = " ".join(text.split())
    if entry.rule == "canned":
        return f'"{shown}" is a canned phrase: {suggestions[0]}' if suggestions else f'"{shown}" is a canned phrase customers skim over'
    if suggestions:
        return f'"{shown}" is jargon: say {_quoted_list(suggestions)}'
    return f'"{shown}" is jargon customers may not understand'


def _replacement(entry: Entry, lang: str, matched: str) -> str | None:
    """The entry's drop-in replacement, only where the match is a phrase as written (any case):
    an inflected form ("claims") or a ``*`` word would not fit the replacement's grammar."""
    replacement = entry.replacement_for(lang)
    if replacement is None:
        return None
    wanted = " ".join(matched.split()).casefold()
    written = (variant.casefold() for phrase in entry.phrases_for(lang) for variant in expand_phrase(phrase))
    return replacement if wanted in written else None


def phrase_candidates(
    matches: Sequence[PhraseMatch], tokens: Sequence[Token], text: str, lang: str
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Candidates for entry matches, and the spans of ignore phrases."""
    candidates: list[Candidate] = []
    ignored: list[tuple[int, int]] = []
    for match in matches:
        start, end = tokens[match.first].start, tokens[match.last - 1].end
        entry = match.entry
        if entry is None:
            ignored.append((start, end))
            continue
        suggestions = entry.suggestions_for(lang)
        candidates.append(
            Candidate(
                start=start,
                end=end,
                rule=entry.rule,
                id=entry.id,
                severity=entry.severity,
                message=message_for(entry, text[start:end], suggestions),
                suggestions=suggestions,
                lang=lang,
                glossary=entry.glossary,
                note=entry.note,
                replacement=_replacement(entry, lang, text[start:end]),
            )
        )
    return candidates, ignored
