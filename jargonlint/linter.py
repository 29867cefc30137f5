"""The Linter: glossaries + settings compiled once, then ``lint()`` many times, from many threads."""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from email.message import Message
from typing import Any

from jargonlint.config import Settings, load_settings
from jargonlint.documents.base import Document
from jargonlint.documents.email import SUBJECT, read_message
from jargonlint.documents.registry import bytes_reader_for, reader_for
from jargonlint.errors import FileError, JargonlintError
from jargonlint.files import decode, is_binary, read_source
from jargonlint.finding import Edit, Finding, Fix, Severity
from jargonlint.glossary.loader import load_glossaries
from jargonlint.glossary.model import GlossarySet
from jargonlint.language.codes import is_known_language, normalize_language
from jargonlint.language.detect import SHARED_DETECTOR, fill_undetected
from jargonlint.language.hints import language_from_path
from jargonlint.language.tokenize import SHARED_PIPELINES
from jargonlint.matching.phrase_matcher import PhraseMatcher
from jargonlint.positions import LineIndex
from jargonlint.report import Report
from jargonlint.rules.acronyms import AcronymPolicy, Paragraph, acronym_candidates
from jargonlint.rules.candidate import Candidate, resolve_overlaps
from jargonlint.rules.phrases import phrase_candidates
from jargonlint.suppressions import Directive, apply_directives

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


def _finding_at(start: int, end: int, document: Document, lines: LineIndex, **fields: Any) -> Finding:
    """A Finding for ``document.source[start:end]``, with its lines and columns."""
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    return Finding(
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=document.source[start:end],
        part=document.part,
        **fields,
    )


def _unused_directive(directive: Directive, document: Document, lines: LineIndex) -> Finding:
    start, next_line = lines.line_span(directive.line)
    end = len(document.source) if next_line < 0 else next_line - 1
    codes = f"[{', '.join(directive.codes)}]" if directive.codes else ""
    message = f"'jargonlint: {directive.kind}{codes}' suppresses nothing; remove it"
    return _finding_at(
        start, end, document, lines, rule="suppression", id="unused", severity=Severity.WARNING, message=message, suggestions=(), lang=""
    )


class LintError(JargonlintError):
    """An unexpected internal failure while linting; the original error is chained."""


@contextmanager
def _internal_errors_as_lint_error(what: str | None) -> Iterator[None]:
    """Never let a bug take down the caller's mail pipeline: only documented errors escape."""
    try:
        yield
    except JargonlintError:
        raise
    except Exception as exc:
        raise LintError(f"internal error while linting {what or 'text'}: {exc!r}") from exc


def keep_case(original: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` (ALL CAPS, Sentence case)."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _split_paragraphs(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    position = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    if end > position:
        yield position, end


class Linter:
    """Flags jargon, unexplained acronyms and canned phrases.

    Build it once (loading glossaries is the expensive part) and call :meth:`lint` for each
    text; it never prints, is safe to share between threads, and raises only
    :class:`jargonlint.JargonlintError` subclasses (``GlossaryError`` when built).
    """

    def __init__(
        self,
        glossaries: Sequence[str | os.PathLike[str]] = (),
        *,
        languages: Sequence[str] | None = None,
        builtin: bool = True,
        default_language: str = "en",
        disable: Iterable[str] = (),
        settings: Settings | None = None,
    ) -> None:
        base = settings or Settings()
        self.settings = replace(
            base,
            glossaries=tuple(os.fspath(g) for g in (*base.glossaries, *glossaries)),
            builtin=builtin and base.builtin,
            languages=tuple(normalize_language(code) for code in languages) if languages is not None else base.languages,
            default_language=normalize_language(default_language) if settings is None else base.default_language,
            disable=base.disable | frozenset(disable),
        )
        self.glossary: GlossarySet = load_glossaries(self.settings.glossaries, builtin=self.settings.builtin)
        self._policy = AcronymPolicy(
            self.glossary.allow_languages, self.glossary.define, self.glossary.define_source, self.glossary.unknown
        )
        self._pipelines = SHARED_PIPELINES
        self._detector = SHARED_DETECTOR
        self._matchers: dict[str, PhraseMatcher] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, path: str | os.PathLike[str]) -> Linter:
        """A Linter configured by a ``jargonlint.toml`` or ``pyproject.toml`` file."""
        return cls(settings=load_settings(path))

    @classmethod
    def from_settings(cls, settings: Settings) -> Linter:
        """A Linter for already-resolved settings."""
        return cls(settings=settings)

    def lint(self, text: str, lang: str | None = None, path: str | os.PathLike[str] | None = None) -> Report:
        """Lint plain text. ``lang`` forces the language; ``path`` gives file-name hints and config overrides."""
        return self.lint_document(Document.plain(text), lang=lang, path=path)

    def lint_document(self, document: Document, lang: str | None = None, path: str | os.PathLike[str] | None = None) -> Report:
        """Lint a Document built by a reader; offsets in the findings refer to ``document.source``."""
        with _internal_errors_as_lint_error(os.fspath(path) if path else None):
            return self._lint(document, lang, path)

    def lint_file(
        self, path: str | os.PathLike[str], *, lang: str | None = None, format_name: str | None = None, display_path: str | None = None
    ) -> Report:
        """Read, decode and lint one file (``-`` = standard input; ``display_path`` names it).

        Raises ``FileError`` for a missing, unreadable or binary file. A file that is not
        UTF-8 is decoded by detection and the report carries a warning.
        """
        name = os.fspath(path)
        data, shown = read_source(name)
        shown = display_path or shown
        hint_path = display_path or (name if name != "-" else None)
        read_bytes = bytes_reader_for(display_path or name, format_name)
        if read_bytes is not None:  # an e-mail: each part declares its own charset
            report = self._lint_documents(read_bytes(data), hint_path, lang)
            return replace(report, path=shown, problems=tuple(f"{shown}: {p}" for p in report.problems))
        if is_binary(data):
            raise FileError(f"{shown}: binary file, not linted")
        decoded = decode(data)
        try:
            report = self.lint_source(decoded.text, hint_path, lang=lang, format_name=format_name)
        except FileError as exc:
            raise FileError(f"{shown}: {exc}") from None
        warnings = ((f"{shown}: {decoded.warning}",) if decoded.warning else ()) + tuple(f"{shown}: {p}" for p in report.problems)
        return replace(report, path=shown, problems=warnings)

    def lint_source(
        self, text: str, path: str | os.PathLike[str] | None = None, *, lang: str | None = None, format_name: str | None = None
    ) -> Report:
        """Lint the decoded text of a file without reading it (``--fix`` re-lints edited text).

        ``path`` chooses the reader by extension (unless ``format_name`` is given) and gives
        language hints and config overrides. Raises ``FileError`` for an unknown format.
        """
        name = os.fspath(path) if path is not None else None
        if format_name is None and name is not None:
            format_name = next((o.format for o in self.settings.overrides_for(name) if o.format), None)
        try:
            reader = reader_for(name, format_name)
        except KeyError as exc:
            raise FileError(str(exc.args[0])) from None
        with _internal_errors_as_lint_error(name):
            documents = reader(text)
        return self._lint_documents(documents, name, lang)

    def lint_message(self, message: Message, *, lang: str | None = None, path: str | os.PathLike[str] | None = None) -> Report:
        """Lint an e-mail (``email.message.Message`` or ``EmailMessage``): its Subject and its
        text/plain and text/html parts, not attachments nor quoted replies.

        Each finding's ``part`` names its part ("Subject", "text/plain", "text/html",
        "text/plain#2", ...); its offsets, line and column refer to that part's decoded text,
        which is ``Report.sources[finding.part]``. ``Content-Language`` is the language hint.
        """
        name = os.fspath(path) if path is not None else None
        with _internal_errors_as_lint_error(name or "e-mail message"):
            documents = read_message(message)
        return self._lint_documents(documents, name, lang)

    # -- internals -------------------------------------------------------------------------

    def _lint_documents(self, documents: Sequence[Document], name: str | None, lang: str | None) -> Report:
        """One Report for the Documents a reader made of one source (e.g. an e-mail's parts)."""
        linted = {i: self.lint_document(d, lang=lang, path=name) for i, d in enumerate(documents) if d.part != SUBJECT}
        # A Subject is too short to tell its language: without a hint, it is read in its body's.
        longest = max(linted, key=lambda i: len(documents[i].text), default=None)
        body_lang = linted[longest].language if longest is not None else None
        for i, document in enumerate(documents):
            if document.part == SUBJECT:
                linted[i] = self.lint_document(replace(document, lang_hint=document.lang_hint or body_lang), lang=lang, path=name)
        reports = [linted[i] for i in range(len(documents))]
        return Report(
            path=name,
            language=reports[0].language if reports else self.settings.default_language,
            findings=tuple(f for report in reports for f in report.findings),
            languages=tuple(dict.fromkeys(lang for report in reports for lang in report.languages)),
            problems=tuple(problem for report in reports for problem in report.problems),
            sources={part: text for report in reports for part, text in report.sources.items()},
            unused_directives=tuple(d for report in reports for d in report.unused_directives),
        )

    def _matcher(self, lang: str) -> PhraseMatcher:
        matcher = self._matchers.get(lang)
        if matcher is None:
            with self._lock:
                matcher = self._matchers.get(lang)
                if matcher is None:
                    pipeline = self._pipelines.get(lang)
                    entries = [e for e in self.glossary.entries if e.phrases_for(lang)]
                    matcher = PhraseMatcher(pipeline, entries, self.glossary.ignore)
                    self._matchers[lang] = matcher
        return matcher

    def _explicit_language(self, document: Document, forced: str | None, path: str | None) -> str | None:
        """The language stated by the caller, the config, the markup or the file name."""
        if forced:
            return forced
        if document.lang_hint and is_known_language(document.lang_hint):
            return normalize_language(document.lang_hint)
        return language_from_path(path, self.settings.languages) if path else None

    def _paragraphs(self, document: Document, explicit: str | None, forced: bool) -> tuple[str, list[Paragraph]]:
        """The document's language and its paragraphs, each with its own language."""
        text = document.text
        allowed = self.settings.languages or None
        preferred = self.glossary.languages
        bounds = sorted({0, *(b.start for b in document.blocks), len(text)})
        spans: list[tuple[int, int]] = []
        own: list[str | None] = []
        for block_start, block_end in itertools.pairwise(bounds):
            hint = document.block_language(block_start)
            for start, end in _split_paragraphs(text, block_start, block_end):
                spans.append((start, end))
                if forced:
                    own.append(explicit)
                elif hint and is_known_language(hint):
                    own.append(normalize_language(hint))
                else:
                    own.append(self._detector.detect_paragraph(text[start:end], allowed, preferred))
        doc_lang = explicit
        if doc_lang is None:
            # The language with the most text among the paragraphs that could be detected...
            weights: dict[str, int] = {}
            for (start, end), lang in zip(spans, own, strict=True):
                if lang is not None:
                    weights[lang] = weights.get(lang, 0) + end - start
            if weights:
                doc_lang = max(weights.items(), key=lambda item: item[1])[0]
            else:  # ...or, with none long enough, the whole text at once.
                detection = self._detector.detect(text, allowed, preferred)
                doc_lang = detection.lang if detection else self.settings.default_language
        languages = fill_undetected(own, doc_lang)
        paragraphs = [
            Paragraph(start, end, lang, self._pipelines.get(lang).is_known_word)
            for (start, end), lang in zip(spans, languages, strict=True)
        ]
        return doc_lang, paragraphs

    def _lint(self, document: Document, lang: str | None, path: str | os.PathLike[str] | None) -> Report:
        path_text = os.fspath(path) if path is not None else None
        overrides = self.settings.overrides_for(path) if path is not None else ()
        disabled = set(self.settings.disable)
        forced = normalize_language(lang) if lang else None
        for override in overrides:
            disabled |= override.disable
            forced = forced or override.lang
        doc_lang, paragraphs = self._paragraphs(document, self._explicit_language(document, forced, path_text), forced is not None)

        candidates: list[Candidate] = []
        ignored: list[tuple[int, int]] = []
        for paragraph in paragraphs:
            tokens = self._pipelines.get(paragraph.lang).tokenize(document.text[paragraph.start : paragraph.end], paragraph.start)
            found, skipped = phrase_candidates(self._matcher(paragraph.lang).find(tokens), tokens, document.text, paragraph.lang)
            candidates += found
            ignored += skipped
        candidates += acronym_candidates(document.text, paragraphs, self._policy)
        candidates = [c for c in candidates if c.rule not in disabled and f"{c.rule}:{c.id}" not in disabled]
        chosen = resolve_overlaps(candidates, ignored)

        lines = LineIndex(document.source)
        findings = tuple(self._finding(c, document, lines) for c in chosen)
        unused: tuple[Directive, ...] = ()
        if self.settings.inline_ignores and document.directives:
            suppressed = apply_directives(findings, document.directives)
            findings, unused = suppressed.findings, suppressed.unused
            if self.settings.report_unused_ignores:
                findings = tuple(sorted((*findings, *(_unused_directive(d, document, lines) for d in unused)), key=lambda f: f.start))
        languages = tuple(dict.fromkeys(p.lang for p in paragraphs)) or (doc_lang,)
        return Report(path_text, doc_lang, findings, languages, document.problems, {document.part: document.source}, unused)

    @staticmethod
    def _finding(candidate: Candidate, document: Document, lines: LineIndex) -> Finding:
        start, end = document.offsets.to_source(candidate.start, candidate.end)
        fix = None
        if candidate.replacement and document.offsets.is_verbatim(candidate.start, candidate.end):
            fix = Fix((Edit(start, end, keep_case(document.source[start:end], candidate.replacement)),), safe=True)
        return _finding_at(
            start,
            end,
            document,
            lines,
            rule=candidate.rule,
            id=candidate.id,
            severity=candidate.severity,
            message=candidate.message,
            suggestions=candidate.suggestions,
            lang=candidate.lang,
            fix=fix,
            glossary=candidate.glossary,
            note=candidate.note,
        )
