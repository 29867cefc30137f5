"""Per-language tokenization and lookup lemmas (spaCy blank pipelines + spacy-lookups-data)."""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jargonlint.language.normalize import normalize_word

MAX_LEMMA_HOPS = 3

# Stands for a template placeholder in a document's text: one word that only `*` matches.
PLACEHOLDER = "\ufffc"

# Scripts written without spaces: every letter is a token (Latin runs inside stay words).
CHARACTER_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})

# langdetect and ISO codes that spaCy names differently.
_SPACY_CODE = {"no": "nb"}


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark of a text, with its matching keys."""

    start: int
    end: int
    text: str
    norm: str  # normalize_word(text), Chinese mapped to Simplified
    lemma: str  # normalised lookup lemma; == norm when the lookup data does not know the word
    is_punct: bool
    # False inside a word of a script written without spaces (业 in 企业): a match may
    # neither start after nor end before such a token's neighbour within the same word.
    starts_word: bool = True
    ends_word: bool = True

    @property
    def is_placeholder(self) -> bool:
        return self.text == PLACEHOLDER


class LanguagePipeline:
    """Tokenizer, lemma lookup and stop words for one language. Safe to share between threads."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._lock = threading.Lock()
        self._split: Callable[[str], list[tuple[int, int, str, bool]]]
        self._nlp: Any = None
        if lang in CHARACTER_LANGUAGES:
            self._split = _split_characters
        else:
            self._nlp = _blank_pipeline(lang)
            self._split = self._split_with_spacy
        self._lemma_table = _load_lemma_table(lang)
        self._stop_words: frozenset[str] = frozenset(self._nlp.Defaults.stop_words) if self._nlp is not None else frozenset()
        self._to_simplified = _simplified_converter() if lang == "zh" else None
        self._segmenter = _chinese_segmenter() if lang == "zh" else None
        self.lemma = lru_cache(maxsize=200_000)(self._lookup_lemma)
        self._norm = lru_cache(maxsize=200_000)(self._normalize)

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        """The non-space tokens of ``text``; offsets are shifted by ``offset``."""
        tokens = []
        boundaries = self._word_boundaries(text) if self._segmenter is not None else None
        for start, end, word, is_punct in self._split(text):
            norm = self._norm(word)
            if boundaries is None:
                tokens.append(Token(start + offset, end + offset, word, norm, self.lemma(word), is_punct))
            else:
                starts, ends = start in boundaries, end in boundaries
                tokens.append(Token(start + offset, end + offset, word, norm, self.lemma(word), is_punct, starts, ends))
        return tokens

    def _word_boundaries(self, text: str) -> set[int]:
        """Offsets between words, from jieba's dictionary segmentation of the Simplified text."""
        assert self._segmenter is not None
        simplified = "".join(norm if len(norm := self._norm(ch)) == 1 else ch for ch in text)
        boundaries, position = {0, len(text)}, 0
        for word in self._segmenter.cut(simplified, HMM=False):
            if len(word) == 4:  # four-character words are mostly two words: 上述|情况, 符合|规定
                boundaries.add(position + 2)
            position += len(word)
            boundaries.add(position)
        return boundaries

    def is_stop_word(self, norm: str) -> bool:
        """True for the language's function words (articles, pronouns, auxiliaries...)."""
        return norm in self._stop_words

    def is_known_word(self, word: str) -> bool:
        """True when ``word`` (any case) is a stop word or in the lemma data: used to tell
        words in capitals for emphasis ("DO NOT") from acronyms."""
        lower = word.lower()
        if lower in self._stop_words:
            return True
        table = self._lemma_table
        return table is not None and (lower in table or word.capitalize() in table)

    def _normalize(self, word: str) -> str:
        norm = normalize_word(word)
        if self._to_simplified is not None:
            norm = "".join(self._to_simplified(ch) for ch in norm)
        return norm

    def _lookup_lemma(self, word: str) -> str:
        table = self._lemma_table
        if table is None:
            return self._norm(word)
        # A lower-case word is never looked up capitalised: German "erfolgen" is not "Erfolg".
        candidates = (word, word.lower()) if word.islower() else (word, word.lower(), word.capitalize())
        lemma = next((found for found in map(table.get, candidates) if found), None)
        if lemma is None:
            return self._norm(word)
        # Follow chains to a fixed point, as the data has them: it "inoltrata" -> "inoltrato" -> "inoltrare".
        seen = {word}
        for _ in range(MAX_LEMMA_HOPS):
            lemma = str(lemma[0] if isinstance(lemma, list) else lemma)
            if lemma in seen:
                break
            seen.add(lemma)
            following = table.get(lemma)
            if not following:
                break
            lemma = following
        return self._norm(str(lemma[0] if isinstance(lemma, list) else lemma))

    def _split_with_spacy(self, text: str) -> list[tuple[int, int, str, bool]]:
        # spaCy does not promise that one tokenizer is safe across threads (it caches).
        with self._lock:
            doc = self._nlp.tokenizer(text)
            return [(t.idx, t.idx + len(t.text), t.text, bool(t.is_punct)) for t in doc if not t.is_space]


def _blank_pipeline(lang: str) -> Any:
    import spacy

    try:
        nlp = spacy.blank(_SPACY_CODE.get(lang, lang))
        nlp.tokenizer("test")
        return nlp
    except Exception:  # noqa: BLE001 - unknown language or a missing optional tokenizer
        return spacy.blank("xx")


def _load_lemma_table(lang: str) -> Any:
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups(_SPACY_CODE.get(lang, lang), ["lemma_lookup"], strict=True)
        return lookups.get_table("lemma_lookup")
    except Exception:  # noqa: BLE001 - no lookup data for this language: match surface forms
        return None


def _simplified_converter() -> Callable[[str], str]:
    from opencc import OpenCC

    converter = OpenCC("t2s")

    def to_simplified(ch: str) -> str:
        # Character by character so that a token keeps its length.
        converted: str = converter.convert(ch)
        return converted if len(converted) == 1 else ch

    return lru_cache(maxsize=50_000)(to_simplified)


def _chinese_segmenter() -> Any:
    """jieba's dictionary segmenter (its word list ships in the package; nothing is downloaded).

    Chinese has no spaces: without word boundaries 业已 ("already") would match inside
    企业已经 ("the company has already"). Our own Tokenizer instance, never jieba's global one.
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    return segmenter


def _is_character_script(ch: str) -> bool:
    # Han, kana, Thai...: "other letters" outside Latin, Greek, Cyrillic and Arabic-like alphabets.
    return unicodedata.category(ch) == "Lo" and ord(ch) >= 0x0E00


def _split_characters(text: str) -> list[tuple[int, int, str, bool]]:
    """Tokens for scripts without spaces: each ideograph alone, Latin/digit runs together."""
    tokens: list[tuple[int, int, str, bool]] = []
    run_start = -1
    for i, ch in enumerate(text):
        is_word_char = ch.isalnum() or ch in "&_" or ch == PLACEHOLDER
        if is_word_char and not _is_character_script(ch) and ch != PLACEHOLDER:
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0:
            tokens.append((run_start, i, text[run_start:i], False))
            run_start = -1
        if ch.isspace():
            continue
        tokens.append((i, i + 1, ch, not is_word_char))
    if run_start >= 0:
        tokens.append((run_start, len(text), text[run_start:], False))
    return tokens


class PipelineCache:
    """Builds each language's pipeline on first use, once.

    Pipelines are read-only once built, so one cache (``SHARED_PIPELINES``) serves every
    Linter in a process: a mail platform with a Linter per organisation loads each
    language's lemma table (tens of MB) once, not once per organisation.
    """

    def __init__(self) -> None:
        self._pipelines: dict[str, LanguagePipeline] = {}
        self._lock = threading.Lock()

    def get(self, lang: str) -> LanguagePipeline:
        pipeline = self._pipelines.get(lang)
        if pipeline is None:
            with self._lock:
                pipeline = self._pipelines.get(lang)
                if pipeline is None:
                    pipeline = LanguagePipeline(lang)
                    self._pipelines[lang] = pipeline
        return pipeline


SHARED_PIPELINES = PipelineCache()
