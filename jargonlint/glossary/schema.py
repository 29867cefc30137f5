"""Validation of one glossary file's data (format v1) into a ``Glossary``, collecting every problem."""

from __future__ import annotations

import re
from typing import Any

from jargonlint.errors import Problem
from jargonlint.finding import Severity
from jargonlint.glossary.model import Entry, Glossary
from jargonlint.glossary.phrase import PhraseSyntaxError, expand_phrase
from jargonlint.glossary.yamlsource import YamlList, YamlMap
from jargonlint.language.codes import ANY, is_known_language, normalize_language

TOP_LEVEL_KEYS = ("glossary", "description", "extends", "languages", "terms", "acronyms", "canned", "ignore")
ENTRY_KEYS = ("id", "match", "suggest", "replace", "note", "severity", "case_sensitive", "inflect", "accents")
ACRONYM_KEYS = ("allow", "define", "unknown")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class _Validator:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def unknown_keys(self, mapping: YamlMap, allowed: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = ", ".join(allowed)
                self.problem(mapping.key_lines[key], f"unknown key '{key}' in {where} (allowed: {hint})")

    def string_list(self, value: Any, line: int, what: str) -> list[str]:
        """A string or a list of strings."""
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            lines = getattr(value, "item_lines", [line] * len(value))
            result = []
            for item, item_line in zip(value, lines, strict=True):
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    result.append(str(item))
                else:
                    self.problem(item_line, f"{what}: expected text, got {_describe(item)}")
            return result
        self.problem(line, f"{what}: expected text or a list of texts, got {_describe(value)}")
        return []

    def language_key(self, key: str, line: int, what: str) -> str | None:
        if key == ANY:
            return ANY
        if not is_known_language(key):
            self.problem(line, f"{what}: unknown language code '{key}' (use ISO 639-1 codes such as en, fr, nl, or 'any')")
            return None
        return normalize_language(key)

    def per_language(self, value: Any, line: int, what: str) -> dict[str, tuple[str, ...]]:
        """``{lang: text | [texts]}``; a bare text or list means every language ('any')."""
        if not isinstance(value, dict):
            texts = self.string_list(value, line, what)
            return {ANY: tuple(texts)} if texts else {}
        result: dict[str, tuple[str, ...]] = {}
        for key, texts in value.items():
            key_line = value.key_lines[key] if isinstance(value, YamlMap) else line
            lang = self.language_key(key, key_line, what)
            items = self.string_list(texts, key_line, f"{what}.{key}")
            if lang is not None and items:
                result[lang] = result.get(lang, ()) + tuple(items)
        return result

    def boolean(self, entry: YamlMap, key: str, default: bool) -> bool:
        value = entry.get(key, default)
        if not isinstance(value, bool):
            self.problem(entry.key_lines[key], f"'{key}' must be true or false, got {_describe(value)}")
            return default
        return value

    def entry(self, raw: Any, line: int, rule: str, glossary: str) -> Entry | None:
        section = "terms" if rule == "jargon" else "canned"
        if not isinstance(raw, YamlMap):
            self.problem(line, f"each item of '{section}' must be a mapping with at least 'match', got {_describe(raw)}")
            return None
        self.unknown_keys(raw, ENTRY_KEYS, f"an item of '{section}'")
        if "match" not in raw:
            self.problem(raw.line, f"an item of '{section}' has no 'match'")
            return None
        match = self.per_language(raw["match"], raw.key_lines["match"], "match")
        for lang, phrases in match.items():
            for phrase in phrases:
                try:
                    expand_phrase(phrase)
                except PhraseSyntaxError as exc:
                    self.problem(raw.key_lines["match"], f"match.{lang}: {exc}")
        entry_id = raw.get("id")
        if entry_id is None:
            first = next((p for phrases in match.values() for p in phrases), "")
            entry_id = re.sub(r"[^0-9a-z]+", "-", first.lower()).strip("-") or "entry"
        elif not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
            self.problem(raw.key_lines["id"], f"id must be letters, digits, '-', '_' or '.', got {_describe(entry_id)}")
            entry_id = str(entry_id)
        suggest = self.per_language(raw.get("suggest", {}), raw.key_lines.get("suggest", raw.line), "suggest")
        replace: dict[str, str] = {}
        for lang, texts in self.per_language(raw.get("replace", {}), raw.key_lines.get("replace", raw.line), "replace").items():
            if len(texts) != 1:
                self.problem(raw.key_lines["replace"], f"replace.{lang}: give exactly one drop-in replacement")
            else:
                replace[lang] = texts[0]
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            self.problem(raw.key_lines["note"], f"'note' must be text, got {_describe(note)}")
            note = None
        severity = Severity.WARNING
        if "severity" in raw:
            try:
                severity = Severity.parse(str(raw["severity"]))
            except ValueError as exc:
                self.problem(raw.key_lines["severity"], str(exc))
        return Entry(
            id=entry_id,
            rule=rule,
            match=match,
            suggest=suggest,
            replace=replace,
            note=note,
            severity=severity,
            case_sensitive=self.boolean(raw, "case_sensitive", False),
            inflect=self.boolean(raw, "inflect", True),
            accents=self.boolean(raw, "accents", True),
            glossary=glossary,
            path=self.path,
            line=raw.line,
        )


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def validate_glossary(data: Any, path: str) -> tuple[Glossary | None, list[Problem]]:
    """Turn parsed YAML into a ``Glossary``; return it (None if unusable) and all problems."""
    check = _Validator(path)
    if not isinstance(data, YamlMap):
        check.problem(getattr(data, "line", 1), f"a glossary must be a mapping with 'glossary: NAME' at the top, got {_describe(data)}")
        return None, check.problems
    check.unknown_keys(data, TOP_LEVEL_KEYS, "the glossary")
    name = data.get("glossary")
    if not isinstance(name, str) or not name.strip():
        check.problem(data.key_lines.get("glossary", data.line), "missing 'glossary: NAME' (the glossary's name)")
        name = path
    extends = tuple(check.string_list(data.get("extends", []), data.key_lines.get("extends", 0), "extends"))
    languages: list[str] = []
    for lang in check.string_list(data.get("languages", []), data.key_lines.get("languages", 0), "languages"):
        code = check.language_key(lang, data.key_lines["languages"], "languages")
        if code is not None and code != ANY:
            languages.append(code)
    entries: list[Entry] = []
    ids: dict[str, int] = {}
    for section, rule in (("terms", "jargon"), ("canned", "canned")):
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, YamlList):
            check.problem(data.key_lines[section], f"'{section}' must be a list of entries, got {_describe(items)}")
            continue
        for raw, line in zip(items, items.item_lines, strict=True):
            entry = check.entry(raw, line, rule, name)
            if entry is None:
                continue
            if entry.id in ids:
                check.problem(entry.line, f"duplicate id '{entry.id}' (first at line {ids[entry.id]})")
                continue
            ids[entry.id] = entry.line
            entries.append(entry)
    allow: set[str] = set()
    define: dict[str, dict[str, str]] = {}
    unknown: str | None = None
    acronyms = data.get("acronyms")
    if acronyms is not None:
        if not isinstance(acronyms, YamlMap):
            check.problem(data.key_lines["acronyms"], f"'acronyms' must be a mapping with allow/define/unknown, got {_describe(acronyms)}")
        else:
            check.unknown_keys(acronyms, ACRONYM_KEYS, "'acronyms'")
            allow.update(check.string_list(acronyms.get("allow", []), acronyms.key_lines.get("allow", 0), "acronyms.allow"))
            raw_define = acronyms.get("define")
            if raw_define is None:
                pass
            elif not isinstance(raw_define, YamlMap):
                check.problem(acronyms.key_lines.get("define", acronyms.line), "acronyms.define must map each acronym to its expansion")
            else:
                for acronym, expansion in raw_define.items():
                    line = raw_define.key_lines[acronym]
                    expansions = check.per_language(expansion, line, f"acronyms.define.{acronym}")
                    define[acronym] = {lang: texts[0] for lang, texts in expansions.items()}
            if "unknown" in acronyms:
                value = acronyms["unknown"]
                label = "off" if value is False else str(value).lower()
                if label != "off" and label not in {s.label for s in Severity}:
                    check.problem(
                        acronyms.key_lines["unknown"], f"acronyms.unknown must be error, warning, info or off, got {_describe(value)}"
                    )
                else:
                    unknown = label
    ignore = tuple(check.string_list(data.get("ignore", []), data.key_lines.get("ignore", 0), "ignore"))
    description = data.get("description")
    glossary = Glossary(
        name=name,
        path=path,
        languages=tuple(languages),
        extends=extends,
        entries=tuple(entries),
        allow=frozenset(allow),
        define=define,
        unknown=unknown,
        ignore=ignore,
        description=description if isinstance(description, str) else None,
    )
    return glossary, check.problems
