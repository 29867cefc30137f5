#!/usr/bin/env python3
"""Accuracy of the built-in glossaries on the independent letter corpus (benchmarks/letters/).

Prints two tables: false positives per 1,000 words in the plain-language letters, and recall
on the cliché letters (a marked ``[[span]]`` counts as found when a finding overlaps it).
Scoring rules: benchmarks/letters/README.md. Usage:

    python benchmarks/accuracy.py [--show-misses] [--show-extra] [-g GLOSSARY ...]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from jargonlint import Linter

LETTERS = Path(__file__).parent / "letters"
LANGUAGES = ("en", "fr", "es", "nl", "de", "it", "pt", "zh")
_MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")


def strip_marks(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text the linter sees, and the marked spans in it."""
    text, spans, position = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[position : match.start()]
        text.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append((length, length + len(inner), inner))
        text.append(inner)
        length += len(inner)
        position = match.end()
    text.append(marked[position:])
    return "".join(text), spans


def count_words(text: str, lang: str) -> float:
    if lang == "zh":
        return len(_HAN.findall(text)) / 1.5 + len(_LATIN_RUN.findall(text))
    return len(text.split())


@dataclass
class Score:
    words: float = 0.0
    false_positives: int = 0
    marked: int = 0
    found: int = 0
    extra: int = 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-g", "--glossary", action="append", default=[], help="extra glossary (repeatable)")
    parser.add_argument("--show-misses", action="store_true", help="list marked spans no finding overlaps")
    parser.add_argument("--show-extra", action="store_true", help="list findings in clean letters and unmarked findings in cliché letters")
    args = parser.parse_args()
    linter = Linter(args.glossary)
    scores = {lang: Score() for lang in LANGUAGES}
    for lang in LANGUAGES:
        score = scores[lang]
        for path in sorted((LETTERS / lang).glob("clean-*.txt")):
            text = path.read_text(encoding="utf-8")
            score.words += count_words(text, lang)
            report = linter.lint(text, path=str(path))
            score.false_positives += len(report.findings)
            if args.show_extra:
                for f in report.findings:
                    print(f"FP   {path.relative_to(LETTERS)}:{f.line}: [{f.code}] {f.text!r} ({f.lang})")
        for path in sorted((LETTERS / lang).glob("cliches-*.txt")):
            text, spans = strip_marks(path.read_text(encoding="utf-8"))
            report = linter.lint(text, path=str(path))
            score.marked += len(spans)
            for start, end, inner in spans:
                if any(f.start < end and start < f.end for f in report.findings):
                    score.found += 1
                elif args.show_misses:
                    print(f"MISS {path.relative_to(LETTERS)}: {' '.join(inner.split())!r}")
            for f in report.findings:
                if not any(f.start < end and start < f.end for start, end, _ in spans):
                    score.extra += 1
                    if args.show_extra:
                        print(f"EXTRA {path.relative_to(LETTERS)}:{f.line}: [{f.code}] {f.text!r}")

    total = Score()
    print("\n| language | clean words | false positives | per 1,000 words | marked spans | found | recall | unmarked findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang, s in [*scores.items(), ("all", total)]:
        if lang != "all":
            for field in ("words", "false_positives", "marked", "found", "extra"):
                setattr(total, field, getattr(total, field) + getattr(s, field))
        per_k = 1000 * s.false_positives / s.words if s.words else 0.0
        recall = s.found / s.marked if s.marked else 0.0
        print(f"| {lang} | {s.words:,.0f} | {s.false_positives} | {per_k:.2f} | {s.marked} | {s.found} | {recall:.0%} | {s.extra} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
