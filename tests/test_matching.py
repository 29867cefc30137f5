"""Phrase matching: inflection per language, case, accents, word boundaries, Chinese, overlaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint import Linter

GLOSSARY = """
glossary: matching
terms:
  - id: deductible
    match: {en: deductible, fr: franchise, es: póliza, de: Vertrag, nl: polis, it: polizza, pt: apólice}
    suggest: {any: plain}
  - id: excess
    match: {en: excess}
  - id: apologize
    match: {en: apologize}
  - id: leverage
    match: {en: leverage}
    inflect: false
  - id: tps
    match: {en: TPS report}
    case_sensitive: true
  - id: resiliation
    match: {fr: résiliation}
    accents: false
  - id: touch-base
    match: {en: touch base}
  - id: touch-base-offline
    match: {en: touch base offline}
  - id: zh-term
    match: {zh: 免赔额}
canned:
  - id: any-star
    match: {en: "we apologize for any *"}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    path = tmp_path_factory.mktemp("g") / "matching.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return Linter([path], builtin=False)


def found(linter: Linter, text: str, lang: str) -> list[tuple[str, str]]:
    report = linter.lint(text, lang=lang)
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.text
    return [(f.id, f.text) for f in report.findings if f.rule != "acronym"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Two deductibles apply.", "deductibles"),
        ("fr", "Les franchises sont élevées.", "franchises"),
        ("fr", "Franchises: voir plus bas.", "Franchises"),
        ("es", "Sus pólizas están al día.", "pólizas"),
        ("de", "Die Verträge sind gekündigt.", "Verträge"),
        ("nl", "Uw polissen zijn verlengd.", "polissen"),
        ("it", "Le polizze sono pronte.", "polizze"),
        ("pt", "As apólices foram renovadas.", "apólices"),
    ],
)
def test_inflected_forms_match(linter: Linter, lang: str, text: str, expected: str) -> None:
    assert found(linter, text, lang) == [("deductible", expected)]


def test_verb_inflection_and_sentence_capital(linter: Linter) -> None:
    assert found(linter, "Apologized twice, we apologizes.", "en") == [("apologize", "Apologized"), ("apologize", "apologizes")]


def test_inflect_false_matches_only_the_written_form(linter: Linter) -> None:
    assert found(linter, "We leverage it; it was leveraged.", "en") == [("leverage", "leverage")]


def test_never_inside_a_longer_word(linter: Linter) -> None:
    assert found(linter, "No excessive fees, no deductibility.", "en") == []
    assert found(linter, "Die Vertragsnummer und der Mietvertrag.", "de") == []


def test_case_sensitive_entries(linter: Linter) -> None:
    assert found(linter, "Send the TPS report and the tps report.", "en") == [("tps", "TPS report")]


def test_accent_insensitive_entries(linter: Linter) -> None:
    assert found(linter, "Résiliation ou resiliation, RESILIATION.", "fr") == [
        ("resiliation", "Résiliation"),
        ("resiliation", "resiliation"),
        ("resiliation", "RESILIATION"),
    ]


def test_accents_matter_by_default(linter: Linter) -> None:
    assert found(linter, "Sus polizas están al día.", "es") == []


def test_phrases_span_line_breaks_and_repeated_spaces(linter: Linter) -> None:
    text = "Let us touch\n   base  next week."
    assert found(linter, text, "en") == [("touch-base", "touch\n   base")]


def test_longest_match_wins(linter: Linter) -> None:
    assert found(linter, "We will touch base offline.", "en") == [("touch-base-offline", "touch base offline")]


def test_wildcard_is_exactly_one_word(linter: Linter) -> None:
    assert found(linter, "We apologize for any delay.", "en") == [("any-star", "We apologize for any delay")]
    assert found(linter, "We apologize for any.", "en") == [("apologize", "apologize")]


def test_chinese_matches_characters_in_both_scripts(linter: Linter) -> None:
    assert found(linter, "您的免赔额为500元。", "zh") == [("zh-term", "免赔额")]
    assert found(linter, "您的免賠額為500元。", "zh") == [("zh-term", "免賠額")]


def test_other_languages_without_lemma_data_do_not_crash(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "sw.yaml"
    path.write_text("glossary: sw\nterms:\n  - id: bima\n    match: {sw: bima ya afya}\n", encoding="utf-8")
    swahili = Linter([path], builtin=False)
    report = swahili.lint("Tafadhali lipa bima ya afya leo.", lang="sw")
    assert [(f.id, f.text, f.lang) for f in report.findings] == [("bima", "bima ya afya", "sw")]


def test_chinese_matches_never_cut_through_a_word(tmp_path: Path) -> None:
    path = tmp_path / "zh.yaml"
    path.write_text("glossary: zh\nterms:\n  - id: yeyi\n    match: {zh: 业已}\n  - id: kesu\n    match: {zh: 客诉}\n", encoding="utf-8")
    linter = Linter([path], builtin=False)
    assert [f.text for f in linter.lint("企业已经完成了顾客诉求的处理。", lang="zh").findings] == []
    assert [f.text for f in linter.lint("该申请业已受理，客诉已转交。", lang="zh").findings] == ["业已", "客诉"]


def test_elided_words_in_phrases_match_glued_text(tmp_path: Path) -> None:
    path = tmp_path / "elision.yaml"
    path.write_text(
        'glossary: e\ncanned:\n  - id: obtenir\n    match: {fr: "afin {de|d\'} obtenir"}\n  - id: merito\n    match: {it: "in merito all\' aumento"}\n',
        encoding="utf-8",
    )
    linter = Linter([path], builtin=False)
    assert [f.text for f in linter.lint("Afin d'obtenir le remboursement, écrivez-nous.", lang="fr").findings] == ["Afin d'obtenir"]
    assert [f.text for f in linter.lint("In merito all'aumento del canone.", lang="it").findings] == ["In merito all'aumento"]


def test_yaml_no_is_a_word_not_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "no.yaml"
    path.write_text("glossary: n\nacronyms:\n  allow: [NO, ON]\n", encoding="utf-8")
    from jargonlint.glossary import load_glossaries

    assert load_glossaries([path], builtin=False).allow == {"NO", "ON"}
