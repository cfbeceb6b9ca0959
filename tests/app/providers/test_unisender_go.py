"""Unisender Go adapter against the fake service: wire payload, per-address refusals, faults, callbacks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.providers.base import DeliveryStatus, Outcome, ProviderConfig
from app.providers.email.unisender_go import UnisenderGo
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from tests.app.providers.kit import config, request, run, send
from tests.fakes.unisender_go_server import PREFIX, FakeUnisenderGo

LETTER = {"subject": "Новинки недели", "text": "Здравствуйте", "html": "<p>Здравствуйте</p>",
          "from_addr": "Магазин <news@shop.example>",
          "headers": {"List-Unsubscribe": "<https://shop.example/u/t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}}


@pytest.fixture
def server() -> Iterator[FakeUnisenderGo]:
    with FakeUnisenderGo() as srv:
        yield srv


def _cfg(server: FakeUnisenderGo, key=None) -> ProviderConfig:
    return config("unisender-go", server.url + PREFIX, secrets={"api_key": key or server.api_key})


def test_sends_documented_payload_with_metadata(server: FakeUnisenderGo) -> None:
    [result] = send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER))
    [letter] = server.received
    assert (result.outcome, result.provider_message_id) == (Outcome.ACCEPTED, letter["job_id"])
    [wire] = server.requests_to(PREFIX + "/email/send.json")
    assert wire.headers["x-api-key"] == "ug-test-key"
    assert wire.json == {"message": {
        "recipients": [{"email": "ivan@example.org",
                        "metadata": {"kaskad_id": "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", "kaskad_outbox": "7"}}],
        "subject": "Новинки недели", "body": {"plaintext": "Здравствуйте", "html": "<p>Здравствуйте</p>"},
        "from_email": "news@shop.example", "from_name": "Магазин",
        "headers": {"List-Unsubscribe": "<https://shop.example/u/t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}}}


@pytest.mark.parametrize(("reason", "outcome", "suppress"), [
    ("unsubscribed", Outcome.PERMANENT, True), ("permanent_unavailable", Outcome.PERMANENT, True),
    ("invalid", Outcome.PERMANENT, False), ("temporary_unavailable", Outcome.TRANSIENT, False)])
def test_refusal_inside_http_200_is_per_recipient(server: FakeUnisenderGo, reason, outcome, suppress) -> None:
    server.failed_emails["ivan@example.org"] = reason
    [result] = send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER))
    assert (result.outcome, result.code, result.suppress) == (outcome, reason, suppress)
    assert server.received == []


def test_wrong_key_is_account_level_and_check_works(server: FakeUnisenderGo) -> None:
    [result] = send(UnisenderGo, _cfg(server, "bad"), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "API key invalid" in result.error
    assert "owner@shop.example" in run(UnisenderGo, _cfg(server), lambda a: a.check())


def test_wrong_base_url_is_account_level(server: FakeUnisenderGo) -> None:
    cfg = config("unisender-go", server.url + "/v1", secrets={"api_key": server.api_key})
    [result] = send(UnisenderGo, cfg, request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "base URL" in result.error


@pytest.mark.parametrize(("status", "outcome"), [(429, Outcome.TRANSIENT), (500, Outcome.UNKNOWN),
                                                 (400, Outcome.PERMANENT)])
def test_http_errors(server: FakeUnisenderGo, status, outcome) -> None:
    server.faults.fail(status, {"status": "error", "message": "x", "code": 999}, times=1)
    [result] = send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is outcome


def test_invalid_json_and_timeout_are_unknown(server: FakeUnisenderGo) -> None:
    server.faults.fail(200, b"{oops", times=1)
    [result] = send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.UNKNOWN
    server.faults.accept_then_hang(times=1)
    [result] = send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN and len(server.received) == 1


def test_callback_auth_and_statuses(server: FakeUnisenderGo) -> None:
    send(UnisenderGo, _cfg(server), request("ivan@example.org", LETTER))
    letter = server.received[0]
    adapter = UnisenderGo(_cfg(server))
    body = server.callback(letter, "delivered", "opened", "hard_bounced", delivery_status="err_user_unknown")
    updates = adapter.parse_callback(InboundCallback("POST", "https://h.example/ug", {}, body))
    assert [u.status for u in updates] == [DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED]
    assert [u.suppress for u in updates] == [False, False, True]
    assert {u.message_id for u in updates} == {"0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"}
    assert updates[2].detail.startswith("err_user_unknown")
    with pytest.raises(CallbackRejected):
        adapter.parse_callback(InboundCallback("POST", "https://h.example/ug", {}, body.replace(b"opened", b"clicked")))


def test_fetch_suppressions_wire_format_and_mapping(server: FakeUnisenderGo) -> None:
    from datetime import UTC, datetime, timedelta, timezone

    stamp = datetime(2026, 11, 20, 9, 30, tzinfo=UTC).timestamp()
    server.suppress("old@example.org", "unsubscribed", stamp - 86400)
    server.suppress("Ivan@Example.org", "unsubscribed", stamp + 60)
    server.suppress("gone@example.org", "permanent_unavailable", stamp + 120, source="system")
    server.suppress("full@example.org", "temporary_unavailable", stamp + 180, source="system")
    server.suppress("spam@example.org", "complained", stamp + 240)
    since = datetime(2026, 11, 20, 12, 30, tzinfo=timezone(timedelta(hours=3)))  # = 09:30 UTC
    found = run(UnisenderGo, _cfg(server), lambda a: a.fetch_suppressions(since))
    [asked] = server.requests
    assert asked.path == PREFIX + "/suppression/list.json" and asked.method == "POST"
    assert asked.json == {"limit": 50, "start_time": "2026-11-20 09:30:00"}
    assert [(s.address, s.reason) for s in found] == [
        ("ivan@example.org", "unsubscribed"), ("gone@example.org", "bounced"), ("full@example.org", "soft_bounce"),
        ("spam@example.org", "complained")]
    assert found[0].at == datetime(2026, 11, 20, 9, 31, tzinfo=UTC)
    assert found[1].detail == "permanent_unavailable (system)"


def test_fetch_suppressions_error_answers(server: FakeUnisenderGo) -> None:
    from app.errors import ProviderAuth, ProviderTemporary

    with pytest.raises(ProviderAuth):
        run(UnisenderGo, _cfg(server, "wrong"), lambda a: a.fetch_suppressions())
    server.faults.fail(status=503, body={"status": "error", "message": "Service unavailable", "code": 503}, times=1)
    with pytest.raises(ProviderTemporary):
        run(UnisenderGo, _cfg(server), lambda a: a.fetch_suppressions())
    server.faults.fail(status=200, body={"status": "error", "message": "Too many requests", "code": 429}, times=1)
    with pytest.raises(ValueError, match="Too many requests"):
        run(UnisenderGo, _cfg(server), lambda a: a.fetch_suppressions())
