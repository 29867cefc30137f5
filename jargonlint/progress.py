"""A progress bar on standard error, for long runs watched on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

import click

# Below this many files a run is over before a bar would tell anything.
PROGRESS_MIN_FILES = 20


class Progress:
    """Counts the files done on a bar on stderr when stderr is a terminal and there are
    many files; otherwise does nothing. Messages for stderr given to :meth:`say` while the
    bar is shown wait until it is gone, so that they do not break its line."""

    def __init__(self, total: int, *, enabled: bool = True, label: str = "Checking") -> None:
        shown = enabled and total >= PROGRESS_MIN_FILES and sys.stderr.isatty()
        self._bar: Any = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) if shown else None
        self._held: list[tuple[Callable[[str], None], str]] = []

    @property
    def shown(self) -> bool:
        """True when a bar is drawn."""
        return self._bar is not None

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def advance(self, files: int = 1) -> None:
        """``files`` more files are done."""
        if self._bar is not None:
            self._bar.update(files)

    def say(self, show: Callable[[str], None], message: str) -> None:
        """``show(message)`` now, or once the bar is gone."""
        if self._bar is None:
            show(message)
        else:
            self._held.append((show, message))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, error, traceback)
        for show, message in self._held:
            show(message)
        self._held.clear()
