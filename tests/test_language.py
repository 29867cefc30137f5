"""Language: detection per document and paragraph, precedence, file-name hints, short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint import Linter
from jargonlint.config import Override, Settings
from jargonlint.language.detect import LanguageDetector, fill_undetected
from jargonlint.language.hints import language_from_path

CORPUS = Path(__file__).parents[2] / "shared" / "corpus"

BILINGUAL = """Madame, Monsieur,

Nous avons bien reçu votre demande concernant la franchise de votre contrat habitation. Nous nous excusons pour la gêne occasionnée par ce retard.

Geachte mevrouw, geachte heer,

Wij hebben uw vraag over het eigen risico van uw woonverzekering goed ontvangen. Excuses voor het ongemak dat deze vertraging veroorzaakt.
"""


def test_bilingual_letter_uses_each_paragraphs_glossary(acme_linter: Linter) -> None:
    report = acme_linter.lint(BILINGUAL)
    assert [(f.line, f.id, f.text, f.lang) for f in report.findings] == [
        (3, "deductible", "franchise", "fr"),
        (3, "sorry-inconvenience", "Nous nous excusons pour la gêne occasionnée", "fr"),
        (7, "deductible", "eigen risico", "nl"),
        (7, "sorry-inconvenience", "Excuses voor het ongemak", "nl"),
    ]
    assert set(report.languages) == {"fr", "nl"}


def test_short_paragraphs_take_the_language_of_the_text_they_introduce() -> None:
    assert fill_undetected([None, "fr", None, "nl", None], "en") == ["fr", "fr", "nl", "nl", "nl"]
    assert fill_undetected([None, None], "de") == ["de", "de"]


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("letter.fr.txt", "fr"),
        ("letter_fr.html", "fr"),
        ("letter-de.md", "de"),
        ("templates/nl/letter.html", "nl"),
        ("mail/pt_BR/welcome.txt", "pt"),
        ("zh-Hant/notice.html", "zh"),
        ("locale/de.po", "de"),
        ("letter.fr.html.j2", "fr"),
        ("letter.txt", None),
        ("to/letter.txt", None),
    ],
)
def test_language_from_file_name(path: str, lang: str | None) -> None:
    assert language_from_path(path) == lang


def test_precedence_flag_then_config_then_file_name_then_detection_then_default(acme_glossary: Path) -> None:
    dutch = "Wij hebben uw vraag over het eigen risico van uw woonverzekering goed ontvangen en beantwoorden die snel."
    settings = Settings(glossaries=(str(acme_glossary),), builtin=False, overrides=(Override(("forced/*",), lang="de"),), root=Path.cwd())
    linter = Linter.from_settings(settings)
    assert linter.lint(dutch).language == "nl"  # detection
    assert linter.lint(dutch, path="brief.fr.txt").language == "fr"  # file name beats detection
    assert linter.lint(dutch, path="forced/brief.fr.txt").language == "de"  # config beats file name
    assert linter.lint(dutch, lang="es", path="forced/brief.fr.txt").language == "es"  # --lang beats all
    assert linter.lint("OK").language == "en"  # too short: default-language
    german_default = Linter([acme_glossary], builtin=False, settings=Settings(default_language="de", builtin=False))
    assert german_default.lint("OK").language == "de"


def test_detection_is_restricted_to_configured_languages(acme_glossary: Path) -> None:
    text = "Nous avons bien reçu votre demande et nous vous répondrons dans les meilleurs délais possibles."
    assert Linter([acme_glossary], builtin=False).lint(text).language == "fr"
    assert Linter([acme_glossary], builtin=False, languages=["en", "nl"]).lint(text).language in {"en", "nl"}


def test_detection_is_deterministic() -> None:
    text = "Dit is een korte zin over verzekeringen en klanten."
    results = {LanguageDetector().detect(text, min_letters=10, min_confidence=0.0) for _ in range(5)}
    assert len(results) == 1


@pytest.mark.parametrize(
    ("name", "lang"), [("doing-nothing.nl.txt", "nl"), ("ignorant-ninja.es.txt", "es"), ("inside-out-view.fr.txt", "fr")]
)
def test_real_articles_are_detected(acme_linter: Linter, name: str, lang: str) -> None:
    if not (CORPUS / name).is_file():  # shared/ lies beside the checkout on developer and CI machines
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    text = (CORPUS / name).read_text(encoding="utf-8")
    report = acme_linter.lint(text)
    assert report.language == lang
    assert all(text[f.start : f.end] == f.text for f in report.findings)


def test_chinese_variants_are_reported_as_zh(acme_linter: Linter) -> None:
    assert acme_linter.lint("我们已经收到您的申请，会尽快处理。").language == "zh"
    assert acme_linter.lint("我們已經收到您的申請，會盡快處理。").language == "zh"


def test_traditional_chinese_is_not_korean(acme_linter: Linter) -> None:
    text = "親愛的客戶您好：感謝您長期以來對本公司的支持與愛護。關於您反映的帳單問題，我們已經完成查核並更正。"
    assert acme_linter.lint(text).language == "zh"
    assert LanguageDetector().detect("안녕하세요, 고객님. 요청하신 내용을 확인했습니다. 감사합니다.") is not None


def test_acronym_definitions_merge_per_language_and_the_later_glossary_decides(tmp_path: Path) -> None:
    from jargonlint.glossary import load_glossaries

    (tmp_path / "a.yaml").write_text(
        "glossary: a\nacronyms:\n  define: {SLA: {en: service level agreement}, OTP: {en: one-time password}}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "glossary: b\nextends: [./a.yaml]\nacronyms:\n  allow: [OTP]\n  define: {SLA: {fr: accord de niveau de service}}\n",
        encoding="utf-8",
    )
    glossary = load_glossaries([tmp_path / "b.yaml"], builtin=False)
    assert glossary.define["SLA"] == {"en": "service level agreement", "fr": "accord de niveau de service"}
    assert "OTP" in glossary.allow and "OTP" not in glossary.define
