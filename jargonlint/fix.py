"""Applying fixes: the safe edits of findings, applied to a file's text until nothing changes.

Rules only propose fixes (``Finding.fix``); this module applies them. A fix exists only
where a glossary entry has a ``replace:`` and the span is verbatim source text, so an edit
never lands inside markup or a template tag. The fixed text is encoded exactly as the file
was (encoding, byte-order mark, newlines), and written with :func:`write_atomic`.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from jargonlint.documents.registry import format_for
from jargonlint.errors import FileError
from jargonlint.files import decode, is_binary, read_source
from jargonlint.finding import Finding, Fix
from jargonlint.linter import Linter
from jargonlint.report import Report

# A fix can produce text that another entry flags; re-lint and fix again, a bounded number of times.
MAX_PASSES = 10
# Explicit codecs so that re-encoding writes the byte-order mark the file had (UTF-32 first: its LE mark starts like UTF-16's).
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_MARKUP_CHARACTERS = frozenset('<>&"{}')


def safe_fixes(findings: Iterable[Finding], *, markup: bool = False) -> list[Fix]:
    """The safe fixes of findings in the file's own text (not in a decoded e-mail part).

    In a markup or template format (``markup``), a replacement with a character that is
    syntax there (``<``, ``>``, ``&``, ``"``, braces) would need escaping: it is left out.
    """
    return [
        f.fix
        for f in findings
        if f.fix is not None
        and f.fix.safe
        and f.part is None
        and not (markup and any(ch in _MARKUP_CHARACTERS for edit in f.fix.edits for ch in edit.content))
    ]


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply whole fixes in source order, skipping any that overlaps one already taken.

    Returns the new text and how many fixes changed it.
    """
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = [(e.start, e.end, e.content) for e in fix.edits]
        if not edits or any(not 0 <= start <= end <= len(text) for start, end, _ in edits):
            continue
        if any((start < t_end and t_start < end) or start == end == t_start for start, end, _ in edits for t_start, t_end, _ in taken):
            continue
        if all(text[start:end] == content for start, end, content in edits):
            continue  # already fixed: nothing to count
        taken.extend(edits)
        applied += 1
    pieces: list[str] = []
    position = 0
    for start, end, content in sorted(taken):
        pieces += [text[position:start], content]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """``text`` encoded as ``original`` was: same encoding and the same byte-order mark, if any."""
    for bom, codec in _BOM_CODECS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def unified_diff(original: str, fixed: str, path: str) -> str:
    """A unified diff (``--- path`` / ``+++ path``) of the fix, marking a last line without newline."""
    before = _LINE.findall(original)
    after = _LINE.findall(fixed)
    out = []
    for line in difflib.unified_diff(before, after, fromfile=path, tofile=path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class FileFix:
    """The outcome of fixing one file (nothing is written yet).

    ``report`` has the findings that remain in ``fixed``; ``data`` is ``fixed`` encoded as
    the file was, ``None`` when there is nothing to write.
    """

    target: str  # the file to write ("-" = standard input)
    path: str  # the name shown in output
    original: str
    fixed: str
    applied: int
    report: Report
    data: bytes | None = None

    @property
    def changed(self) -> bool:
        """True when the fixes change the file."""
        return self.data is not None


class Fixer:
    """Fixes files with a Linter: edits in memory, re-lints, repeats until nothing changes."""

    def __init__(self, linter: Linter, *, lang: str | None = None, format_name: str | None = None) -> None:
        self.linter = linter
        self.lang = lang
        self.format_name = format_name

    def fix_text(self, text: str, path: str | None = None) -> tuple[str, int, Report, bool]:
        """Fix ``text`` (``path`` chooses the reader and hints); return the fixed text, the number
        of fixes applied, the report of what remains, and whether the fixes settled."""
        applied = 0
        markup = (self.format_name or format_for(path)) != "text"
        report = self.linter.lint_source(text, path, lang=self.lang, format_name=self.format_name)
        for _ in range(MAX_PASSES):
            fixed, count = apply_fixes(text, safe_fixes(report.findings, markup=markup))
            if fixed == text:
                return text, applied, report, True
            text, applied = fixed, applied + count
            report = self.linter.lint_source(text, path, lang=self.lang, format_name=self.format_name)
        return text, applied, report, not safe_fixes(report.findings, markup=markup)

    def fix_file(self, path: str | os.PathLike[str], *, display_path: str | None = None) -> FileFix:
        """Read, fix and re-lint one file (``-`` = standard input); raises ``FileError`` like ``Linter.lint_file``."""
        name = os.fspath(path)
        data, shown = read_source(name)
        shown = display_path or shown
        if is_binary(data):
            raise FileError(f"{shown}: binary file, not linted")
        decoded = decode(data)
        hint_path = display_path or (name if name != "-" else None)
        problems = [decoded.warning] if decoded.warning else []
        try:
            if encode_like(decoded.text, data, decoded.encoding) != data:
                problems.append(f"not fixed: the file does not read back identically as {decoded.encoding}; save it as UTF-8 first")
                report = self.linter.lint_source(decoded.text, hint_path, lang=self.lang, format_name=self.format_name)
                return FileFix(name, shown, decoded.text, decoded.text, 0, _named(report, shown, problems))
            fixed, applied, report, settled = self.fix_text(decoded.text, hint_path)
        except FileError as exc:
            raise FileError(f"{shown}: {exc}") from None
        if not settled:
            problems.append(f"fixes did not settle after {MAX_PASSES} passes; check the glossary's replacements")
        if fixed == decoded.text:
            return FileFix(name, shown, decoded.text, fixed, 0, _named(report, shown, problems))
        try:
            encoded = encode_like(fixed, data, decoded.encoding)
        except UnicodeEncodeError:
            problems.append(f"not fixed: a replacement cannot be written in the file's encoding ({decoded.encoding})")
            report = self.linter.lint_source(decoded.text, hint_path, lang=self.lang, format_name=self.format_name)
            return FileFix(name, shown, decoded.text, decoded.text, 0, _named(report, shown, problems))
        return FileFix(name, shown, decoded.text, fixed, applied, _named(report, shown, problems), encoded)


def _named(report: Report, shown: str, problems: Sequence[str]) -> Report:
    """The report as ``Linter.lint_file`` would name it: the shown path, problems prefixed by it."""
    return replace(report, path=shown, problems=tuple(f"{shown}: {p}" for p in (*problems, *report.problems)))
