#!/usr/bin/env python3
"""Language-detection accuracy on sentence-length texts in the eight first-class languages.

Sentences are cut from the independent letter corpus (benchmarks/letters/, marks removed).
For each language: how often a single sentence, and a two-sentence paragraph, is detected
as its language (i) with no restriction, (ii) restricted to the eight languages, and (iii)
how often a one-line text falls back (too short: the document/default language is used
instead of a random guess). Also the median time per detection.

    python benchmarks/language_detection.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

from jargonlint.language.detect import PARAGRAPH_MIN_CONFIDENCE, PARAGRAPH_MIN_LETTERS, LanguageDetector

LETTERS = Path(__file__).parent / "letters"
LANGUAGES = ("en", "fr", "es", "nl", "de", "it", "pt", "zh")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")


def sentences(lang: str) -> list[str]:
    found = []
    for path in sorted((LETTERS / lang).glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("[[", "").replace("]]", "")
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
                if len(sentence) >= (12 if lang == "zh" else 30):
                    found.append(sentence.strip())
    return found


def main() -> int:
    detector = LanguageDetector()
    allowed = set(LANGUAGES)
    timings: list[float] = []
    rows = []
    for lang in LANGUAGES:
        items = sentences(lang)
        pairs = [f"{a} {b}" for a, b in zip(items[::2], items[1::2], strict=False)]
        counts = {"one": 0, "one_restricted": 0, "two": 0, "two_restricted": 0, "fallback": 0, "wrong": 0}
        for sentence in items:
            t0 = time.perf_counter()
            guess = detector.detect(sentence, min_letters=1, min_confidence=0.0)
            timings.append((time.perf_counter() - t0) * 1000)
            counts["one"] += guess is not None and guess.lang == lang
            restricted = detector.detect(sentence, allowed, min_letters=1, min_confidence=0.0)
            counts["one_restricted"] += restricted is not None and restricted.lang == lang
            cautious = detector.detect(sentence, None, allowed, min_letters=PARAGRAPH_MIN_LETTERS, min_confidence=PARAGRAPH_MIN_CONFIDENCE)
            counts["fallback"] += cautious is None
            counts["wrong"] += cautious is not None and cautious.lang != lang
        for pair in pairs:
            guess = detector.detect(pair, min_letters=1, min_confidence=0.0)
            counts["two"] += guess is not None and guess.lang == lang
            restricted = detector.detect(pair, allowed, min_letters=1, min_confidence=0.0)
            counts["two_restricted"] += restricted is not None and restricted.lang == lang
        rows.append((lang, len(items), len(pairs), counts))

    print(
        "| language | sentences | 1 sentence, any language | 1 sentence, 8 languages | 2 sentences, any | 2 sentences, 8 languages | cautious: falls back | cautious: wrong |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total = {"n": 0, "p": 0}
    sums: dict[str, int] = {}
    for lang, n, p, c in rows:
        total["n"] += n
        total["p"] += p
        for key, value in c.items():
            sums[key] = sums.get(key, 0) + value
        print(
            f"| {lang} | {n} | {c['one'] / n:.1%} | {c['one_restricted'] / n:.1%} | {c['two'] / p:.1%} | {c['two_restricted'] / p:.1%} "
            f"| {c['fallback'] / n:.1%} | {c['wrong'] / n:.1%} |"
        )
    n, p = total["n"], total["p"]
    print(
        f"| all | {n} | {sums['one'] / n:.1%} | {sums['one_restricted'] / n:.1%} | {sums['two'] / p:.1%} | {sums['two_restricted'] / p:.1%} "
        f"| {sums['fallback'] / n:.1%} | {sums['wrong'] / n:.1%} |"
    )
    print(f"\nMedian time per detection: {statistics.median(timings):.2f} ms")
    print(
        "'cautious' = what jargonlint does for a paragraph with no `languages` configured (the 8 built-in languages preferred: prior 1 against 1e-5): at least "
        f"{PARAGRAPH_MIN_LETTERS} letters and {PARAGRAPH_MIN_CONFIDENCE:.0%} confidence, else it inherits the neighbouring language."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
