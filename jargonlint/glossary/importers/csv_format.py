"""CSV with one column per language, both ways (``docs/importing.md`` lists the columns).

A header row names the columns: language codes (``en``, ``fr``, ``any``) hold the phrases to
flag; ``suggest_<lang>`` and ``replace_<lang>`` the advice and the drop-in replacement;
``id``, ``kind`` (term or canned), ``note``, ``severity``, ``case_sensitive``, ``inflect``
and ``accents`` are optional. Several phrases in one cell are separated by ``;``.
The delimiter (``,`` ``;`` or tab) is taken from the header row, as spreadsheets differ.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from jargonlint.errors import Problem
from jargonlint.finding import Severity
from jargonlint.glossary.importers.common import (
    MAX_SOURCE_BYTES,
    ExportResult,
    IdAllocator,
    ImportResult,
    Skipped,
    SourceError,
    plural,
    slug,
)
from jargonlint.glossary.model import Entry, Glossary, GlossarySet
from jargonlint.glossary.phrase import PhraseSyntaxError, expand_phrase
from jargonlint.language.codes import ANY, is_known_language, normalize_language

SEPARATOR = ";"
KINDS = {"term": "jargon", "jargon": "jargon", "canned": "canned"}
FLAGS = {"case_sensitive": False, "inflect": True, "accents": True}
_TRUE, _FALSE = {"true", "yes", "1", "y"}, {"false", "no", "0", "n"}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _language(code: str) -> str | None:
    if code == ANY:
        return ANY
    return normalize_language(code) if is_known_language(code) and len(code) == 2 else None


def _cells(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split(SEPARATOR) if part.strip()))


class _Reader:
    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []
        self.columns: dict[int, tuple[str, str | None]] = {}  # index -> (field, language)
        self.width = 0

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.display, line, message))

    def header(self, row: Sequence[str]) -> None:
        seen: dict[tuple[str, str | None], str] = {}
        self.width = len(row)
        for index, raw in enumerate(row):
            name = raw.strip().lower()
            if not name:
                continue
            column: tuple[str, str | None] | None = None
            if name in ("id", "kind", "note", "severity", *FLAGS):
                column = (name, None)
            elif "_" in name and name.split("_", 1)[0] in ("suggest", "replace"):
                field, code = name.split("_", 1)
                lang = _language(code)
                column = (field, lang) if lang else None
            elif _language(name):
                column = ("match", _language(name))
            if column is None:
                self.problem(
                    1, f"unknown column {raw!r} (expected language codes such as en, suggest_en, replace_en, id, kind, note, severity)"
                )
            elif column in seen:
                self.problem(1, f"column {raw!r} appears twice (also {seen[column]!r})")
            else:
                seen[column] = raw
                self.columns[index] = column
        if not any(field == "match" for field, _ in self.columns.values()):
            self.problem(1, "no language column: the header needs at least one language code (en, fr, ...) for the phrases to flag")

    def entry(self, row: Sequence[str], line: int, ids: IdAllocator) -> Entry | None:
        values: dict[tuple[str, str | None], str] = {}
        for index, cell in enumerate(row):
            if index in self.columns and cell.strip():
                values[self.columns[index]] = cell.strip()
            elif index >= self.width and cell.strip():
                self.problem(line, f"more cells than columns (extra {cell.strip()!r})")
        match = {lang: _cells(text) for (field, lang), text in values.items() if field == "match" and lang}
        if not match:
            self.problem(line, "no phrase in any language column")
            return None
        for lang, phrases in match.items():
            for phrase in phrases:
                try:
                    expand_phrase(phrase)
                except PhraseSyntaxError as exc:
                    self.problem(line, f"{lang}: {exc}")
        replace: dict[str, str] = {}
        for (field, code), text in values.items():
            if field == "replace" and code:
                if len(_cells(text)) != 1:
                    self.problem(line, f"replace_{code}: give exactly one drop-in replacement, not a list")
                else:
                    replace[code] = _cells(text)[0]
        kind = values.get(("kind", None), "term").lower()
        if kind not in KINDS:
            self.problem(line, f"kind must be term or canned, got {kind!r}")
        severity = Severity.WARNING
        if ("severity", None) in values:
            try:
                severity = Severity.parse(values[("severity", None)])
            except ValueError as exc:
                self.problem(line, str(exc))
        flags = {name: self.flag(values, name, default, line) for name, default in FLAGS.items()}
        wanted = values.get(("id", None))
        if wanted is not None and not _ID_RE.match(wanted):
            self.problem(line, f"id must be letters, digits, '-', '_' or '.', got {wanted!r}")
        first = next(iter(match.values()))[0]
        return Entry(
            id=ids.take(wanted or slug(expand_phrase(first)[0] if "{" in first else first)),
            rule=KINDS.get(kind, "jargon"),
            match=match,
            suggest={lang: _cells(text) for (field, lang), text in values.items() if field == "suggest" and lang},
            replace=replace,
            note=values.get(("note", None)),
            severity=severity,
            case_sensitive=flags["case_sensitive"],
            inflect=flags["inflect"],
            accents=flags["accents"],
            line=line,
        )

    def flag(self, values: dict[tuple[str, str | None], str], name: str, default: bool, line: int) -> bool:
        text = values.get((name, None))
        if text is None:
            return default
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        self.problem(line, f"{name} must be true or false, got {text!r}")
        return default


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def import_csv(source: Path, *, name: str | None = None) -> ImportResult:
    """A glossary from a CSV (or TSV) file; raises ``SourceError`` listing every bad row."""
    display = str(source)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise SourceError([Problem(display, 0, f"cannot read file: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError([Problem(display, 0, "file too large to import")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError([Problem(display, line, "not valid UTF-8; save the CSV as UTF-8")]) from None
    reader = _Reader(display)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    entries: list[Entry] = []
    ids = IdAllocator()
    header_seen = False
    consumed = 0
    for row in rows:
        start, consumed = consumed + 1, rows.line_num  # a quoted cell may span several lines
        if not header_seen:
            reader.header(row)
            header_seen = True
            continue
        if not any(cell.strip() for cell in row):
            continue
        entry = reader.entry(row, start, ids)
        if entry is not None:
            entries.append(entry)
    if not header_seen:
        reader.problem(0, "the file is empty; the first row must name the columns")
    if reader.problems:
        raise SourceError(reader.problems)
    languages = tuple(dict.fromkeys(lang for field, lang in reader.columns.values() if lang and lang != ANY))
    glossary = Glossary(
        name=name or slug(source.stem),
        path="",
        languages=languages,
        entries=tuple(entries),
        description=f"Imported from {source.name}.",
    )
    terms = sum(e.rule == "jargon" for e in entries)
    summary = f"imported {plural(len(entries), 'entry', 'entries')} ({plural(terms, 'term')}, {plural(len(entries) - terms, 'canned phrase')}) in {plural(len(languages), 'language')}"
    return ImportResult(glossary=glossary, skipped=(), summary=summary, source=f"CSV: {source}")


def export_csv(glossaries: GlossarySet) -> ExportResult:
    """The effective entries as CSV: one row per entry, one column per language and field."""
    entries = glossaries.entries
    order = list(glossaries.languages)

    def languages(field: str) -> list[str]:
        used = {lang for e in entries for lang in getattr(e, field)}
        known = [lang for lang in order if lang in used] + sorted(used - {*order, ANY})
        return known + ([ANY] if ANY in used else [])

    match_langs, suggest_langs, replace_langs = languages("match"), languages("suggest"), languages("replace")
    flags = [name for name, default in FLAGS.items() if any(getattr(e, name) != default for e in entries)]
    header = ["id", "kind", *match_langs, *(f"suggest_{lang}" for lang in suggest_langs)]
    header += [f"replace_{lang}" for lang in replace_langs] + ["note", "severity", *flags]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    skipped: list[Skipped] = []
    for entry in entries:
        cells = [entry.id, "canned" if entry.rule == "canned" else "term"]
        cells += [f"{SEPARATOR} ".join(entry.match.get(lang, ())) for lang in match_langs]
        cells += [f"{SEPARATOR} ".join(entry.suggest.get(lang, ())) for lang in suggest_langs]
        cells += [entry.replace.get(lang, "") for lang in replace_langs]
        cells += [entry.note or "", entry.severity.label]
        cells += ["true" if getattr(entry, name) else "false" for name in flags]
        for texts in (*entry.match.values(), *entry.suggest.values()):
            skipped += (Skipped(entry.id, t, f"contains '{SEPARATOR}', which separates phrases in a cell") for t in texts if SEPARATOR in t)
        writer.writerow(cells)
    if glossaries.allow or glossaries.define or glossaries.ignore:
        skipped.append(Skipped("acronyms and ignore", "", "CSV holds entries only; keep acronyms and ignore phrases in the YAML glossary"))
    summary = f"exported {plural(len(entries), 'entry', 'entries')} in {plural(len(match_langs), 'language')}"
    return ExportResult(text=out.getvalue(), skipped=tuple(skipped), summary=summary)
