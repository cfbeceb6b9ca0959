"""SMTP via aiosmtplib: STARTTLS or implicit TLS, a small pool of reused connections.

The SMTP transaction is driven step by step (MAIL, RCPT, DATA) so the outcome is exact:
a refusal or a dropped connection before DATA means certainly unsent (safe to retry on a
fresh connection); a drop or timeout during DATA is the RFC 1047 window → `unknown`.
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
from app.providers.email.message import build_letter, envelope_address, from_address

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
        self._idle: asyncio.LifoQueue[aiosmtplib.SMTP] | None = None
        self._open = 0
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
            validate_certs=validate, timeout=float(self.config.option("timeout", 30)))

    async def _acquire(self) -> aiosmtplib.SMTP:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
            self._idle = asyncio.LifoQueue()
        await self._slots.acquire()
        assert self._idle is not None
        while not self._idle.empty():
            client = self._idle.get_nowait()
            if client.is_connected:
                return client
        client = self._client()
        try:
            await client.connect()
        except BaseException:
            self._slots.release()
            raise
        return client

    def _release(self, client: aiosmtplib.SMTP, reusable: bool) -> None:
        assert self._idle is not None and self._slots is not None
        if reusable and client.is_connected:
            self._idle.put_nowait(client)
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
        envelope_from = envelope_address(sender)
        data = build_letter(request, sender)
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
            stage, reusable = "mail", True
            try:
                await client.mail(envelope_from)
                stage = "rcpt"
                await client.rcpt(request.to)
                stage = "data"
                await client.data(data)
                return SendResult.accepted(request.message_id)
            except aiosmtplib.SMTPResponseException as exc:
                reusable = exc.code != 421
                if reusable:
                    await _reset(client)
                return classify_reply(exc.code, exc.message, stage=stage)
            except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, OSError) as exc:
                reusable = False
                if stage == "data":
                    return SendResult.unknown(f"the mail server connection broke during DATA: {exc}", "data")
                if attempt == 1:
                    return SendResult.transient(f"the mail server closed the connection: {exc}", "disconnect",
                                                reached=False)
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
        if self._idle is not None:
            while not self._idle.empty():
                client = self._idle.get_nowait()
                try:
                    await asyncio.wait_for(client.quit(), 2)
                except (aiosmtplib.SMTPException, OSError, TimeoutError):
                    client.close()


async def _reset(client: aiosmtplib.SMTP) -> None:
    try:
        await client.rset()
    except (aiosmtplib.SMTPException, OSError):
        client.close()
