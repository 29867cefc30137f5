"""Offsets to 1-based lines and columns (code points), for one source text."""

from __future__ import annotations

import bisect


class LineIndex:
    """Finds the line and column of an offset in ``O(log lines)``."""

    def __init__(self, source: str) -> None:
        self._line_starts = [0]
        position = source.find("\n")
        while position >= 0:
            self._line_starts.append(position + 1)
            position = source.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)``, both 1-based."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start offset of 1-based ``line`` and the start of the next one."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else -1
        return start, end
