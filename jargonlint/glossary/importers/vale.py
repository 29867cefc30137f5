"""Import Vale styles (rule YAML files) and vocabularies (``accept.txt``/``reject.txt``).

Vale's semantics are kept: a token is a regex between word boundaries (``\\b...\\b``),
case-sensitive unless the rule says ``ignorecase: true``, never inflected. What a phrase
cannot say is reported as skipped, with the rule's name and the token.

- ``existence`` -> one entry per rule (id = Vale's check name, e.g. ``write-good.Weasel``),
  rule ``canned`` when the rule's name says clichés, apologies, hedging or politeness, else
  ``jargon``; its message (and description) becomes the note.
- ``substitution`` -> one entry per ``swap`` key: the value's ``a|b`` alternatives are the
  suggestions; a single plain word or phrase is also the ``replace``.
- ``conditional`` about acronyms -> its ``exceptions`` go to ``acronyms.allow``, its level
  to ``acronyms.unknown``.
- Vocab ``accept.txt`` -> ``ignore`` (all-caps words go to ``acronyms.allow`` instead);
  ``reject.txt`` -> a jargon entry at level error, as Vale's ``Vale.Avoid`` reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jargonlint.errors import Problem
from jargonlint.finding import Severity
from jargonlint.glossary.importers.common import MAX_SOURCE_BYTES, IdAllocator, ImportResult, Skipped, SourceError, plural, slug
from jargonlint.glossary.importers.vale_regex import NotAPhrase, regex_to_phrase
from jargonlint.glossary.model import Entry, Glossary
from jargonlint.glossary.phrase import PhraseSyntaxError, expand_phrase
from jargonlint.language.codes import ANY

LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "suggestion": Severity.INFO}
VOCAB_FILES = ("accept.txt", "reject.txt")
# Scopes that are running text; a rule limited to headings, code or markup is not about letters.
TEXT_SCOPES = frozenset({"text", "sentence", "paragraph", "summary", "list", "blockquote"})
# Rule names that mean canned phrases rather than jargon words.
CANNED_HINTS = ("cliche", "apolog", "hedg", "polite", "reassur", "canned", "filler", "courtes")
_PLAIN_REPLACEMENT = re.compile(r"[^\W_][\w' -]*", re.UNICODE)
_ALL_CAPS = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]")
# Punctuation that prose writes right after a word (so a leading \b holds) or right before one.
_GLUED_BEFORE = frozenset(",.;:!?)]”’%")
_GLUED_AFTER = frozenset("([“‘")
_QUOTED_ARGUMENT = re.compile(r"(['\"“‘„«]?)%s(['\"”’“»]?)")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _bounded(form: str) -> bool:
    """Whether Vale's ``\\b...\\b`` around ``form`` can match in ordinary prose.

    ``\\b`` next to punctuation needs a word character on its other side: fine for a comma
    after a word (``", so to speak"``), never true for ``"approx."`` followed by a space.
    """
    first, last = form[0], form[-1]
    return (_is_word_char(first) or first in _GLUED_BEFORE) and (_is_word_char(last) or last in _GLUED_AFTER)


def _note(message: Any, description: Any) -> str | None:
    """Vale's message without its ``%s`` (``'%s' is a weasel word!`` -> ``'…' is a weasel word!``)."""
    parts = [
        _QUOTED_ARGUMENT.sub(lambda m: f"{m.group(1)}…{m.group(2)}", text.strip())
        for text in (message, description)
        if isinstance(text, str) and text.strip()
    ]
    return " ".join(parts) or None


@dataclass
class _Import:
    lang: str
    entries: list[Entry] = field(default_factory=list)
    allow: set[str] = field(default_factory=set)
    ignore: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unknown: Severity | None = None
    ids: IdAllocator = field(default_factory=IdAllocator)
    rules_seen: int = 0
    rules_used: set[str] = field(default_factory=set)
    vocabularies: set[str] = field(default_factory=set)

    def skip(self, where: str, item: str, reason: str) -> None:
        self.skipped.append(Skipped(where, item, reason))

    def phrases(self, rule: str, token: str, ignorecase: bool, word_bounded: bool = True) -> list[str]:
        """The phrases for one Vale token, or none (reported) when it is a real regex."""
        text = token.strip()
        if text.startswith("(?i)"):
            if not ignorecase:
                self.skip(rule, token, "has an inline (?i) flag in a case-sensitive rule")
                return []
            text = text[4:]
        try:
            phrase = regex_to_phrase(text)
            variants = expand_phrase(phrase)
        except (NotAPhrase, PhraseSyntaxError) as exc:
            self.skip(rule, token, str(exc))
            return []
        if not word_bounded:
            return [phrase]
        glued = [v for v in variants if not _bounded(v)]
        if not glued:
            return [phrase]
        kept = [v for v in variants if v not in glued]
        shown = ", ".join(repr(v) for v in glued)
        self.skip(rule, token, f"left out {shown}: Vale's \\b at its edge needs a letter glued to the punctuation there")
        return kept

    def add(self, source: str, entry_id: str, **fields: Any) -> None:
        """Add an entry made from ``source`` (a rule name, or ``vocab/reject.txt``)."""
        self.entries.append(Entry(id=self.ids.take(entry_id), **fields))
        self.rules_used.add(source)


def _severity(data: dict[str, Any]) -> Severity | None:
    return LEVELS.get(str(data.get("level") or "suggestion").lower())


def _scope_is_text(scope: Any) -> bool:
    scopes = scope if isinstance(scope, list) else [scope]
    return all(str(s).startswith("~") or str(s).split(".")[0] in TEXT_SCOPES for s in scopes if s is not None)


def _existence(state: _Import, rule: str, data: dict[str, Any], severity: Severity, ignorecase: bool) -> None:
    tokens = data.get("tokens") or []
    phrases: list[str] = []
    for token in tokens if isinstance(tokens, list) else [tokens]:
        if str(token).strip():
            phrases += state.phrases(rule, str(token), ignorecase)
    if not phrases:
        return
    is_canned = any(hint in rule.rsplit(".", 1)[-1].lower() for hint in CANNED_HINTS)
    state.add(
        rule,
        rule,
        rule="canned" if is_canned else "jargon",
        match={state.lang: tuple(dict.fromkeys(phrases))},
        note=_note(data.get("message"), data.get("description")),
        severity=severity,
        case_sensitive=not ignorecase,
        inflect=False,
    )


def _is_expected(form: str, expected: str, ignorecase: bool) -> bool:
    """Whether Vale stays silent on ``form``: it does when the text is already the expected one.

    Vale reads the expected value as a regex unless it has a space (``chatbot(s)`` accepts
    "chatbots"); so do we, on these few short strings, only while importing.
    """
    if " " in expected:
        return form == expected
    try:
        return re.fullmatch(f"(?:{expected})", form, re.IGNORECASE if ignorecase else 0) is not None
    except re.error:
        return form == expected


def _substitution(state: _Import, rule: str, data: dict[str, Any], severity: Severity, ignorecase: bool) -> None:
    swap = data.get("swap") or {}
    if not isinstance(swap, dict):
        state.skip(rule, "", "'swap' is not a mapping")
        return
    for key, value in swap.items():
        key, expected = str(key), "" if value is None else str(value).strip()
        if "$" in expected:
            state.skip(rule, key, "its replacement uses capture groups ($1)")
            continue
        phrases = state.phrases(rule, key, ignorecase)
        if not phrases:
            continue
        forms = [v for p in phrases for v in expand_phrase(p)]
        if any(_is_expected(v, expected, ignorecase) for v in forms):
            phrases = [v for v in forms if not _is_expected(v, expected, ignorecase)]
            if not phrases:
                state.skip(rule, key, f"Vale never alerts on it: every form it matches is the expected {expected!r}")
                continue
        suggestions = tuple(dict.fromkeys(s.strip() for s in expected.split("|") if s.strip()))
        first = expand_phrase(phrases[0])[0]
        state.add(
            rule,
            f"{rule}.{slug(first)}",
            rule="jargon",
            match={state.lang: tuple(dict.fromkeys(phrases))},
            suggest={state.lang: suggestions} if suggestions else {},
            replace={state.lang: suggestions[0]} if len(suggestions) == 1 and _PLAIN_REPLACEMENT.fullmatch(suggestions[0]) else {},
            note=_note(None, data.get("description")),
            severity=severity,
            case_sensitive=not ignorecase,
            inflect=False,
        )


def _conditional(state: _Import, rule: str, data: dict[str, Any], severity: Severity) -> None:
    if "acronym" not in rule.lower() and "[A-Z]" not in str(data.get("first", "")):
        state.skip(rule, "", "a conditional rule that is not about acronyms has no jargonlint equivalent")
        return
    for exception in data.get("exceptions") or []:
        text = str(exception).strip()
        if re.fullmatch(r"[A-Za-z0-9&][A-Za-z0-9&.+-]*", text):
            state.allow.add(text)
        else:
            state.skip(rule, text, "an acronym exception that is a regular expression")
    if state.unknown is None or severity > state.unknown:
        state.unknown = severity
    state.rules_used.add(rule)


def _rule(state: _Import, path: Path) -> None:
    rule = f"{path.parent.name}.{path.stem}"
    try:
        data = yaml.safe_load(_read(path))
    except yaml.YAMLError as exc:
        state.skip(rule, "", f"not valid YAML ({exc.__class__.__name__})")
        return
    if not isinstance(data, dict) or "extends" not in data:
        state.skip(rule, "", "not a Vale rule (no 'extends')")
        return
    state.rules_seen += 1
    kind = str(data["extends"])
    severity = _severity(data)
    ignorecase = data.get("ignorecase") is True
    if kind not in ("existence", "substitution", "conditional"):
        state.skip(rule, "", f"extends: {kind} has no jargonlint equivalent")
    elif severity is None:
        state.skip(rule, "", f"unknown level {data.get('level')!r}")
    elif not _scope_is_text(data.get("scope", "text")):
        state.skip(rule, "", f"scope: {data.get('scope')} is not running text")
    elif kind == "conditional":
        _conditional(state, rule, data, severity)
    elif data.get("nonword") is True:
        state.skip(rule, "", "nonword: true (its tokens may match inside words; jargonlint matches whole words only)")
    elif data.get("raw"):
        state.skip(rule, "", "has 'raw' regular expressions around its tokens")
    else:
        for exception in data.get("exceptions") or []:
            state.ignore += state.phrases(rule, str(exception), True, word_bounded=False)
        if kind == "existence":
            _existence(state, rule, data, severity, ignorecase)
        else:
            _substitution(state, rule, data, severity, ignorecase)


def _vocabulary(state: _Import, path: Path) -> None:
    vocab = path.parent.name
    where = f"{vocab}/{path.name}"
    state.vocabularies.add(vocab)
    sensitive: list[str] = []
    insensitive: list[str] = []
    for raw in _read(path).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        ignorecase = line.startswith("(?i)")
        if path.name == "accept.txt":
            if _ALL_CAPS.fullmatch(line):
                state.allow.add(line)
            else:
                state.ignore += state.phrases(where, line, True, word_bounded=False)
        else:
            (insensitive if ignorecase else sensitive).extend(state.phrases(where, line, ignorecase))
    for phrases, ignorecase in ((sensitive, False), (insensitive, True)):
        if phrases:
            state.add(
                where,
                f"{vocab}.reject{'-ignorecase' if ignorecase else ''}",
                rule="jargon",
                match={state.lang: tuple(dict.fromkeys(phrases))},
                note=f"Rejected in the Vale vocabulary '{vocab}'.",
                severity=Severity.ERROR,
                case_sensitive=not ignorecase,
                inflect=False,
            )


def _read(path: Path) -> str:
    data = path.read_bytes()
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError([Problem(str(path), 0, "file too large to import")])
    return data.decode("utf-8-sig", errors="replace")


def _sources(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if source.is_dir():
        found = (p for p in source.rglob("*") if p.is_file() and (p.suffix in (".yml", ".yaml") or p.name in VOCAB_FILES))
        return sorted(found, key=lambda p: p.relative_to(source).as_posix())
    raise SourceError([Problem(str(source), 0, "no such file or folder")])


def import_vale(source: Path, *, lang: str = "en", name: str | None = None) -> ImportResult:
    """A glossary from a Vale style folder, one rule file, a vocabulary folder, or a StylesPath."""
    state = _Import(lang=lang)
    for path in _sources(source):
        if path.name in VOCAB_FILES:
            _vocabulary(state, path)
        elif path.suffix in (".yml", ".yaml"):
            _rule(state, path)
        else:
            raise SourceError([Problem(str(path), 0, "not a Vale rule (.yml) or vocabulary file (accept.txt, reject.txt)")])
    label = source.stem if source.is_file() else source.name
    glossary = Glossary(
        name=name or slug(f"vale-{label}"),
        path="",
        languages=(lang,) if lang != ANY else (),
        entries=tuple(state.entries),
        allow=frozenset(state.allow),
        unknown=state.unknown.label if state.unknown is not None else None,
        ignore=tuple(dict.fromkeys(state.ignore)),
        description=f"Imported from the Vale style '{label}'.",
    )
    rules = len([r for r in state.rules_used if "/" not in r])
    sources = [f"{rules} of {plural(state.rules_seen, 'Vale rule')}"] if state.rules_seen else []
    if state.vocabularies:
        sources.append(plural(len(state.vocabularies), "vocabulary", "vocabularies"))
    parts = [f"imported {plural(len(state.entries), 'entry', 'entries')} from {' and '.join(sources) or 'nothing'}"]
    if state.allow:
        parts.append(plural(len(state.allow), "allowed acronym"))
    if glossary.ignore:
        parts.append(plural(len(glossary.ignore), "ignore phrase"))
    summary = ", ".join(parts) + f"; skipped {len(state.skipped)}"
    return ImportResult(glossary=glossary, skipped=tuple(state.skipped), summary=summary, source=f"Vale: {source}")
