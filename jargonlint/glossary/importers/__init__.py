"""Converters between glossaries and other formats: CSV, TBX (ISO 30042) and Vale styles.

Each format module reads a source into an ``ImportResult`` (a ``Glossary`` plus what could
not be carried over, and why) and, where the format allows it, writes entries back out.
"""

from jargonlint.glossary.importers.common import ExportResult, ImportResult, Skipped, SourceError

__all__ = ["ExportResult", "ImportResult", "Skipped", "SourceError"]
