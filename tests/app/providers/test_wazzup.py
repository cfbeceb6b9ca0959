"""Wazzup24 adapter against the fake Wazzup: crmMessageId idempotency, error codes, limits, webhooks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from app.providers.whatsapp.wazzup import Wazzup
from tests.app.providers.kit import config, request, run, send
from tests.fakes.wazzup_server import FakeWazzup

CHANNEL = "9a3c2b7e-8f1d-4c5a-9b2e-1f0a7c3d5e6f"


@pytest.fixture
def server() -> Iterator[FakeWazzup]:
    with FakeWazzup() as srv:
        yield srv


def _cfg(server: FakeWazzup, key=None, channel=CHANNEL) -> ProviderConfig:
    return config("wazzup", server.url, options={"channel_id": channel},
                  secrets={"api_key": key or server.api_key, "webhook_token": "s3cret"})


def _wa(payload=None, message_id="0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", to="+79011112233") -> SendRequest:
    return request(to, payload or {"text": "Здравствуйте! Ваш заказ готов."}, channel="whatsapp", message_id=message_id)


def test_sends_text_with_crm_message_id(server: FakeWazzup) -> None:
    [result] = send(Wazzup, _cfg(server), _wa())
    [(chat, text, crm, message_id)] = server.received
    assert (result.outcome, result.provider_message_id) == (Outcome.ACCEPTED, message_id)
    [wire] = server.requests_to("/v3/message")
    assert wire.headers["authorization"] == "Bearer wz-key"
    assert wire.json == {"channelId": CHANNEL, "chatType": "whatsapp", "chatId": "79011112233",
                         "crmMessageId": "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", "text": "Здравствуйте! Ваш заказ готов."}


def test_waba_template(server: FakeWazzup) -> None:
    send(Wazzup, _cfg(server), _wa({"template_id": "tpl-1", "template_values": ["Анна", "12 марта"]}))
    body = server.requests[0].json
    assert (body["templateId"], body["templateValues"]) == ("tpl-1", ["Анна", "12 марта"]) and "text" not in body


def test_resend_within_a_minute_is_a_duplicate_not_a_second_message(server: FakeWazzup) -> None:
    send(Wazzup, _cfg(server), _wa())
    [again] = send(Wazzup, _cfg(server), _wa())
    assert again.outcome is Outcome.DUPLICATE and again.code == "REPEATED_CRM_MESSAGE_ID"
    assert len(server.received) == 1


def test_timeout_then_retry_is_caught_by_crm_message_id(server: FakeWazzup) -> None:
    server.faults.accept_then_hang(times=1)
    [first] = send(Wazzup, _cfg(server), _wa(), timeout=0.5)
    [second] = send(Wazzup, _cfg(server), _wa())
    assert (first.outcome, second.outcome) == (Outcome.UNKNOWN, Outcome.DUPLICATE)
    assert len(server.received) == 1


@pytest.mark.parametrize(("setup", "outcome", "code"), [
    (lambda s: s.bad_contacts.add("79011112233"), Outcome.PERMANENT, "BAD_CONTACT"),
    (lambda s: setattr(s, "balance_empty", True), Outcome.ACCOUNT, "BALANCE_IS_EMPTY"),
    (lambda s: s.channels.update({CHANNEL: "blocked"}), Outcome.ACCOUNT, "CHANNEL_BLOCKED")])
def test_error_codes(server: FakeWazzup, setup, outcome, code) -> None:
    setup(server)
    [result] = send(Wazzup, _cfg(server), _wa())
    assert (result.outcome, result.code) == (outcome, code)


def test_invalid_data_and_unknown_channel(server: FakeWazzup) -> None:
    [result] = send(Wazzup, _cfg(server, channel="nope"), _wa())
    assert (result.outcome, result.code) == (Outcome.ACCOUNT, "CHANNEL_NOT_FOUND")
    [result] = send(Wazzup, _cfg(server), _wa(to="+"))
    assert result.outcome is Outcome.PERMANENT and "chatId" in result.error


def test_rate_limit_waits_five_seconds(server: FakeWazzup) -> None:
    server.limit_per_5s = 1
    send(Wazzup, _cfg(server), _wa(message_id="a" * 32))
    [result] = send(Wazzup, _cfg(server), _wa(message_id="b" * 32))
    assert (result.outcome, result.retry_after) == (Outcome.TRANSIENT, 5.0)


def test_bad_key_server_error_and_invalid_json(server: FakeWazzup) -> None:
    [result] = send(Wazzup, _cfg(server, key="bad"), _wa())
    assert result.outcome is Outcome.ACCOUNT
    server.faults.fail(500, b"", times=1)
    assert send(Wazzup, _cfg(server), _wa(message_id="c" * 32))[0].outcome is Outcome.UNKNOWN
    server.faults.fail(201, b"<html>", times=1)
    assert send(Wazzup, _cfg(server), _wa(message_id="d" * 32))[0].outcome is Outcome.UNKNOWN


def test_check_finds_the_channel(server: FakeWazzup) -> None:
    assert "is active" in run(Wazzup, _cfg(server), lambda a: a.check())
    with pytest.raises(ProviderAuth, match="no channel"):
        run(Wazzup, _cfg(server, channel="other"), lambda a: a.check())


def test_webhook_statuses_need_the_url_token(server: FakeWazzup) -> None:
    adapter = Wazzup(_cfg(server))
    url = "https://engine.shop.example/hooks/wazzup?token=s3cret"
    updates = adapter.parse_callback(InboundCallback("POST", url, {}, server.webhook("m-1", "sent", "read", "error")))
    assert [(u.provider_message_id, u.status) for u in updates] == [
        ("m-1", DeliveryStatus.SENT), ("m-1", DeliveryStatus.READ), ("m-1", DeliveryStatus.FAILED)]
    assert updates[2].code == "BAD_CONTACT"
    assert adapter.parse_callback(InboundCallback("POST", url, {}, b'{"test": true}')) == []
    with pytest.raises(CallbackRejected):
        adapter.parse_callback(InboundCallback("POST", url.replace("s3cret", "guess"), {}, server.webhook("m-1", "read")))


def test_webhook_ignores_non_delivery_statuses(server: FakeWazzup) -> None:
    adapter = Wazzup(_cfg(server))
    url = "https://engine.shop.example/hooks/wazzup?token=s3cret"
    assert adapter.parse_callback(InboundCallback("POST", url, {}, server.webhook("m-2", "edited"))) == []
