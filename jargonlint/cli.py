"""The ``jargonlint`` command: parse options, call the library, pick a reporter, exit code.

Exit codes: 0 = nothing at or above ``--fail-on``; 1 = findings; 2 = usage, config,
glossary or file error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from jargonlint import __version__
from jargonlint.commands import explain, fixing, init, stats
from jargonlint.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    check_language,
    echo_error,
    echo_warning,
    emit,
    glossary_options,
    input_options,
    load_linter,
)
from jargonlint.commands.glossary import glossary as glossary_commands
from jargonlint.errors import FileError
from jargonlint.files import iter_files
from jargonlint.finding import Severity
from jargonlint.fix import FileFix, Fixer
from jargonlint.language.codes import normalize_language
from jargonlint.parallel import MIN_FILES_PER_WORKER, FileOptions, default_jobs, lint_files
from jargonlint.progress import PROGRESS_MIN_FILES, Progress
from jargonlint.report import Report
from jargonlint.reporters import REPORTER_NAMES, OutputOptions, get_reporter

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
  jargonlint check --fix templates/      (apply the glossary's `replace:` fixes)
  jargonlint check --diff templates/     (show them as a diff; exit 1 if any)
  jargonlint check --format sarif -o jargonlint.sarif .
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="jargonlint")
def cli() -> None:
    """jargonlint: write to customers in their words, not yours."""


@cli.command(help=CHECK_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@glossary_options
@input_options
@click.option("--format", "output_format", type=click.Choice(REPORTER_NAMES), default="text", show_default=True, help="Output format.")
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1.  [default: warning]"
)
@click.option("--no-inline-ignores", is_flag=True, help="Ignore `jargonlint: ignore/off` comments (to audit them).")
@click.option("--report-unused-ignores", is_flag=True, help="Report `jargonlint: ignore/off` comments that suppress nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no excerpts, no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (a glossary entry's `replace:`) to the files, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them; exit 1 if there are any.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file (atomically) instead of standard output."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Lint files in up to N processes (1 = in this one); runs of fewer than {MIN_FILES_PER_WORKER} files per process, "
    "--fix and --diff stay in one.  [default: number of CPUs]",
)
@click.option("--no-progress", is_flag=True, help=f"No progress bar (shown on a terminal for {PROGRESS_MIN_FILES} files or more).")
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
    format_in: str | None,
    no_inline_ignores: bool,
    report_unused_ignores: bool,
    quiet: bool,
    fix: bool,
    diff: bool,
    output: str | None,
    jobs: int | None,
    no_progress: bool,
) -> None:
    check_language(lang)
    targets = list(paths) or ["."]
    settings, linter = load_linter(
        config=config,
        isolated=isolated,
        targets=targets,
        glossaries=glossaries,
        no_builtin=no_builtin,
        fail_on=fail_on,
        no_inline_ignores=no_inline_ignores,
        report_unused_ignores=report_unused_ignores,
    )

    reports: list[Report] = []
    failed = False
    forced = normalize_language(lang) if lang else None
    fixer = Fixer(linter, lang=forced, format_name=format_in) if fix or diff else None
    fixes: list[FileFix] = []
    files = list(iter_files(targets, settings))
    # In worker processes when the run is big enough, results in the order of `files` (lazy: unused with --fix).
    linted = lint_files(linter, files, FileOptions(forced, format_in, stdin_filename), jobs=jobs or default_jobs())
    with Progress(len(files), enabled=not no_progress) as progress:
        for path in files:
            try:
                if fixer is None:
                    report = next(linted).unwrap()
                else:
                    fixes.append(fixing.fix_file(fixer, path, display_path=stdin_filename if path == "-" else None, write=not diff))
                    report = fixes[-1].report
            except FileError as exc:
                progress.say(echo_error, str(exc))
                failed = True
                continue
            finally:
                progress.advance()
            for warning in report.problems:
                progress.say(echo_warning, warning)
            reports.append(report)

    options = OutputOptions(color=sys.stdout.isatty() and output is None, quiet=quiet, fail_on=settings.fail_on)
    rendered = get_reporter(output_format)(reports, options)
    if fixer is not None:
        remaining = any(r.at_or_above(settings.fail_on) for r in reports)
        sys.exit(fixing.finish(fixes, rendered, diff=diff, output=output, failed=failed, remaining=remaining))
    emit(rendered, output)
    if failed:
        sys.exit(EXIT_ERROR)
    if any(r.at_or_above(settings.fail_on) for r in reports):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


cli.add_command(explain.explain)
cli.add_command(init.init)
cli.add_command(stats.stats)
cli.add_command(glossary_commands)


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
