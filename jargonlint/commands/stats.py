"""``jargonlint stats PATHS``: which jargon a template repository uses most.

Counts findings per rule, per entry (``rule:id``), per language and per file, with the
number of files each appears in. Text tables, or ``--format json``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence

import click

from jargonlint.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    check_language,
    echo_error,
    echo_warning,
    emit,
    glossary_options,
    input_options,
    load_linter,
)
from jargonlint.errors import FileError
from jargonlint.files import iter_files
from jargonlint.finding import Finding
from jargonlint.language.codes import normalize_language
from jargonlint.report import Report

STATS_HELP = """Count findings per rule, per entry, per language and per file.

Takes the same PATHS and glossary options as `check`; always exits 0 unless a file or
the configuration cannot be read (2).

\b
Examples:
  jargonlint stats templates/
  jargonlint stats -g acme.yaml --format json templates/ > stats.json
"""

VERSION = 1


def _table(counts: Counter[str], files: dict[str, set[str]]) -> list[dict[str, object]]:
    """Rows sorted by count (most first), then name."""
    return [
        {"name": name, "findings": count, "files": len(files[name])} for name, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    ]


def count(reports: Sequence[Report]) -> dict[str, object]:
    """The statistics as plain data (``--format json``, version 1)."""
    keys: dict[str, Callable[[Finding], str]] = {
        "rules": lambda f: f.rule,
        "entries": lambda f: f.code,
        "languages": lambda f: f.lang or "-",
    }
    data: dict[str, object] = {"version": VERSION}
    for section, key in keys.items():
        counts: Counter[str] = Counter()
        files: dict[str, set[str]] = {}
        for report in reports:
            for finding in report.findings:
                name = key(finding)
                counts[name] += 1
                files.setdefault(name, set()).add(report.path or "-")
        data[section] = _table(counts, files)
    data["files"] = [
        {"path": report.path or "-", "language": report.language, "findings": len(report.findings)}
        for report in sorted(reports, key=lambda r: (-len(r.findings), r.path or "-"))
    ]
    findings = sum(len(r.findings) for r in reports)
    data["summary"] = {"files": len(reports), "files_with_findings": sum(1 for r in reports if r.findings), "findings": findings}
    return data


def _render_table(title: str, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    columns = list(zip(header, *rows, strict=True))
    widths = [max(len(cell) for cell in column) for column in columns]
    numeric = [all(cell.isdigit() for cell in column[1:]) for column in columns]
    lines = [title]
    for row in (header, *rows):
        cells = [cell.rjust(w) if right else cell.ljust(w) for cell, w, right in zip(row, widths, numeric, strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return [*lines, ""]


def _plural(count: object, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_text(data: dict[str, object]) -> str:
    """The statistics as aligned text tables."""
    summary = data["summary"]
    assert isinstance(summary, dict)
    if not summary["findings"]:
        return f"No findings in {_plural(summary['files'], 'file')}.\n"
    lines: list[str] = []
    for section, title, first in (("rules", "By rule", "rule"), ("entries", "By entry", "entry"), ("languages", "By language", "language")):
        rows = data[section]
        assert isinstance(rows, list)
        lines += _render_table(title, (first, "findings", "files"), [(r["name"], str(r["findings"]), str(r["files"])) for r in rows])
    files = data["files"]
    assert isinstance(files, list)
    rows = [(f["path"], f["language"], str(f["findings"])) for f in files if f["findings"]]
    lines += _render_table("By file", ("file", "language", "findings"), rows)
    lines.append(f"{_plural(summary['findings'], 'finding')} in {summary['files_with_findings']} of {_plural(summary['files'], 'file')}.")
    return "\n".join(lines) + "\n"


@click.command(help=STATS_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@glossary_options
@input_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--no-inline-ignores", is_flag=True, help="Count findings that `jargonlint: ignore/off` comments suppress.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the statistics to this file instead of standard output.")
def stats(
    paths: tuple[str, ...],
    glossaries: tuple[str, ...],
    no_builtin: bool,
    config: str | None,
    isolated: bool,
    lang: str | None,
    output_format: str,
    stdin_filename: str | None,
    format_in: str | None,
    no_inline_ignores: bool,
    output: str | None,
) -> None:
    check_language(lang)
    targets = list(paths) or ["."]
    settings, linter = load_linter(
        config=config, isolated=isolated, targets=targets, glossaries=glossaries, no_builtin=no_builtin, no_inline_ignores=no_inline_ignores
    )
    forced = normalize_language(lang) if lang else None
    reports: list[Report] = []
    failed = False
    for path in iter_files(targets, settings):
        try:
            report = linter.lint_file(path, lang=forced, format_name=format_in, display_path=stdin_filename if path == "-" else None)
        except FileError as exc:
            echo_error(str(exc))
            failed = True
            continue
        for warning in report.problems:
            echo_warning(warning)
        reports.append(report)
    data = count(reports)
    emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n" if output_format == "json" else render_text(data), output)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)
