"""``check --fix`` and ``check --diff``: fix each file, then say what was done."""

from __future__ import annotations

from collections.abc import Sequence

import click

from jargonlint.atomic_write import write_atomic
from jargonlint.commands.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, emit
from jargonlint.errors import FileError
from jargonlint.fix import FileFix, Fixer, unified_diff


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def fix_file(fixer: Fixer, path: str, *, display_path: str | None, write: bool) -> FileFix:
    """Fix one file; write it back (atomically) when ``write`` and it changed. Raises ``FileError``."""
    fixed = fixer.fix_file(path, display_path=display_path)
    if write and fixed.changed and fixed.target != "-":
        assert fixed.data is not None
        try:
            write_atomic(fixed.target, fixed.data)
        except OSError as exc:
            raise FileError(f"{fixed.path}: cannot write the fixes: {exc.strerror or exc}") from None
    return fixed


def finish(fixes: Sequence[FileFix], rendered: str, *, diff: bool, output: str | None, failed: bool, remaining: bool) -> int:
    """Print the diffs (``--diff``) or the fixed standard input and the report; the exit code.

    ``--diff`` exits 1 when there is something to fix (as ``ruff --diff`` does); ``--fix``
    exits 1 when findings remain at or above ``--fail-on``.
    """
    changed = [f for f in fixes if f.changed]
    count = sum(f.applied for f in changed)
    if diff:
        emit("".join(unified_diff(f.original, f.fixed, f.path) for f in changed), output)
        message = f"Would fix {_plural(count, 'finding')} in {_plural(len(changed), 'file')}." if changed else "No fixes to apply."
        click.echo(message, err=True)
        return EXIT_ERROR if failed else EXIT_FINDINGS if changed else EXIT_OK
    from_stdin = [f for f in fixes if f.target == "-"]
    for fixed in from_stdin:
        click.echo(fixed.fixed, nl=False)  # the fixed text is the output; the report goes elsewhere
    if from_stdin and output is None:
        click.echo(rendered, nl=False, err=True)
    else:
        emit(rendered, output)
    if changed:
        files = [f.path for f in changed if f.target != "-"]
        where = f" in {_plural(len(files), 'file')}" if files else ""
        click.echo(f"Fixed {_plural(count, 'finding')}{where}.", err=True)
    return EXIT_ERROR if failed else EXIT_FINDINGS if remaining else EXIT_OK
