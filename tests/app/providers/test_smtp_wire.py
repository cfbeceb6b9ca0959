"""SMTP adapter's own transaction code against a scripted aiosmtpd: timeouts, drops, 421, addresses."""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from typing import Any

from aiosmtpd.controller import Controller

from app.providers.base import Outcome, ProviderConfig, SendRequest
from app.providers.email.smtp import Smtp
from tests.fakes.smtp_sink import free_port


class Scripted:
    """aiosmtpd handler: counts connections (EHLOs), stalls or drops on request, scripted RCPT replies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connections = 0
        self.stall: dict[str, float] = {}  # stage ("mail", "data") → seconds to wait before replying
        self.close_on_mail = 0  # close the next N connections when MAIL arrives, without a reply
        self.rcpt_replies: dict[str, str] = {}
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses: list) -> list:
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        if self.close_on_mail:
            self.close_on_mail -= 1
            server.transport.close()
            return "250 OK"  # never reaches the client
        await asyncio.sleep(self.stall.get("mail", 0))
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(self.stall.get("data", 0))
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 OK"


class Server:
    def __init__(self, *, smtputf8: bool = False) -> None:
        self.handler = Scripted(free_port())
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.handler.port,
                                     enable_SMTPUTF8=smtputf8)

    def __enter__(self) -> Scripted:
        self.controller.start()
        return self.handler

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def provider(port: int, **options: object) -> Smtp:
    return Smtp(ProviderConfig("mail", "smtp", options={"host": "127.0.0.1", "port": port, "security": "none",
                                                          "from": "Магазин <news@shop.ru>", "connections": 1,
                                                          **options}))


def letter(i: int, to: str | None = None, **payload: object) -> SendRequest:
    return SendRequest(outbox_id=i, message_id=f"{i:032x}", channel="email", to=to or f"c{i}@example.org",
                       payload={"subject": "Привет", "text": "Текст", "html": "<p>Текст</p>", **payload},
                       contact_id=i)


def send_all(smtp: Smtp, requests: list[SendRequest]) -> list:
    async def run() -> list:
        try:
            return [r for req in requests for r in await smtp.send([req])]
        finally:
            await smtp.aclose()
    return asyncio.run(run())


def test_no_reply_to_the_letter_is_unknown_within_the_timeout_and_the_next_letter_reconnects() -> None:
    with Server() as server:
        server.stall["data"] = 3
        started = time.monotonic()
        first = send_all(provider(server.port, timeout=0.5), [letter(1)])[0]
        waited = time.monotonic() - started
        server.stall.clear()
        second = send_all(provider(server.port, timeout=5), [letter(2)])[0]
    assert first.outcome is Outcome.UNKNOWN and "0.5 s" in first.error  # it may have been delivered
    assert waited < 2.5
    assert second.outcome is Outcome.ACCEPTED


def test_a_server_silent_before_data_is_retried_once_then_certainly_unsent() -> None:
    with Server() as server:
        server.stall["mail"] = 2
        (result,) = send_all(provider(server.port, timeout=0.3), [letter(1)])
    assert result.outcome is Outcome.TRANSIENT and result.reached is False
    assert server.connections == 2 and server.messages == []


def test_a_connection_dropped_at_mail_gets_one_silent_retry() -> None:
    with Server() as server:
        server.close_on_mail = 1
        (result,) = send_all(provider(server.port), [letter(1)])
    assert result.outcome is Outcome.ACCEPTED
    assert server.connections == 2 and len(server.messages) == 1


def test_421_drops_the_connection_and_a_refusal_keeps_it() -> None:
    with Server() as server:
        server.rcpt_replies["busy@example.org"] = "421 4.7.0 Try again later, closing connection"
        server.rcpt_replies["gone@example.org"] = "550 5.1.1 No such user"
        results = send_all(provider(server.port), [letter(1, "gone@example.org"), letter(2),
                                                   letter(3, "busy@example.org"), letter(4)])
    gone, ok, busy, after = results
    assert gone.outcome is Outcome.PERMANENT and gone.suppress
    assert busy.outcome is Outcome.TRANSIENT and busy.code == "421"
    assert ok.outcome is after.outcome is Outcome.ACCEPTED
    assert server.connections == 2  # RSET kept the first connection after the 550; 421 closed it
    assert [rcpts for _, rcpts, _ in server.messages] == [["c2@example.org"], ["c4@example.org"]]


def test_an_internationalised_domain_is_sent_in_its_ascii_form() -> None:
    with Server() as server:
        (result,) = send_all(provider(server.port), [letter(1, "ivan@пример.рф")])
    assert result.outcome is Outcome.ACCEPTED
    _, rcpts, raw = server.messages[0]
    assert rcpts == ["ivan@xn--e1afmkfd.xn--p1ai"]
    assert email.message_from_bytes(raw, policy=email.policy.default)["To"] == "ivan@xn--e1afmkfd.xn--p1ai"


def test_a_non_latin_mailbox_needs_smtputf8() -> None:
    with Server() as server:
        refused, ok = send_all(provider(server.port), [letter(1, "иван@пример.рф"), letter(2)])
    assert refused.outcome is Outcome.PERMANENT and "SMTPUTF8" in refused.error
    assert ok.outcome is Outcome.ACCEPTED and server.connections == 1
    with Server(smtputf8=True) as server:
        (result,) = send_all(provider(server.port), [letter(1, "иван@пример.рф")])
    assert result.outcome is Outcome.ACCEPTED
    assert server.messages[0][1] == ["иван@xn--e1afmkfd.xn--p1ai"]


def test_addresses_and_headers_that_would_break_the_protocol_never_reach_the_wire() -> None:
    with Server() as server:
        injected, bad_header, ok = send_all(provider(server.port), [
            letter(1, "a@example.org>\r\nRCPT TO:<evil@example.com"),
            letter(2, headers={"X-Bad\r\nBcc": "evil@example.com"}),
            letter(3)])
    assert injected.outcome is Outcome.PERMANENT and bad_header.outcome is Outcome.PERMANENT
    assert ok.outcome is Outcome.ACCEPTED
    assert [rcpts for _, rcpts, _ in server.messages] == [["c3@example.org"]]
