"""``jargonlint glossary validate|show|import|export``: understanding and managing glossaries.

Exit codes: 0 = done (``validate``: no errors); 1 = ``validate --strict`` found warnings;
2 = an invalid glossary, an unreadable source, or a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from jargonlint.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    check_language,
    echo_error,
    emit,
    glossary_options,
    resolve_settings,
)
from jargonlint.errors import GlossaryError, ProblemsError
from jargonlint.glossary.importers import ExportResult, ImportResult, Skipped, SourceError
from jargonlint.glossary.importers.common import plural
from jargonlint.glossary.importers.csv_format import export_csv, import_csv
from jargonlint.glossary.importers.tbx import VERSIONS, export_tbx, import_tbx
from jargonlint.glossary.importers.vale import import_vale
from jargonlint.glossary.loader import load_glossaries
from jargonlint.glossary.model import GlossarySet
from jargonlint.glossary.show import effective_glossary, effective_header
from jargonlint.glossary.validate import GlossaryValidator
from jargonlint.glossary.writer import dump_yaml, glossary_to_yaml
from jargonlint.language.codes import ANY, normalize_language

VALIDATE_HELP = """Check glossary files: every problem in every file, as FILE:LINE: LEVEL: MESSAGE.

Errors stop a glossary from loading (exit 2). Warnings are things that load but probably
do not do what you meant: an entry without suggestion, the same phrase under two ids,
a `replace` no suggestion mentions, a phrase that can never match. FILES may be
`builtin:NAME`; what a file extends is checked too.
"""

SHOW_HELP = """Print the effective glossary: every file merged after `extends`, each entry with
the glossary it comes from, and the entries a later glossary overrides.

Glossaries are found as `check` finds them (config file, `-g`, built-ins). With
`--lang`, only what applies to text in that language, as that text sees it.
"""

IMPORT_HELP = """Turn a CSV sheet, a TBX term base or a Vale style into a glossary (YAML).

\b
SOURCE is, for --from:
  csv   a CSV or TSV file, one column per language (see docs/importing.md)
  tbx   a TBX file (TBX-Basic 2008 `martif` or TBX v3 `tbx`)
  vale  a Vale style folder, one rule file, a vocabulary folder, or a StylesPath
What cannot be carried over is listed on stderr and in the file's header comment.
"""

EXPORT_HELP = """Write the effective glossary's entries as CSV, or its terms as a TBX term base.

Glossaries are found as `check` finds them (config file, `-g`, built-ins).
"""


@click.group(help="Validate, inspect, import and export glossaries.")
def glossary() -> None:
    """The ``glossary`` command group."""


def _fail(exc: ProblemsError, what: str) -> None:
    echo_error(f"{what} ({plural(len(exc.problems), 'problem')}):")
    for problem in exc.problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(EXIT_ERROR)


def _effective(config: str | None, isolated: bool, glossaries: Sequence[str], no_builtin: bool) -> GlossarySet:
    try:
        settings = resolve_settings(config, isolated, ["."])
        return load_glossaries((*settings.glossaries, *glossaries), builtin=settings.builtin and not no_builtin)
    except GlossaryError as exc:
        _fail(exc, "invalid glossary")
    except ProblemsError as exc:
        _fail(exc, "invalid configuration")
    raise AssertionError("unreachable")


def _report_skipped(skipped: Sequence[Skipped]) -> None:
    for item in skipped:
        click.echo(f"  skipped {item}", err=True)


@glossary.command(help=VALIDATE_HELP)
@click.argument("files", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (errors always exit 2).")
def validate(files: tuple[str, ...], strict: bool) -> None:
    validator = GlossaryValidator()
    errors = warnings = 0
    for spec in files:
        result = validator.validate(spec)
        for issue in result.issues:
            click.echo(str(issue))
        errors += result.errors
        warnings += result.warnings
        if result.errors:
            click.echo(f"{result.display}: {plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}")
            continue
        entries = result.glossary.entries if result.glossary else ()
        terms = sum(e.rule == "jargon" for e in entries)
        counts = f"{plural(terms, 'term')}, {plural(len(entries) - terms, 'canned phrase')}"
        status = f"OK with {plural(result.warnings, 'warning')}" if result.warnings else "OK"
        click.echo(f"{result.display}: {status} ({counts})")
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if strict and warnings else EXIT_OK)


@glossary.command(help=SHOW_HELP)
@glossary_options
@click.option("--lang", metavar="CODE", help="Only what applies to text in this language (ISO 639-1).")
@click.option("--format", "output_format", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True, help="Output format.")
def show(glossaries: tuple[str, ...], no_builtin: bool, config: str | None, isolated: bool, lang: str | None, output_format: str) -> None:
    check_language(lang)
    merged = _effective(config, isolated, glossaries, no_builtin)
    data = effective_glossary(merged, normalize_language(lang) if lang else None)
    if output_format == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(dump_yaml(data, effective_header(merged)), nl=False)


def _write(text: str, output: str | None, force: bool) -> None:
    if output is not None and os.path.exists(output) and not force:
        echo_error(f"{output} exists; use --force to overwrite it")
        sys.exit(EXIT_ERROR)
    emit(text, output)


@glossary.command("import", help=IMPORT_HELP)
@click.option("--from", "source_format", type=click.Choice(["csv", "tbx", "vale"]), required=True, help="Format of SOURCE.")
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the glossary here instead of to standard output.")
@click.option("--name", help="The glossary's name (default: from the source's file name or title).")
@click.option("--lang", default="en", show_default=True, help="Vale only: the language of the style's words ('any' = every language).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def import_command(source_format: str, source: str, output: str | None, name: str | None, lang: str, force: bool) -> None:
    if lang != ANY:
        check_language(lang)
    path = Path(source)
    result: ImportResult
    try:
        if source_format == "csv":
            result = import_csv(path, name=name)
        elif source_format == "tbx":
            result = import_tbx(path, name=name)
        else:
            result = import_vale(path, lang=normalize_language(lang) if lang != ANY else ANY, name=name)
    except SourceError as exc:
        _fail(exc, f"cannot import {source}")
    header = [f"Imported by `jargonlint glossary import` from {result.source}", f"{result.summary}."]
    if result.skipped:
        header += ["Not imported:", *(f"  {item}" for item in result.skipped)]
    _write(glossary_to_yaml(result.glossary, header), output, force)
    click.echo(f"{result.summary}.", err=True)
    _report_skipped(result.skipped)


@glossary.command("export", help=EXPORT_HELP)
@click.option("--to", "target", type=click.Choice(["csv", "tbx"]), required=True, help="Format to write.")
@glossary_options
@click.option(
    "--tbx-version", type=click.Choice(VERSIONS), default="2008", show_default=True, help="TBX 2008 (`martif`) or TBX v3 (`tbx`)."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the file here instead of to standard output.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def export(
    target: str,
    glossaries: tuple[str, ...],
    no_builtin: bool,
    config: str | None,
    isolated: bool,
    tbx_version: str,
    output: str | None,
    force: bool,
) -> None:
    merged = _effective(config, isolated, glossaries, no_builtin)
    result: ExportResult
    if target == "csv":
        result = export_csv(merged)
    else:
        title = merged.glossaries[-1].name if merged.glossaries else "jargonlint glossary"
        result = export_tbx(merged, version=tbx_version, title=title)
    _write(result.text, output, force)
    click.echo(f"{result.summary}.", err=True)
    _report_skipped(result.skipped)
