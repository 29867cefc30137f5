"""Templates and placeholders: tags never linted nor breaking a phrase, placeholders one word,
the underlying format read, suppressions in each comment syntax, unbalanced tags reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import rows
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonlint import ConfigError, Linter, Report
from jargonlint.cli import cli
from jargonlint.config import load_settings
from jargonlint.documents.base import Document
from jargonlint.documents.registry import READERS, format_for
from jargonlint.documents.templates import read_template

FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATES = FIXTURES / "documents" / "templates"
ACME = str(FIXTURES / "glossaries" / "acme.yaml")


def read(source: str, engine: str | None, underlying: str | None = "text") -> Document:
    [document] = read_template(source, engine, underlying)
    return document


def lint(linter: Linter, source: str, engine: str | None, underlying: str | None = "text", lang: str | None = "en") -> Report:
    return linter.lint_document(read(source, engine, underlying), lang=lang)


# -- the fixtures --------------------------------------------------------------------------------------


def test_dutch_html_email_with_a_jinja_layout(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(TEMPLATES / "nl" / "betalingsherinnering.nl.html.j2")
    assert report.language == "nl" and report.problems == ()
    assert rows(report) == [
        # the phrase runs over a line that holds only a tag
        ("canned", "sorry-inconvenience", "excuses voor het\n{% if herinnering > 1 %}\nongemak", 6, 6, "nl"),
        ("jargon", "deductible", "eigen risico", 11, 42, "nl"),
        # line 13 ("polis") is suppressed by {# jargonlint: ignore[jargon:policy] #}
        ("jargon", "deductible", "eigen risico", 14, 48, "nl"),  # title attribute
        # line 16 is inside {# jargonlint: off #} ... {# jargonlint: on #}
        ("canned", "geen-probleem", "Geen probleem", 18, 4, "nl"),
    ]
    fix = report.findings[-1].fix
    assert fix is not None and fix.edits[0].content == "Graag gedaan"


def test_the_layout_reads_its_html_and_skips_its_tags(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(TEMPLATES / "nl" / "layout.html.j2")
    assert report.problems == ()
    assert rows(report) == [("canned", "do-not-hesitate", "Aarzel niet om contact met ons op te nemen", 16, 18, "nl")]
    [document] = READERS["jinja-html"]((TEMPLATES / "nl" / "layout.html.j2").read_text(encoding="utf-8"))
    assert document.lang_hint == "nl"
    assert "Juridische" not in document.text and "logo_url" not in document.text and "font-family" not in document.text


def test_spanish_handlebars_letter(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(TEMPLATES / "es" / "respuesta-siniestro.es.hbs")
    assert report.language == "es" and report.problems == ()
    assert rows(report) == [
        ("jargon", "policy", "póliza", 4, 66, "es"),
        ("jargon", "deductible", "deducible", 6, 22, "es"),
        # line 10 is suppressed by {{!-- jargonlint: ignore[jargon:deductible] --}}
    ]


def test_english_text_template(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(TEMPLATES / "en" / "delay-apology.en.txt.j2")
    assert rows(report) == [
        ("canned", "sorry-inconvenience", "We apologize for any {{ issue_type }}", 4, 1, "en"),
        ("jargon", "claim", "claims", 4, 75, "en"),  # {% else %} keeps the two branches apart
        ("jargon", "claim", "claim", 4, 95, "en"),
    ]


# -- placeholders and tags --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "placeholder"),
    [
        ("jinja", "{{ issue.kind | lower }}"),
        ("jinja", "{{- issue -}}"),
        ("handlebars", "{{issue}}"),
        ("handlebars", "{{{issue}}}"),
        ("handlebars", "{{&issue}}"),
        ("liquid", "{{ issue | downcase }}"),
        ("erb", "<%= @issue %>"),
        ("freemarker", "${issue!'problem'}"),
        (None, "{issue}"),
        (None, "{0}"),
        (None, "{{issue}}"),
        (None, "%(issue)s"),
        (None, "%s"),
        (None, "${issue}"),
        (None, "{count, plural, one {# problem} other {# problems}}"),
        (None, "{kind, select, late {delay} other {problem}}"),
    ],
)
def test_a_placeholder_is_one_word(acme_linter: Linter, engine: str | None, placeholder: str) -> None:
    source = f"Dear customer, we apologize for any {placeholder} and thank you.\n"
    assert rows(lint(acme_linter, source, engine)) == [
        ("canned", "sorry-inconvenience", f"we apologize for any {placeholder}", 1, 16, "en"),
    ]


@pytest.mark.parametrize(
    ("engine", "source"),
    [
        ("jinja", "We apologize {% if late %}for any{% endif %} inconvenience."),
        ("jinja", "We apologize{# why #} for any {%- if x %}{% endif %} inconvenience."),
        ("handlebars", "We apologize {{#if late}}for any{{/if}} inconvenience."),
        ("liquid", "We apologize {% if late %}for any{% endif %} inconvenience."),
        ("erb", "We apologize <% if late %>for any<% end %> inconvenience."),
        ("freemarker", "We apologize <#if late>for any</#if> inconvenience."),
    ],
)
def test_tags_do_not_break_a_phrase(acme_linter: Linter, engine: str, source: str) -> None:
    report = lint(acme_linter, source, engine)
    assert [(r[1], r[2]) for r in rows(report)] == [("sorry-inconvenience", source[: source.index("inconvenience") + len("inconvenience")])]


def test_lines_with_only_tags_disappear() -> None:
    source = "Dear {{ name }},\n{% if premium %}\n  {% set x = 1 %}{# note #}\nYour premium is due.\n{% endif %}\n"
    assert read(source, "jinja").text == "Dear  \ufffc ,\nYour premium is due.\n"


def test_tags_between_alternatives_keep_words_apart() -> None:
    for engine, source in [
        ("jinja", "Your {% if many %}claims are{% else %}claim is{% endif %} open"),
        ("handlebars", "Your {{#if many}}claims are{{else}}claim is{{/if}} open"),
        ("freemarker", "Your <#if many>claims are<#else>claim is</#if> open"),
    ]:
        assert read(source, engine).text.split() == ["Your", "claims", "are", "claim", "is", "open"]
    assert read("Your claim{% if many %}s{% endif %}", "jinja").text == "Your claims"


def test_template_syntax_is_never_linted(acme_linter: Linter) -> None:
    source = (
        "{% set deductible = policy.excess %}{# the deductible #}{{ claim.deductible }}\n"
        "{% comment %}our deductible{% endcomment %}Nothing to see.\n"
    )
    assert rows(lint(acme_linter, source, "jinja")) == []
    assert rows(lint(acme_linter, "<%# deductible %><% excess = 1 %><%= claim %>Fine.", "erb")) == []
    assert rows(lint(acme_linter, "<#-- deductible --><#assign excess=1><@claim deductible=true/>Fine.", "freemarker")) == []
    assert rows(lint(acme_linter, "{{!-- deductible --}}{{! excess }}{{> claim}}Fine.", "handlebars")) == []


def test_raw_blocks_are_literal_text() -> None:
    assert read("{% raw %}Use {% if %} here{% endraw %}", "jinja").text == "Use {% if %} here"
    assert read("{% raw %}Hello {{ name }}{% endraw %}", "liquid").text == "Hello  \ufffc "


def test_the_underlying_format_is_read(acme_linter: Linter) -> None:
    html = '<p title="{{ tip }}">Your {{ kind }} <b>deductible</b></p><script>{{ excess }}</script>'
    assert read(html, "jinja", "html").text.split() == ["Your", "\ufffc", "deductible", "\ufffc"]
    markdown = "# Hello {{ name }}\n\n{% if x %}\nYour `{{ code }}` and [claim]({{ url }}).\n{% endif %}\n"
    assert read(markdown, "jinja", "markdown").text.split() == ["Hello", "\ufffc", "Your", "\ufffc", "and", "claim."]
    # with no format named, a template that has HTML tags is read as HTML, otherwise as text
    assert read("<p>Your&nbsp;claim</p>", "handlebars", None).text.strip() == "Your claim"
    assert read("Your&nbsp;claim <3", "handlebars", None).text == "Your&nbsp;claim <3"


# -- suppressions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "ignore", "off", "on"),
    [
        ("jinja", "{# jargonlint: ignore[jargon:deductible] #}", "{# jargonlint: off #}", "{# jargonlint: on #}"),
        ("handlebars", "{{!-- jargonlint: ignore[jargon:deductible] --}}", "{{! jargonlint: off }}", "{{! jargonlint: on }}"),
        (
            "liquid",
            "{% comment %}jargonlint: ignore[jargon:deductible]{% endcomment %}",
            "{% # jargonlint: off %}",
            "{% # jargonlint: on %}",
        ),
        ("erb", "<%# jargonlint: ignore[jargon:deductible] %>", "<%# jargonlint: off %>", "<%# jargonlint: on %>"),
        ("freemarker", "<#-- jargonlint: ignore[jargon:deductible] -->", "<#-- jargonlint: off -->", "<#-- jargonlint: on -->"),
        (None, "# jargonlint: ignore[jargon:deductible]", "# jargonlint: off", "# jargonlint: on"),
    ],
)
def test_suppression_comments_in_each_syntax(acme_linter: Linter, engine: str | None, ignore: str, off: str, on: str) -> None:
    source = f"Your deductible.\n{ignore}\nYour deductible and your claim.\n{off}\nYour excess.\n{on}\nYour excess.\n"
    document = read(source, engine)
    assert [(d.kind, d.codes, d.line) for d in document.directives] == [
        ("ignore", ("jargon:deductible",), 2),
        ("off", (), 4),
        ("on", (), 6),
    ]
    assert [(r[2], r[3]) for r in rows(acme_linter.lint_document(document, lang="en"))] == [("deductible", 1), ("claim", 3), ("excess", 7)]


def test_html_comments_in_a_template_are_suppressions_too(acme_linter: Linter) -> None:
    source = "<p>Hello {{ name }}</p>\n<!-- jargonlint: ignore -->\n<p>Your deductible</p>\n<p>Your excess</p>\n"
    assert [r[2] for r in rows(lint(acme_linter, source, "jinja", "html"))] == ["excess"]


# -- bad templates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "source", "problems"),
    [
        (
            "jinja",
            "{% block body %}\n{% if late %}\nYour claim.\n{% endblock %}\n{% endfor %}\n",
            ["line 2: '{% if %}' is never closed (no '{% endif %}')", "line 5: '{% endfor %}' closes no open block"],
        ),
        ("jinja", "Dear {{ name,\nYour claim.\n", ["line 1: '{{' is never closed (no '}}'); the text after it is read as text"]),
        ("jinja", "Your claim.\n{# note", ["line 2: '{#' is never closed (no '#}'); the text after it is read as text"]),
        ("jinja", "Your claim.\n{% raw %}\n", ["line 2: '{% raw %}' is never closed (no '{% endraw %}')"]),
        (
            "handlebars",
            "{{#each items}}\nYour claim.\n{{/if}}\n",
            ["line 3: '{{/if}}' closes no open block", "line 1: '{{#each}}' is never closed (no '{{/each}}')"],
        ),
        ("liquid", "{% unless x %}\nYour claim.\n", ["line 1: '{% unless %}' is never closed (no '{% endunless %}')"]),
        ("erb", "Your claim.\n<% if x\n", ["line 2: '<%' is never closed (no '%>'); the text after it is read as text"]),
        (
            "freemarker",
            "<#list items as i>\nYour claim.\n</#if>\n",
            ["line 3: '</#if>' closes no open block", "line 1: '<#list>' is never closed (no '</#list>')"],
        ),
    ],
)
def test_unbalanced_templates_are_problems_and_the_rest_is_read(acme_linter: Linter, engine: str, source: str, problems: list[str]) -> None:
    document = read(source, engine)
    assert sorted(document.problems) == sorted(problems)
    assert [r[2] for r in rows(acme_linter.lint_document(document, lang="en"))] == ["claim"]


def test_problems_are_reported_with_the_file_name(acme_linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "letter.html.j2"
    path.write_text("<p>Your claim</p>\n{% if x %}\n", encoding="utf-8")
    assert acme_linter.lint_file(path).problems == (f"{path}: line 2: '{{% if %}}' is never closed (no '{{% endif %}}')",)


# -- choosing the format ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("letter.nl.html.j2", "jinja-html"),
        ("letter.j2", "jinja"),
        ("letter.jinja2", "jinja"),
        ("letter.md.jinja", "jinja-markdown"),
        ("letter.txt.j2", "jinja-text"),
        ("letter.djhtml", "jinja-html"),
        ("letter.hbs", "handlebars"),
        ("letter.html.hbs", "handlebars-html"),
        ("letter.mustache", "handlebars"),
        ("letter.liquid", "liquid"),
        ("letter.html.erb", "erb-html"),
        ("letter.md.erb", "erb-markdown"),
        ("letter.ftl", "freemarker"),
        ("letter.ftlh", "freemarker-html"),
        ("letter.txt", "text"),
        ("letter", "text"),
    ],
)
def test_extensions_choose_the_format(name: str, format_name: str) -> None:
    assert format_for(name) == format_name
    assert format_name in READERS


def test_plain_text_reads_placeholders_and_directive_lines(acme_linter: Linter) -> None:
    source = "Dear {first_name},\n# jargonlint: ignore\nYour deductible.\nWe apologize for any %s.\n"
    [document] = READERS["text"](source)
    assert document.text == "Dear  \ufffc ,\nYour deductible.\nWe apologize for any  \ufffc .\n"
    assert [r[2] for r in rows(acme_linter.lint_document(document, lang="en"))] == ["We apologize for any %s"]


def test_format_in_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("{% if x %}<p>Your&nbsp;claim</p>{% endif %}\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["check", "--no-builtin", "-g", ACME, "--lang", "en", "--format", "json", "--format-in", "jinja-html", str(path)]
    )
    assert result.exit_code == 1
    assert '"text": "claim"' in result.stdout and '"column": 24' in result.stdout
    result = runner.invoke(cli, ["check", "--no-builtin", "-g", ACME, "--format-in", "docx", str(path)])
    assert result.exit_code == 2 and "--format-in" in result.stderr


def test_config_overrides_choose_the_format(tmp_path: Path) -> None:
    config = tmp_path / "jargonlint.toml"
    config.write_text(
        f'glossaries = ["{ACME}"]\nbuiltin = false\n[[overrides]]\nfiles = ["*.tpl"]\nformat = "handlebars-html"\n', encoding="utf-8"
    )
    letter = tmp_path / "welcome.tpl"
    letter.write_text("<p>Dear {{name}}, we apologize for any {{thing}}.</p>\n", encoding="utf-8")
    linter = Linter.from_settings(load_settings(config))
    assert [f.text for f in linter.lint_file(letter, lang="en").findings] == ["we apologize for any {{thing}}"]
    config.write_text('[[overrides]]\nfiles = ["*.tpl"]\nformat = "docx"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown input format 'docx'"):
        load_settings(config)


# -- any input -------------------------------------------------------------------------------------------

_FRAGMENTS = [
    "{{", "}}", "{%", "%}", "{#", "#}", "{{!--", "--}}", "{{#if x}}", "{{/if}}", "{{else}}", "{% if x %}", "{% endif %}", "{% else %}",
    "{% raw %}", "{% endraw %}", "{% comment %}", "<%", "%>", "<%=", "<%#", "<#if x>", "</#if>", "<#--", "-->", "${", "}", "{", "%s",
    "%(x)s", "{n, plural, one {#} other {# x}}", "<p>", "</p>", "<p lang='fr'>", "<br>", "&amp;", "<!--", "<!-- jargonlint: off -->",
    "# jargonlint: ignore", "{# jargonlint: ignore #}", "\n", "\n\n", " ", "'", '"', "deductible", "excess", "claim",
    "we apologize for any", "inconvenience", "# ", "`", "*", "[", "](", ")", "é", "\r\n", "\x00",
]  # fmt: skip
_FORMATS = [
    "jinja",
    "jinja-html",
    "jinja-markdown",
    "handlebars",
    "liquid-html",
    "erb-markdown",
    "freemarker-html",
    "text",
    "html",
    "markdown",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(_FORMATS),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join),
)
def test_random_templates_never_crash_and_findings_stay_in_the_file(acme_linter: Linter, format_name: str, source: str) -> None:
    [document] = READERS[format_name](source)
    assert document.source == source
    assert all(problem.startswith("line ") for problem in document.problems)
    rows(acme_linter.lint_document(document, lang="en"))
