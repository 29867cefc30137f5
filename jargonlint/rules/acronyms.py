"""Rule ``acronym``: acronyms the reader may not know.

What it does
    Flags the first use of an acronym (two or more capitals, digits, ``&`` or ``/``:
    KYC, B2B, R&D) that is not allowed and not explained at or before that use.
    A ``define``d acronym counts as explained when written with its expansion
    ("service level agreement (SLA)" or "SLA (service level agreement)", full-width
    parentheses too); any acronym counts as explained when the words next to it in
    parentheses have its initials ("Know Your Customer (KYC)").
    Not acronyms: words in capitals for emphasis ("please do NOT reply"), roman numerals
    made of I, V, X and L, single letters.
Why is this bad?
    An unexplained acronym is the company's shorthand; the customer has to guess.
Example
    "Our SLA guarantees..." -> "Our service level agreement (SLA) guarantees..."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from jargonlint.finding import Severity
from jargonlint.language.codes import ANY
from jargonlint.rules.candidate import Candidate

# Latin (with accents), Greek and Cyrillic letters, digits, '&' and '/': an acronym's alphabet.
_RUN = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF&/]+")
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^(?:XL|L)(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_AFTER = re.compile(r"[ \t]*[(（][ \t]*([^()（）\n]{1,150}?)[ \t]*[)）]")
_BEFORE_WINDOW = 150
# Capitals that are part of a code, not an acronym: IBANs (NL91 ABNA 0417 1643 00), Dutch and
# British postcodes (1012 AB, SW1A 1AA), references (DOSS-2024-118734, INV/2024/0042).
_CODES = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"
    r"|\b\d{4}[ ]?[A-Z]{2}\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}\b"
    r"|\b[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*[-/]\d[\dA-Z]*(?:[-/][A-Z0-9]+)*\b"
)
MAX_ACRONYM_LENGTH = 10
_NOTE = "Customers should not have to guess what an acronym stands for."


@dataclass(frozen=True, slots=True)
class AcronymPolicy:
    """What the merged glossaries say about acronyms, per language."""

    allow: Mapping[str, frozenset[str]]  # acronym -> languages ("any" = all)
    define: Mapping[str, Mapping[str, str]]  # acronym -> language -> expansion
    define_source: Mapping[str, str]
    unknown: Severity | None

    def expansion(self, acronym: str, lang: str) -> str | None:
        """The expansion to suggest in ``lang``; None when not defined for that language."""
        expansions = self.define.get(acronym, {})
        return expansions.get(lang) or expansions.get(ANY)

    def allowed(self, acronym: str, lang: str) -> bool:
        """True when customers reading ``lang`` know the acronym (and it is not defined for it)."""
        languages = self.allow.get(acronym, frozenset())
        return lang in languages or ANY in languages


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A span of document text and its language."""

    start: int
    end: int
    lang: str
    is_known_word: Callable[[str], bool]


def _is_acronym_shape(word: str) -> bool:
    if not (2 <= len(word) <= MAX_ACRONYM_LENGTH) or not word[0].isalnum() or not word[-1].isalnum():
        return False
    if sum(1 for ch in word if ch.isdigit()) >= 2:
        return False  # DE27, A320: a code or a model number
    if not all(ch.isupper() or ch.isdigit() or ch in "&/" for ch in word):
        return False
    return sum(1 for ch in word if ch.isupper()) >= 2


def _split_run(run: str, offset: int) -> list[tuple[str, int, int]]:
    """``R&D/B2B`` -> two words; ``A/B`` stays one."""
    parts = run.split("/")
    if len(parts) > 1 and all(_is_acronym_shape(p.rstrip("s")) for p in parts if p):
        words, position = [], offset
        for part in parts:
            if part:
                words.append((part, position, position + len(part)))
            position += len(part) + 1
        return words
    stripped = run.strip("&/")
    lead = len(run) - len(run.lstrip("&/"))
    return [(stripped, offset + lead, offset + lead + len(stripped))] if stripped else []


def _normalized(text: str) -> str:
    return " ".join(text.replace("-", " ").casefold().split())


def _initials_match(acronym: str, words_text: str) -> bool:
    """True if the capitals of ``acronym`` are the initials of ``words_text``, in order
    (short linking words may be skipped: "Know Your Customer", "Return On Investment")."""
    letters = [ch.casefold() for ch in acronym if ch.isalpha()]
    words = [w for w in re.split(r"[\s\-]+", words_text) if w]
    if not letters or not words or len(words) > 2 * len(letters) + 1:
        return False
    if words[0][0].casefold() != letters[0]:
        return False
    i = 0
    for word in words:
        if i < len(letters) and word[0].casefold() == letters[i]:
            i += 1
    return i == len(letters)


def _is_introduction(text: str, start: int, end: int, acronym: str, expansions: Sequence[str]) -> bool:
    wanted = [_normalized(e) for e in expansions if e.strip()]
    after = _AFTER.match(text, end)
    if after:
        content = after.group(1)
        if any(_normalized(content).startswith(w) for w in wanted) or _initials_match(acronym, content):
            return True
    before = text[max(0, start - _BEFORE_WINDOW) : start].rstrip(" \t")
    closing = text[end : end + 2].lstrip(" \t")[:1]
    if before.endswith(("(", "（")) and closing in (")", "）"):
        preceding = before[:-1].rstrip()
        normalized = _normalized(preceding)
        if any(normalized.endswith(w) for w in wanted):
            return True
        if preceding[-2:] and all("\u3400" <= ch <= "\u9fff" for ch in preceding[-2:]):
            return True  # 客户关系管理（CRM）: Chinese writes the expansion, then the acronym
        tail_words = re.split(r"\s+", preceding)[-(2 * len(acronym) + 1) :]
        for size in range(1, len(tail_words) + 1):
            if _initials_match(acronym, " ".join(tail_words[-size:])):
                return True
    return False


def acronym_candidates(text: str, paragraphs: Sequence[Paragraph], policy: AcronymPolicy) -> list[Candidate]:
    """The first unexplained use of each acronym in the document."""
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        codes = [(m.start(), m.end()) for m in _CODES.finditer(text, paragraph.start, paragraph.end)]
        for run in _RUN.finditer(text, paragraph.start, paragraph.end):
            if any(start <= run.start() < end for start, end in codes):
                continue
            for word, start, end in _split_run(run.group(), run.start()):
                acronym = word
                if word.endswith("s") and _is_acronym_shape(word[:-1]):
                    acronym = word[:-1]  # KPIs, SLAs
                if not _is_acronym_shape(acronym) or acronym in seen:
                    continue
                expansion = policy.expansion(acronym, paragraph.lang)
                if _ROMAN.match(acronym) or (expansion is None and policy.allowed(acronym, paragraph.lang)):
                    continue
                if expansion is None and (paragraph.is_known_word(acronym) or (acronym.isalpha() and len(acronym) >= 6)):
                    continue  # a word in capitals for emphasis, not an acronym
                seen.add(acronym)
                if _is_introduction(text, start, end, acronym, list(policy.define.get(acronym, {}).values())):
                    continue
                suggestions: tuple[str, ...]
                if expansion is not None:
                    suggestion = f"{expansion} ({acronym})"
                    severity, suggestions = Severity.WARNING, (suggestion,)
                    message = f'"{acronym}" is not explained: write "{suggestion}" at its first use'
                elif policy.unknown is not None:
                    severity, suggestions = policy.unknown, ()
                    message = f'"{acronym}" is an acronym customers may not know: spell it out at its first use'
                else:
                    continue
                candidates.append(
                    Candidate(
                        start,
                        end,
                        "acronym",
                        acronym,
                        severity,
                        message,
                        suggestions,
                        paragraph.lang,
                        policy.define_source.get(acronym),
                        _NOTE,
                    )
                )
    return candidates
