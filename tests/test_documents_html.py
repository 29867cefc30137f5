"""HTML letters and e-mails: visible text only, exact source offsets, `lang`, suppressions, bad HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonlint import Linter, Report
from jargonlint.documents.html import read_html
from jargonlint.documents.registry import format_for, reader_for

HTML = Path(__file__).parent / "fixtures" / "documents" / "html"


def lint_html(linter: Linter, source: str, lang: str | None = "en") -> Report:
    [document] = read_html(source)
    return linter.lint_document(document, lang=lang)


def test_english_letter_with_entities(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(HTML / "en" / "claim-update.en.html")
    assert report.problems == ()
    assert rows(report) == [
        ("jargon", "claim", "claim", 5, 15, "en"),  # <title>
        ("canned", "sorry-inconvenience", "We&nbsp;apologize for any inconvenience", 13, 6, "en"),
        ("jargon", "claim", "claim", 13, 86, "en"),  # inside <b>
        ("jargon", "deductible", "deduc&shy;tible", 14, 15, "en"),  # a soft hyphen does not split a word
        ("acronym", "SLA", "SLA", 14, 71, "en"),
        ("jargon", "deductible", "excess", 15, 71, "en"),  # title attribute
        ("canned", "do-not-hesitate", "Don&rsquo;t hesitate to contact us", 16, 6, "en"),
        # line 18 ("Your excess stays...") is suppressed by <!-- jargonlint: ignore -->
    ]


def test_fix_is_offered_only_for_verbatim_text(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(HTML / "en" / "claim-update.en.html")
    claim = next(f for f in report.findings if f.id == "claim")
    assert claim.fix is not None and [(e.start, e.end, e.content) for e in claim.fix.edits] == [(claim.start, claim.end, "request")]


def test_bilingual_page_follows_lang_attributes(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(HTML / "multi" / "change-notice.html")
    assert report.language == "en"
    assert rows(report) == [
        ("jargon", "deductible", "deductible", 7, 11, "en"),
        ("jargon", "deductible", "franchise", 8, 46, "fr"),  # <span lang="fr"> inside an English paragraph
        ("jargon", "deductible", "franchise", 12, 12, "fr"),
        ("canned", "sorry-inconvenience", "Nous nous excusons pour la gêne occasionnée", 12, 42, "fr"),
        ("jargon", "deductible", "eigen risico", 16, 9, "nl"),  # lang="nl-BE"
        ("canned", "sorry-inconvenience", "Excuses voor het ongemak", 16, 44, "nl"),
        ("canned", "sorry-inconvenience", "We apologize for any inconvenience", 19, 6, "en"),  # back to <html lang="en">
    ]


def test_html_lang_is_the_document_language() -> None:
    [document] = read_html('<html lang="nl-NL"><body><p>Beste klant,</p></body></html>')
    assert document.lang_hint == "nl"
    [document] = read_html('<head><meta http-equiv="Content-Language" content="fr, en"></head><p>Bonjour</p>')
    assert document.lang_hint == "fr"
    [document] = read_html('<html lang="{{ locale }}"><p>Hello</p></html>')
    assert document.lang_hint is None


def test_only_visible_text_is_read() -> None:
    source = (
        "<head><style>p { content: 'deductible' }</style><script>let deductible = 1;</script></head>"
        '<!-- deductible --><p class="deductible" data-x="deductible">Visible <a href="/deductible">link</a></p>'
        '<template><p>deductible</p></template><img src="x.png" alt="Alt text"><span title="Title text">T</span>'
    )
    [document] = read_html(source)
    assert "deductible" not in document.text
    assert document.text.split() == ["Visible", "link", "Alt", "text", "T", "Title", "text"]


def test_entities_are_decoded_and_stand_for_their_source(acme_linter: Linter) -> None:
    source = "<p>Your &lt;deductible&gt; &amp; your excess&#46; We&#x20;apologise for any&nbsp;trouble.</p>"
    [document] = read_html(source)
    assert document.text.strip() == "Your <deductible> & your excess. We apologise for any trouble."
    assert rows(lint_html(acme_linter, source)) == [
        ("jargon", "deductible", "deductible", 1, 13, "en"),
        ("jargon", "deductible", "excess", 1, 39, "en"),
        ("canned", "sorry-inconvenience", "We&#x20;apologise for any&nbsp;trouble", 1, 51, "en"),
    ]


def test_block_elements_separate_paragraphs_and_inline_elements_do_not(acme_linter: Linter) -> None:
    inline = "<p>We <strong>apologize</strong> for <span>any</span> <em>inconvenience</em>.</p>"
    assert [r[1] for r in rows(lint_html(acme_linter, inline))] == ["sorry-inconvenience"]
    for split in ("<p>We apologize for any</p><p>inconvenience.</p>", "<div>We apologize for any<div>inconvenience</div></div>"):
        assert rows(lint_html(acme_linter, split)) == []
    [document] = read_html("<td>Line one<br>line two<br><br>New paragraph</td>")
    assert document.text.strip() == "Line one\nline two\n\nNew paragraph"


def test_blank_lines_inside_an_element_do_not_make_a_paragraph(acme_linter: Linter) -> None:
    source = "<p>We apologize for any\n\n   inconvenience.</p>"
    assert rows(lint_html(acme_linter, source)) == [
        ("canned", "sorry-inconvenience", "We apologize for any\n\n   inconvenience", 1, 4, "en")
    ]


def test_comment_directives(acme_linter: Linter) -> None:
    source = (
        "<p>Your deductible.</p>\n"
        "<!-- jargonlint: ignore[jargon:deductible] -->\n"
        "<p>Your deductible and your claim.</p>\n"
        "<!--\n  jargonlint: off\n-->\n"
        "<p>Your excess.</p>\n"
        "<!-- jargonlint: on -->\n"
        "<p>Your excess again.</p>\n"
    )
    [document] = read_html(source)
    assert [(d.kind, d.codes, d.line, d.end_line) for d in document.directives] == [
        ("ignore", ("jargon:deductible",), 2, 2),
        ("off", (), 4, 6),
        ("on", (), 8, 8),
    ]
    assert [(r[2], r[3]) for r in rows(lint_html(acme_linter, source))] == [("deductible", 1), ("claim", 3), ("excess", 9)]


@pytest.mark.parametrize(
    ("source", "problem", "text"),
    [
        (
            "<p>Your claim</p>\n<!-- never closed <p>deductible</p>",
            "line 2: comment '<!--' is never closed; the rest of the file is not read",
            "Your claim",
        ),
        (
            "<p>Your claim</p>\n<script>\nvar deductible;",
            "line 2: <script> is never closed; the rest of the file is not read",
            "Your claim",
        ),
        ("<p>Your claim</p>\n<style>", "line 2: <style> is never closed; the rest of the file is not read", "Your claim"),
    ],
)
def test_unreadable_rest_is_a_problem_with_its_line(source: str, problem: str, text: str) -> None:
    [document] = read_html(source)
    assert document.problems == (problem,)
    assert document.text.strip() == text


def test_misnested_and_stray_tags_are_forgiven(acme_linter: Linter) -> None:
    source = "<p>Your <b>deductible<p>and <i>claim</b></i></div></p><p>excess <3 & </> R&D"
    [document] = read_html(source)
    assert document.text == "Your deductible\n\nand claim\n\nexcess <3 &  R&D\n\n"
    assert document.problems == ()
    assert [r[2] for r in rows(lint_html(acme_linter, source))] == ["deductible", "claim", "excess", "R&D"]


def test_extensions_choose_html() -> None:
    assert [format_for(name) for name in ("a.html", "b.HTM", "c.xhtml", "d.fr.html")] == ["html"] * 4


def test_placeholders_in_html_files_are_one_word(acme_linter: Linter) -> None:
    source = "<p>Dear {{ name }}, we apologize for any {issue_type}.</p>"
    [document] = reader_for("letter.html")(source)
    assert rows(acme_linter.lint_document(document, lang="en")) == [
        ("canned", "sorry-inconvenience", "we apologize for any {issue_type}", 1, 21, "en")
    ]


_FRAGMENTS = [
    "<p>", "</p>", "<div lang='fr'>", "</div>", "<br>", "<b>", "</b>", "<img alt='claim &amp; co'>", "<a title=\"excess\">", "</a>",
    "<!--", "-->", "<!-- jargonlint: ignore -->", "<script>", "</script>", "<style>", "<", ">", "&", "&amp;", "&nbsp;", "&#x27;",
    "&shy;", "&bogus;", "&#99999999;", "deductible", "excess", "claim", "SLA", "we apologize for any", "inconvenience", " ", "\n",
    "\n\n", "{{ name }}", "{%", "%}", "'", '"', "=", "é", "免赔额", "\r\n", "\x00", "</", "<!x>", "<![CDATA[", "]]>",
]  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join))
def test_random_html_never_crashes_and_findings_stay_in_the_file(acme_linter: Linter, source: str) -> None:
    [document] = read_html(source)
    assert document.source == source
    start = 0
    for paragraph in document.text.split("\n\n"):  # a title attribute is read later, as a paragraph of its own
        for offset in range(start + 1, start + len(paragraph) + 1, 2):
            mapped = document.offsets.to_source(start, offset)
            assert 0 <= mapped[0] <= mapped[1] <= len(source)
        start += len(paragraph) + 2
    rows(lint_html(acme_linter, source, lang=None))
