#!/usr/bin/env python3
"""Linting a folder of letters: one process vs worker processes (``jargonlint check --jobs``).

Generates template repositories of N letters from ``benchmarks/letters/`` (every letter made
distinct, one folder per language, as template repos keep them) in a temporary folder, and
times a cold run for each (N, jobs): a fresh Python process that builds the Linter and lints
the folder, workers forced on (no threshold), as ``jargonlint check`` would. Prints a
Markdown table of medians; the in-process threshold in ``jargonlint/parallel.py`` comes from it.

    python benchmarks/files.py [--counts 40 100 200 400] [--jobs 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LETTERS = Path(__file__).parent / "letters"
ALL_LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pt", "zh")


def generate(folder: Path, count: int, languages: tuple[str, ...]) -> None:
    """``count`` distinct letters, spread evenly over ``languages``, in ``folder/<lang>/``."""
    sources = {
        lang: [p.read_text(encoding="utf-8").replace("[[", "").replace("]]", "") for p in sorted((LETTERS / lang).glob("*.txt"))]
        for lang in languages
    }
    for i in range(count):
        lang = languages[i % len(languages)]
        texts = sources[lang]
        # A reference number in every paragraph: each letter is new text, as in a real repo.
        text = texts[(i // len(languages)) % len(texts)].replace("\n\n", f" ({i:04d}).\n\n")
        target = folder / lang / f"letter-{i:04d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def child(folder: str, jobs: int) -> None:
    """One cold run, in this fresh process: build the Linter, lint every file; print the seconds."""
    start = time.perf_counter()
    from jargonlint.config import Settings
    from jargonlint.files import iter_files
    from jargonlint.linter import Linter
    from jargonlint.parallel import lint_files

    settings = Settings()
    linter = Linter.from_settings(settings)
    paths = list(iter_files([folder], settings))
    findings = sum(len(r.unwrap().findings) for r in lint_files(linter, paths, jobs=jobs, min_files_per_worker=1))
    print(json.dumps({"seconds": time.perf_counter() - start, "files": len(paths), "findings": findings}))


def run_once(folder: Path, jobs: int) -> tuple[float, int]:
    run = subprocess.run([sys.executable, __file__, "--child", str(folder), str(jobs)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"the run with --jobs {jobs} on {folder} failed:\n{run.stderr}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    return float(result["seconds"]), int(result["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[40, 100, 200, 400], help="letters per generated repository")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker processes to compare (1 = in-process)")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs per cell; the median is shown")
    parser.add_argument("--languages", nargs="+", default=list(ALL_LANGUAGES), help="languages of the letters")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0

    languages = tuple(args.languages)
    print(f"Python {sys.version.split()[0]}; letters in {', '.join(languages)}; medians of {args.repeat} cold runs (build + lint)\n")
    print(
        "| letters | " + " | ".join(f"--jobs {j} s" for j in args.jobs) + " | " + " | ".join(f"speed-up x{j}" for j in args.jobs[1:]) + " |"
    )
    print("| ---: | " + " | ".join("---:" for _ in args.jobs) + " | " + " | ".join("---:" for _ in args.jobs[1:]) + " |")
    with tempfile.TemporaryDirectory(prefix="jargonlint-files-") as tmp:
        for count in args.counts:
            folder = Path(tmp) / f"repo-{count}"
            generate(folder, count, languages)
            medians: list[float] = []
            findings: set[int] = set()
            for jobs in args.jobs:
                times = []
                for _ in range(args.repeat):
                    seconds, found = run_once(folder, jobs)
                    times.append(seconds)
                    findings.add(found)
                medians.append(statistics.median(times))
            if len(findings) != 1:
                print(f"warning: the runs disagree on the number of findings: {sorted(findings)}", file=sys.stderr)
            speedups = " | ".join(f"{medians[0] / m:.2f}" for m in medians[1:])
            print(f"| {count} | " + " | ".join(f"{m:.1f}" for m in medians) + f" | {speedups} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
