"""TBX (TermBase eXchange, ISO 30042) term bases, both ways.

Read: TBX 2008 / TBX-Basic (``martif``: ``termEntry`` > ``langSet`` > ``tig``/``ntig``) and
TBX v3 (``tbx``: ``conceptEntry`` > ``langSec`` > ``termSec``, DCA or DCT style). For each
concept and language, deprecated and superseded terms are what to flag (``match``); preferred
terms, then admitted ones, are the suggestions; a single preferred term is also the drop-in
``replace``. Definitions and notes become the entry's note. A concept with nothing deprecated
is not jargon and is skipped.

Write: the reverse, for ``terms`` entries (canned phrases are not terms): each phrase variant
a deprecated term, the ``replace`` the preferred term, other suggestions admitted terms.

XML is parsed with ``defusedxml``: no entity expansion, no DTD or external resource fetched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from jargonlint.errors import Problem
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
from jargonlint.language.tokenize import PLACEHOLDER

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
STATUS_CATEGORIES = ("administrativeStatus", "normativeAuthorization")
VERSIONS = ("2008", "v3")
# Status values (administrativeStatus "-admn-sts" picklist or normativeAuthorization) -> role.
_ROLES = {
    "preferred": "preferred",
    "standardized": "preferred",
    "legal": "preferred",
    "regulated": "preferred",
    "admitted": "admitted",
    "deprecated": "deprecated",
    "superseded": "superseded",
}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_RESERVED = re.compile(r"[{}|*]")


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) in names)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _role(value: str) -> str | None:
    key = value.strip().lower().removesuffix("-admn-sts").removesuffix("term")
    return _ROLES.get(key)


@dataclass
class _Term:
    text: str
    role: str


@dataclass
class _Concept:
    id: str | None
    terms: dict[str, list[_Term]] = field(default_factory=dict)  # language -> terms, in order
    notes: dict[str, list[str]] = field(default_factory=dict)  # "" = concept level


def _notes_of(element: ET.Element) -> list[str]:
    """Definitions and notes directly inside ``element`` (TBX-Basic ``descrip``/``note``, DCT names)."""
    found = []
    for child in element:
        name = _local(child.tag)
        kind = child.get("type", "")
        if (name == "descrip" and kind == "definition") or name in ("note", "definition"):
            text = _text(child)
            if text:
                found.append(text)
        elif name in ("descripGrp", "descripGroup"):
            found += _notes_of(child)
    return found


def _term_of(container: ET.Element) -> tuple[str, str | None, list[str]]:
    """The term text, its status and its notes, from a ``tig``, ``ntig`` or ``termSec``."""
    holders = [container, *_children(container, "termGrp")]
    text = next((_text(t) for h in holders for t in _children(h, "term")), "")
    status: str | None = None
    notes: list[str] = []
    for holder in holders:
        for child in holder.iter():
            name = _local(child.tag)
            category = child.get("type", "") if name in ("termNote", "descrip") else name
            if category in STATUS_CATEGORIES and status is None:
                status = _text(child)
        notes += _notes_of(holder)
    return text, status, notes


class _TbxReader:
    def __init__(self, display: str) -> None:
        self.display = display
        self.skipped: list[Skipped] = []

    def concepts(self, root: ET.Element) -> Iterator[_Concept]:
        for number, element in enumerate((e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")), 1):
            concept = _Concept(element.get("id"))
            where = f"concept {concept.id or number}"
            concept.notes[""] = _notes_of(element)
            for lang_element in _children(element, "langSet", "langSec"):
                code = lang_element.get(XML_LANG) or lang_element.get("lang") or ""
                if not is_known_language(code):
                    self.skipped.append(Skipped(where, code, "language code is not ISO 639-1"))
                    continue
                lang = normalize_language(code)
                concept.notes.setdefault(lang, []).extend(_notes_of(lang_element))
                for container in _children(lang_element, "tig", "ntig", "termSec"):
                    text, status, notes = _term_of(container)
                    if not text:
                        continue
                    role = _role(status) if status else "admitted"  # no status: usable, not flagged
                    if role is None:
                        self.skipped.append(Skipped(where, text, f"unknown term status {status!r}"))
                        continue
                    if _RESERVED.search(text):
                        self.skipped.append(Skipped(where, text, "contains { } | or *, which the phrase syntax reserves"))
                        continue
                    concept.terms.setdefault(lang, []).append(_Term(text, role))
                    concept.notes[lang].extend(notes)
            yield concept

    def entry(self, concept: _Concept, ids: IdAllocator, number: int) -> Entry | None:
        match: dict[str, tuple[str, ...]] = {}
        suggest: dict[str, tuple[str, ...]] = {}
        replace: dict[str, str] = {}
        for lang, terms in concept.terms.items():
            flagged = tuple(dict.fromkeys(t.text for t in terms if t.role in ("deprecated", "superseded")))
            preferred = [t.text for t in terms if t.role == "preferred"]
            advice = tuple(dict.fromkeys([*preferred, *(t.text for t in terms if t.role == "admitted")]))
            if flagged:
                match[lang] = flagged
                if len(preferred) == 1:
                    replace[lang] = preferred[0]
            if advice:
                suggest[lang] = advice
        if not match:
            self.skipped.append(Skipped(f"concept {concept.id or number}", "", "no deprecated or superseded term: nothing to flag"))
            return None
        note_lang = "en" if concept.notes.get("en") else next((lang for lang in concept.terms if concept.notes.get(lang)), "")
        notes = list(dict.fromkeys([*concept.notes.get("", []), *concept.notes.get(note_lang, [])]))
        wanted = concept.id if concept.id and _ID_RE.match(concept.id) else slug(next(iter(match.values()))[0])
        return Entry(
            id=ids.take(wanted),
            rule="jargon",
            match=match,
            suggest=suggest,
            replace=replace,
            note=" ".join(notes) or None,
        )


def _parse(source: Path) -> ET.Element:
    display = str(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise SourceError([Problem(display, 0, f"cannot read file: {exc.strerror or exc}")]) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError([Problem(display, 0, f"file is larger than {MAX_SOURCE_BYTES // 1024 // 1024} MiB")])
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError([Problem(display, 0, f"refused unsafe XML: {exc}")]) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise SourceError([Problem(display, line, f"not well-formed XML: {exc}")]) from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise SourceError([Problem(display, 1, f"not a TBX file: the root element is <{_local(root.tag)}>, expected <martif> or <tbx>")])
    return root


def import_tbx(source: Path, *, name: str | None = None) -> ImportResult:
    """A glossary of the deprecated terms of a TBX term base, with the preferred ones as advice."""
    root = _parse(source)
    reader = _TbxReader(str(source))
    ids = IdAllocator()
    entries = []
    concepts = 0
    for number, concept in enumerate(reader.concepts(root), 1):
        concepts += 1
        entry = reader.entry(concept, ids, number)
        if entry is not None:
            entries.append(entry)
    languages = tuple(dict.fromkeys(lang for e in entries for lang in (*e.match, *e.suggest)))
    title = next((_text(t) for t in root.iter() if _local(t.tag) == "title" and _text(t)), None)
    glossary = Glossary(
        name=name or slug(title or source.stem),
        path="",
        languages=languages,
        entries=tuple(entries),
        description=f"Imported from the term base {source.name}.",
    )
    summary = (
        f"imported {plural(len(entries), 'entry', 'entries')} from {plural(concepts, 'concept')} "
        f"in {plural(len(languages), 'language')}; skipped {len(reader.skipped)}"
    )
    return ImportResult(glossary=glossary, skipped=tuple(reader.skipped), summary=summary, source=f"TBX: {source}")


@dataclass(frozen=True, slots=True)
class _Names:
    root: str
    header: str
    concept: str
    language: str
    term: str


_NAMES = {
    "2008": _Names("martif", "martifHeader", "termEntry", "langSet", "tig"),
    "v3": _Names("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", ":") if k == "xml_lang" else k: v for k, v in attributes.items()})
    element.text = text
    return element


def _flagged_terms(entry: Entry, lang: str, skipped: list[Skipped]) -> list[str]:
    terms: list[str] = []
    for phrase in entry.match.get(lang, ()):
        try:
            variants = expand_phrase(phrase)
        except PhraseSyntaxError:
            continue
        for variant in variants:
            if PLACEHOLDER in variant:
                skipped.append(Skipped(entry.id, phrase, "'*' (any word) has no TBX equivalent"))
                break
            terms.append(variant)
    return list(dict.fromkeys(terms))


def _concept(body: ET.Element, names: _Names, entry: Entry, order: Iterable[str], skipped: list[Skipped]) -> bool:
    langs = [lang for lang in order if lang in entry.match or lang in entry.suggest or lang in entry.replace]
    if ANY in entry.match or ANY in entry.suggest:
        skipped.append(Skipped(entry.id, "", "phrases for 'any' language have no TBX language; left out"))
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for lang in langs:
        terms = [(t, "deprecatedTerm-admn-sts") for t in _flagged_terms(entry, lang, skipped)]
        preferred = entry.replace.get(lang)
        if preferred:
            terms.append((preferred, "preferredTerm-admn-sts"))
        terms += [(s, "admittedTerm-admn-sts") for s in entry.suggest.get(lang, ()) if s != preferred]
        if terms:
            sections.append((lang, terms))
    if not any(status.startswith("deprecated") for _, terms in sections for _, status in terms):
        skipped.append(Skipped(entry.id, "", "no phrase a term base can hold"))
        return False
    concept = _sub(body, names.concept, id=entry.id)
    if entry.note:
        _sub(concept, "note", entry.note)
    for lang, terms in sections:
        section = _sub(concept, names.language, xml_lang=lang)
        for text, status in terms:
            holder = _sub(section, names.term)
            _sub(holder, "term", text)
            _sub(holder, "termNote", status, type="administrativeStatus")
    return True


def export_tbx(glossaries: GlossarySet, *, version: str = "2008", title: str = "jargonlint glossary") -> ExportResult:
    """The effective ``terms`` as a TBX-Basic file (TBX 2008 ``martif`` or TBX v3 ``tbx``)."""
    names = _NAMES[version]
    skipped: list[Skipped] = []
    order = list(dict.fromkeys([*glossaries.languages, *(lang for e in glossaries.entries for lang in e.match if lang != ANY)]))
    main_language = order[0] if order else "en"
    attributes = {"type": "TBX-Basic", "xml:lang": main_language}
    if version == "v3":
        attributes = {"type": "TBX-Basic", "style": "dca", "xml:lang": main_language, "xmlns": TBX3_NAMESPACE}
    root = ET.Element(names.root, attributes)
    file_description = _sub(_sub(root, names.header), "fileDesc")
    _sub(_sub(file_description, "titleStmt"), "title", title)
    _sub(_sub(file_description, "sourceDesc"), "p", "Exported by jargonlint: deprecated terms are what it flags.")
    if version == "2008":
        _sub(_sub(root[0], "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    exported = 0
    for entry in glossaries.entries:
        if entry.rule != "jargon":
            skipped.append(Skipped(entry.id, "", "a canned phrase, not a term"))
            continue
        exported += _concept(body, names, entry, order, skipped)
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    unique = tuple(dict.fromkeys(skipped))
    summary = f"exported {plural(exported, 'concept')} in {plural(len(order), 'language')} as TBX {version}; skipped {len(unique)}"
    return ExportResult(text=text, skipped=unique, summary=summary)
