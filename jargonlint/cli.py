"""The ``jargonlint`` command: parse options, call the library, pick a reporter, exit code.

Exit codes: 0 = nothing at or above ``--fail-on``; 1 = findings; 2 = usage, config,
glossary or file error.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence

import click

from jargonlint import __version__
from jargonlint.config import Settings, discover_settings, load_settings
from jargonlint.errors import FileError, ProblemsError
from jargonlint.files import iter_files
from jargonlint.finding import Severity
from jargonlint.language.codes import is_known_language, normalize_language
from jargonlint.linter import Linter
from jargonlint.report import Report
from jargonlint.reporters import REPORTER_NAMES, OutputOptions, get_reporter

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = [s.label for s in Severity]

CHECK_HELP = """Check letters, e-mails and templates for jargon, unexplained acronyms and
canned phrases.

PATHS are files or folders (folders are searched for known file types); `-` reads
standard input. With no PATHS, the current folder is checked.

\b
Examples:
  jargonlint check letter.txt
  jargonlint check templates/ --format json
  jargonlint check -g acme.yaml --lang fr courrier.txt
  cat draft.txt | jargonlint check -
"""


def _error(message: str) -> None:
    click.echo(click.style("error: ", fg="red", bold=True) + message, err=True)


def _settings(config: str | None, isolated: bool, paths: Sequence[str]) -> Settings:
    if config:
        return load_settings(config)
    if isolated:
        return Settings()
    return discover_settings(paths)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jargonlint")
def cli() -> None:
    """jargonlint: write to customers in their words, not yours."""


@cli.command(help=CHECK_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-g",
    "--glossary",
    "glossaries",
    multiple=True,
    metavar="PATH",
    help="Organisation glossary (YAML); repeatable; `builtin:NAME` for a built-in one.",
)
@click.option("--no-builtin", is_flag=True, help="Do not load the built-in glossaries.")
@click.option("--lang", metavar="CODE", help="Language of all input (ISO 639-1, e.g. fr); skips detection.")
@click.option("--format", "output_format", type=click.Choice(REPORTER_NAMES), default="text", show_default=True, help="Output format.")
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1.  [default: warning]"
)
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--stdin-filename", metavar="NAME", help="File name to assume for standard input (language and format hints).")
@click.option("--no-inline-ignores", is_flag=True, help="Ignore `jargonlint: ignore/off` comments (to audit them).")
@click.option("--report-unused-ignores", is_flag=True, help="Report `jargonlint: ignore/off` comments that suppress nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no excerpts, no summary.")
def check(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    no_builtin: bool,
    lang: str | None,
    output_format: str,
    fail_on: str | None,
    config: str | None,
    isolated: bool,
    stdin_filename: str | None,
    no_inline_ignores: bool,
    report_unused_ignores: bool,
    quiet: bool,
) -> None:
    if lang is not None and not is_known_language(lang):
        raise click.BadParameter(f"unknown language code {lang!r}; use ISO 639-1 codes such as en, fr, nl", param_hint="--lang")
    targets = list(paths) or ["."]
    try:
        settings = _settings(config, isolated, targets)
        settings = dataclasses.replace(
            settings,
            glossaries=(*settings.glossaries, *glossaries),
            builtin=settings.builtin and not no_builtin,
            fail_on=Severity.parse(fail_on) if fail_on else settings.fail_on,
            inline_ignores=settings.inline_ignores and not no_inline_ignores,
            report_unused_ignores=settings.report_unused_ignores or report_unused_ignores,
        )
        linter = Linter.from_settings(settings)
    except ProblemsError as exc:
        kind = "glossary" if exc.__class__.__name__ == "GlossaryError" else "configuration"
        _error(f"invalid {kind} ({len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}):")
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_ERROR)

    reports: list[Report] = []
    failed = False
    forced = normalize_language(lang) if lang else None
    for path in iter_files(targets, settings):
        try:
            report = linter.lint_file(path, lang=forced, display_path=stdin_filename if path == "-" else None)
        except FileError as exc:
            _error(str(exc))
            failed = True
            continue
        for warning in report.problems:
            click.echo(click.style("warning: ", fg="yellow", bold=True) + warning, err=True)
        reports.append(report)

    options = OutputOptions(color=sys.stdout.isatty(), quiet=quiet, fail_on=settings.fail_on)
    click.echo(get_reporter(output_format)(reports, options), nl=False)
    if failed:
        sys.exit(EXIT_ERROR)
    if any(r.at_or_above(settings.fail_on) for r in reports):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (for tests and ``python -m jargonlint``)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="jargonlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        return EXIT_ERROR
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
    return EXIT_OK
