"""Language detection with langdetect, made deterministic and cautious on short texts."""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jargonlint.language.codes import normalize_language

SEED = 0
# Below this many letters langdetect's guesses are noise (a subject line, a greeting).
MIN_LETTERS = 25
# A paragraph must be this sure, and this long, to differ from its document's language.
PARAGRAPH_MIN_LETTERS = 40
PARAGRAPH_MIN_CONFIDENCE = 0.90
DOCUMENT_MIN_CONFIDENCE = 0.50
# langdetect averages 7 random trials by default; 3 keep the same accuracy on letters
# (benchmarks/language_detection.py) at less than half the cost.
TRIALS = 3
MAX_CACHED_CHARS = 2000
# Prior weight of a language no glossary is written in, against 1.0 for those that are:
# it stops Dutch sentences being read as Afrikaans (benchmarks/language_detection.py) while
# a real Swedish or Afrikaans paragraph still wins on its evidence.
OTHER_LANGUAGE_PRIOR = 1e-5


@dataclass(frozen=True, slots=True)
class Detection:
    """A detected language and langdetect's probability for it."""

    lang: str
    confidence: float


# Korean and Japanese are only possible with their own scripts: langdetect takes Traditional
# Chinese for Korean (its n-grams overlap Hanja) with over 99% confidence.
_NEEDS_OWN_SCRIPT = {
    "ko": lambda ch: "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f",
    "ja": lambda ch: "\u3040" <= ch <= "\u30ff",
}


def _count_letters(text: str) -> int:
    # An ideograph carries about as much evidence as a short word: count it as three letters.
    return sum(3 if "\u3400" <= ch <= "\u9fff" else 1 for ch in text if ch.isalpha())


class LanguageDetector:
    """Owns its own langdetect profiles (seeded), loaded on first use; thread-safe."""

    def __init__(self, seed: int = SEED, trials: int = TRIALS) -> None:
        self._seed = seed
        self._trials = trials
        self._factory: Any = None
        self._lock = threading.Lock()
        # Letters from templates repeat the same paragraphs (greetings, closings): remember them.
        self._cached_paragraph = lru_cache(maxsize=4096)(self._detect_paragraph)

    def _get_factory(self) -> Any:
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                    factory = DetectorFactory()
                    factory.load_profile(PROFILES_DIRECTORY)
                    factory.set_seed(self._seed)
                    self._factory = factory
        return self._factory

    def probabilities(self, text: str, allowed: Collection[str] | None = None, preferred: Collection[str] = ()) -> dict[str, float]:
        """Language -> probability (Chinese variants summed as ``zh``); empty if undecidable.

        ``allowed`` restricts the answer; ``preferred`` languages (those the glossaries are
        written in) get a higher prior, so that a Dutch sentence is not taken for Afrikaans.
        """
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._get_factory()
        detector = factory.create()
        detector.n_trial = self._trials
        codes = factory.get_lang_list()
        if allowed:
            wanted = [code for code in codes if normalize_language(code) in allowed]
            if not wanted:
                return {}
            detector.set_prior_map({code: 1.0 for code in wanted})
        elif preferred:
            detector.set_prior_map({code: 1.0 if normalize_language(code) in preferred else OTHER_LANGUAGE_PRIOR for code in codes})
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return {}
        result: dict[str, float] = {}
        for item in ranked:
            code = normalize_language(item.lang)
            if code in _NEEDS_OWN_SCRIPT and not any(_NEEDS_OWN_SCRIPT[code](ch) for ch in text):
                continue  # Traditional Chinese read as Korean, kanji-only text as Japanese
            result[code] = result.get(code, 0.0) + item.prob
        total = sum(result.values())
        return {code: prob / total for code, prob in result.items()} if total else {}

    def detect(
        self,
        text: str,
        allowed: Collection[str] | None = None,
        preferred: Collection[str] = (),
        *,
        min_letters: int = MIN_LETTERS,
        min_confidence: float = DOCUMENT_MIN_CONFIDENCE,
    ) -> Detection | None:
        """The most likely language, or None when the text is too short or the guess too weak."""
        if _count_letters(text) < min_letters:
            return None
        probabilities = self.probabilities(text, allowed, preferred)
        if not probabilities:
            return None
        lang, confidence = max(probabilities.items(), key=lambda item: item[1])
        return Detection(lang, confidence) if confidence >= min_confidence else None

    def detect_paragraph(self, text: str, allowed: Collection[str] | None = None, preferred: Collection[str] = ()) -> str | None:
        """A paragraph's own language, or None when it is too short or unclear to tell."""
        key_allowed = frozenset(allowed) if allowed else None
        if len(text) > MAX_CACHED_CHARS:
            return self._detect_paragraph(text, key_allowed, frozenset(preferred))
        return self._cached_paragraph(text, key_allowed, frozenset(preferred))

    def _detect_paragraph(self, text: str, allowed: frozenset[str] | None, preferred: frozenset[str]) -> str | None:
        detection = self.detect(text, allowed, preferred, min_letters=PARAGRAPH_MIN_LETTERS, min_confidence=PARAGRAPH_MIN_CONFIDENCE)
        return detection.lang if detection is not None else None


def fill_undetected(languages: list[str | None], document_lang: str) -> list[str]:
    """Paragraphs too short to detect take the language of the next detected paragraph (a
    salutation belongs to the text below it), else of the previous one, else the document's."""
    filled: list[str | None] = list(languages)
    following: str | None = None
    for index in reversed(range(len(filled))):
        if languages[index] is not None:
            following = languages[index]
        else:
            filled[index] = following
    preceding: str | None = None
    for index, own in enumerate(languages):
        if own is not None:
            preceding = own
        elif filled[index] is None:
            filled[index] = preceding
    return [lang or document_lang for lang in filled]


# Read-only once loaded (profiles for 55 languages); shared by every Linter in a process.
SHARED_DETECTOR = LanguageDetector()
