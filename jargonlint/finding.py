"""Findings: what a rule reports, as plain frozen values."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``INFO < WARNING < ERROR``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """``"warning"`` -> ``Severity.WARNING``; raises ``ValueError`` for anything else."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None

    @property
    def label(self) -> str:
        """The lower-case name used in glossaries, config and output."""
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``content``."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that resolve a finding; only ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to change in a text.

    ``start``/``end`` are code-point offsets into the decoded source text (for an e-mail,
    into the decoded ``part``); ``text == source[start:end]``. Lines and columns are
    1-based and count code points; ``end_line``/``end_column`` point just past the span.
    """

    rule: str
    id: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...]
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    lang: str
    fix: Fix | None = None
    glossary: str | None = None
    part: str | None = None
    note: str | None = field(default=None, compare=False)

    @property
    def code(self) -> str:
        """``rule:id``, the name used in output, suppressions and config."""
        return f"{self.rule}:{self.id}"

    def to_dict(self) -> dict[str, object]:
        """The JSON form of the finding (stable: part of output format version 1)."""
        data: dict[str, object] = {
            "rule": self.rule,
            "id": self.id,
            "severity": self.severity.label,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "lang": self.lang,
        }
        if self.glossary is not None:
            data["glossary"] = self.glossary
        if self.part is not None:
            data["part"] = self.part
        if self.fix is not None:
            data["fix"] = {
                "safe": self.fix.safe,
                "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in self.fix.edits],
            }
        return data
