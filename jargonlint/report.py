"""The result of linting one text or file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jargonlint.finding import Finding, Severity
from jargonlint.suppressions import Directive


@dataclass(frozen=True, slots=True)
class Report:
    """Findings for one text, in source order, with the language it was read in.

    ``language`` is the document's language; ``languages`` every language used for
    some paragraph; ``problems`` are warnings about reading the input (e.g. decoding);
    ``sources`` the text that findings' offsets refer to, by ``Finding.part``.
    """

    path: str | None
    language: str
    findings: tuple[Finding, ...]
    languages: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())
    sources: Mapping[str | None, str] = field(default_factory=dict, repr=False, compare=False)
    unused_directives: tuple[Directive, ...] = ()

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """Findings at least as serious as ``severity``."""
        return tuple(f for f in self.findings if f.severity >= severity)
