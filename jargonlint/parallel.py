"""Linting many files in worker processes, each with its own Linter; results in input order.

A run stays in-process unless it is big enough to pay for the workers: each worker loads
the data of every language it meets (spaCy tokenizer rules, lemma tables, matchers: one to a
few seconds per language), which the single process would have loaded once. Measured with
``benchmarks/files.py``; the README quotes the table.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from jargonlint.config import Settings
from jargonlint.errors import FileError
from jargonlint.linter import Linter
from jargonlint.report import Report

# Fewer files than this per worker and a run stays in-process (see benchmarks/files.py).
MIN_FILES_PER_WORKER = 50


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's report, or the message of the ``FileError`` that kept it from being linted."""

    path: str
    report: Report | None
    error: str | None = None

    def unwrap(self) -> Report:
        """The report; raises ``FileError`` (in this process) if the file could not be linted."""
        if self.report is None:
            raise FileError(self.error or f"{self.path}: not linted")
        return self.report


@dataclass(frozen=True, slots=True)
class FileOptions:
    """How every file of a run is read: as ``Linter.lint_file`` takes it."""

    lang: str | None = None
    format_name: str | None = None
    stdin_filename: str | None = None  # the display name of ``-``


def default_jobs() -> int:
    """The CPUs this process may run on (a container's or ``taskset``'s limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(paths: Sequence[str], jobs: int, min_files_per_worker: int | None = None) -> int:
    """How many processes lint ``paths`` with ``--jobs jobs``; 1 = this one.

    At most ``jobs``, and at least ``min_files_per_worker`` files (default
    :data:`MIN_FILES_PER_WORKER`) for each; standard input is read in this process.
    """
    if jobs <= 1 or "-" in paths:
        return 1
    least = MIN_FILES_PER_WORKER if min_files_per_worker is None else max(1, min_files_per_worker)
    return max(1, min(jobs, len(paths) // least))


def lint_one(linter: Linter, path: str, options: FileOptions) -> FileResult:
    """Lint one file; a ``FileError`` becomes a result, so a bad file never stops a run."""
    try:
        display = options.stdin_filename if path == "-" else None
        return FileResult(path, linter.lint_file(path, lang=options.lang, format_name=options.format_name, display_path=display))
    except FileError as exc:
        return FileResult(path, None, str(exc))


def lint_files(
    linter: Linter,
    paths: Sequence[str],
    options: FileOptions = FileOptions(),
    *,
    jobs: int = 1,
    min_files_per_worker: int | None = None,
) -> Iterator[FileResult]:
    """A result per path, in the order of ``paths``, whichever process linted it.

    ``jobs`` is an upper bound: small runs, and runs that read standard input, stay in
    this process (see :func:`worker_count`). Each worker lints with a Linter of the same
    settings as ``linter``, so the results are those of the serial run.
    """
    workers = worker_count(paths, jobs, min_files_per_worker)
    if workers == 1:
        for path in paths:
            yield lint_one(linter, path, options)
        return
    context, source = _start_method(linter)
    # Contiguous chunks: template repositories keep a folder per language, so a worker
    # mostly meets a few languages and loads only their data. Two chunks per worker even
    # out the load when one language is slower.
    chunksize = max(1, math.ceil(len(paths) / (workers * 2)))
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(source, options))
    try:
        yield from pool.map(_lint_in_worker, paths, chunksize=chunksize)
    finally:
        # On an early exit (Ctrl-C, the caller stops reading) the files not started are dropped, not linted.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method(linter: Linter) -> tuple[multiprocessing.context.BaseContext, Linter | Settings]:
    """Fork where it is safe and cheap: workers inherit the imported modules and the parent's
    Linter instead of importing spaCy and loading the glossaries again (seconds). Forking is
    safe only without other threads (one could hold a lock the child then waits for forever);
    with threads, and on macOS and Windows, workers are spawned and build a Linter from the
    same settings."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork"), linter
    return multiprocessing.get_context("spawn"), linter.settings


# The worker's own Linter and options. Module state, but only ever set in a worker process,
# once, by the pool's initializer: a pool cannot hand objects to its workers any other way.
_worker: tuple[Linter, FileOptions] | None = None


def worker_linter(source: Linter | Settings) -> Linter:
    """A worker's Linter: the parent's, inherited by a fork, or one built from its settings."""
    return source if isinstance(source, Linter) else Linter.from_settings(source)


def _start_worker(source: Linter | Settings, options: FileOptions) -> None:
    global _worker
    # Ctrl-C is the parent's to handle: it stops the pool; workers would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (worker_linter(source), options)


def _lint_in_worker(path: str) -> FileResult:
    assert _worker is not None, "the pool initializer did not run"
    linter, options = _worker
    return lint_one(linter, path, options)
