"""Shared fixtures: one Linter per glossary set for the whole session (building is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint import Linter

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def acme_glossary() -> Path:
    return FIXTURES / "glossaries" / "acme.yaml"


@pytest.fixture(scope="session")
def acme_linter(acme_glossary: Path) -> Linter:
    """Only the test organisation glossary (no built-ins): exact, stable expectations."""
    return Linter([acme_glossary], builtin=False)


@pytest.fixture(scope="session")
def builtin_linter() -> Linter:
    """The built-in glossaries, as a user with no configuration gets them."""
    return Linter()
