"""Glossary files: loading, extends/override order, and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint import GlossaryError, Linter
from jargonlint.glossary import load_glossaries
from jargonlint.glossary.phrase import PhraseSyntaxError, expand_phrase


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(paths: list[Path]) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        load_glossaries(paths, builtin=False)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_acme_glossary_loads_with_all_fields(acme_glossary: Path) -> None:
    glossary = load_glossaries([acme_glossary], builtin=False)
    deductible = glossary.entry("deductible")
    assert deductible is not None
    assert deductible.rule == "jargon"
    assert deductible.match["en"] == ("deductible", "excess")
    assert deductible.match["fr"] == ("franchise",)
    assert deductible.suggestions_for("fr") == ("le montant qui reste à votre charge",)
    assert deductible.note == "Customers rarely know this insurance word."
    assert deductible.line == 5
    mta = glossary.entry("mta")
    assert mta is not None and mta.case_sensitive and mta.severity.label == "error"
    assert glossary.entry("sorry-inconvenience").rule == "canned"  # type: ignore[union-attr]
    assert glossary.allow == {"PDF", "IBAN"}
    assert glossary.define["SLA"]["fr"] == "accord de niveau de service"
    assert glossary.define["CRM"] == {"any": "customer relationship management"}
    assert glossary.unknown is not None and glossary.unknown.label == "info"
    assert glossary.ignore == ("excess baggage",)


def test_extends_loads_parents_first_and_later_ids_override(tmp_path: Path) -> None:
    write(
        tmp_path / "common.yaml",
        "glossary: common\nterms:\n  - id: x\n    match: {en: leverage}\n    suggest: {en: use}\n  - id: y\n    match: {en: synergy}\n",
    )
    child = write(
        tmp_path / "org.yaml",
        "glossary: org\nextends: [./common.yaml]\nterms:\n  - id: x\n    match: {en: leverage}\n    suggest: {en: make use of}\n",
    )
    glossary = load_glossaries([child], builtin=False)
    assert [g.name for g in glossary.glossaries] == ["common", "org"]
    assert glossary.entry("x").suggestions_for("en") == ("make use of",)  # type: ignore[union-attr]
    assert glossary.entry("x").glossary == "org"  # type: ignore[union-attr]
    assert glossary.entry("y") is not None


def test_builtin_reference_and_unknown_builtin(tmp_path: Path) -> None:
    ok = write(tmp_path / "a.yaml", "glossary: a\nextends: [builtin:common]\n")
    assert "PDF" in load_glossaries([ok], builtin=False).allow
    bad = write(tmp_path / "b.yaml", "glossary: b\nextends: [builtin:nope]\n")
    [problem] = problems_of([bad])
    assert problem.startswith("b.yaml:2: no built-in glossary 'nope' (built-ins: ")


def test_ignore_wins_over_every_glossary(acme_linter: Linter) -> None:
    report = acme_linter.lint("The excess baggage fee is not your excess.")
    assert [(f.id, f.text) for f in report.findings] == [("deductible", "excess")]
    assert report.findings[0].start == 35


def test_all_problems_are_listed_with_lines(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.yaml",
        "glossary: bad\n"
        "languages: [en, xx]\n"
        "colour: blue\n"
        "terms:\n"
        "  - id: a\n"
        "    match: {en: leverage, qq: x}\n"
        "    severity: fatal\n"
        "    inflect: maybe\n"
        "  - match: {en: 'a {b'}\n"
        "  - id: a\n"
        "    match: {en: other}\n"
        "  - just text\n"
        "acronyms:\n"
        "  unknown: loud\n",
    )
    assert problems_of([bad]) == [
        "bad.yaml:3: unknown key 'colour' in the glossary (allowed: glossary, description, extends, languages, terms, acronyms, canned, ignore)",
        "bad.yaml:2: languages: unknown language code 'xx' (use ISO 639-1 codes such as en, fr, nl, or 'any')",
        "bad.yaml:6: match: unknown language code 'qq' (use ISO 639-1 codes such as en, fr, nl, or 'any')",
        "bad.yaml:7: unknown severity 'fatal' (expected one of: info, warning, error)",
        "bad.yaml:8: 'inflect' must be true or false, got str 'maybe'",
        "bad.yaml:9: match.en: '{' without a matching '}' in 'a {b'",
        "bad.yaml:10: duplicate id 'a' (first at line 5)",
        "bad.yaml:12: each item of 'terms' must be a mapping with at least 'match', got str 'just text'",
        "bad.yaml:14: acronyms.unknown must be error, warning, info or off, got str 'loud'",
    ]


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "broken.yaml", "glossary: x\nterms:\n  - id: a\n    match: [unclosed\n")
    [problem] = problems_of([bad])
    assert problem.startswith("broken.yaml:5: invalid YAML")


def test_missing_file_and_missing_extends(tmp_path: Path) -> None:
    assert problems_of([tmp_path / "nope.yaml"]) == ["nope.yaml:0: file not found"]
    child = write(tmp_path / "c.yaml", "glossary: c\n\nextends: [./gone.yaml]\n")
    [problem] = problems_of([child])
    assert problem.startswith("c.yaml:3: extends: cannot find './gone.yaml'")


def test_extends_cycle_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.yaml", "glossary: a\nextends: [./b.yaml]\n")
    write(tmp_path / "b.yaml", "glossary: b\nextends: [./a.yaml]\n")
    [problem] = problems_of([tmp_path / "a.yaml"])
    assert problem == "b.yaml:2: 'extends' makes a cycle: a.yaml -> b.yaml -> a.yaml"


def test_yaml_aliases_tags_and_empty_files_are_refused(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.yaml", "glossary: b\nlol: &a [x, x, x]\nignore: [*a, *a, *a]\n")
    assert problems_of([bomb]) == ["bomb.yaml:2: YAML anchors and aliases are not allowed in glossaries; write the value out"]
    tagged = write(tmp_path / "tag.yaml", "glossary: !!python/object:os.system x\n")
    assert "tag.yaml:1" in problems_of([tagged])[0]
    empty = write(tmp_path / "empty.yaml", "")
    assert problems_of([empty]) == ["empty.yaml:0: the file is empty; a glossary needs at least 'glossary: NAME'"]


def test_non_utf8_glossary(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("glossary: x\nignore: [caf\xe9]\n".encode("latin-1"))
    assert problems_of([path]) == ["latin.yaml:2: not valid UTF-8; save the glossary as UTF-8"]


def test_entries_without_id_get_one_from_their_phrase(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", "glossary: g\nterms:\n  - match: {en: touch base}\n")
    assert load_glossaries([path], builtin=False).entries[0].id == "touch-base"


def test_linter_raises_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError):
        Linter([tmp_path / "missing.yaml"], builtin=False)


@pytest.mark.parametrize(
    ("phrase", "variants"),
    [
        ("we {apologize|apologise} for any *", ["we apologize for any \ufffc", "we apologise for any \ufffc"]),
        ("{very|} much", ["very much", "much"]),
        ("{a {b|c}|d} e", ["a b e", "a c e", "d e"]),
        ("给{您|你}带来的不便", ["给您带来的不便", "给你带来的不便"]),
    ],
)
def test_phrase_syntax_expands(phrase: str, variants: list[str]) -> None:
    assert expand_phrase(phrase) == variants


@pytest.mark.parametrize("phrase", ["a {b", "a } b", "a|b", "*", "{|}", "", "{a|b}" * 11])
def test_phrase_syntax_errors(phrase: str) -> None:
    with pytest.raises(PhraseSyntaxError):
        expand_phrase(phrase)
