"""Reporters turn reports into output; the engine never prints. One module per format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jargonlint.finding import Severity
from jargonlint.report import Report


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """How the CLI asked for output."""

    color: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.WARNING


Reporter = Callable[[Sequence[Report], OutputOptions], str]


def get_reporter(name: str) -> Reporter:
    """The reporter for ``--format NAME``."""
    from jargonlint.reporters import github, json_format, junit, sarif, text

    reporters: dict[str, Reporter] = {
        "text": text.render,
        "json": json_format.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
    }
    return reporters[name]


REPORTER_NAMES = ("text", "json", "sarif", "github", "junit")
