"""Readers that turn source files into Documents (the text the customer reads)."""

from jargonlint.documents.base import Document, DocumentBuilder, OffsetMap

__all__ = ["Document", "DocumentBuilder", "OffsetMap"]
