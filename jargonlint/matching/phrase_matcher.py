"""A token trie that finds every glossary phrase in a tokenized text in one pass.

Each pattern word becomes a set of keys ("=form", "~lemma", accent-folded variants); a text
token follows every edge whose key it has. No regular expressions: the cost is bounded by
the number of tokens times the length of the longest phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jargonlint.glossary.model import Entry
from jargonlint.glossary.phrase import expand_phrase
from jargonlint.language.normalize import fold_accents
from jargonlint.language.tokenize import LanguagePipeline, Token

_FORM, _LEMMA, _FOLDED_FORM, _FOLDED_LEMMA = "=", "~", "f=", "f~"
# Languages that elide a short word before a vowel (l', d', qu', all', dell').
ELIDING_LANGUAGES = frozenset({"fr", "it", "ca", "oc"})
_ELISION_GAP = re.compile(r"(?<!\w)(\w{1,7}['’])\s+(?=\w)")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Tokens ``first`` (inclusive) to ``last`` (exclusive) match ``entry`` (None = an ignore phrase)."""

    first: int
    last: int
    entry: Entry | None


@dataclass(frozen=True, slots=True)
class _Target:
    entry: Entry | None
    words: tuple[str | None, ...]  # pattern words as written (None = wildcard), for case checks


class _Node:
    __slots__ = ("by_keys", "edges", "targets", "wildcard")

    def __init__(self) -> None:
        self.edges: dict[str, list[_Node]] = {}
        self.by_keys: dict[frozenset[str], _Node] = {}
        self.wildcard: _Node | None = None
        self.targets: list[_Target] = []


def _pattern_keys(token: Token, entry: Entry | None, is_stop_word: bool) -> frozenset[str]:
    # Function words match only as written: their lookup lemmas are unreliable ("as" -> "a"),
    # and "we are" should not match "we be". Write {are|were} for variants.
    inflect = (entry is None or entry.inflect) and not token.is_punct and not is_stop_word
    accents = entry is None or entry.accents
    keys = {_FORM + token.norm}
    if inflect:
        keys.add(_LEMMA + token.lemma)
    if not accents:
        keys = {(_FOLDED_FORM if k[0] == "=" else _FOLDED_LEMMA) + fold_accents(k[1:]) for k in keys}
    return frozenset(keys)


def _text_keys(token: Token, folded: bool) -> list[str]:
    keys = [_FORM + token.norm, _LEMMA + token.lemma]
    if folded:
        keys += [_FOLDED_FORM + fold_accents(token.norm), _FOLDED_LEMMA + fold_accents(token.lemma)]
    return keys


def _same_case(text: str, pattern: str, inflect: bool) -> bool:
    if text == pattern:
        return True
    return inflect and text[:1] == pattern[:1] and text.isupper() == pattern.isupper()


class PhraseMatcher:
    """All phrases of some entries (and ignore phrases) for one language, compiled once."""

    def __init__(self, pipeline: LanguagePipeline, entries: Iterable[Entry], ignore: Iterable[str] = ()) -> None:
        self._pipeline = pipeline
        self._root = _Node()
        self._folded = False
        for entry in entries:
            for phrase in entry.phrases_for(pipeline.lang):
                self._add(phrase, entry)
        for phrase in ignore:
            self._add(phrase, None)

    def _add(self, phrase: str, entry: Entry | None) -> None:
        if entry is not None and not entry.accents:
            self._folded = True
        for variant in expand_phrase(phrase):
            if self._pipeline.lang in ELIDING_LANGUAGES:
                # "{de|d'} obtenir" expands to "d' obtenir": written text has "d'obtenir".
                variant = _ELISION_GAP.sub(r"\1", variant)
            tokens = self._pipeline.tokenize(variant)
            if not tokens:
                continue
            node = self._root
            for token in tokens:
                if token.is_placeholder:
                    if node.wildcard is None:
                        node.wildcard = _Node()
                    node = node.wildcard
                    continue
                keys = _pattern_keys(token, entry, self._pipeline.is_stop_word(token.norm))
                child = node.by_keys.get(keys)
                if child is None:
                    child = node.by_keys[keys] = _Node()
                    for key in keys:
                        node.edges.setdefault(key, []).append(child)
                node = child
            words = tuple(None if t.is_placeholder else t.text for t in tokens)
            node.targets.append(_Target(entry, words))

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch]:
        """Every match (overlapping ones included) in ``tokens``."""
        matches: list[PhraseMatch] = []
        keys = [_text_keys(t, self._folded) for t in tokens]
        root = self._root
        for first in range(len(tokens)):
            if tokens[first].is_placeholder or not tokens[first].starts_word or not any(k in root.edges for k in keys[first]):
                continue
            active = [root]
            position = first
            while active and position < len(tokens):
                following: dict[int, _Node] = {}
                token_keys = keys[position]
                for node in active:
                    if (tokens[position].is_placeholder or not tokens[position].is_punct) and node.wildcard is not None:
                        following[id(node.wildcard)] = node.wildcard
                    for key in token_keys:
                        for child in node.edges.get(key, ()):
                            following[id(child)] = child
                position += 1
                active = list(following.values())
                if not tokens[position - 1].ends_word:
                    continue  # a match may not end inside a word (Chinese)
                for node in active:
                    for target in node.targets:
                        if self._case_matches(target, tokens[first:position]):
                            matches.append(PhraseMatch(first, position, target.entry))
        return matches

    @staticmethod
    def _case_matches(target: _Target, tokens: Sequence[Token]) -> bool:
        entry = target.entry
        if entry is None or not entry.case_sensitive:
            return True
        return all(word is None or _same_case(token.text, word, entry.inflect) for token, word in zip(tokens, target.words, strict=True))
