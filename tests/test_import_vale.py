"""``glossary import --from vale``: real Vale rule files, and the alerts Vale would give.

Each style in tests/fixtures/vale is imported through the CLI, then example sentences are
linted. Vale's own alerts are computed with its documented construction (tokens joined into
``\\b(?:a|b)\\b``, ``(?i)`` when ``ignorecase``; substitution keys as capture groups, no
alert when the text is already the expected one), with Python's ``re``, which reads these
patterns as Vale's engine does. Spans must agree exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jargonlint import Linter
from jargonlint.cli import cli
from jargonlint.glossary.importers.vale_regex import NotAPhrase, regex_to_phrase

VALE = Path(__file__).parent / "fixtures" / "vale"


def vale_alerts(rule_file: Path, text: str) -> list[tuple[int, int, str]]:
    """The (start, end, text) of each alert Vale gives for ``rule_file`` on ``text``."""
    rule = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    flags = re.IGNORECASE if rule.get("ignorecase") else 0
    if rule["extends"] == "existence":
        tokens = [str(t) for t in rule["tokens"] if str(t).strip()]
        pattern = re.compile(r"(?m)\b(?:" + "|".join(tokens) + r")\b", flags)
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    keys = list(rule["swap"])
    pattern = re.compile(r"(?m)\b(?:" + "|".join(f"({key})" for key in keys) + r")\b", flags)
    alerts = []
    for m in pattern.finditer(text):
        index = next(i for i in range(1, len(keys) + 1) if m.group(i) is not None)
        expected, observed = str(rule["swap"][keys[index - 1]]), m.group(index).strip()
        same = expected == observed if " " in expected else re.fullmatch(f"(?:{expected})", observed, flags) is not None
        if not same:
            alerts.append((m.start(index), m.end(index), m.group(index)))
    return alerts


@pytest.fixture(scope="session")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture style imported through the CLI into its own glossary file."""
    folder = tmp_path_factory.mktemp("vale")
    glossaries = {}
    for style, lang in (
        ("write-good", "en"),
        ("Microsoft", "en"),
        ("Google", "en"),
        ("Joblint", "en"),
        ("proselint", "en"),
        ("cusy-de", "de"),
    ):
        out = folder / f"{style}.yaml"
        result = CliRunner().invoke(cli, ["glossary", "import", "--from", "vale", str(VALE / style), "--lang", lang, "-o", str(out)])
        assert result.exit_code == 0, result.output
        glossaries[style] = out
    return glossaries


@pytest.fixture(scope="session")
def linters(imported: dict[str, Path]) -> dict[str, Linter]:
    return {style: Linter([path], builtin=False) for style, path in imported.items()}


CASES = [
    # (style, rule file, language, sentence, expected (text, id) of that rule's findings)
    (
        "write-good",
        "Weasel",
        "en",
        "This is a very simple form and it is extremely quick to fill in.",
        [("very", "write-good.Weasel"), ("extremely", "write-good.Weasel")],
    ),
    (
        "write-good",
        "TooWordy",
        "en",
        "We will endeavour to accelerate your refund in order to limit the delay.",
        [("accelerate", "write-good.TooWordy"), ("in order to", "write-good.TooWordy")],
    ),
    (
        "Microsoft",
        "Wordiness",
        "en",
        "We will utilize your feedback in order to improve, and we will inform you at a later date.",
        [
            ("utilize", "Microsoft.Wordiness.utilize"),
            ("in order to", "Microsoft.Wordiness.in-order-to"),
            ("inform", "Microsoft.Wordiness.inform"),
            ("at a later date", "Microsoft.Wordiness.at-a-later-date"),
        ],
    ),
    (
        "Microsoft",
        "Terms",
        "en",
        # "chatbots" is no alert: Vale reads the expected "chatbot(s)" as a regex, which accepts it.
        "Open the app on your smartphone or your mobile phone and ask our chat bot or our chatbots.",
        [
            ("smartphone", "Microsoft.Terms.mobile-phone"),
            ("mobile phone", "Microsoft.Terms.mobile-phone"),
            ("chat bot", "Microsoft.Terms.chat-bots"),
        ],
    ),
    (
        "Google",
        "WordList",
        "en",
        "Send an e-mail to the admin about Ajax, not AJAX, and untick nothing.",
        [("e-mail", "Google.WordList.e-mail"), ("admin", "Google.WordList.admin"), ("Ajax", "Google.WordList.ajax")],
    ),
    (
        "Joblint",
        "Bro",
        "en",
        "Our brogrammers crush every sprint.",
        [("brogrammers", "Joblint.Bro"), ("crush", "Joblint.Bro")],
    ),
    (
        "Joblint",
        "Gendered",
        "en",
        "Calling all dudes and gentlemen: the team needs you.",
        [("dudes", "Joblint.Gendered"), ("gentlemen", "Joblint.Gendered")],
    ),
    (
        "proselint",
        "Hedging",
        "en",
        "The delay was, so to speak, unavoidable, and I would argue that it was short.",
        [(", so to speak", "proselint.Hedging"), ("I would argue that", "proselint.Hedging")],
    ),
    (
        "cusy-de",
        "Redundancy",
        "de",
        "Der Bonus ist absolut notwendig, denn der aktuelle Trend geht zu kreisrund geformten Karten.",
        [("absolut notwendig", "cusy-de.Redundancy"), ("kreisrund", "cusy-de.Redundancy")],
    ),
    (
        "cusy-de",
        "GenderBias",
        "de",
        "Jeder Kunde erhält eine Antwort vom Abteilungsleiter.",
        [
            ("Jeder", "cusy-de.GenderBias.jedermann"),
            ("Kunde", "cusy-de.GenderBias.kunden"),
            ("Abteilungsleiter", "cusy-de.GenderBias.abteilungsleiter"),
        ],
    ),
]


@pytest.mark.parametrize(("style", "rule", "lang", "sentence", "expected"), CASES, ids=[f"{c[0]}.{c[1]}" for c in CASES])
def test_imported_rule_gives_the_alerts_vale_gives(
    linters: dict[str, Linter], style: str, rule: str, lang: str, sentence: str, expected: list[tuple[str, str]]
) -> None:
    findings = [f for f in linters[style].lint(sentence, lang=lang).findings if f.id.startswith(f"{style}.{rule}")]
    assert [(f.text, f.id) for f in findings] == expected
    assert all(sentence[f.start : f.end] == f.text for f in findings)
    assert [(f.start, f.end, f.text) for f in findings] == vale_alerts(VALE / style / f"{rule}.yml", sentence)


def test_levels_become_severities_and_messages_become_notes(linters: dict[str, Linter]) -> None:
    (weasel,) = [f for f in linters["write-good"].lint("The form is very long.", lang="en").findings if f.id == "write-good.Weasel"]
    assert (weasel.severity.label, weasel.rule, weasel.note) == ("warning", "jargon", "'…' is a weasel word!")
    (hedge,) = linters["proselint"].lint("I would argue that it was short.", lang="en").findings
    assert (hedge.severity.label, hedge.rule, hedge.message) == (
        "error",
        "canned",
        '"I would argue that" is a canned phrase customers skim over',
    )
    (wordy,) = linters["Microsoft"].lint("We will utilize it.", lang="en").findings
    assert (wordy.severity.label, wordy.suggestions, wordy.message) == ("info", ("use",), '"utilize" is jargon: say "use"')
    assert wordy.fix is not None and wordy.fix.edits[0].content == "use"


def test_case_sensitive_rules_stay_case_sensitive_and_are_never_inflected(linters: dict[str, Linter]) -> None:
    google = linters["Google"]  # ignorecase: false
    findings = google.lint("AJAX and ajax, but Ajax.", lang="en").findings
    assert [f.text for f in findings if f.rule == "jargon"] == ["Ajax"]
    microsoft = linters["Microsoft"]  # ignorecase: true, but never inflected
    assert [f.text for f in microsoft.lint("UTILIZE it. It was utilized.", lang="en").findings] == ["UTILIZE"]


def test_capitalisation_only_swaps_are_skipped_because_vale_never_alerts_on_them() -> None:
    # Microsoft.Terms has `gb: GB` with ignorecase: Vale compares the match with 'GB' ignoring case.
    assert vale_alerts(VALE / "Microsoft" / "Terms.yml", "It is 4 gb or 4 GB.") == []


def test_import_reports_what_it_skips(tmp_path: Path) -> None:
    out = tmp_path / "write-good.yaml"
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "vale", str(VALE / "write-good"), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        "imported 2 entries from 2 of 3 Vale rules; skipped 1.\n  skipped write-good.So: has 'raw' regular expressions around its tokens\n"
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith(
        f"# Imported by `jargonlint glossary import` from Vale: {VALE / 'write-good'}\n"
        "# imported 2 entries from 2 of 3 Vale rules; skipped 1.\n"
        "# Not imported:\n"
        "#   write-good.So: has 'raw' regular expressions around its tokens\n"
        "glossary: vale-write-good\n"
        "description: Imported from the Vale style 'write-good'.\n"
        "languages: [en]\n"
        "\n"
        "terms:\n"
        "  - id: write-good.TooWordy\n"
    )
    assert "  - id: write-good.Weasel\n    match:\n      en:\n        - clearly\n" in text


def test_whole_folder_import_lists_regexes_by_rule_and_token() -> None:
    result = CliRunner().invoke(cli, ["glossary", "import", "--from", "vale", str(VALE)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == "imported 464 entries from 12 of 14 Vale rules and 1 vocabulary, 56 allowed acronyms, 3 ignore phrases; skipped 17."
    assert "  skipped Google.Latin: nonword: true (its tokens may match inside words; jargonlint matches whole words only)" in lines
    assert "  skipped Joblint.Bro: 'hard[ -]*core': uses repetition (*), a regular expression jargonlint phrases cannot express" in lines
    assert (
        "  skipped Microsoft.Wordiness: 'all of (?!a sudden|these)': uses a lookaround, a regular expression jargonlint phrases cannot express"
        in lines
    )
    assert (
        "  skipped Google.WordList: 'approx\\\\.': left out 'approx.': Vale's \\b at its edge needs a letter glued to the punctuation there"
        in lines
    )
    assert "  skipped Microsoft.Terms: 'gb': Vale never alerts on it: every form it matches is the expected 'GB'" in lines
    assert len(lines) == 18


def test_acronym_rule_and_vocabulary(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["glossary", "import", "--from", "vale", str(VALE / "Microsoft" / "Acronyms.yml"), "-o", str(out)]).exit_code
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "acronyms:\n  allow:\n    - API\n    - ASP\n" in text
    assert text.endswith("    - ZIP\n  unknown: info\n")
    assert len(Linter([out], builtin=False).glossary.allow) == 54
    vocab = tmp_path / "vocab.yaml"
    assert (
        runner.invoke(
            cli, ["glossary", "import", "--from", "vale", str(VALE / "config"), "-o", str(vocab), "--name", "acme-vocab"]
        ).exit_code
        == 0
    )
    assert vocab.read_text(encoding="utf-8").split("\n", 2)[2] == (
        "glossary: acme-vocab\n"
        "description: Imported from the Vale style 'config'.\n"
        "languages: [en]\n"
        "\n"
        "terms:\n"
        "  - id: Acme.reject\n"
        "    match: {en: [policy schedule, 'Acme{-| |}Assist']}\n"
        "    note: Rejected in the Vale vocabulary 'Acme'.\n"
        "    severity: error\n"
        "    case_sensitive: true\n"
        "    inflect: false\n"
        "\n"
        "  - id: Acme.reject-ignorecase\n"
        "    match: {en: loss adjuster}\n"
        "    note: Rejected in the Vale vocabulary 'Acme'.\n"
        "    severity: error\n"
        "    inflect: false\n"
        "acronyms: {allow: [IBAN, SEPA]}\n"
        "ignore: [Acme Direct, myAcme, '{O|o}nline portal']\n"
    )
    linter = Linter([vocab], builtin=False)
    findings = linter.lint(
        "Your policy schedule from AcmeAssist or Acme Assist: ask the Loss Adjuster. Policy Schedule.", lang="en"
    ).findings
    assert [(f.text, f.severity.label) for f in findings] == [
        ("policy schedule", "error"),
        ("AcmeAssist", "error"),
        ("Acme Assist", "error"),
        ("Loss Adjuster", "error"),
    ]


@pytest.mark.parametrize(
    ("regex", "phrase"),
    [
        ("(?:utilize|make use of)", "{utilize|make use of}"),
        ("app(?:lication)?s? (?:developer|program)", "app{lication|}{s|} {developer|program}"),
        ("(?:a )?b", "{a |}b"),
        ("Dritte(?:r|n)?", "Dritte{r|n|}"),
        ("gentlem[ae]n", "gentlem{a|e}n"),
        ("a\\.k\\.a|aka", "{a.k.a|aka}"),
        ("\\bme\\b", "me"),
        ("chat\\s+bots?", "chat bot{s|}"),
    ],
)
def test_simple_regexes_become_phrases(regex: str, phrase: str) -> None:
    assert regex_to_phrase(regex) == phrase


@pytest.mark.parametrize(
    ("regex", "reason"),
    [
        ("all of (?!a sudden)", "uses a lookaround"),
        ("auto-\\w+", "uses a word character (\\w)"),
        ("[a-z]+ing", "uses a character range"),
        ("hard[ -]*core", "uses repetition (*)"),
        ("^Note", "uses an anchor (^)"),
        ("e.g", "uses any character (.)"),
        ("x{2,3}", "uses counted repetition ({n,m})"),
        ("(?P<w>word)", "uses a named group"),
        ("a\\*b", "contains '*', which the phrase syntax reserves"),
    ],
)
def test_real_regexes_are_refused_with_the_reason(regex: str, reason: str) -> None:
    with pytest.raises(NotAPhrase, match=re.escape(reason)):
        regex_to_phrase(regex)
