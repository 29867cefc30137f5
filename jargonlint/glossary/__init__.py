"""Glossaries: the YAML format, loading with positions, ``extends`` and merging."""

from jargonlint.glossary.loader import builtin_names, load_glossaries
from jargonlint.glossary.model import Entry, Glossary, GlossarySet

__all__ = ["Entry", "Glossary", "GlossarySet", "builtin_names", "load_glossaries"]
