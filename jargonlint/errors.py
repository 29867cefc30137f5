"""The exceptions jargonlint raises. Problems are values with a position."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an input file, at ``path:line`` (line 0 = whole file)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class JargonlintError(Exception):
    """Base class of every error jargonlint raises on purpose."""


class ProblemsError(JargonlintError):
    """An error that lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


class GlossaryError(ProblemsError):
    """A glossary could not be loaded: bad YAML, unknown key, wrong type, cycle, missing file."""


class ConfigError(ProblemsError):
    """The configuration (pyproject.toml, jargonlint.toml, options) is invalid."""


class FileError(JargonlintError):
    """A file cannot be linted (missing, unreadable, binary); the message says why."""
