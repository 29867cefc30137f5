"""``glossary validate``: every problem in a glossary file, loading errors and authoring warnings.

Errors are what the loader rejects: the glossary cannot be used until they are fixed.
Warnings are things that load but probably do not do what the author meant:

- an entry with no suggestion at all, or none in a language it matches (the reader of that
  letter gets the fallback language's advice or none);
- a ``replace`` the suggestions never mention (the message and the ``--fix`` disagree), or
  one for a language the entry never matches;
- the same phrase (after normalisation, and lemmas when inflected) under two ids in the
  same language: one span gets one finding, so only one of them is ever reported;
- a phrase that tokenizes to nothing and so can never match.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jargonlint.errors import GlossaryError, Problem
from jargonlint.glossary.loader import BUILTIN_PREFIX, builtin_root, load_glossaries
from jargonlint.glossary.model import Entry, Glossary
from jargonlint.glossary.phrase import PhraseSyntaxError, expand_phrase
from jargonlint.glossary.schema import validate_glossary
from jargonlint.glossary.yamlsource import read_yaml
from jargonlint.language.codes import ANY
from jargonlint.language.normalize import fold_accents
from jargonlint.language.tokenize import PipelineCache

ERROR, WARNING = "error", "warning"
# "any" phrases are tokenized with spaCy's multi-language tokenizer.
_NEUTRAL_LANGUAGE = "xx"


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem at ``path:line`` with its level: ``error`` (will not load) or ``warning``."""

    level: str
    problem: Problem

    def __str__(self) -> str:
        where = f"{self.problem.path}:{self.problem.line}" if self.problem.line else self.problem.path
        return f"{where}: {self.level}: {self.problem.message}"


@dataclass(frozen=True, slots=True)
class FileValidation:
    """The outcome for one file named on the command line (problems of what it extends included)."""

    spec: str
    display: str  # the file's name as the problems give it
    glossary: Glossary | None
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> int:
        return sum(issue.level == ERROR for issue in self.issues)

    @property
    def warnings(self) -> int:
        return sum(issue.level == WARNING for issue in self.issues)


def _display(path: Path) -> str:
    # The loader's way of naming a file, so that errors and warnings name it alike.
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _locate(spec: str) -> tuple[Path, str]:
    if spec.startswith(BUILTIN_PREFIX):
        name = spec[len(BUILTIN_PREFIX) :].strip().removesuffix(".yaml")
        return builtin_root() / f"{name}.yaml", f"{BUILTIN_PREFIX}{name}"
    path = Path(os.path.expanduser(spec)).resolve()
    root = builtin_root().resolve()
    if path.is_relative_to(root):
        return path, f"{BUILTIN_PREFIX}{path.relative_to(root).with_suffix('').as_posix()}"
    return path, _display(path)


class GlossaryValidator:
    """Validates glossary files; owns the tokenizers it needs, so reuse it for many files."""

    def __init__(self) -> None:
        self._pipelines = PipelineCache()

    def validate(self, spec: str) -> FileValidation:
        """Loading errors of ``spec`` and everything it extends, then warnings about ``spec`` itself."""
        issues: list[Issue] = []
        try:
            load_glossaries([spec], builtin=False)
        except GlossaryError as exc:
            issues += [Issue(ERROR, p) for p in exc.problems]
        path, display = _locate(spec)
        glossary: Glossary | None = None
        if path.is_file():
            data, _ = read_yaml(path, display)
            if data is not None:
                glossary, _ = validate_glossary(data, display)
        if glossary is not None:
            issues += [Issue(WARNING, p) for p in self.warnings(glossary)]
        return FileValidation(spec, display, glossary, tuple(dict.fromkeys(issues)))

    def warnings(self, glossary: Glossary) -> list[Problem]:
        """Authoring problems in one glossary's own entries and ignore phrases."""
        found: list[Problem] = []
        for entry in glossary.entries:
            found += (Problem(glossary.path, entry.line, message) for message in _entry_warnings(entry))
        found += self._phrase_warnings(glossary)
        return sorted(found, key=lambda p: p.line)

    def _keys(self, phrase: str, lang: str, entry: Entry | None) -> list[tuple[str, tuple[str, ...]]]:
        """Each variant of ``phrase`` with its matching key (an empty key: no words at all)."""
        pipeline = self._pipelines.get(_NEUTRAL_LANGUAGE if lang == ANY else lang)
        keys = []
        for variant in expand_phrase(phrase):
            tokens = pipeline.tokenize(variant)
            # A token with an empty key (a lone soft hyphen) is no word: nothing in a letter matches it.
            words = tuple(w for t in tokens if (w := t.lemma if entry is None or entry.inflect else t.norm))
            keys.append((variant, tuple(fold_accents(w) for w in words) if entry is not None and not entry.accents else words))
        return keys

    def _phrase_warnings(self, glossary: Glossary) -> Iterator[Problem]:
        owners: dict[tuple[str, tuple[str, ...]], Entry] = {}
        for entry in glossary.entries:
            reported: set[str] = set()
            for lang, phrases in entry.match.items():
                for phrase in phrases:
                    try:
                        keys = self._keys(phrase, lang, entry)
                    except PhraseSyntaxError:
                        continue  # already an error
                    if all(not key for _, key in keys):
                        yield Problem(
                            glossary.path, entry.line, f"entry '{entry.id}': match.{lang} {phrase!r} has no words and can never match"
                        )
                        continue
                    for variant, key in keys:
                        other = owners.setdefault((lang, key), entry) if key else entry
                        if other.id != entry.id and other.id not in reported:
                            reported.add(other.id)
                            shown = repr(phrase) if variant == phrase else f"{phrase!r} (as {variant!r})"
                            yield Problem(
                                glossary.path,
                                entry.line,
                                f"entry '{entry.id}': match.{lang} {shown} is also a phrase of '{other.id}' "
                                f"(line {other.line}); one span gets one finding, so only one of them is reported",
                            )
        for phrase in glossary.ignore:
            try:
                keys = self._keys(phrase, _NEUTRAL_LANGUAGE, None)
            except PhraseSyntaxError as exc:
                yield Problem(glossary.path, 0, f"ignore {phrase!r}: {exc}")
                continue
            if all(not key for _, key in keys):
                yield Problem(glossary.path, 0, f"ignore {phrase!r} has no words and can never match")


def _entry_warnings(entry: Entry) -> Iterator[str]:
    label = f"entry '{entry.id}'"
    if not entry.suggest:
        yield f"{label} has no suggestion: findings will not tell the writer what to say instead"
    else:
        for lang in entry.match:
            if lang != ANY and lang not in entry.suggest and ANY not in entry.suggest:
                fallback = "falls back to 'en'" if "en" in entry.suggest else "gets no suggestion"
                yield f"{label} matches '{lang}' text but has no suggest.{lang} ({lang} text {fallback})"
    for lang, replacement in entry.replace.items():
        if lang != ANY and lang not in entry.match and ANY not in entry.match:
            yield f"{label}: replace.{lang} is never used (no match.{lang} or match.any)"
            continue
        suggestions = entry.suggest.get(lang) or entry.suggest.get(ANY) or ()
        if not any(replacement.casefold() in s.casefold() for s in suggestions):
            yield f"{label}: replace.{lang} {replacement!r} is in no suggest.{lang}, so the message and --fix disagree"
