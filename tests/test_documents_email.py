"""E-mail reading: the Subject and the text parts, each linted as its own Document."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from checks import assert_offsets_point_at_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonlint import Linter
from jargonlint.documents.email import SUBJECT, decode_header_value, decode_text, quoted_plain_text, read_email, read_email_bytes
from jargonlint.documents.registry import READERS, format_for
from jargonlint.report import Report
from jargonlint.reporters.text import render_finding

EMAIL = Path(__file__).parent / "fixtures" / "documents" / "email"
FRENCH = EMAIL / "sinistre-franchise.fr.eml"
DUTCH = EMAIL / "schademelding-eigen-risico.nl.eml"
BROKEN = EMAIL / "broken-charset-base64.en.eml"


def spans(report: Report) -> list[tuple[str | None, int, int, str, str]]:
    return [(f.part, f.line, f.column, f.text, f.code) for f in report.findings]


def test_eml_files_are_read_as_email() -> None:
    assert format_for("letters/2024/reply.eml") == "email"
    assert READERS["email"] is read_email


def test_french_multipart_quoted_printable_lints_subject_plain_and_html_parts(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(FRENCH)

    assert spans(report) == [
        ("Subject", 1, 36, "franchise", "jargon:deductible"),
        ("text/plain", 3, 87, "franchise", "jargon:deductible"),
        ("text/plain", 3, 150, "police d'assurance", "jargon:policy"),
        ("text/plain", 5, 1, "Nous nous excusons pour la gêne occasionnée", "canned:sorry-inconvenience"),
        ("text/plain", 5, 46, "N'hésitez pas à nous contacter", "canned:do-not-hesitate"),
        ("text/html", 6, 103, "franchise", "jargon:deductible"),
        ("text/html", 6, 180, "police d'assurance", "jargon:policy"),
        ("text/html", 7, 4, "Nous nous excusons pour la gêne occasionnée", "canned:sorry-inconvenience"),
        ("text/html", 7, 49, "N'hésitez pas à nous contacter", "canned:do-not-hesitate"),
    ]
    assert report.language == "fr"
    assert report.problems == ()
    assert_offsets_point_at_text(report)


def test_subject_is_rfc2047_decoded_and_unfolded() -> None:
    subject = read_email_bytes(FRENCH.read_bytes())[0]

    assert subject.part == SUBJECT
    assert subject.source == "Re: Votre sinistre n° 4521 – votre franchise et la suite"
    assert subject.lang_hint == "fr-FR"  # the message's Content-Language


def test_part_sources_are_the_decoded_parts() -> None:
    documents = {d.part: d for d in read_email_bytes(FRENCH.read_bytes())}

    plain = documents["text/plain"].source
    assert plain.splitlines()[2].startswith("Suite à votre déclaration de sinistre du 3 mai, nous avons examiné votre dossier.")
    assert "=C3=A9" not in plain
    assert documents["text/html"].source.startswith('<!DOCTYPE html>\n<html lang="fr">')


def test_quoted_replies_are_not_linted() -> None:
    documents = {d.part: d for d in read_email_bytes(FRENCH.read_bytes())}

    for part in ("text/plain", "text/html"):
        assert "Je ne comprends pas" in documents[part].source  # still in the source...
        assert "Je ne comprends pas" not in documents[part].text  # ...but not read
        assert "a écrit" not in documents[part].text
    assert documents["text/plain"].text.rstrip().endswith("Service Sinistres – Acme Assurances")


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("Thanks.\n\nOn Mon, 3 Jun 2024 at 10:00, Anna <anna@example.com> wrote:\n> Where is my claim?\n", "Thanks.\n\n"),
        ("Danke.\n\nAm 3. Juni 2024 um 10:00 schrieb Anna Weber <anna@example.de>:\n\n> Wo ist mein Antrag?\n>\n> Anna\n", "Danke.\n\n"),
        ("Bedankt.\n\n-----Oorspronkelijk bericht-----\nVan: Pieter\nOnderwerp: polis\n\nIk heb een vraag.\n", "Bedankt.\n\n"),
        (
            "Thanks.\n\n________________________________\nFrom: Anna <anna@example.com>\nSent: Monday\n\nWhere is my claim?\n",
            "Thanks.\n\n",
        ),
        ("Dear Anna,\n\n> this line is quoted\nbut this answer is not.\n", "Dear Anna,\n\nbut this answer is not.\n"),
    ],
)
def test_quoted_plain_text_ranges(body: str, kept: str) -> None:
    text, position = "", 0
    for start, end in quoted_plain_text(body):
        text += body[position:start]
        position = end
    assert text + body[position:] == kept


def test_dutch_base64_with_attachments(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(DUTCH)

    assert spans(report) == [
        ("Subject", 1, 35, "eigen risico", "jargon:deductible"),
        ("text/plain", 5, 28, "eigen risico", "jargon:deductible"),
        ("text/plain", 5, 72, "polis", "jargon:policy"),
        ("text/plain", 7, 1, "Excuses voor het ongemak", "canned:sorry-inconvenience"),
        ("text/plain", 7, 27, "Aarzel niet om contact met ons op te nemen", "canned:do-not-hesitate"),
    ]
    assert_offsets_point_at_text(report)
    # The text/plain and PDF attachments are not part of the letter.
    assert set(report.sources) == {"Subject", "text/plain"}
    assert "Het eigen risico bedraagt" not in "".join(report.sources.values())


def test_crlf_parts_keep_their_line_breaks_and_columns(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(DUTCH)
    plain = report.sources["text/plain"]

    assert "\r\n" in plain
    finding = report.findings[1]
    assert plain.split("\n")[finding.line - 1][finding.column - 1 :].startswith("eigen risico")


def test_subject_without_content_language_is_read_in_the_body_language(acme_linter: Linter) -> None:
    message = EmailMessage()
    message["Subject"] = "Uw eigen risico"
    message.set_content(
        "Beste mevrouw Jansen,\n\nVoor deze schade geldt een eigen risico van 250 euro. "
        "Wij hebben het bedrag van de uitkering afgetrokken.\n\nMet vriendelijke groet,\nAcme Verzekeringen\n"
    )

    report = acme_linter.lint_message(message)

    assert [(f.part, f.text, f.lang) for f in report.findings] == [
        ("Subject", "eigen risico", "nl"),
        ("text/plain", "eigen risico", "nl"),
    ]


def test_lint_message_reads_an_email_message_built_in_python(acme_linter: Linter) -> None:
    message = EmailMessage()
    message["Subject"] = "Ihre Selbstbeteiligung"
    message["Content-Language"] = "de"
    message.set_content("Ihre Selbstbeteiligung beträgt 300 €.\n")
    message.add_alternative('<p lang="de">Ihre <b>Selbstbeteiligung</b> beträgt 300&nbsp;€.</p>\n', subtype="html")
    message.add_attachment("Selbstbeteiligung: 300 €", filename="vertrag.txt")

    report = acme_linter.lint_message(message, path="outbox/4711.eml")

    assert spans(report) == [
        ("Subject", 1, 6, "Selbstbeteiligung", "jargon:deductible"),
        ("text/plain", 1, 6, "Selbstbeteiligung", "jargon:deductible"),
        ("text/html", 1, 22, "Selbstbeteiligung", "jargon:deductible"),
    ]
    assert report.path == "outbox/4711.eml"
    assert_offsets_point_at_text(report)


def test_several_parts_of_one_type_are_numbered_and_broken_input_is_reported(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(BROKEN)

    assert spans(report) == [
        ("Subject", 1, 6, "claim", "jargon:claim"),
        ("text/plain", 3, 23, "claim", "jargon:claim"),
        ("text/plain", 3, 46, "MTA", "jargon:mta"),
        ("text/plain#2", 3, 6, "claim", "jargon:claim"),
        ("text/plain#2", 3, 40, "excess", "jargon:deductible"),
        ("text/plain#2", 6, 6, "Claim", "jargon:claim"),  # "Claims" lost its last letter with the base64
        ("text/plain#3", 3, 18, "résiliation", "jargon:resiliation"),
        ("text/plain#3", 3, 54, "Nous nous excusons pour la gêne occasionnée", "canned:sorry-inconvenience"),
    ]
    shown = str(BROKEN)
    assert report.problems == (
        f"{shown}: Subject: unknown charset 'x-unknown-8'; read as utf-8",
        f"{shown}: text/plain part: unknown charset 'x-mac-klingon'; read as utf-8",
        f"{shown}: line 21: text/plain#2 part: broken base64: characters that are not base64 were skipped; the text near them may be garbled",
        f"{shown}: line 22: text/plain#2 part: broken base64: the body is cut short; its last bytes are lost",
        f"{shown}: text/plain#3 part: not valid utf-8 (first bad byte on line 3 of the part); read as windows-1252",
    )
    assert [f.lang for f in report.findings if f.part == "text/plain#3"] == ["fr", "fr"]  # the part's Content-Language
    assert_offsets_point_at_text(report)


def test_multipart_without_its_boundary_is_a_problem_not_a_crash(acme_linter: Linter) -> None:
    raw = (
        b"Subject: Your claim\n"
        b'Content-Type: multipart/alternative; boundary="never-used"\n\n'
        b"--something-else\nContent-Type: text/plain\n\nYour claim was approved.\n"
    )
    message = email.message_from_bytes(raw, policy=email.policy.compat32)

    report = acme_linter.lint_message(message)

    assert spans(report) == [("Subject", 1, 6, "claim", "jargon:claim")]
    assert report.problems == ("the multipart/alternative body never uses its boundary, so its parts cannot be told apart; not linted",)


def test_encoded_words_in_several_charsets() -> None:
    text, problems = decode_header_value("=?ISO-8859-1?Q?R=E9siliation?= =?utf-8?B?IGRlIHZvdHJlIGNvbnRyYXQ=?=\r\n (dossier 12)")

    assert text == "Résiliation de votre contrat (dossier 12)"
    assert problems == []


@pytest.mark.parametrize("charset", ["zlib", "base64", "idna", "undefined", "x-user-defined", "utf-7", "", '"'])
def test_charsets_that_are_not_text_encodings_never_crash(charset: str) -> None:
    text, problem = decode_text("Votre résiliation\n".encode("latin-1"), charset)

    assert text == "Votre résiliation\n"
    assert problem is not None and problem.endswith("read as windows-1252")


def test_a_body_line_is_named_in_the_message_when_base64_is_broken() -> None:
    lines = DUTCH.read_bytes().split(b"\r\n")
    body = next(n for n, line in enumerate(lines) if line.startswith(b"QmVzdGUg"))
    lines[body + 3] = lines[body + 3][:10] + b"%%" + lines[body + 3][10:]

    (_, plain) = read_email_bytes(b"\r\n".join(lines))

    assert plain.problems == (
        f"line {body + 4}: text/plain part: broken base64: characters that are not base64 were skipped; the text near them may be garbled",
    )


def test_text_reporter_shows_the_part_and_its_decoded_line(acme_linter: Linter) -> None:
    report = acme_linter.lint_file(FRENCH)
    finding = next(f for f in report.findings if f.part == "text/plain" and f.code == "jargon:policy")

    lines = render_finding(report, finding, color=False)

    assert lines[0] == (f'{FRENCH}:3:150: (text/plain) info [jargon:policy] "police d\'assurance" is jargon: say "votre contrat" [fr]')
    assert lines[2].startswith("3 | Suite à votre déclaration de sinistre du 3 mai")  # decoded, not quoted-printable


_GARBLE = st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.binary(max_size=6), st.integers(0, 8)), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=_GARBLE, which=st.sampled_from([FRENCH, DUTCH, BROKEN]))
def test_garbled_messages_never_crash_and_offsets_stay_in_their_part(
    acme_linter: Linter, edits: list[tuple[int, bytes, int]], which: Path
) -> None:
    data = bytearray(which.read_bytes())
    for position, insert, delete in edits:  # replace a few bytes anywhere: headers, boundaries, base64...
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    # Through the file reader (which locates parts in the raw message) and through lint_message.
    from_file = acme_linter.lint_source(bytes(data).decode("utf-8", errors="surrogateescape"), "garbled.eml")
    from_message = acme_linter.lint_message(email.message_from_bytes(bytes(data), policy=email.policy.compat32))

    assert_offsets_point_at_text(from_file)
    assert_offsets_point_at_text(from_message)
    assert [f.text for f in from_file.findings] == [f.text for f in from_message.findings]
    for finding in from_file.findings:
        assert finding.line >= 1 and finding.column >= 1
