"""What a rule proposes before overlaps are resolved and offsets mapped to the source."""

from __future__ import annotations

from dataclasses import dataclass

from jargonlint.finding import Severity


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding in document-text offsets; ``replacement`` is a safe drop-in fix, if any."""

    start: int
    end: int
    rule: str
    id: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...]
    lang: str
    glossary: str | None = None
    note: str | None = None
    replacement: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


def resolve_overlaps(candidates: list[Candidate], ignored: list[tuple[int, int]]) -> list[Candidate]:
    """One finding per span: the longest wins; anything touching an ignored span is dropped."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = list(ignored)
    rule_order = {"canned": 0, "jargon": 1, "acronym": 2}
    for candidate in sorted(candidates, key=lambda c: (-c.length, c.start, rule_order.get(c.rule, 9), c.id)):
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        chosen.append(candidate)
        taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: (c.start, c.end, c.rule, c.id))
