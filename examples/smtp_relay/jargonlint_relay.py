#!/usr/bin/env python3
"""An SMTP relay that lints every message with jargonlint before passing it on.

Outgoing mail goes through it on its way to the real mail server (or, for trying it out,
into a local maildir or mbox). Each message is linted by ONE shared ``Linter`` (built once
at start-up: it is thread-safe) and either

- passed on with an ``X-Jargonlint`` header summing up the findings:
  ``X-Jargonlint: findings=3; errors=0; warnings=2; info=1; lang=fr; ids=canned:...,jargon:...``
- or, with ``--reject-on warning|error``, refused with ``550 5.7.1`` when it has findings
  at or above that severity, so the sending application sees the error at once.

A message the linter cannot handle is never refused nor lost: it is passed on with
``X-Jargonlint: error=...``. The relay removes any ``X-Jargonlint`` header the message
already had, so downstream filters can trust the header.

    python examples/smtp_relay/jargonlint_relay.py --listen 127.0.0.1:8025 --downstream mail.internal:25
    python examples/smtp_relay/jargonlint_relay.py --listen 127.0.0.1:8025 --maildir ./linted --reject-on error
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import mailbox
import re
import signal
import smtplib
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from aiosmtpd.controller import Controller

from jargonlint import Finding, Linter, Report, Severity

HEADER = "X-Jargonlint"
MAX_IDS = 25  # keeps the header well under the 998 characters a line of mail may have
_LINE_LENGTH = 78  # where the header is folded (RFC 5322 recommends 78)
_OWN_HEADER = re.compile(rb"^x-jargonlint[ \t]*:", re.IGNORECASE)


# -- the header and the verdict --------------------------------------------------------------


def distinct_problems(report: Report) -> list[Finding]:
    """The findings of a message, counting once a problem that its text/plain and text/html
    versions both have: per (Subject or body, code, text), the most any one part has."""
    per_part: dict[tuple[str | None, tuple[bool, str, str]], list[Finding]] = {}
    for finding in report.findings:
        key = (finding.part == "Subject", finding.code, " ".join(finding.text.split()).casefold())
        per_part.setdefault((finding.part, key), []).append(finding)
    kept: dict[tuple[bool, str, str], list[Finding]] = {}
    for (_, key), findings in per_part.items():
        if len(findings) > len(kept.get(key, [])):
            kept[key] = findings
    chosen = {id(f) for findings in kept.values() for f in findings}
    return [f for f in report.findings if id(f) in chosen]


def summary(report: Report) -> str:
    """``findings=3; errors=0; warnings=2; info=1; lang=fr; ids=canned:fr-...,jargon:...``

    A multipart/alternative message says everything twice (text and HTML): each problem
    is counted once."""
    problems = distinct_problems(report)
    counts = Counter(f.severity for f in problems)
    codes = list(dict.fromkeys(f.code for f in problems))  # distinct, in the order of the message
    ids = ",".join(codes[:MAX_IDS]) + (f",+{len(codes) - MAX_IDS}" if len(codes) > MAX_IDS else "")
    fields = [
        f"findings={len(problems)}",
        f"errors={counts[Severity.ERROR]}",
        f"warnings={counts[Severity.WARNING]}",
        f"info={counts[Severity.INFO]}",
        f"lang={report.language}",
    ]
    return "; ".join([*fields, f"ids={ids}"] if ids else fields)


def _ascii(text: str, limit: int = 300) -> str:
    """One line of printable ASCII: what a header or an SMTP reply may carry."""
    flat = " ".join(text.split()).encode("ascii", "backslashreplace").decode("ascii")
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def header_line(value: str) -> bytes:
    """``X-Jargonlint: value`` folded at ``; `` (the ids list never contains a space) and CRLF-ended."""
    lines = [f"{HEADER}:"]
    for piece in re.split(r"(?<=;) ", value):
        if len(lines[-1]) + 1 + len(piece) > _LINE_LENGTH and lines[-1] != f"{HEADER}:":
            lines.append("")
        lines[-1] += " " + piece
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def with_header(data: bytes, value: str) -> bytes:
    """The message with our header first and any ``X-Jargonlint`` it came with removed."""
    # The header block ends at the first empty line; each of its lines keeps its line ending.
    blank = re.search(rb"\r?\n(?=\r?\n)", data)
    end = blank.end() if blank else len(data)
    head, body = data[:end], data[end:]
    kept: list[bytes] = []
    dropping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t") and dropping:  # a folded continuation of a dropped header
            continue
        dropping = bool(_OWN_HEADER.match(line))
        if not dropping:
            kept.append(line)
    return header_line(value) + b"".join(kept) + body


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to do with one message: refuse it with ``reply``, or pass ``data`` on."""

    header: str  # the X-Jargonlint value
    data: bytes  # the message with the header
    reply: str | None = None  # "550 5.7.1 ..." when refused
    report: Report | None = None


def inspect(linter: Linter, data: bytes, reject_on: Severity | None = None) -> Verdict:
    """Lint one message (the bytes received) and decide. Never raises for a bad message."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        report = linter.lint_message(message)
    except Exception as exc:  # noqa: BLE001 - JargonlintError or a broken message: pass it on rather than drop it
        value = f"error={_ascii(f'{type(exc).__name__}: {exc}')}"
        return Verdict(value, with_header(data, value))
    value = summary(report)
    if reject_on is not None:
        blocking = report.at_or_above(reject_on)
        if blocking:
            codes = ", ".join(dict.fromkeys(f.code for f in blocking))
            noun = "finding" if len(blocking) == 1 else "findings"
            reply = _ascii(f"550 5.7.1 Rejected by jargonlint: {len(blocking)} {noun} at or above {reject_on.label} ({codes})", 500)
            return Verdict(value, data, reply, report)
    return Verdict(value, with_header(data, value), None, report)


# -- where linted messages go ----------------------------------------------------------------


class Delivery(Protocol):
    """Passes one message on; raises ``OSError`` or ``smtplib.SMTPException`` if it cannot."""

    def __call__(self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, mail_options: Sequence[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class SMTPDelivery:
    """To the next mail server (one connection per message: simple and robust)."""

    host: str
    port: int = 25
    timeout: float = 60.0

    def __call__(self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, mail_options: Sequence[str]) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.sendmail(mail_from, list(rcpt_tos), data, mail_options=list(mail_options))


class MailboxDelivery:
    """Into a local maildir or mbox file (to try the relay without a mail server)."""

    def __init__(self, box: mailbox.Mailbox[Any]) -> None:
        self._box = box
        self._lock = threading.Lock()  # a Mailbox object is not safe to share between threads

    def __call__(self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, mail_options: Sequence[str]) -> None:
        with self._lock:
            self._box.lock()
            try:
                self._box.add(data)
                self._box.flush()
            finally:
                self._box.unlock()


# -- the SMTP side ---------------------------------------------------------------------------


class JargonlintRelay:
    """An aiosmtpd handler: lint each message with one shared Linter, then refuse or deliver it.

    Linting and delivery run in a thread pool, so a long letter never stalls the other
    connections; the Linter is built once and shared by all threads.
    """

    def __init__(self, linter: Linter, deliver: Delivery, *, reject_on: Severity | None = None, threads: int = 4) -> None:
        self.linter = linter
        self.deliver = deliver
        self.reject_on = reject_on
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="jargonlint")

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content if envelope.original_content is not None else bytes(envelope.content)
        loop = asyncio.get_running_loop()
        verdict = await loop.run_in_executor(self._pool, inspect, self.linter, data, self.reject_on)
        if verdict.reply is not None:
            return verdict.reply
        try:
            await loop.run_in_executor(self._pool, self.deliver, envelope.mail_from, envelope.rcpt_tos, verdict.data, envelope.mail_options)
        except (OSError, smtplib.SMTPException) as exc:
            # Temporary: the sending server keeps the message and tries again later.
            return _ascii(f"451 4.4.1 Linted, but not passed on: {type(exc).__name__}: {exc}", 500)
        return _ascii(f"250 2.0.0 OK ({HEADER}: {verdict.header})", 500)

    def close(self) -> None:
        """Wait for the messages being handled, then stop the threads."""
        self._pool.shutdown(wait=True)


def start(relay: JargonlintRelay, host: str, port: int) -> Controller:
    """Listen on host:port in a background thread (aiosmtpd's Controller); ``stop()`` it when done."""
    controller = Controller(relay, hostname=host, port=port, ready_timeout=60, enable_SMTPUTF8=True)
    controller.start()
    return controller


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]"), int(port)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--listen", type=_address, default=("127.0.0.1", 8025), metavar="HOST:PORT", help="where to accept mail [127.0.0.1:8025]"
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--downstream", type=_address, metavar="HOST:PORT", help="the mail server to pass messages to")
    where.add_argument("--maildir", type=Path, metavar="DIR", help="deliver into this maildir instead (created if missing)")
    where.add_argument("--mbox", type=Path, metavar="FILE", help="deliver into this mbox file instead")
    parser.add_argument(
        "--reject-on", choices=[s.label for s in Severity], help="refuse (550 5.7.1) messages with findings at or above this severity"
    )
    parser.add_argument("-g", "--glossary", action="append", default=[], metavar="PATH", help="organisation glossary (repeatable)")
    parser.add_argument("--config", metavar="FILE", help="a jargonlint.toml or pyproject.toml to take the settings from")
    parser.add_argument("--no-builtin", action="store_true", help="do not load the built-in glossaries")
    parser.add_argument("--preload", nargs="*", default=[], metavar="LANG", help="load these languages at start, not with the first letter")
    parser.add_argument("--threads", type=int, default=4, help="messages linted at once [4]")
    args = parser.parse_args(argv)

    linter = Linter.from_config(args.config) if args.config else Linter(args.glossary, builtin=not args.no_builtin)
    for lang in args.preload:
        linter.lint("Bonjour.", lang=lang)  # the first letter in a language loads its data: do it now
    deliver: Delivery
    if args.downstream:
        deliver = SMTPDelivery(*args.downstream)
    elif args.maildir:
        deliver = MailboxDelivery(mailbox.Maildir(args.maildir, create=True))
    else:
        deliver = MailboxDelivery(mailbox.mbox(args.mbox, create=True))
    relay = JargonlintRelay(linter, deliver, reject_on=Severity.parse(args.reject_on) if args.reject_on else None, threads=args.threads)
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # before listening: a stop request is never lost
        signal.signal(signum, lambda *_: stopped.set())
    controller = start(relay, *args.listen)
    print(f"jargonlint relay listening on {args.listen[0]}:{args.listen[1]}", file=sys.stderr)
    stopped.wait()
    controller.stop()
    relay.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
