"""Markdown letters: prose only (no code, URLs, link targets, comments), exact source offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonlint import Linter, Report
from jargonlint.documents.markdown import read_markdown
from jargonlint.documents.registry import format_for

MARKDOWN = Path(__file__).parent / "fixtures" / "documents" / "markdown"


def words(source: str) -> list[str]:
    [document] = read_markdown(source)
    return document.text.split()


def lint_markdown(linter: Linter, source: str, lang: str | None = "en") -> Report:
    [document] = read_markdown(source)
    return linter.lint_document(document, lang=lang)


def test_french_letter(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(MARKDOWN / "fr" / "lettre-resiliation.fr.md")
    assert report.language == "fr" and report.problems == ()
    assert rows(report) == [
        ("jargon", "resiliation", "Résiliation", 6, 3, "fr"),  # heading; not the front matter's "objet"
        ("jargon", "resiliation", "résiliation", 10, 41, "fr"),  # inside **strong**
        ("jargon", "policy", "police d'assurance", 11, 2, "fr"),  # inside *emphasis*
        ("canned", "sorry-inconvenience", "Nous nous excusons pour la gêne occasionnée", 13, 1, "fr"),
        ("jargon", "deductible", "Franchise", 15, 23, "fr"),  # table header cell
        ("jargon", "deductible", "franchise", 19, 6, "fr"),  # list item
        ("jargon", "deductible", "franchise", 20, 25, "fr"),  # link text, not its target or title
        ("canned", "do-not-hesitate", "N'hésitez pas à nous contacter", 22, 3, "fr"),  # block quote
        # line 25 is suppressed by <!-- jargonlint: ignore[jargon:deductible] -->; code and URLs are not read
    ]


def test_front_matter_language_is_the_document_language() -> None:
    [document] = read_markdown("---\ntitle: Brief\nlang: nl-NL\n---\nBeste klant,\n")
    assert document.lang_hint == "nl"
    assert document.text.split() == ["Beste", "klant,"]


def test_code_urls_link_targets_and_comments_are_not_read() -> None:
    source = (
        "Pay your `deductible` at <https://acme.example/deductible> or https://acme.example/excess.\n"
        "See [the claim form](https://acme.example/claim 'claim') and ![our logo](logo.png \"deductible\").\n"
        "A [reference link][terms] and a [shortcut].\n"
        "<!-- deductible -->\n\n"
        "    indented deductible\n\n"
        "~~~\nfenced deductible\n~~~\n\n"
        "[terms]: https://acme.example/deductible\n[shortcut]: /excess\n"
    )
    url = code = "\ufffc"
    assert words(source) == [
        *["Pay", "your", code, "at", url, "or", url, ".", "See", "the", "claim", "form", "and", "our", "logo."],
        *["A", "reference", "link", "and", "a", "shortcut."],
    ]


def test_inline_syntax_does_not_break_a_phrase(acme_linter: Linter) -> None:
    source = "We **apologize** for _any_ ~~big~~ <b>inconvenience</b>.\n\nWe apologize for any `code`.\n"
    assert rows(lint_markdown(acme_linter, source)) == [
        ("canned", "sorry-inconvenience", "We **apologize** for _any_ ~~big", 1, 1, "en"),
        ("canned", "sorry-inconvenience", "We apologize for any `code`", 3, 1, "en"),  # inline code is one word
    ]


def test_escapes_and_entities_stand_for_their_source(acme_linter: Linter) -> None:
    source = "Your \\*deductible\\* &amp; your&nbsp;excess, snake_case and 2 * 3.\n"
    assert words(source) == ["Your", "*deductible*", "&", "your", "excess,", "snake_case", "and", "2", "*", "3."]
    assert [(r[2], r[4]) for r in rows(lint_markdown(acme_linter, source))] == [("deductible", 8), ("excess", 37)]


def test_list_and_quote_markers_are_not_text(acme_linter: Linter) -> None:
    source = "> We apologize\n> for any inconvenience.\n\n1. Your\n   deductible\n* Your claim\n"
    assert words(source) == ["We", "apologize", "for", "any", "inconvenience.", "Your", "deductible", "Your", "claim"]
    assert [r[2] for r in rows(lint_markdown(acme_linter, source))] == ["We apologize\n> for any inconvenience", "deductible", "claim"]


def test_blocks_are_paragraphs(acme_linter: Linter) -> None:
    source = "# We apologize for any\ninconvenience\n\n- We apologize for any\n- inconvenience\n"
    assert rows(lint_markdown(acme_linter, source)) == []


def test_html_blocks_are_read_as_html(acme_linter: Linter) -> None:
    source = (
        '<div lang="fr">\n\nVotre franchise change le mois prochain.\n\n</div>\n\n'
        '<p title="Your claim">We will tell you your <b>excess</b> when we have seen the damage.</p>\n'
    )
    [document] = read_markdown(source)
    assert document.text.split()[:6] == ["Votre", "franchise", "change", "le", "mois", "prochain."]
    assert document.text.split()[-2:] == ["Your", "claim"]
    assert [(r[2], r[5]) for r in rows(lint_markdown(acme_linter, source, lang=None))] == [
        ("franchise", "fr"),
        ("excess", "en"),
        ("claim", "en"),
    ]


def test_comment_directives(acme_linter: Linter) -> None:
    # "off" at the end of a line covers that line too ("Your claim.")
    source = (
        "Your deductible.\n\n"
        "<!-- jargonlint: ignore -->\nYour deductible.\n\n"
        "Your claim. <!-- jargonlint: off -->\nYour excess.\n\n"
        "<!-- jargonlint: on -->\n\nYour excess.\n"
    )
    [document] = read_markdown(source)
    assert [(d.kind, d.line) for d in document.directives] == [("ignore", 3), ("off", 6), ("on", 9)]
    assert [(r[2], r[3]) for r in rows(lint_markdown(acme_linter, source))] == [("deductible", 1), ("excess", 11)]


def test_extensions_choose_markdown() -> None:
    assert [format_for(name) for name in ("a.md", "b.markdown", "c.fr.md")] == ["markdown"] * 3


@pytest.mark.parametrize(
    "source",
    ["", "\n", "---\n", "---\nlang: fr\n", "```\nunclosed fence deductible", "[unclosed link](", "`unclosed code", "| a |\n|---|\n"],
)
def test_odd_input_is_read_without_error(source: str) -> None:
    [document] = read_markdown(source)
    assert document.source == source


_FRAGMENTS = [
    "# ", "\n", "\n\n", "> ", "- ", "1. ", "    ", "```", "~~~", "`", "*", "**", "_", "~~", "[", "]", "(", ")", "![", "<", ">",
    "<!--", "-->", "<!-- jargonlint: ignore -->", "<div lang='fr'>", "</div>", "<br>", "&amp;", "&nbsp;", "\\", "\\*",
    "https://acme.example/x", "<https://a.example>", "| a | b |\n|---|---|\n| c | d |", "---\nlang: fr\n---\n",
    "deductible", "excess", "claim", "SLA", "we apologize for any", "inconvenience", " ", "é", "{{ name }}", "\r\n", "\t", "\x00",
]  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join))
def test_random_markdown_never_crashes_and_findings_stay_in_the_file(acme_linter: Linter, source: str) -> None:
    rows(lint_markdown(acme_linter, source, lang=None))
