"""Rule acronym: defined, allowed, unknown, explained in place, emphasis and numerals."""

from __future__ import annotations

from jargonlint import Linter


def acronyms(linter: Linter, text: str, lang: str = "en") -> list[tuple[str, str, str, tuple[str, ...]]]:
    report = linter.lint(text, lang=lang)
    return [(f.id, f.text, f.severity.label, f.suggestions) for f in report.findings if f.rule == "acronym"]


def test_defined_acronym_without_expansion_gets_the_expansion(acme_linter: Linter) -> None:
    report = acme_linter.lint("Our SLA covers you.", lang="en")
    [finding] = report.findings
    assert (finding.rule, finding.id, finding.text, finding.start, finding.end) == ("acronym", "SLA", "SLA", 4, 7)
    assert finding.message == '"SLA" is not explained: write "service level agreement (SLA)" at its first use'
    assert finding.suggestions == ("service level agreement (SLA)",)


def test_expansion_in_the_text_language(acme_linter: Linter) -> None:
    assert acronyms(acme_linter, "Notre SLA vous protège.", "fr") == [
        ("SLA", "SLA", "warning", ("accord de niveau de service (SLA)",)),
    ]


def test_expanded_at_first_use_is_fine_in_both_orders(acme_linter: Linter) -> None:
    assert acronyms(acme_linter, "Our service level agreement (SLA) applies. The SLA is long.") == []
    assert acronyms(acme_linter, "Our SLA (service level agreement) applies. The SLA is long.") == []
    assert acronyms(acme_linter, "我们的客户关系管理（CRM）系统。CRM很好。", "zh") == []
    assert acronyms(acme_linter, "Le CRM (customer relationship management) est prêt.", "fr") == []


def test_used_before_its_expansion_is_flagged_once(acme_linter: Linter) -> None:
    text = "The SLA applies. Our service level agreement (SLA) says so. SLA again."
    assert acronyms(acme_linter, text) == [("SLA", "SLA", "warning", ("service level agreement (SLA)",))]


def test_allowed_and_unknown(acme_linter: Linter) -> None:
    text = "Send the PDF to your IBAN. Our KYC check and the KYC team. KPIs too."
    assert acronyms(acme_linter, text) == [("KYC", "KYC", "info", ()), ("KPI", "KPIs", "info", ())]


def test_any_acronym_explained_by_its_initials_is_fine(acme_linter: Linter) -> None:
    assert acronyms(acme_linter, "We follow Know Your Customer (KYC) rules; KYC protects you.") == []
    assert acronyms(acme_linter, "The KYC (know your customer) check.") == []


def test_acronym_shapes(acme_linter: Linter) -> None:
    text = "Our R&D and B2B teams, 2FA, U.S. law, A. Smith."
    assert [a[0] for a in acronyms(acme_linter, text)] == ["R&D", "B2B", "2FA"]


def test_emphasis_numerals_and_single_letters_are_not_acronyms(acme_linter: Linter) -> None:
    text = "Please do NOT reply. This is IMPORTANT. Chapter IV, Louis XIV, section B, plan A."
    assert acronyms(acme_linter, text) == []
    assert acronyms(acme_linter, "Bitte antworten Sie NICHT auf diese E-Mail.", "de") == []


def test_chinese_text_with_latin_acronyms(acme_linter: Linter) -> None:
    assert [a[0] for a in acronyms(acme_linter, "我们的CX团队会跟进您的KPI。", "zh")] == ["CX", "KPI"]


def test_unknown_off_disables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.yaml"
    path.write_text("glossary: g\nacronyms:\n  unknown: off\n  define: {SLA: service level agreement}\n", encoding="utf-8")
    linter = Linter([path], builtin=False)
    assert acronyms(linter, "Our KYC and SLA.") == [("SLA", "SLA", "warning", ("service level agreement (SLA)",))]


def test_codes_are_not_acronyms(acme_linter: Linter) -> None:
    text = "IBAN NL91 ABNA 0417 1643 00, postcode 1012 AB, London SW1A 1AA, ref. DOSS-2024-118734, INV/2024/0042, DE27, A320."
    assert acronyms(acme_linter, text) == []


def test_an_allow_applies_to_its_glossarys_languages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fr.yaml").write_text("glossary: fr\nlanguages: [fr]\nacronyms:\n  allow: [CDD]\n", encoding="utf-8")
    (tmp_path / "en.yaml").write_text(
        "glossary: en\nlanguages: [en]\nacronyms:\n  define: {ETA: {en: estimated time of arrival}}\n", encoding="utf-8"
    )
    (tmp_path / "de.yaml").write_text("glossary: de\nlanguages: [de]\nacronyms:\n  allow: [ETA]\n", encoding="utf-8")
    linter = Linter([tmp_path / "fr.yaml", tmp_path / "en.yaml", tmp_path / "de.yaml"], builtin=False)
    assert acronyms(linter, "Votre CDD commence lundi.", "fr") == []
    assert acronyms(linter, "Your CDD starts on Monday.", "en") == [("CDD", "CDD", "warning", ())]
    assert acronyms(linter, "Our ETA is noon.", "en") == [("ETA", "ETA", "warning", ("estimated time of arrival (ETA)",))]
    assert acronyms(linter, "Die ETA ist 12 Uhr.", "de") == []
