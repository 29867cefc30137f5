"""What every command shares: exit codes, messages on stderr, settings and Linter from options."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

import click

from jargonlint.atomic_write import write_atomic
from jargonlint.config import Settings, discover_settings, load_settings
from jargonlint.documents.registry import READERS
from jargonlint.errors import GlossaryError, ProblemsError
from jargonlint.finding import Severity
from jargonlint.language.codes import is_known_language
from jargonlint.linter import Linter

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., object])


def echo_error(message: str) -> None:
    """``error: message`` on stderr."""
    click.echo(click.style("error: ", fg="red", bold=True) + message, err=True)


def echo_warning(message: str) -> None:
    """``warning: message`` on stderr."""
    click.echo(click.style("warning: ", fg="yellow", bold=True) + message, err=True)


def check_language(lang: str | None, param_hint: str = "--lang") -> None:
    """Reject an unknown language code as a usage error."""
    if lang is not None and not is_known_language(lang):
        raise click.BadParameter(f"unknown language code {lang!r}; use ISO 639-1 codes such as en, fr, nl", param_hint=param_hint)


def resolve_settings(config: str | None, isolated: bool, paths: Sequence[str]) -> Settings:
    """The config file given, none (``--isolated``), or the one discovered from the first path."""
    if config:
        return load_settings(config)
    if isolated:
        return Settings()
    return discover_settings(paths)


def load_linter(
    *,
    config: str | None,
    isolated: bool,
    targets: Sequence[str],
    glossaries: Sequence[str] = (),
    no_builtin: bool = False,
    fail_on: str | None = None,
    no_inline_ignores: bool = False,
    report_unused_ignores: bool = False,
) -> tuple[Settings, Linter]:
    """Settings from config plus command-line options, and the Linter for them.

    A configuration or glossary problem is printed (every one, with file:line) and ends
    the command with exit code 2.
    """
    try:
        settings = resolve_settings(config, isolated, targets)
        settings = dataclasses.replace(
            settings,
            glossaries=(*settings.glossaries, *glossaries),
            builtin=settings.builtin and not no_builtin,
            fail_on=Severity.parse(fail_on) if fail_on else settings.fail_on,
            inline_ignores=settings.inline_ignores and not no_inline_ignores,
            report_unused_ignores=settings.report_unused_ignores or report_unused_ignores,
        )
        return settings, Linter.from_settings(settings)
    except ProblemsError as exc:
        kind = "glossary" if isinstance(exc, GlossaryError) else "configuration"
        echo_error(f"invalid {kind} ({len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}):")
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_ERROR)


def emit(text: str, output: str | None) -> None:
    """Print ``text`` on stdout, or write it (UTF-8, atomically) to the ``--output`` file."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        echo_error(f"{output}: cannot write: {exc.strerror or exc}")
        sys.exit(EXIT_ERROR)


def glossary_options(function: F) -> F:
    """``-g``, ``--no-builtin``, ``--config`` and ``--isolated``, as ``check`` has them."""
    options = [
        click.option(
            "-g",
            "--glossary",
            "glossaries",
            multiple=True,
            metavar="PATH",
            help="Organisation glossary (YAML); repeatable; `builtin:NAME` for a built-in one.",
        ),
        click.option("--no-builtin", is_flag=True, help="Do not load the built-in glossaries."),
        click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file instead of searching for one."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def input_options(function: F) -> F:
    """``--lang``, ``--stdin-filename`` and ``--format-in``: how the inputs are read."""
    options = [
        click.option("--lang", metavar="CODE", help="Language of all input (ISO 639-1, e.g. fr); skips detection."),
        click.option("--stdin-filename", metavar="NAME", help="File name to assume for standard input (language and format hints)."),
        click.option(
            "--format-in",
            type=click.Choice(sorted(READERS)),
            metavar="NAME",
            help="Read every input as this format (html, markdown, jinja-html, ...) instead of choosing by extension.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function
