#!/usr/bin/env python3
"""Speed and memory of the library, as a mail system uses it: build one Linter, lint many letters.

Prints a table: cold start (build + first letter per language), median and p95 time per
letter, letters per second per thread, and peak memory. Medians, because machines are noisy.

    python benchmarks/speed.py [--repeat 200] [--threads 1 4]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LETTERS = Path(__file__).parent / "letters"
LANGUAGES = ("en", "fr", "es", "nl", "de", "it", "pt", "zh")


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="letters linted per language for the timing")
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 4], help="thread counts for the throughput rows")
    args = parser.parse_args()

    start = time.perf_counter()
    from jargonlint import Linter

    linter = Linter()
    build = time.perf_counter() - start
    letters = {
        lang: [p.read_text(encoding="utf-8").replace("[[", "").replace("]]", "") for p in sorted((LETTERS / lang).glob("*.txt"))]
        for lang in LANGUAGES
    }
    rss_before = peak_rss_mib()

    print(
        f"Python {sys.version.split()[0]}; built Linter with built-in glossaries in {build * 1000:.0f} ms ({len(linter.glossary.entries)} entries)\n"
    )
    print(
        "| language | first letter (cold) ms | new text: median ms/letter | new text: p95 | same template again: median ms/letter | words/letter |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for lang in LANGUAGES:
        texts = letters[lang]
        cold_start = time.perf_counter()
        linter.lint(texts[0])
        cold = (time.perf_counter() - cold_start) * 1000
        timings, repeated = [], []
        for i in range(args.repeat):
            # Every paragraph made unique (as if each letter were new), defeating the detection cache.
            text = texts[i % len(texts)].replace("\n\n", f" {i}.\n\n")
            t0 = time.perf_counter()
            linter.lint(text)
            timings.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            linter.lint(texts[i % len(texts)])
            repeated.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        words = statistics.mean(len(t.split()) if lang != "zh" else len(t) / 1.5 for t in texts)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"| {lang} | {cold:.0f} | {statistics.median(timings):.2f} | {p95:.2f} | {statistics.median(repeated):.2f} | {words:.0f} |")

    base_texts = [t for texts in letters.values() for t in texts] * 5
    print("\n| threads (new text) | letters | seconds | letters/s |")
    print("| ---: | ---: | ---: | ---: |")
    for threads in args.threads:
        all_texts = [t.replace("\n\n", f" {threads}-{i}.\n\n") for i, t in enumerate(base_texts)]  # new text for each row
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(linter.lint, all_texts))
        elapsed = time.perf_counter() - t0
        print(f"| {threads} | {len(all_texts)} | {elapsed:.2f} | {len(all_texts) / elapsed:.0f} |")
    print(f"\nPeak RSS: {peak_rss_mib():.0f} MiB (after build: {rss_before:.0f} MiB; all 8 languages loaded: lemma tables dominate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
