"""Glossary data as immutable values: entries, acronym policy, one glossary, the merged set."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jargonlint.finding import Severity
from jargonlint.language.codes import ANY


@dataclass(frozen=True, slots=True)
class Entry:
    """A term (rule ``jargon``) or canned phrase (rule ``canned``) with its suggestions."""

    id: str
    rule: str
    match: Mapping[str, tuple[str, ...]]  # language (or "any") -> phrases
    suggest: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    replace: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None
    severity: Severity = Severity.WARNING
    case_sensitive: bool = False
    inflect: bool = True
    accents: bool = True
    glossary: str = ""
    path: str = ""
    line: int = 0

    def phrases_for(self, lang: str) -> tuple[str, ...]:
        """The phrases that apply to text in ``lang``."""
        return self.match.get(lang, ()) + self.match.get(ANY, ())

    def suggestions_for(self, lang: str) -> tuple[str, ...]:
        """Suggestions in ``lang``, else language-neutral ones, else English ones."""
        return self.suggest.get(lang) or self.suggest.get(ANY) or self.suggest.get("en") or ()

    def replacement_for(self, lang: str) -> str | None:
        """The single drop-in replacement for ``lang``, if the glossary gives one."""
        return self.replace.get(lang) or self.replace.get(ANY)


@dataclass(frozen=True, slots=True)
class Glossary:
    """One glossary file, as written (``extends`` not yet applied)."""

    name: str
    path: str
    languages: tuple[str, ...] = ()
    extends: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    allow: frozenset[str] = frozenset()
    define: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    unknown: str | None = None  # a severity label, "off", or None when not set here
    ignore: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True)
class GlossarySet:
    """The effective glossary: files merged in order; later ids override earlier ones."""

    glossaries: tuple[Glossary, ...]
    entries: tuple[Entry, ...]
    allow: frozenset[str]  # allowed in at least one language
    define: Mapping[str, Mapping[str, str]]
    define_source: Mapping[str, str]
    unknown: Severity | None
    ignore: tuple[str, ...]
    languages: tuple[str, ...]
    # An allow applies to its glossary's `languages` ("any" when it names none): French CDD
    # (contrat à durée déterminée) is common knowledge in France, not in an English letter.
    allow_languages: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def merge(cls, glossaries: tuple[Glossary, ...]) -> GlossarySet:
        entries: dict[str, Entry] = {}
        allow: dict[str, frozenset[str]] = {}
        define: dict[str, Mapping[str, str]] = {}
        define_source: dict[str, str] = {}
        unknown: Severity | None = Severity.WARNING
        ignore: dict[str, None] = {}
        languages: dict[str, None] = {}
        for glossary in glossaries:
            for entry in glossary.entries:
                languages.update(dict.fromkeys(lang for lang in entry.match if lang != ANY))
            for entry in glossary.entries:
                entries.pop(entry.id, None)  # an override moves to its new place in the order
                entries[entry.id] = entry
            # The later glossary decides, language by language: allowing an acronym drops an
            # earlier definition of it, defining one drops an earlier allow. Expansions merge.
            scope = frozenset(glossary.languages) or frozenset({ANY})
            for acronym in glossary.allow - glossary.define.keys():
                allow[acronym] = allow.get(acronym, frozenset()) | scope
                kept = {} if ANY in scope else {lang: text for lang, text in define.get(acronym, {}).items() if lang not in scope}
                if kept:
                    define[acronym] = kept
                else:
                    define.pop(acronym, None)
                    define_source.pop(acronym, None)
            for acronym, expansions in glossary.define.items():
                remaining = frozenset() if ANY in expansions else allow.get(acronym, frozenset()) - expansions.keys()
                if remaining:
                    allow[acronym] = remaining
                else:
                    allow.pop(acronym, None)
                define[acronym] = {**define.get(acronym, {}), **expansions}
                define_source[acronym] = glossary.name
            if glossary.unknown is not None:
                unknown = None if glossary.unknown == "off" else Severity.parse(glossary.unknown)
            ignore.update(dict.fromkeys(glossary.ignore))
            languages.update(dict.fromkeys(glossary.languages))
        return cls(
            glossaries=glossaries,
            entries=tuple(entries.values()),
            allow=frozenset(allow),
            allow_languages=allow,
            define=define,
            define_source=define_source,
            unknown=unknown,
            ignore=tuple(ignore),
            languages=tuple(languages),
        )

    def entry(self, entry_id: str) -> Entry | None:
        """The effective entry with this id, if any."""
        return next((e for e in self.entries if e.id == entry_id), None)
