"""XLIFF 1.2 and 2.0: targets linted in the target language, at their place in the file."""

from __future__ import annotations

from pathlib import Path

from checks import assert_offsets_point_at_text, assert_problems_name_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from jargonlint import Linter
from jargonlint.documents.registry import format_for
from jargonlint.documents.xliff import read_xliff
from jargonlint.documents.xmltokens import tokenize_xml
from jargonlint.language.tokenize import PLACEHOLDER
from jargonlint.report import Report

XLIFF = Path(__file__).parent / "fixtures" / "documents" / "xliff"
CHINESE = XLIFF / "claims.en-zh.xlf"
FRENCH = XLIFF / "termination.en-fr.xlf"


def spans(report: Report) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.text, f.code) for f in report.findings]


def test_xliff_extensions() -> None:
    assert format_for("i18n/messages.zh.xlf") == "xliff"
    assert format_for("i18n/messages.XLIFF") == "xliff"


def test_xliff_12_english_to_chinese(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(CHINESE)

    assert spans(report) == [
        (14, 64, "免赔额", "jargon:deductible"),  # inside <g>: transparent
        (26, 36, "给您带来的不便，敬请谅解", "canned:sorry-inconvenience"),
        (36, 90, "免赔额", "jargon:deductible"),  # after CDATA, <x ctype="lb"/> and &#x2013;
    ]
    assert report.language == "zh"
    assert report.problems == ()
    assert {f.lang for f in report.findings} == {"zh"}
    assert report.sources[None] == CHINESE.read_text(encoding="utf-8")
    assert_offsets_point_at_text(report)


def test_only_trans_unit_targets_are_read_and_inline_codes_are_handled() -> None:
    (document,) = read_xliff(CHINESE.read_text(encoding="utf-8"))

    assert document.lang_hint == "zh-CN"
    assert document.text.split("\n\n") == [
        f"尊敬的 {PLACEHOLDER}：",  # <x/> is a word the customer reads (a name)
        f"本次理赔的免赔额为 {PLACEHOLDER}。",  # <ph>{{amount}}</ph> too
        "请查看您的理赔&结算单。",  # <bpt>/<ept> hold markup, not text; &amp; decoded
        "给您带来的不便，敬请谅解。",
        "免赔额是指\n          您自己承担的那部分损失。",
        "Acme 保险\n理赔部 – 免赔额咨询",  # CDATA; <x ctype="lb"/> is a line break
    ]
    assert "您的免赔额为" not in document.text  # the <alt-trans> proposal
    assert "Your" not in document.text  # sources


def test_an_ignore_comment_covers_the_next_unit(acme_linter: Linter) -> None:
    source = CHINESE.read_text(encoding="utf-8")
    unsuppressed = source.replace("<!-- jargonlint: ignore[jargon:deductible] -->", "<!-- reviewed -->")

    report = acme_linter.lint_source(unsuppressed, "claims.xlf")

    assert (31, 50, "免赔额", "jargon:deductible") in spans(report)  # the target of the unit the comment stood before


def test_xliff_20_segments_and_inline_codes(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(FRENCH)

    assert spans(report) == [
        (23, 93, "résiliation", "jargon:resiliation"),  # inside <pc>
        (30, 20, "franchise", "jargon:deductible"),
        (36, 17, "Nous nous excusons pour la gêne occasionnée", "canned:sorry-inconvenience"),
        (36, 101, "N&apos;hésitez pas à nous contacter", "canned:do-not-hesitate"),  # entity decoded, span in the source
    ]
    assert report.language == "fr"
    assert report.sources[None] == FRENCH.read_text(encoding="utf-8")
    assert_offsets_point_at_text(report)


def test_xliff_20_text() -> None:
    (document,) = read_xliff(FRENCH.read_text(encoding="utf-8"))

    assert document.lang_hint == "fr-FR"  # trgLang
    assert document.text == (
        f"Bonjour {PLACEHOLDER},\n\n"
        "Nous avons bien reçu votre demande de résiliation. La franchise de 150\u00a0€ reste applicable.\n\n"  # two segments, one unit
        "Nous nous excusons pour la gêne occasionnée.\nN'hésitez pas à nous contacter."
    )


def test_dtds_and_external_entities_are_never_read(tmp_path: Path, acme_linter: Linter) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Selbstbeteiligung", encoding="utf-8")
    source = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE xliff [\n  <!ENTITY xxe SYSTEM "file://{secret}">\n  <!ENTITY lol "lollollol">\n]>\n'
        '<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u"><segment>\n'
        "<source>x</source><target>Ihr &xxe; und &lol; Vertrag</target>\n"
        "</segment></unit></file></xliff>\n"
    )

    report = acme_linter.lint_source(source, "de.xlf")

    assert spans(report) == [(7, 47, "Vertrag", "jargon:policy")]
    assert report.problems == (
        "line 2: DOCTYPE ignored: DTDs and entity declarations are never read",
        "line 7: &xxe;: unknown entity (DTD entities are never read)",
        "line 7: &lol;: unknown entity (DTD entities are never read)",
    )
    (document,) = read_xliff(source)
    assert document.text == f"Ihr {PLACEHOLDER} und {PLACEHOLDER} Vertrag"


def test_malformed_xml_is_reported_and_the_rest_is_still_linted(acme_linter: Linter) -> None:
    source = (
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>\n'
        '<trans-unit id="1"><source>Terms</source><target>AGB & Vertrag</target></trans-unit>\n'
        '<trans-unit id="2"><source>x</source><target>Ihr <g id="1">Vertrag</target></trans-unit>\n'
        '<trans-unit id="3"><source>x</source><target>Preis < 5 € </g> Selbstbeteiligung</target></trans-unit>\n'
        '<trans-unit id="4"><source>x</source><target>Ihre Selbstbeteiligung'
    )

    report = acme_linter.lint_source(source, "de.xliff")

    assert spans(report) == [
        (2, 50, "AGB", "acronym:AGB"),
        (2, 56, "Vertrag", "jargon:policy"),
        (3, 60, "Vertrag", "jargon:policy"),
        (4, 63, "Selbstbeteiligung", "jargon:deductible"),
        (5, 51, "Selbstbeteiligung", "jargon:deductible"),
    ]
    assert report.problems == (
        "line 2: '&' that starts no entity (write &amp;); read as text",
        "line 3: </target> closes <g> opened on line 3",
        "line 4: '<' that starts no tag (write &lt;); read as text",
        "line 4: </g> closes no open element; ignored",
        "line 5: the file ends inside <target> (line 5), <trans-unit> (line 5), <body> (line 1), <file> (line 1), <xliff> (line 1)",
    )
    assert_offsets_point_at_text(report)


def test_tokenizer_keeps_offsets_of_every_token() -> None:
    source = '<a x="1 > 0">b &amp; <![CDATA[<c>]]><!-- d --></a>'

    tokens, problems = tokenize_xml(source)

    assert [(t.kind, source[t.start : t.end]) for t in tokens] == [
        ("start", '<a x="1 > 0">'),
        ("text", "b "),
        ("reference", "&amp;"),
        ("text", " "),
        ("text", "<c>"),
        ("comment", "<!-- d -->"),
        ("end", "</a>"),
    ]
    assert tokens[0].attributes == {"x": "1 > 0"}
    assert problems == []


_FRAGMENTS = st.sampled_from(
    [
        '<xliff version="1.2">',
        '<file target-language="de">',
        '<xliff version="2.0" trgLang="de"><file id="f">',
        '<trans-unit id="1">',
        "<unit id='u'><segment>",
        "<source>Vertrag</source>",
        "<target>",
        "</target>",
        "Ihr Vertrag ",
        "Selbstbeteiligung",
        '<g id="1">',
        "</g>",
        '<x id="1"/>',
        "<ph>{{a}}</ph>",
        "<bpt id='1'>&lt;b&gt;</bpt>",
        '<cp hex="D800"/>',
        "&amp;",
        "&#xD800;",
        "&#12;",
        "&bogus;",
        "&",
        "<",
        "<![CDATA[Vertrag",
        "]]>",
        "<!-- jargonlint: ignore -->",
        "<!--",
        "<!DOCTYPE x [",
        "</trans-unit>",
        "</segment></unit>",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=30))
def test_random_xliff_never_crashes_and_offsets_stay_in_the_file(acme_linter: Linter, parts: list[str]) -> None:
    source = "".join(parts)

    report = acme_linter.lint_source(source, "de.xlf")

    assert_offsets_point_at_text(report)
    assert_problems_name_lines(report, source)
