"""The glossary phrase syntax: words, ``{a|b}`` alternatives (possibly empty), ``*`` = one word.

A phrase is parsed into a tree and expanded into plain variants, each later tokenized by the
language's tokenizer. Nothing here builds a regular expression, and expansion is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jargonlint.language.tokenize import PLACEHOLDER

MAX_VARIANTS = 1024
MAX_PHRASE_CHARS = 500


class PhraseSyntaxError(ValueError):
    """The phrase is not valid glossary phrase syntax."""


@dataclass(frozen=True, slots=True)
class _Group:
    alternatives: tuple[tuple[str | _Group, ...], ...]


def _parse(text: str, pos: int, depth: int) -> tuple[tuple[str | _Group, ...], int]:
    """Parse a sequence until '|' or '}' (when nested) or the end."""
    items: list[str | _Group] = []
    literal: list[str] = []
    while pos < len(text):
        ch = text[pos]
        if ch == "{":
            if literal:
                items.append("".join(literal))
                literal = []
            alternatives: list[tuple[str | _Group, ...]] = []
            pos += 1
            while True:
                sequence, pos = _parse(text, pos, depth + 1)
                alternatives.append(sequence)
                if pos >= len(text):
                    raise PhraseSyntaxError(f"'{{' without a matching '}}' in {text!r}")
                if text[pos] == "}":
                    pos += 1
                    break
                pos += 1  # '|'
            items.append(_Group(tuple(alternatives)))
            continue
        if ch in "|}":
            if depth == 0:
                raise PhraseSyntaxError(f"'{ch}' outside '{{...}}' in {text!r}")
            break
        literal.append(f" {PLACEHOLDER} " if ch == "*" else ch)
        pos += 1
    if literal:
        items.append("".join(literal))
    return tuple(items), pos


def _expand(sequence: tuple[str | _Group, ...]) -> list[str]:
    variants = [""]
    for item in sequence:
        if isinstance(item, str):
            variants = [v + item for v in variants]
            continue
        options = [option for alternative in item.alternatives for option in _expand(alternative)]
        variants = [v + o for v in variants for o in options]
        if len(variants) > MAX_VARIANTS:
            raise PhraseSyntaxError(f"more than {MAX_VARIANTS} variants; split the phrase into several")
    return variants


def expand_phrase(text: str) -> list[str]:
    """All variants of ``text`` with ``*`` written as the placeholder character.

    >>> expand_phrase("we {apologize|apologise} for any *")[1]
    'we apologise for any \\ufffc'
    """
    return list(_expand_phrase(text))


# A phrase is expanded when its glossary is validated, when a matcher is compiled and when a
# finding's fix is checked; the result depends on the text only, so compute it once.
@lru_cache(maxsize=16_384)
def _expand_phrase(text: str) -> tuple[str, ...]:
    if not text.strip():
        raise PhraseSyntaxError("empty phrase")
    if len(text) > MAX_PHRASE_CHARS:
        raise PhraseSyntaxError(f"phrase longer than {MAX_PHRASE_CHARS} characters")
    sequence, _ = _parse(text, 0, 0)
    variants = [" ".join(v.split()) for v in _expand(sequence)]
    variants = [v for v in dict.fromkeys(variants) if v]
    if not variants:
        raise PhraseSyntaxError(f"{text!r} can match nothing")
    if all(set(v.split()) <= {PLACEHOLDER} for v in variants):
        raise PhraseSyntaxError(f"{text!r} has no word, only '*'")
    return tuple(variants)
