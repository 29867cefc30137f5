"""``glossary show``: the effective glossary after ``extends`` and overrides, with provenance.

The result is plain data (str keys, lists, scalars) so that it prints as YAML or JSON alike.
"""

from __future__ import annotations

from typing import Any

from jargonlint.glossary.model import Entry, GlossarySet
from jargonlint.glossary.writer import entry_data


def _origin(entry: Entry) -> str:
    return f"{entry.glossary} ({entry.path}:{entry.line})"


def _for_language(entry: Entry, lang: str) -> dict[str, Any]:
    """The entry as text in ``lang`` sees it: its phrases, suggestions and replacement there."""
    data = entry_data(entry)
    data["match"] = list(entry.phrases_for(lang))
    data.pop("suggest", None)
    data.pop("replace", None)
    suggestions = entry.suggestions_for(lang)
    if suggestions:
        data["suggest"] = list(suggestions)
    replacement = entry.replacement_for(lang)
    if replacement:
        data["replace"] = replacement
    return _reorder(data)


_ENTRY_ORDER = ("id", "from", "match", "suggest", "replace", "note", "severity", "case_sensitive", "inflect", "accents")


def _reorder(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in _ENTRY_ORDER if key in data}


def effective_glossary(glossaries: GlossarySet, lang: str | None = None) -> dict[str, Any]:
    """The merged glossary: each entry with the glossary it comes from, then what was overridden.

    With ``lang``, only the entries that apply to text in that language, as that text sees them.
    """
    entries = [e for e in glossaries.entries if lang is None or e.phrases_for(lang)]

    def shown(entry: Entry) -> dict[str, Any]:
        data = _for_language(entry, lang) if lang else entry_data(entry)
        return _reorder({**data, "from": _origin(entry)})

    effective = {id(e) for e in glossaries.entries}
    winner = {e.id: e for e in glossaries.entries}
    overridden = [
        {"id": e.id, "from": _origin(e), "by": _origin(winner[e.id])}
        for g in glossaries.glossaries
        for e in g.entries
        if id(e) not in effective and (lang is None or e.phrases_for(lang))
    ]
    acronyms: dict[str, Any] = {
        "allow": sorted(glossaries.allow),
        "define": {
            acronym: {**_define_for(expansions, lang), "from": glossaries.define_source[acronym]}
            for acronym, expansions in sorted(glossaries.define.items())
        },
        "unknown": glossaries.unknown.label if glossaries.unknown is not None else "off",
    }
    data: dict[str, Any] = {
        "sources": [{"glossary": g.name, "path": g.path, "entries": len(g.entries)} for g in glossaries.glossaries],
    }
    if lang:
        data["language"] = lang
    data["terms"] = [shown(e) for e in entries if e.rule == "jargon"]
    data["canned"] = [shown(e) for e in entries if e.rule == "canned"]
    data["acronyms"] = acronyms
    data["ignore"] = list(glossaries.ignore)
    data["overridden"] = overridden
    return data


def _define_for(expansions: Any, lang: str | None) -> dict[str, str]:
    if lang is None:
        return dict(expansions)
    chosen = expansions.get(lang) or expansions.get("any") or expansions.get("en")
    return {lang: chosen} if chosen else {}


def effective_header(glossaries: GlossarySet) -> list[str]:
    """Comment lines for the YAML form: the files in the order they were merged."""
    lines = ["The effective glossary: these files merged in this order (a later id overrides an earlier one)."]
    lines += [f"  {n}. {g.path} ({g.name})" for n, g in enumerate(glossaries.glossaries, 1)]
    return lines
