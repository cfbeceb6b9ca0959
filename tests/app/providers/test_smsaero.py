"""SMS Aero adapter against the fake gate: JSON wire body, HTTP-200 errors, faults, status polling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.sms.smsaero import SmsAero
from tests.app.providers.kit import config, request, run, send
from tests.fakes.smsaero_server import FakeSmsAero

SMS = {"text": "Скидка 20% до воскресенья"}


@pytest.fixture
def server() -> Iterator[FakeSmsAero]:
    with FakeSmsAero() as srv:
        yield srv


def _cfg(server: FakeSmsAero, **options) -> ProviderConfig:
    return config("smsaero", server.url + "/v2", options={"email": server.email, "sign": "SHOP", **options},
                  secrets={"api_key": server.api_key})


def _sms(to="+79031234567") -> SendRequest:
    return request(to, SMS, channel="sms")


def test_sends_json_with_basic_auth_and_stores_id_and_cost(server: FakeSmsAero) -> None:
    [result] = send(SmsAero, _cfg(server), _sms())
    assert (result.outcome, result.provider_message_id, result.cost) == (Outcome.ACCEPTED, "12345", 5.49)
    [wire] = server.requests_to("/v2/sms/send")
    assert wire.json == {"number": 79031234567, "sign": "SHOP", "text": "Скидка 20% до воскресенья"}
    assert wire.headers["authorization"].startswith("Basic ")
    assert server.received == [("79031234567", "Скидка 20% до воскресенья", "SHOP", 12345)]


def test_test_mode_uses_testsend(server: FakeSmsAero) -> None:
    send(SmsAero, _cfg(server, test="1"), _sms())
    assert len(server.requests_to("/v2/sms/testsend")) == 1 and server.requests_to("/v2/sms/send") == []


def test_errors_inside_http_200_are_classified(server: FakeSmsAero) -> None:
    [result] = send(SmsAero, _cfg(server, sign="NOTAPPROVED"), _sms())
    assert result.outcome is Outcome.ACCOUNT and "Sign is not approved" in result.error
    server.balance = 0
    [result] = send(SmsAero, _cfg(server), _sms())
    assert result.outcome is Outcome.ACCOUNT and "money" in result.error
    server.balance = 10
    server.reject["79031234567"] = "number in the stop list"
    [result] = send(SmsAero, _cfg(server), _sms())
    assert result.outcome is Outcome.PERMANENT and "stop list" in result.error
    [result] = send(SmsAero, _cfg(server), _sms("+7903"))
    assert result.outcome is Outcome.PERMANENT and "Invalid number" in result.error
    assert server.received == []


def test_bad_credentials_are_account_level(server: FakeSmsAero) -> None:
    cfg = config("smsaero", server.url + "/v2", options={"email": server.email}, secrets={"api_key": "x"})
    [result] = send(SmsAero, cfg, _sms())
    assert result.outcome is Outcome.ACCOUNT
    with pytest.raises(ProviderAuth):
        run(SmsAero, cfg, lambda a: a.check())
    assert "337.03" in run(SmsAero, _cfg(server), lambda a: a.check())


@pytest.mark.parametrize(("status", "body", "outcome"), [
    (429, b"", Outcome.TRANSIENT), (502, b"", Outcome.TRANSIENT), (500, b"", Outcome.UNKNOWN),
    (200, b"<html>", Outcome.UNKNOWN)])
def test_faults(server: FakeSmsAero, status, body, outcome) -> None:
    server.faults.fail(status, body, headers={"Retry-After": "3"} if status == 429 else {}, times=1)
    [result] = send(SmsAero, _cfg(server), _sms())
    assert result.outcome is outcome
    if status == 429:
        assert result.retry_after == 3.0


def test_slow_answer_is_accepted_hang_is_unknown(server: FakeSmsAero) -> None:
    server.faults.delay = 0.2
    [result] = send(SmsAero, _cfg(server), _sms())
    assert result.outcome is Outcome.ACCEPTED
    server.faults.clear()
    server.faults.accept_then_hang(times=1)
    [result] = send(SmsAero, _cfg(server), _sms(), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN and len(server.received) == 2


def test_status_polling(server: FakeSmsAero) -> None:
    first = send(SmsAero, _cfg(server), _sms())[0].provider_message_id
    second = send(SmsAero, _cfg(server), _sms("+79990000001"))[0].provider_message_id
    server.statuses[int(second)] = 2
    pairs = [(first, "+79031234567"), ("999", "+79990000009"), (second, "+79990000001")]
    updates = run(SmsAero, _cfg(server), lambda a: a.fetch_statuses(pairs))
    assert [(u.provider_message_id, u.status, u.code) for u in updates] == [
        (first, DeliveryStatus.DELIVERED, "1"), ("999", DeliveryStatus.UNKNOWN, "not found"),
        (second, DeliveryStatus.FAILED, "2")]
    [wire] = server.requests_to("/v2/sms/status")[:1]
    assert wire.json == {"id": int(first)}
