"""jargonlint: flags jargon, unexplained acronyms and canned phrases in customer letters."""

from jargonlint.errors import ConfigError, FileError, GlossaryError, JargonlintError, Problem
from jargonlint.finding import Edit, Finding, Fix, Severity
from jargonlint.linter import Linter, LintError
from jargonlint.report import Report

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Edit",
    "FileError",
    "Finding",
    "Fix",
    "GlossaryError",
    "JargonlintError",
    "LintError",
    "Linter",
    "Problem",
    "Report",
    "Severity",
    "__version__",
]
