"""SendGrid adapter against the fake SendGrid: wire payload, fault classification, Event Webhook."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.providers.base import DeliveryStatus, Outcome, ProviderConfig
from app.providers.email.sendgrid import SendGrid
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from tests.app.providers.kit import closed_port_url, config, request, run, send
from tests.fakes.sendgrid_server import FakeSendGrid

LETTER = {"subject": "Зимняя распродажа", "text": "Привет, Иван", "html": "<p>Привет, Иван</p>",
          "from_addr": "Магазин <news@shop.example>", "reply_to": "help@shop.example",
          "headers": {"List-Unsubscribe": "<https://shop.example/u/tok>",
                      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Subject": "ignored"}}


@pytest.fixture
def server() -> Iterator[FakeSendGrid]:
    with FakeSendGrid() as srv:
        yield srv


def _cfg(server: FakeSendGrid, **secrets) -> ProviderConfig:
    return config("sendgrid", server.url, secrets={"api_key": server.api_key, **secrets})


def test_sends_documented_payload_and_stores_x_message_id(server: FakeSendGrid) -> None:
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCEPTED
    [letter] = server.received
    assert result.provider_message_id == letter["x_message_id"]
    [wire] = server.requests_to("/v3/mail/send")
    assert wire.method == "POST" and wire.headers["authorization"] == "Bearer SG.test-key"
    assert wire.json == {
        "personalizations": [{"to": [{"email": "ivan@example.org"}],
                              "custom_args": {"kaskad_id": "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", "kaskad_outbox": "7"}}],
        "from": {"email": "news@shop.example", "name": "Магазин"},
        "reply_to": {"email": "help@shop.example"},
        "subject": "Зимняя распродажа",
        "content": [{"type": "text/plain", "value": "Привет, Иван"}, {"type": "text/html", "value": "<p>Привет, Иван</p>"}],
        "headers": {"List-Unsubscribe": "<https://shop.example/u/tok>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    }


def test_rate_limit_waits_until_x_ratelimit_reset(server: FakeSendGrid) -> None:
    reset = server.rate_limit(30)
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.TRANSIENT and result.code == "429"
    assert reset - time.time() - 2 <= result.retry_after <= reset - time.time() + 1
    assert server.received == []


def test_retry_after_header_wins_when_present(server: FakeSendGrid) -> None:
    server.faults.fail(429, {"errors": [{"message": "too many requests"}]}, headers={"Retry-After": "7"}, times=1)
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER))
    assert (result.outcome, result.retry_after) == (Outcome.TRANSIENT, 7.0)


def test_bad_key_is_account_level_with_sendgrids_message(server: FakeSendGrid) -> None:
    [result] = send(SendGrid, config("sendgrid", server.url, secrets={"api_key": "wrong"}),
                    request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "authorization required" in result.error


def test_missing_key_is_account_level_without_a_request(server: FakeSendGrid) -> None:
    [result] = send(SendGrid, config("sendgrid", server.url), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "api_key" in result.error
    assert server.requests == []


def test_validation_error_is_permanent_with_field(server: FakeSendGrid) -> None:
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", {**LETTER, "subject": ""}))
    assert result.outcome is Outcome.PERMANENT and result.code == "400"
    assert "subject is required" in result.error


def test_no_sender_is_permanent_before_sending(server: FakeSendGrid) -> None:
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", {"subject": "s", "text": "t"}))
    assert result.outcome is Outcome.PERMANENT and "sender" in result.error
    assert server.requests == []


@pytest.mark.parametrize(("status", "outcome"), [(500, Outcome.UNKNOWN), (503, Outcome.TRANSIENT),
                                                 (502, Outcome.TRANSIENT)])
def test_server_errors(server: FakeSendGrid, status, outcome) -> None:
    server.faults.fail(status, b"", times=1)
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is outcome


def test_hang_after_request_is_unknown_and_slow_answer_is_fine(server: FakeSendGrid) -> None:
    server.faults.accept_then_hang(times=1)
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN and len(server.received) == 1
    server.faults.delay = 0.2
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", LETTER), timeout=1.0)
    assert result.outcome is Outcome.ACCEPTED


def test_connect_refused_is_certainly_unsent() -> None:
    [result] = send(SendGrid, config("sendgrid", closed_port_url(), secrets={"api_key": "k"}),
                    request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.TRANSIENT and result.reached is False


def test_check_reports_missing_mail_send_scope(server: FakeSendGrid) -> None:
    assert "may send mail" in run(SendGrid, _cfg(server), lambda a: a.check())
    server.scopes = ["user.profile.read"]
    with pytest.raises(Exception, match="mail.send"):
        run(SendGrid, _cfg(server), lambda a: a.check())


def _callback(body: bytes, headers: dict) -> InboundCallback:
    return InboundCallback("POST", "https://hooks.example/sendgrid", headers, body)


def test_event_webhook_statuses_carry_our_id_and_suppression(server: FakeSendGrid) -> None:
    send(SendGrid, _cfg(server), request("ivan@example.org", LETTER))
    letter = server.received[0]
    body = server.events(letter, "processed", "delivered", "open", "spamreport")
    adapter = SendGrid(_cfg(server, webhook_public_key=server.public_key_b64))
    updates = adapter.parse_callback(_callback(body, server.sign(body)))
    assert [u.status for u in updates] == [DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ,
                                           DeliveryStatus.DELIVERED]
    assert {u.message_id for u in updates} == {"0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"}
    assert {u.provider_message_id for u in updates} == {letter["x_message_id"]}
    assert [u.suppress for u in updates] == [False, False, False, True]
    assert len({u.event_id for u in updates}) == 4


def test_bounce_suppresses_but_blocked_does_not(server: FakeSendGrid) -> None:
    letter = {"x_message_id": "abc", "to": ["ivan@example.org"], "custom_args": {"kaskad_id": "m1"}}
    adapter = SendGrid(_cfg(server))
    hard = adapter.parse_callback(_callback(server.events(letter, "bounce", type="bounce", reason="550 5.1.1 no user"), {}))
    soft = adapter.parse_callback(_callback(server.events(letter, "bounce", type="blocked", reason="421 try later"), {}))
    assert (hard[0].status, hard[0].suppress, hard[0].detail) == (DeliveryStatus.FAILED, True, "550 5.1.1 no user")
    assert (soft[0].status, soft[0].suppress) == (DeliveryStatus.FAILED, False)


def test_tampered_or_unsigned_event_webhook_is_rejected(server: FakeSendGrid) -> None:
    letter = {"x_message_id": "abc", "to": ["ivan@example.org"], "custom_args": {"kaskad_id": "m1"}}
    body = server.events(letter, "delivered")
    adapter = SendGrid(_cfg(server, webhook_public_key=server.public_key_b64))
    headers = server.sign(body)
    with pytest.raises(CallbackRejected):
        adapter.parse_callback(_callback(body.replace(b"delivered", b"bounce"), headers))
    with pytest.raises(CallbackRejected):
        adapter.parse_callback(_callback(body, {}))


def test_html_only_letter_has_no_empty_text_part(server: FakeSendGrid) -> None:
    html_only = {k: v for k, v in LETTER.items() if k != "text"}
    [result] = send(SendGrid, _cfg(server), request("ivan@example.org", html_only))
    assert result.outcome is Outcome.ACCEPTED
    assert server.requests[0].json["content"] == [{"type": "text/html", "value": "<p>Привет, Иван</p>"}]


def test_suppressions_synced_from_sendgrid(server: FakeSendGrid) -> None:
    now = int(time.time())
    server.suppressions["unsubscribes"] = [{"created": now - 10, "email": "Anna@Example.org"},
                                           {"created": now - 90000, "email": "old@example.org"}]
    server.suppressions["bounces"] = [{"created": now - 5, "email": "gone@example.org", "reason": "550 5.1.1 unknown",
                                       "status": "5.1.1"}]
    server.suppressions["spam_reports"] = [{"created": now, "email": "angry@example.org", "ip": "10.63.202.100"}]
    since = datetime.fromtimestamp(now - 3600, UTC)
    found = run(SendGrid, _cfg(server), lambda a: a.fetch_suppressions(since))
    assert [(s.address, s.reason, s.detail) for s in found] == [
        ("anna@example.org", "unsubscribed", ""), ("gone@example.org", "bounced", "550 5.1.1 unknown"),
        ("angry@example.org", "complained", "")]
    assert server.requests_to("/v3/suppression/bounces")[0].query == {
        "limit": "500", "offset": "0", "start_time": str(now - 3600)}
