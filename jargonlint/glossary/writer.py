"""Glossary YAML that people edit: the key order of the format doc, defaults left out,
short lists and per-language maps on one line, a comment header that names the source.

PyYAML quotes each scalar (so ``no``, ``{a|b}`` or ``: `` survive); the layout is ours,
because ``yaml.dump`` either puts everything on one line or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml

from jargonlint.finding import Severity
from jargonlint.glossary.model import Entry, Glossary

WIDTH = 100


def _texts(values: Sequence[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else list(values)


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry as the ordered mapping of the glossary format, without default values."""
    data: dict[str, Any] = {"id": entry.id, "match": {lang: _texts(p) for lang, p in entry.match.items()}}
    if entry.suggest:
        data["suggest"] = {lang: _texts(texts) for lang, texts in entry.suggest.items()}
    if entry.replace:
        data["replace"] = dict(entry.replace)
    if entry.note:
        data["note"] = entry.note
    if entry.severity is not Severity.WARNING:
        data["severity"] = entry.severity.label
    if entry.case_sensitive:
        data["case_sensitive"] = True
    if not entry.inflect:
        data["inflect"] = False
    if not entry.accents:
        data["accents"] = False
    return data


def glossary_data(glossary: Glossary) -> dict[str, Any]:
    """A glossary as the ordered mapping of the glossary format (``docs/glossary-format.md``)."""
    data: dict[str, Any] = {"glossary": glossary.name}
    if glossary.description:
        data["description"] = glossary.description
    if glossary.extends:
        data["extends"] = list(glossary.extends)
    if glossary.languages:
        data["languages"] = list(glossary.languages)
    terms = [entry_data(e) for e in glossary.entries if e.rule == "jargon"]
    canned = [entry_data(e) for e in glossary.entries if e.rule == "canned"]
    if terms:
        data["terms"] = terms
    acronyms: dict[str, Any] = {}
    if glossary.allow:
        acronyms["allow"] = sorted(glossary.allow)
    if glossary.define:
        acronyms["define"] = {a: dict(expansions) for a, expansions in sorted(glossary.define.items())}
    if glossary.unknown is not None:
        acronyms["unknown"] = glossary.unknown
    if acronyms:
        data["acronyms"] = acronyms
    if canned:
        data["canned"] = canned
    if glossary.ignore:
        data["ignore"] = list(glossary.ignore)
    return data


def glossary_to_yaml(glossary: Glossary, header: Iterable[str] = ()) -> str:
    """The glossary as YAML text, with ``header`` lines as ``#`` comments on top."""
    return dump_yaml(glossary_data(glossary), header)


def dump_yaml(data: Mapping[str, Any], header: Iterable[str] = ()) -> str:
    """``data`` (str keys; str, bool, int, list and dict values) as block YAML."""
    lines = [f"# {line}".rstrip() for line in header]
    for key, value in data.items():
        item = _item(key, value, 0)
        if len(item) > 1 and lines and lines[-1] and not lines[-1].startswith("#"):
            lines.append("")  # sections of several lines stand apart
        lines += item
    return "\n".join(lines) + "\n"


def scalar(value: Any, *, flow: bool = True) -> str:
    """One YAML scalar, quoted only when YAML would read it as something else.

    ``flow`` = it sits inside ``[...]`` or ``{...}``, where commas and brackets need quotes too.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    style = '"' if any(ch in text for ch in "\n\r\t") else None  # keep one value on one line
    dumped = _dump(text, flow, style)
    if dumped.startswith("'") and "'" in text:  # "it's" reads better than 'it''s'
        dumped = _dump(text, flow, '"')
    return dumped


def _dump(text: str, flow: bool, style: str | None) -> str:
    options: dict[str, Any] = {"allow_unicode": True, "width": float("inf"), "default_style": style}
    if flow:
        return str(yaml.safe_dump([text], default_flow_style=True, **options)).strip()[1:-1]
    return str(yaml.safe_dump(text, **options)).removesuffix("\n").removesuffix("\n...").strip()


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _is_flat(value: Any) -> bool:
    """Scalars, lists of scalars, and maps of those: what reads well on one line."""
    if isinstance(value, Mapping):
        return all(not isinstance(v, Mapping) and _is_flat(v) for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(v, (Mapping, list)) for v in value)
    return True


def _item(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    head = f"{pad}{scalar(key)}:"
    if isinstance(value, (Mapping, list)) and not value:
        return [f"{head} {'{}' if isinstance(value, Mapping) else '[]'}"]
    if not isinstance(value, (Mapping, list)):
        return [f"{head} {scalar(value, flow=False)}"]
    if _is_flat(value) and len(head) + 1 + len(_flow(value)) <= WIDTH:
        return [f"{head} {_flow(value)}"]
    if isinstance(value, Mapping):
        lines = [head]
        for sub_key, sub_value in value.items():
            lines += _item(sub_key, sub_value, indent + 2)
        return lines
    return [head, *_sequence(value, indent + 2)]


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for number, item in enumerate(items):
        one_line = isinstance(item, Mapping) and all(not isinstance(v, (Mapping, list)) for v in item.values())
        if one_line and len(pad) + 2 + len(_flow(item)) <= WIDTH:
            lines.append(f"{pad}- {_flow(item)}")
            continue
        if isinstance(item, Mapping) and item:
            if number:
                lines.append("")  # a blank line between entries, as people write them
            body = [line for key, value in item.items() for line in _item(key, value, indent + 2)]
            lines.append(f"{pad}- {body[0].lstrip()}")
            lines += body[1:]
        else:
            lines.append(f"{pad}- {_flow(item)}")
    return lines
