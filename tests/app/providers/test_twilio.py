"""Twilio adapter against the fake Twilio: form wire body, error codes, polling, signed callbacks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.sms.twilio import Twilio
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from tests.app.providers.kit import config, request, run, send
from tests.fakes.twilio_server import FakeTwilio

HOOK = "https://engine.shop.example/status/twilio"


@pytest.fixture
def server() -> Iterator[FakeTwilio]:
    with FakeTwilio() as srv:
        yield srv


def _cfg(server: FakeTwilio, token=None, **options) -> ProviderConfig:
    return config("twilio", server.url, options={"account_sid": server.account_sid, "from": "+15017122661",
                                                 "status_callback": HOOK, **options},
                  secrets={"auth_token": token or server.auth_token})


def _sms(to="+79991234567", text="Ваш заказ готов") -> SendRequest:
    return request(to, {"text": text}, channel="sms")


def test_sends_form_and_stores_sid(server: FakeTwilio) -> None:
    [result] = send(Twilio, _cfg(server), _sms())
    assert result.outcome is Outcome.ACCEPTED and re.fullmatch(r"SM[0-9a-f]{32}", result.provider_message_id)
    assert result.segments == 1
    [wire] = server.requests_to(f"/2010-04-01/Accounts/{server.account_sid}/Messages.json")
    assert wire.form_lists == {"To": ["+79991234567"], "Body": ["Ваш заказ готов"], "From": ["+15017122661"],
                               "StatusCallback": [HOOK]}
    assert wire.headers["content-type"] == "application/x-www-form-urlencoded"


def test_messaging_service_replaces_from(server: FakeTwilio) -> None:
    send(Twilio, _cfg(server, messaging_service_sid="MG" + "1" * 32), _sms())
    assert server.requests[0].form["MessagingServiceSid"] == "MG" + "1" * 32 and "From" not in server.requests[0].form


@pytest.mark.parametrize(("to", "code", "outcome", "suppress"), [
    ("+79990000001", 21610, Outcome.PERMANENT, True), ("+79990000002", 21614, Outcome.PERMANENT, False),
    ("79991234567", 21211, Outcome.PERMANENT, False)])
def test_recipient_errors(server: FakeTwilio, to, code, outcome, suppress) -> None:
    server.bad_numbers.update({"+79990000001": 21610, "+79990000002": 21614})
    [result] = send(Twilio, _cfg(server), _sms(to))
    assert (result.outcome, result.code, result.suppress) == (outcome, str(code), suppress)


def test_bad_token_is_account_level(server: FakeTwilio) -> None:
    [result] = send(Twilio, _cfg(server, token="wrong"), _sms())
    assert result.outcome is Outcome.ACCOUNT and server.received == []
    assert "Shop account" in run(Twilio, _cfg(server), lambda a: a.check())


def test_too_many_requests_and_server_errors(server: FakeTwilio) -> None:
    server.faults.fail(429, {"code": 20429, "message": "Too Many Requests", "status": 429},
                       headers={"Retry-After": "2"}, times=1)
    [result] = send(Twilio, _cfg(server), _sms())
    assert (result.outcome, result.retry_after) == (Outcome.TRANSIENT, 2.0)
    server.faults.fail(500, {"code": 20500, "message": "Internal Server Error", "status": 500}, times=1)
    [result] = send(Twilio, _cfg(server), _sms())
    assert result.outcome is Outcome.UNKNOWN
    server.faults.fail(201, b"not json", times=1)
    [result] = send(Twilio, _cfg(server), _sms())
    assert result.outcome is Outcome.UNKNOWN


def test_timeout_after_accept_is_unknown(server: FakeTwilio) -> None:
    server.faults.accept_then_hang(times=1)
    [result] = send(Twilio, _cfg(server), _sms(), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN and len(server.received) == 1


def test_polls_status_by_sid(server: FakeTwilio) -> None:
    sid = send(Twilio, _cfg(server), _sms())[0].provider_message_id
    server.statuses[sid] = "undelivered"
    [update] = run(Twilio, _cfg(server), lambda a: a.fetch_statuses([(sid, "+79991234567")]))
    assert (update.provider_message_id, update.status) == (sid, DeliveryStatus.FAILED)


def test_signed_status_callback(server: FakeTwilio) -> None:
    sid = send(Twilio, _cfg(server), _sms())[0].provider_message_id
    adapter = Twilio(_cfg(server))
    body, headers = server.status_callback(HOOK, sid, "delivered")
    [update] = adapter.parse_callback(InboundCallback("POST", HOOK, headers, body))
    assert (update.provider_message_id, update.status, update.address) == (sid, DeliveryStatus.DELIVERED, "+79991234567")
    body, headers = server.status_callback(HOOK, sid, "undelivered", error_code="21610")
    [update] = adapter.parse_callback(InboundCallback("POST", HOOK, headers, body))
    assert (update.status, update.code, update.suppress) == (DeliveryStatus.FAILED, "21610", True)
    # Twilio may sign the URL with the default port spelled out.
    body, headers = server.status_callback("https://engine.shop.example:443/status/twilio", sid, "read")
    assert adapter.parse_callback(InboundCallback("POST", HOOK, headers, body))[0].status is DeliveryStatus.READ


def test_forged_status_callback_is_rejected(server: FakeTwilio) -> None:
    sid = send(Twilio, _cfg(server), _sms())[0].provider_message_id
    body, headers = server.status_callback(HOOK, sid, "delivered")
    with pytest.raises(CallbackRejected):
        Twilio(_cfg(server)).parse_callback(InboundCallback("POST", HOOK, headers, body.replace(b"delivered", b"read")))
    with pytest.raises(CallbackRejected):
        Twilio(_cfg(server)).parse_callback(InboundCallback("POST", HOOK + "?x=1", headers, body))
