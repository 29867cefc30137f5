"""gettext .po catalogs: translations linted in the catalog's language, at their place in the file."""

from __future__ import annotations

from pathlib import Path

from checks import assert_offsets_point_at_text, assert_problems_name_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from jargonlint import Linter
from jargonlint.config import Settings
from jargonlint.documents.po import read_po
from jargonlint.documents.registry import format_for
from jargonlint.language.tokenize import PLACEHOLDER
from jargonlint.report import Report

CATALOG = Path(__file__).parent / "fixtures" / "documents" / "po" / "letters.de.po"


def spans(report: Report) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.text, f.code) for f in report.findings]


def test_po_files_are_read_as_catalogs() -> None:
    assert format_for("locale/de/LC_MESSAGES/letters.po") == "po"


def test_german_catalog_translations_plurals_and_continuations(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(CATALOG)

    assert spans(report) == [
        (30, 42, "Selbstbeteiligung", "jargon:deductible"),  # second line of a multi-line msgstr
        (37, 62, "Vertrag", "jargon:policy"),  # msgstr[0]
        (38, 62, "Vertrag", "jargon:policy"),  # msgstr[1]
        (42, 33, "Vertrag", "jargon:policy"),  # between escaped quotes
        (52, 53, "Vertrag", "jargon:policy"),  # the ignore above this entry names jargon:deductible only
        (57, 13, "Vertrag", "jargon:policy"),  # a fuzzy entry is a translation under review: linted
        (63, 2, 'Für Rückfragen stehen wir Ihnen gerne\\n"\n"zur Verfügung', "canned:rueckfragen"),  # over \n and a continuation
    ]
    assert report.language == "de"
    assert report.problems == ()
    assert {f.lang for f in report.findings} == {"de"}
    assert report.sources[None] == CATALOG.read_text(encoding="utf-8")
    assert_offsets_point_at_text(report)


def test_only_translations_are_read() -> None:
    (document,) = read_po(CATALOG.read_text(encoding="utf-8"))

    assert "Project-Id-Version" not in document.text  # the header
    assert "deductible" not in document.text  # the English msgids
    assert "Ihre Selbstbeteiligung\n" not in document.text + "\n"  # the obsolete #~ entry
    assert document.text.startswith(f"Sehr geehrte(r)  {PLACEHOLDER} ,\n\nWir haben Ihren Schaden anerkannt.")
    assert 'Bitte klicken Sie auf "Vertrag kündigen", um ihn zu beenden.' in document.text  # \" decoded


def test_language_comes_from_the_header_not_the_file_name(acme_linter: Linter) -> None:
    source = 'msgid ""\nmsgstr "Language: de_DE\\n"\n\nmsgid "Contract"\nmsgstr "Vertrag"\n'

    report = acme_linter.lint_source(source, "locale/messages.po")

    assert report.language == "de"
    assert spans(report) == [(5, 9, "Vertrag", "jargon:policy")]


def test_escapes_map_back_to_their_source(acme_linter: Linter) -> None:
    source = 'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "x"\nmsgstr "Votre \\"franchise\\"\\tet la\\nr\\u00e9siliation"\n'

    report = acme_linter.lint_source(source, "fr.po")

    assert [f.text for f in report.findings] == ["franchise"]
    assert report.problems == ("line 5: unknown escape \\u; read as 'u'",)
    assert_offsets_point_at_text(report)


def test_placeholders_are_one_word_even_in_icu_messages_over_continuation_lines(acme_linter: Linter) -> None:
    source = (
        'msgid ""\nmsgstr "Language: en\\n"\n\n'
        'msgid "sorry"\nmsgstr "We apologize for any %(issue)s."\n\n'
        'msgid "claims"\nmsgstr ""\n"You have {count, plural, one {# claim} "\n"other {# claims}}."\n'
    )

    report = acme_linter.lint_source(source, "en.po")

    assert spans(report) == [(5, 9, "We apologize for any %(issue)s", "canned:sorry-inconvenience")]
    (document,) = read_po(source)
    assert document.text == f"We apologize for any  {PLACEHOLDER} .\n\nYou have  {PLACEHOLDER} ."


def test_an_ignore_comment_covers_the_whole_entry_and_unused_ones_are_reported(acme_glossary: Path) -> None:
    linter = Linter([acme_glossary], builtin=False, settings=Settings(report_unused_ignores=True))
    source = (
        'msgid ""\nmsgstr "Language: de\\n"\n\n'
        "# jargonlint: ignore\n"
        '#: faq.txt:3\nmsgid "a"\nmsgstr ""\n"Ihr Vertrag und "\n"Ihre Selbstbeteiligung."\n\n'
        "# jargonlint: ignore\n"
        'msgid "b"\nmsgstr "Alles klar."\n\n'
        'msgid "c"\nmsgstr "Ihr Vertrag."\n'
    )

    report = linter.lint_source(source, "de.po")

    assert [(f.line, f.code) for f in report.findings] == [(11, "suppression:unused"), (16, "jargon:policy")]


def test_syntax_errors_are_reported_with_their_line_and_the_rest_is_linted(acme_linter: Linter) -> None:
    source = (
        'msgid ""\nmsgstr "Language: de\\n"\n\n'
        'msgid "a"\nmsgstr "Ihr Vertrag ist\n\n'  # not closed
        '"orphan string"\n\n'
        'msgid "b"\nmsgstr[x] "Selbstbeteiligung"\n\n'
        "msgid \"c\"\nmsgstr 'Vertrag'\n\n"
        'msgid "d"\n\n'
        "garbage here\n"
        'msgid "e"\nmsgstr "Ihre Selbstbeteiligung" trailing\n'
    )

    report = acme_linter.lint_source(source, "de.po")

    assert report.problems == (
        'line 5: string not closed (missing ")',
        "line 7: string without msgid or msgstr before it; ignored",
        "line 10: msgstr[x] is not a plural number",
        'line 13: unexpected text "\'Vertrag\'" where a "string" should be',
        "line 15: msgid without msgstr",
        "line 17: cannot read 'garbage here'; expected a comment, a keyword or a string",
        "line 19: unexpected text 'trailing' after the string",
    )
    assert spans(report) == [
        (5, 13, "Vertrag", "jargon:policy"),
        (10, 12, "Selbstbeteiligung", "jargon:deductible"),
        (19, 14, "Selbstbeteiligung", "jargon:deductible"),
    ]
    assert_offsets_point_at_text(report)


def test_a_language_header_that_is_not_a_code_is_reported() -> None:
    (document,) = read_po('msgid ""\nmsgstr ""\n"Language: German\\n"\n')

    assert document.lang_hint is None
    assert document.problems == ("line 2: Language 'German' in the header is not a language code; detecting instead",)


_FRAGMENTS = st.sampled_from(
    [
        'msgid ""\n',
        'msgstr "Language: de\\n"\n',
        'msgid "x"\n',
        'msgid_plural "xs"\n',
        "msgstr ",
        "msgstr[0] ",
        "msgstr[1] ",
        '"Ihre Selbstbeteiligung "\n',
        '"Vertrag\\n\\"Vertrag\\" "\n',
        '"%(amount)s {count, plural, one {# Vertrag} "\n',
        '"\\x41\\101\\\\"',
        '"unclosed Vertrag\n',
        "# jargonlint: ignore\n",
        "# jargonlint: off\n",
        "# jargonlint: on\n",
        '#~ msgstr "Vertrag"\n',
        "\n",
        "\r\n",
        "\\",
        '"',
    ]
)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=30))
def test_random_catalogs_never_crash_and_offsets_stay_in_the_file(acme_linter: Linter, parts: list[str]) -> None:
    source = "".join(parts)

    report = acme_linter.lint_source(source, "de.po")

    assert_offsets_point_at_text(report)
    assert_problems_name_lines(report, source)
