"""``jargonlint explain RULE-or-ID``: what a rule or a glossary entry flags, and why.

A rule (``jargon``, ``canned``, ``acronym``, ``suppression``) prints its documentation,
the module docstring in ruff's *What it does / Why is this bad? / Example* shape. An entry
(``deductible``, ``canned:sorry-inconvenience``) or an acronym (``SLA``, ``acronym:SLA``)
prints what the loaded glossaries say about it and where.
"""

from __future__ import annotations

import difflib
import inspect
import sys
from collections.abc import Mapping
from types import ModuleType

import click

from jargonlint import suppressions
from jargonlint.commands.common import EXIT_ERROR, echo_error, glossary_options, load_linter
from jargonlint.glossary.model import Entry, GlossarySet
from jargonlint.rules import acronyms, phrases

RULE_DOCS: Mapping[str, ModuleType] = {"jargon": phrases, "canned": phrases, "acronym": acronyms, "suppression": suppressions}
_DEFAULTS = {"case_sensitive": False, "inflect": True, "accents": True}

EXPLAIN_HELP = """Explain a rule (jargon, canned, acronym, suppression), a glossary entry or an acronym.

NAME is a rule, an entry id (`deductible`), a code as shown in findings
(`canned:sorry-inconvenience`, `acronym:SLA`) or an acronym. Glossaries are loaded as
`check` loads them, so an organisation glossary's entries can be explained too.

\b
Examples:
  jargonlint explain acronym
  jargonlint explain en-do-not-hesitate
  jargonlint explain -g acme.yaml canned:sorry-inconvenience
"""


def rule_text(rule: str, glossary: GlossarySet) -> str:
    """A rule's documentation and what the loaded glossaries give it."""
    doc = inspect.cleandoc(RULE_DOCS[rule].__doc__ or "").replace("``", "`")
    names = ", ".join(g.name for g in glossary.glossaries) or "none"
    if rule in ("jargon", "canned"):
        count = sum(1 for e in glossary.entries if e.rule == rule)
        loaded = f"{count} `{rule}` {'entry' if count == 1 else 'entries'}; `jargonlint explain ID` shows one."
    elif rule == "acronym":
        unknown = glossary.unknown.label if glossary.unknown is not None else "off"
        loaded = f"{len(glossary.define)} acronyms defined, {len(glossary.allow)} allowed; unknown acronyms: {unknown}."
    else:
        loaded = ""
    lines = [rule, "", doc, "", f"Glossaries loaded: {names}."]
    if loaded:
        lines.append(loaded)
    return "\n".join(lines) + "\n"


def _per_language(values: Mapping[str, tuple[str, ...]] | Mapping[str, str], quote: bool) -> list[str]:
    lines = []
    for lang, items in values.items():
        texts = (items,) if isinstance(items, str) else items
        shown = ", ".join(f'"{t}"' for t in texts) if quote else " | ".join(texts)
        lines.append(f"  {lang}: {shown}")
    return lines


def entry_text(entry: Entry, glossary: GlossarySet) -> str:
    """Everything about one entry: phrases, note, suggestions, replacement, severity, origin."""
    lines = [f"{entry.rule}:{entry.id}", "", "Flags:", *_per_language(entry.match, quote=True)]
    lines += ["", "Why it hurts:", f"  {entry.note}" if entry.note else "  (no note in the glossary)"]
    if entry.suggest:
        lines += ["", "Suggestions:", *_per_language(entry.suggest, quote=False)]
    if entry.replace:
        lines += ["", "Replacement (applied by --fix):", *_per_language(entry.replace, quote=True)]
    lines += ["", f"Severity: {entry.severity.label}"]
    options = [f"{key}: {str(getattr(entry, key)).lower()}" for key, default in _DEFAULTS.items() if getattr(entry, key) != default]
    if options:
        lines.append("Matching: " + ", ".join(options))
    lines.append(f"Defined in: {entry.glossary} ({entry.path}:{entry.line})")
    for other in glossary.glossaries:
        for shadowed in other.entries:
            if shadowed.id == entry.id and shadowed is not entry:
                lines.append(f"Overrides: {shadowed.glossary} ({shadowed.path}:{shadowed.line})")
    return "\n".join(lines) + "\n"


def acronym_text(acronym: str, glossary: GlossarySet) -> str:
    """What the glossaries say about one acronym."""
    lines = [f"acronym:{acronym}", ""]
    if acronym in glossary.define:
        lines += [
            "Flagged at its first use unless it is explained there, as in:",
            *(f"  {lang}: {expansion} ({acronym})" for lang, expansion in glossary.define[acronym].items()),
            "",
            f"Defined in: {glossary.define_source.get(acronym, '?')}",
        ]
        if acronym in glossary.allow:
            lines.append("Also allowed: never flagged.")
    else:
        lines.append("Allowed: never flagged (customers know it).")
    return "\n".join(lines) + "\n"


def _candidates(glossary: GlossarySet) -> list[str]:
    names = list(RULE_DOCS)
    names += [e.id for e in glossary.entries] + [f"{e.rule}:{e.id}" for e in glossary.entries]
    names += sorted(glossary.define) + sorted(glossary.allow)
    return names


def explain_name(name: str, glossary: GlossarySet) -> str | None:
    """The explanation of ``name``, or ``None`` if no rule, entry or acronym has that name."""
    if name in RULE_DOCS:
        return rule_text(name, glossary)
    rule, _, entry_id = name.rpartition(":")
    entry = glossary.entry(entry_id)
    if entry is not None and rule in ("", entry.rule):
        return entry_text(entry, glossary)
    if rule in ("", "acronym") and (entry_id in glossary.define or entry_id in glossary.allow):
        return acronym_text(entry_id, glossary)
    return None


@click.command(help=EXPLAIN_HELP)
@click.argument("name", metavar="NAME")
@glossary_options
def explain(name: str, glossaries: tuple[str, ...], no_builtin: bool, config: str | None, isolated: bool) -> None:
    _, linter = load_linter(config=config, isolated=isolated, targets=["."], glossaries=glossaries, no_builtin=no_builtin)
    text = explain_name(name.strip(), linter.glossary)
    if text is None:
        close = difflib.get_close_matches(name, _candidates(linter.glossary), n=5, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        echo_error(f"no rule, glossary entry or acronym named {name!r}.{hint}")
        click.echo("Rules: " + ", ".join(RULE_DOCS) + "; or an entry id from the loaded glossaries.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(text, nl=False)
