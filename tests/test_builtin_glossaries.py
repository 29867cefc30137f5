"""The built-in glossaries: every file valid and complete, and each language's letters give
exactly the expected findings (tests/fixtures/letters/LANG/*.expected.yaml; letters/mixed/
holds bilingual letters whose paragraphs must each use their own language's pack)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from jargonlint import Linter
from jargonlint.glossary import builtin_names, load_glossaries
from jargonlint.language.tokenize import SHARED_PIPELINES

LETTERS = Path(__file__).parent / "fixtures" / "letters"
LANGUAGES = ("en", "fr", "es", "nl", "de", "it", "pt", "zh")
LETTER_FILES = sorted(p for p in LETTERS.glob("*/*.txt") if p.with_suffix(".expected.yaml").is_file())


def test_every_builtin_glossary_loads_on_its_own() -> None:
    names = builtin_names()
    assert {"core", "common", *LANGUAGES, *(f"{lang}/canned" for lang in LANGUAGES)} <= set(names)
    for name in names:
        load_glossaries([f"builtin:{name}"], builtin=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_pack_is_complete(lang: str) -> None:
    glossary = load_glossaries([f"builtin:{lang}"], builtin=False)
    canned = [e for e in glossary.entries if e.rule == "canned"]
    jargon = [e for e in glossary.entries if e.rule == "jargon"]
    assert len(canned) >= 60, f"{lang}: {len(canned)} canned phrases"
    assert len(jargon) >= 80, f"{lang}: {len(jargon)} jargon entries"
    assert len(glossary.allow) >= 30
    for entry in glossary.entries:
        where = f"{entry.path}:{entry.line} {entry.id}"
        assert entry.id.startswith(f"{lang}-"), where
        assert entry.phrases_for(lang), where
        assert entry.suggestions_for(lang) and lang in entry.suggest, f"{where}: no suggestion in {lang}"
        assert entry.note, f"{where}: no note"
        if entry.replace:
            assert set(entry.replace) <= {lang, "any"}, where


def test_ids_are_unique_across_all_builtin_files() -> None:
    ids: Counter[str] = Counter()
    for lang in LANGUAGES:
        for name in ("canned", "jargon"):
            ids.update(e.id for e in load_glossaries([f"builtin:{lang}/{name}"], builtin=False).entries)
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phrase_tokenizes_to_words(lang: str) -> None:
    pipeline = SHARED_PIPELINES.get(lang)
    glossary = load_glossaries([f"builtin:{lang}"], builtin=False)
    from jargonlint.glossary.phrase import expand_phrase

    for entry in glossary.entries:
        for phrase in entry.phrases_for(lang):
            for variant in expand_phrase(phrase):
                assert any(not t.is_punct for t in pipeline.tokenize(variant)), f"{entry.id}: {variant!r}"


@pytest.mark.parametrize("letter", LETTER_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_letter_gives_exactly_the_expected_findings(builtin_linter: Linter, letter: Path) -> None:
    expected = yaml.safe_load(letter.with_suffix(".expected.yaml").read_text(encoding="utf-8")) or []
    source = letter.read_text(encoding="utf-8")
    report = builtin_linter.lint_file(letter)
    with_lang = any("lang" in item for item in expected)  # mixed-language letters also say each finding's language
    got = [{"rule": f.rule, "id": f.id, "text": f.text} | ({"lang": f.lang} if with_lang else {}) for f in report.findings]
    assert got == expected
    lang = letter.parent.name if letter.parent.name != "mixed" else None
    for finding in report.findings:
        assert source[finding.start : finding.end] == finding.text
        if finding.rule != "acronym":
            entry = builtin_linter.glossary.entry(finding.id)
            assert entry is not None
            assert finding.suggestions == entry.suggestions_for(finding.lang)
            assert finding.lang == (lang or finding.lang)
