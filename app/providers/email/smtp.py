"""SMTP via aiosmtplib: STARTTLS or implicit TLS, a small pool of reused connections.

aiosmtplib connects, greets, upgrades to TLS, logs in and keeps the connections; each letter's
transaction (MAIL, RCPT, DATA, the letter) is written straight to its protocol, step by step,
so the outcome is exact: a refusal or a dropped connection before the letter is written means
certainly unsent (safe to retry on a fresh connection); a drop or timeout after it is the
RFC 1047 window → `unknown`. The letter bytes from `build_mime` are already in DATA form, so
no per-letter line-ending or dot-stuffing pass runs (perf.md §5: CPU per letter, not the
network, limits a local relay).
Replies: 4xx transient, 5xx permanent (5.1.x also suppresses the address), and the codes
that concern the whole sender (auth failures, 5.7.26 unauthenticated, 4.7.28 bulk rules,
a refused sender address) are account-level: the campaign pauses.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence
from typing import ClassVar

import aiosmtplib
import httpx

from app.errors import ProviderAuth, ProviderTemporary
from app.providers.base import (
    ProviderConfig,
    SendRequest,
    SendResult,
    StatusUpdate,
    UnsupportedFeature,
    register,
)
from app.providers.email.message import build_letter, envelope_address, from_address, smtp_address

__all__ = ["Smtp", "classify_reply"]

_ACCOUNT_MARKERS = ("5.7.26", "4.7.28", "5.7.1 authentication", "5.7.8", "5.7.0 authentication")


def classify_reply(code: int, message: str, *, stage: str) -> SendResult:
    """Outcome for an SMTP error reply `code` at `stage` ("mail", "rcpt", "data")."""
    text = f"SMTP {code} {message}".strip()
    lowered = message.lower()
    if code in (530, 535, 534) or any(m in lowered for m in _ACCOUNT_MARKERS):
        return SendResult.account(f"the mail server refused our sender: {text}", str(code))
    if stage == "mail" and code >= 500:
        return SendResult.account(f"the mail server refused the sender address: {text}", str(code))
    if 400 <= code < 500:
        return SendResult.transient(text, str(code), reached=stage != "data")
    hard_bounce = stage == "rcpt" and (code in (550, 551, 553) or "5.1." in message)
    return SendResult.permanent(text, str(code), suppress=hard_bounce)


@register
class Smtp:
    """An SMTP relay account.

    Options: host, port (587 STARTTLS / 465 SSL / 25), security ("starttls", "ssl", "none"),
    username, from, connections (pool size, default 5), timeout (s), validate_certs.
    Secret: password.
    """

    type: ClassVar[str] = "smtp"
    channel: ClassVar[str] = "email"
    max_batch: ClassVar[int] = 1
    idempotent: ClassVar[bool] = False
    polls_status: ClassVar[bool] = False

    def __init__(self, config: ProviderConfig, *, http: httpx.AsyncClient | None = None) -> None:
        self.config = config
        self.size = int(config.option("connections", 5))
        self.timeout = float(config.option("timeout", 30))
        self._eight_bit = False  # whether the last connection offered 8BITMIME
        self._idle: list[aiosmtplib.SMTP] = []  # most recently used last
        self._slots: asyncio.Semaphore | None = None

    # -- connections ----------------------------------------------------------------------
    def _client(self) -> aiosmtplib.SMTP:
        security = str(self.config.option("security", "starttls")).lower()
        port = int(self.config.option("port", 465 if security == "ssl" else 587 if security == "starttls" else 25))
        validate = str(self.config.option("validate_certs", "true")).lower() not in ("0", "false", "no")
        username = self.config.option("username")
        return aiosmtplib.SMTP(
            hostname=self.config.option("host", "localhost"), port=port,
            username=username, password=self.config.secret("password") if username else None,
            use_tls=security == "ssl", start_tls=True if security == "starttls" else False,
            validate_certs=validate, timeout=self.timeout)

    async def _acquire(self) -> aiosmtplib.SMTP:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        await self._slots.acquire()
        while self._idle:
            client = self._idle.pop()
            if client.is_connected:
                return client
        client = self._client()
        try:
            await client.connect()
            if client.is_ehlo_or_helo_needed:  # plain SMTP: connect() greets only for TLS/AUTH
                try:
                    await client.ehlo()
                except aiosmtplib.SMTPHeloError:
                    await client.helo()
        except BaseException:
            client.close()
            self._slots.release()
            raise
        _small_reads(client)
        return client

    def _release(self, client: aiosmtplib.SMTP, reusable: bool) -> None:
        assert self._slots is not None
        if reusable and client.is_connected:
            self._idle.append(client)
        else:
            client.close()
        self._slots.release()

    # -- sending --------------------------------------------------------------------------
    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        return [await self._send_one(request) for request in batch]

    async def _send_one(self, request: SendRequest) -> SendResult:
        sender = from_address(request, self.config.options)
        if not sender:
            return SendResult.account("no sender address: set --option from=... on the SMTP provider")
        try:
            envelope_from, utf8_from = smtp_address(envelope_address(sender))
        except ValueError as exc:
            return SendResult.account(f"the sender address is not usable: {exc}")
        # Built for what the server offered last time (8BITMIME or not), rebuilt if this
        # connection differs; build_mime output is wire-ready DATA.
        eight_bit = self._eight_bit
        try:
            to, utf8_to = smtp_address(request.to)
            data = build_letter(request, sender, to=to, eight_bit=eight_bit) + b".\r\n"
        except ValueError as exc:
            return SendResult.permanent(f"the letter cannot be sent: {exc}", "letter")
        utf8 = utf8_from or utf8_to
        rcpt = b"RCPT TO:<" + to.encode() + b">\r\n"
        for attempt in range(2):  # one silent retry when a pooled connection went stale
            try:
                client = await self._acquire()
            except ProviderAuth as exc:
                return SendResult.account(str(exc))
            except aiosmtplib.SMTPAuthenticationError as exc:
                return SendResult.account(f"the mail server refused the login: {exc.code} {exc.message}", str(exc.code))
            except aiosmtplib.SMTPResponseException as exc:
                return SendResult.transient(f"SMTP {exc.code} {exc.message}", str(exc.code), reached=False)
            except (aiosmtplib.SMTPException, OSError, ssl.SSLError) as exc:
                return SendResult.transient(f"cannot connect to the mail server: {exc}", "connect", reached=False)
            reusable = False
            try:
                if utf8 and not client.supports_extension("smtputf8"):
                    reusable = True
                    return SendResult.permanent(
                        "the address is not in Latin letters and the mail server does not accept such "
                        "addresses (no SMTPUTF8)", "smtputf8")
                if client.supports_extension("8bitmime") != eight_bit:
                    eight_bit = self._eight_bit = not eight_bit
                    data = build_letter(request, sender, to=to, eight_bit=eight_bit) + b".\r\n"
                mail = b"".join((b"MAIL FROM:<", envelope_from.encode(), b">", b" BODY=8BITMIME" if eight_bit else b"",
                                 b" SMTPUTF8" if utf8 else b"", b"\r\n"))
                refusal = await _transaction(client, mail, rcpt, data, self.timeout)
                reusable = True
                if refusal is None:
                    return SendResult.accepted(request.message_id)
                stage, code, message = refusal
                if code == 421:  # the server is closing this connection
                    reusable = False
                else:
                    await _reset(client)
                return classify_reply(code, message, stage=stage)
            except _Broken as broken:
                if broken.body_sent:
                    return SendResult.unknown(f"the mail server connection broke during DATA: {broken.reason}",
                                              "data")
                if attempt == 1:
                    return SendResult.transient(f"the mail server closed the connection: {broken.reason}",
                                                "disconnect", reached=False)
            finally:
                self._release(client, reusable)
        return SendResult.transient("the mail server closed the connection", "disconnect", reached=False)

    async def check(self) -> str:
        client = self._client()
        try:
            await client.connect()
            await client.noop()
        except aiosmtplib.SMTPAuthenticationError as exc:
            raise ProviderAuth(f"the mail server refused the login: {exc.code} {exc.message}") from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise ProviderTemporary(f"cannot connect to the mail server: {exc}") from exc
        finally:
            client.close()
        return f"SMTP: connected to {self.config.option('host', 'localhost')}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        raise UnsupportedFeature("SMTP has no delivery statuses; bounces arrive by mail")

    async def aclose(self) -> None:
        while self._idle:
            client = self._idle.pop()
            try:
                await asyncio.wait_for(client.quit(), 2)
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                client.close()


def _small_reads(client: aiosmtplib.SMTP) -> None:
    """Read replies in 16 KiB chunks instead of asyncio's 256 KiB.

    Every `recv(256 KiB)` allocates (and gives back) a 256 KiB buffer for a 30-byte reply;
    that cost ~13 µs per read here, 4 reads a letter. Replies are short, and a longer one
    simply arrives in several reads. Only plain-socket transports have `max_size` (TLS reads
    into a buffer the SSL layer keeps).
    """
    transport = client.transport
    if transport is not None and isinstance(getattr(transport, "max_size", None), int):
        transport.max_size = 16 * 1024  # type: ignore[union-attr]


async def _reset(client: aiosmtplib.SMTP) -> None:
    try:
        await client.rset()
    except (aiosmtplib.SMTPException, OSError):
        client.close()


class _Broken(Exception):
    """The connection failed mid-transaction; `body_sent`: the letter may have been delivered."""

    def __init__(self, reason: BaseException, body_sent: bool) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.body_sent = body_sent


class _Deadline:
    """Aborts the connection when a reply is `timeout` s overdue: one timer per letter, not per reply.

    (aiosmtplib wraps every reply in `asyncio.wait_for`, a timer and a future each time.)
    `touch()` at every write restarts the clock; the timer re-arms itself when it fires early.
    """

    __slots__ = ("client", "expired", "handle", "loop", "mark", "timeout")

    def __init__(self, client: aiosmtplib.SMTP, timeout: float) -> None:
        self.client, self.timeout, self.expired = client, timeout, False
        self.loop = asyncio.get_running_loop()
        self.mark = self.loop.time()
        self.handle = self.loop.call_at(self.mark + timeout, self._check)

    def touch(self) -> None:
        self.mark = self.loop.time()

    def _check(self) -> None:
        due = self.mark + self.timeout
        if self.loop.time() < due:
            self.handle = self.loop.call_at(due, self._check)
            return
        self.expired = True
        transport = self.client.transport
        if transport is not None:
            transport.abort()  # the pending read fails with SMTPServerDisconnected at once

    def cancel(self) -> None:
        self.handle.cancel()


async def _transaction(client: aiosmtplib.SMTP, mail: bytes, rcpt: bytes, data: bytes,
                       timeout: float) -> tuple[str, int, str] | None:
    """MAIL, RCPT, DATA and the letter on one connection; None when accepted, else the refusal.

    Written straight to aiosmtplib's protocol (its command lock and reply bookkeeping kept):
    `data` is already in wire form (`build_mime` output + ".\r\n"), so the library's per-letter
    line-ending and dot-stuffing regular expressions are skipped. Raises `_Broken` when the
    connection drops or a reply is `timeout` seconds late; the connection is closed then.
    """
    protocol = client.protocol
    lock = protocol._command_lock if protocol is not None else None
    if protocol is None or lock is None:
        raise _Broken(aiosmtplib.SMTPServerDisconnected("not connected"), False)
    body_sent = False
    deadline = _Deadline(client, timeout)
    try:
        async with lock:
            for stage, line, good in (("mail", mail, 250), ("rcpt", rcpt, 250), ("data", b"DATA\r\n", 354)):
                protocol._response_pending = True  # a reply is due: keep it, don't discard it
                deadline.touch()
                protocol.write(line)
                reply = await protocol.read_response(timeout=None)
                if reply.code != good and not (stage == "rcpt" and reply.code == 251):
                    return stage, reply.code, reply.message
            protocol._response_pending = True
            deadline.touch()
            body_sent = True
            protocol.write(data)
            reply = await protocol.read_response(timeout=None)
            return None if reply.code == 250 else ("data", reply.code, reply.message)
    except (aiosmtplib.SMTPException, OSError) as exc:  # dropped, timed out or unreadable reply
        client.close()
        reason: BaseException = exc
        if deadline.expired:
            reason = aiosmtplib.SMTPReadTimeoutError(f"no reply from the mail server in {timeout:g} s")
        raise _Broken(reason, body_sent) from exc
    finally:
        deadline.cancel()
