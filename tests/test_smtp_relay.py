"""The SMTP relay example (examples/smtp_relay), run for real on loopback: smtplib sends to the
relay, the relay lints with one shared Linter and passes messages to a downstream aiosmtpd
sink, or refuses them."""

from __future__ import annotations

import email
import email.policy
import mailbox
import queue
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from jargonlint import Linter, LintError, Severity

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples" / "smtp_relay"))
import jargonlint_relay as relay_module  # the example is a script, not a package
from jargonlint_relay import JargonlintRelay, MailboxDelivery, SMTPDelivery

TIMEOUT = 60  # seconds: every wait is bounded; the linter's first French letter loads the French data

FRENCH_PLAIN = """\
Madame Dubois,

Nous avons bien reçu votre déclaration du 12 mars concernant le dégât des eaux dans votre cuisine.
Nous nous excusons pour la gêne occasionnée par le retard de notre expert.

La franchise prévue par votre contrat est de 150 euros.

N'hésitez pas à nous contacter pour toute question.

Claire Martin
Acme Assurances
"""
FRENCH_HTML = """\
<html lang="fr"><body>
<p>Madame Dubois,</p>
<p>Nous avons bien reçu votre déclaration du 12 mars concernant le dégât des eaux dans votre cuisine.
Nous nous excusons pour la gêne occasionnée par le retard de notre expert.</p>
<p>La franchise prévue par votre contrat est de 150 euros.</p>
<p>N'hésitez pas à nous contacter pour toute question.</p>
<p>Claire Martin<br>Acme Assurances</p>
</body></html>
"""
CLEAN_ENGLISH = """\
Dear Mr Patel,

Your new kitchen cover starts on 1 April. It costs £4.20 more each month,
taken with your usual payment.

If anything is unclear, call Sam on 020 7946 0123, Monday to Friday.

Sam Okafor
"""
ERROR_ENGLISH = """\
Dear Mr Patel,

We have processed the MTA on your home cover. Your new price starts on 1 April.

Sam Okafor
"""
FRENCH_HEADER = "findings=3; errors=0; warnings=3; info=0; lang=fr; ids=canned:sorry-inconvenience,jargon:deductible,canned:do-not-hesitate"


def free_port() -> int:
    """A port nobody listens on now (aiosmtpd's Controller needs a number, not 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def french_multipart() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Acme Assurances <clients@acme-assurances.example>"
    message["To"] = "Claire Dubois <claire.dubois@example.fr>"
    message["Subject"] = "Votre dossier n° 2024-1187"
    message["Content-Language"] = "fr"
    message.set_content(FRENCH_PLAIN)
    message.add_alternative(FRENCH_HTML, subtype="html")
    return message


def plain(subject: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Acme Insurance <customers@acme.example>"
    message["To"] = "Ravi Patel <ravi@example.co.uk>"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def wire(message: EmailMessage) -> bytes:
    """The bytes a server receives for ``message`` (CRLF line endings)."""
    return message.as_bytes(policy=email.policy.SMTP)


class Sink:
    """The downstream mail server: keeps what it receives."""

    def __init__(self) -> None:
        self.received: queue.Queue[Any] = queue.Queue()
        self.port = free_port()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.put(envelope)
        return "250 2.0.0 Delivered"

    def next(self) -> Any:
        return self.received.get(timeout=TIMEOUT)


class Running:
    """A relay on loopback in front of ``deliver``; stopped when the test ends."""

    def __init__(self, linter: Any, deliver: Any, reject_on: Severity | None = None) -> None:
        self.relay = JargonlintRelay(linter, deliver, reject_on=reject_on)
        self.port = free_port()
        self.controller = relay_module.start(self.relay, "127.0.0.1", self.port)

    def send(self, message: EmailMessage, to: str = "ravi@example.co.uk") -> dict[str, tuple[int, bytes]]:
        with smtplib.SMTP("127.0.0.1", self.port, timeout=TIMEOUT) as client:
            return client.send_message(message, to_addrs=[to])

    def stop(self) -> None:
        self.controller.stop()
        self.relay.close()


@pytest.fixture(scope="module")
def sink() -> Iterator[Sink]:
    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port, ready_timeout=60)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture(scope="module")
def relay(acme_linter: Linter, sink: Sink) -> Iterator[Running]:
    """Refuses messages with errors; passes the others on to the sink with the header."""
    running = Running(acme_linter, SMTPDelivery("127.0.0.1", sink.port, timeout=TIMEOUT), reject_on=Severity.ERROR)
    yield running
    running.stop()


def test_a_french_multipart_letter_is_passed_on_with_a_summary_of_its_findings(relay: Running, sink: Sink) -> None:
    message = french_multipart()
    sent = wire(message)  # (fixes the MIME boundary)

    refused = relay.send(message, to="claire.dubois@example.fr")

    assert refused == {}
    received = sink.next()
    assert received.rcpt_tos == ["claire.dubois@example.fr"]
    assert received.mail_from == "clients@acme-assurances.example"
    # The header first, folded at "; ", then the message exactly as sent.
    assert received.original_content == (
        b"X-Jargonlint: findings=3; errors=0; warnings=3; info=0; lang=fr;\r\n"
        b" ids=canned:sorry-inconvenience,jargon:deductible,canned:do-not-hesitate\r\n" + sent
    )
    parsed = email.message_from_bytes(received.original_content, policy=email.policy.default)
    assert parsed["X-Jargonlint"] == FRENCH_HEADER
    assert parsed.get_body(("plain",)).get_content().replace("\r\n", "\n") == FRENCH_PLAIN  # type: ignore[union-attr]


def test_a_clean_letter_gets_a_header_with_no_findings(relay: Running, sink: Sink) -> None:
    relay.send(plain("Your kitchen cover", CLEAN_ENGLISH))

    parsed = email.message_from_bytes(sink.next().original_content, policy=email.policy.default)
    assert parsed["X-Jargonlint"] == "findings=0; errors=0; warnings=0; info=0; lang=en"
    assert parsed["Subject"] == "Your kitchen cover"


def test_a_letter_with_an_error_is_refused_with_550(relay: Running, sink: Sink) -> None:
    with pytest.raises(smtplib.SMTPDataError) as refused:
        relay.send(plain("Your home cover", ERROR_ENGLISH))

    assert refused.value.smtp_code == 550
    assert refused.value.smtp_error == b"5.7.1 Rejected by jargonlint: 1 finding at or above error (jargon:mta)"
    assert sink.received.empty()


def test_a_header_the_message_came_with_is_replaced(relay: Running, sink: Sink) -> None:
    relay.send(plain("Your kitchen cover", CLEAN_ENGLISH, X_Jargonlint="findings=0; trusted=yes"))

    parsed = email.message_from_bytes(sink.next().original_content, policy=email.policy.default)
    assert parsed.get_all("X-Jargonlint") == ["findings=0; errors=0; warnings=0; info=0; lang=en"]


def test_one_shared_linter_serves_many_connections_at_once(relay: Running, sink: Sink) -> None:
    messages = [french_multipart() if i % 2 else plain(f"Your kitchen cover {i}", CLEAN_ENGLISH) for i in range(8)]

    with ThreadPoolExecutor(8) as clients:
        assert list(clients.map(relay.send, messages)) == [{}] * 8

    headers = sorted(email.message_from_bytes(sink.next().original_content, policy=email.policy.default)["X-Jargonlint"] for _ in messages)
    assert headers == ["findings=0; errors=0; warnings=0; info=0; lang=en"] * 4 + [FRENCH_HEADER] * 4


class BrokenLinter:
    """A linter that fails, as a bug in it would."""

    def lint_message(self, message: Any, **options: Any) -> Any:
        raise LintError("internal error while linting text: IndexError('list index out of range')")


def test_a_linter_failure_passes_the_message_on_with_the_error(sink: Sink) -> None:
    broken = Running(BrokenLinter(), SMTPDelivery("127.0.0.1", sink.port, timeout=TIMEOUT), reject_on=Severity.INFO)
    try:
        message = plain("Your kitchen cover", CLEAN_ENGLISH)
        assert broken.send(message) == {}
        received = sink.next()
    finally:
        broken.stop()

    # Not refused although reject_on=info: a failure of the linter says nothing about the letter.
    assert received.original_content == (
        b"X-Jargonlint: error=LintError: internal error while linting text: IndexError('list index out of range')\r\n" + wire(message)
    )


def test_a_downstream_server_that_is_down_gets_a_temporary_failure(acme_linter: Linter) -> None:
    nowhere = Running(acme_linter, SMTPDelivery("127.0.0.1", free_port(), timeout=5))
    try:
        with pytest.raises(smtplib.SMTPDataError) as deferred:
            nowhere.send(plain("Your kitchen cover", CLEAN_ENGLISH))
    finally:
        nowhere.stop()

    assert deferred.value.smtp_code == 451
    assert deferred.value.smtp_error.startswith(b"4.4.1 Linted, but not passed on: ConnectionRefusedError")


def test_delivery_into_a_maildir(acme_linter: Linter, tmp_path: Path) -> None:
    local = Running(acme_linter, MailboxDelivery(mailbox.Maildir(tmp_path / "linted", create=True)))
    try:
        local.send(french_multipart())
    finally:
        local.stop()

    (stored,) = (tmp_path / "linted" / "new").iterdir()
    assert email.message_from_bytes(stored.read_bytes(), policy=email.policy.default)["X-Jargonlint"] == FRENCH_HEADER


def test_the_command_line_relay_delivers_into_a_maildir_and_stops_on_sigterm(tmp_path: Path, acme_glossary: Path) -> None:
    port = free_port()
    script = Path(relay_module.__file__)
    command = [sys.executable, str(script), "--listen", f"127.0.0.1:{port}", "--maildir", str(tmp_path / "linted")]
    process = subprocess.Popen([*command, "--no-builtin", "-g", str(acme_glossary)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180  # a fresh process imports spaCy and loads the glossary first
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "the relay did not start"
                time.sleep(0.2)
        with smtplib.SMTP("127.0.0.1", port, timeout=TIMEOUT) as client:
            client.send_message(french_multipart())
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=TIMEOUT)

    assert process.returncode == 0
    assert errors == f"jargonlint relay listening on 127.0.0.1:{port}\n"
    (stored,) = (tmp_path / "linted" / "new").iterdir()
    assert email.message_from_bytes(stored.read_bytes(), policy=email.policy.default)["X-Jargonlint"] == FRENCH_HEADER
