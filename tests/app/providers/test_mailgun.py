"""Mailgun adapter against the fake Mailgun: multipart wire fields, faults, signed webhooks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, Outcome, ProviderConfig
from app.providers.email.mailgun import Mailgun
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from tests.app.providers.kit import config, request, run, send
from tests.fakes.base import Reply
from tests.fakes.mailgun_server import FakeMailgun

LETTER = {"subject": "Скидка 20%", "text": "Привет", "html": "<b>Привет</b>", "reply_to": "help@shop.example",
          "headers": {"List-Unsubscribe": "<https://shop.example/u/t>, <mailto:u@shop.example>",
                      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}}


@pytest.fixture
def server() -> Iterator[FakeMailgun]:
    with FakeMailgun() as srv:
        yield srv


def _cfg(server: FakeMailgun, **options) -> ProviderConfig:
    return config("mailgun", server.url, options={"domain": "mg.shop.example", "from": "Магазин <news@shop.example>",
                                                  **options},
                  secrets={"api_key": server.api_key, "webhook_signing_key": server.signing_key})


def test_sends_multipart_with_headers_and_our_variables(server: FakeMailgun) -> None:
    [result] = send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    [letter] = server.received
    assert result.outcome is Outcome.ACCEPTED
    assert result.provider_message_id == letter["id"] and "<" not in result.provider_message_id
    assert letter["id"].endswith("@mg.shop.example")
    [wire] = server.requests_to("/v3/mg.shop.example/messages")
    assert wire.headers["content-type"].startswith("multipart/form-data")
    assert letter["fields"] == [
        ("from", '"Магазин" <news@shop.example>'), ("to", "ivan@example.org"), ("subject", "Скидка 20%"),
        ("text", "Привет"), ("html", "<b>Привет</b>"), ("h:Reply-To", "help@shop.example"),
        ("h:List-Unsubscribe", "<https://shop.example/u/t>, <mailto:u@shop.example>"),
        ("h:List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("v:kaskad_id", "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"), ("v:kaskad_outbox", "7")]


def test_wrong_key_and_unknown_domain_are_account_level(server: FakeMailgun) -> None:
    bad_key = config("mailgun", server.url, options={"domain": "mg.shop.example", "from": "a@shop.example"},
                     secrets={"api_key": "nope"})
    [result] = send(Mailgun, bad_key, request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "Forbidden" in result.error
    [result] = send(Mailgun, _cfg(server, domain="other.example"), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "Domain not found" in result.error
    with pytest.raises(ProviderAuth, match="does not know"):
        run(Mailgun, _cfg(server, domain="other.example"), lambda a: a.check())
    assert "is active" in run(Mailgun, _cfg(server), lambda a: a.check())


def test_missing_domain_option_stops_before_sending(server: FakeMailgun) -> None:
    cfg = config("mailgun", server.url, options={"from": "a@shop.example"}, secrets={"api_key": server.api_key})
    [result] = send(Mailgun, cfg, request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.ACCOUNT and "domain" in result.error and server.requests == []


def test_bad_request_is_permanent_with_mailguns_message(server: FakeMailgun) -> None:
    [result] = send(Mailgun, _cfg(server), request("", LETTER))
    assert result.outcome is Outcome.PERMANENT and "'to' parameter is missing" in result.error


@pytest.mark.parametrize(("status", "headers", "outcome", "retry"), [
    (429, {"Retry-After": "12"}, Outcome.TRANSIENT, 12.0), (503, {}, Outcome.TRANSIENT, None),
    (500, {}, Outcome.UNKNOWN, None)])
def test_faults(server: FakeMailgun, status, headers, outcome, retry) -> None:
    server.faults.fail(status, {"message": "later"}, headers=headers, times=1)
    [result] = send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    assert (result.outcome, result.retry_after) == (outcome, retry)


def test_invalid_json_with_200_is_unknown(server: FakeMailgun) -> None:
    server.faults.fail(200, b"<html>proxy</html>", times=1)
    [result] = send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    assert result.outcome is Outcome.UNKNOWN and "unreadable" in result.error


def test_hang_is_unknown(server: FakeMailgun) -> None:
    server.faults.hang(times=1)
    [result] = send(Mailgun, _cfg(server), request("ivan@example.org", LETTER), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN


def _hook(body: bytes) -> InboundCallback:
    return InboundCallback("POST", "https://hooks.example/mailgun", {"content-type": "application/json"}, body)


def test_signed_webhooks_map_to_statuses(server: FakeMailgun) -> None:
    send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    letter = server.received[0]
    adapter = Mailgun(_cfg(server))
    [delivered] = adapter.parse_callback(_hook(server.webhook(letter, "delivered")))
    assert delivered.status is DeliveryStatus.DELIVERED
    assert delivered.provider_message_id == letter["id"]
    assert delivered.message_id == "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"
    assert delivered.address == "ivan@example.org" and delivered.event_id
    failed = server.webhook(letter, "failed", severity="permanent", reason="bounce",
                            **{"delivery-status": {"code": 550, "description": "No such user"}})
    [bounce] = adapter.parse_callback(_hook(failed))
    assert (bounce.status, bounce.suppress, bounce.detail, bounce.code) == (
        DeliveryStatus.FAILED, True, "No such user", "failed 550")
    [temp] = adapter.parse_callback(_hook(server.webhook(letter, "failed", severity="temporary")))
    assert (temp.status, temp.suppress) == (DeliveryStatus.SENT, False)
    [complaint] = adapter.parse_callback(_hook(server.webhook(letter, "complained")))
    assert complaint.suppress is True


def test_forged_webhook_is_rejected(server: FakeMailgun) -> None:
    send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    body = json.loads(server.webhook(server.received[0], "delivered"))
    body["signature"]["token"] = "0" * 50
    with pytest.raises(CallbackRejected, match="signature"):
        Mailgun(_cfg(server)).parse_callback(_hook(json.dumps(body).encode()))


def test_statuses_polled_from_the_events_api(server: FakeMailgun) -> None:
    [result] = send(Mailgun, _cfg(server), request("ivan@example.org", LETTER))
    letter = server.received[0]
    server.add_event(letter, "delivered")
    server.add_event(letter, "opened")
    updates = run(Mailgun, _cfg(server), lambda a: a.fetch_statuses([(result.provider_message_id, "ivan@example.org")]))
    assert [u.status for u in updates] == [DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ]
    assert {u.provider_message_id for u in updates} == {letter["id"]}
    [wire] = server.requests_to("/v3/mg.shop.example/events")
    assert wire.query == {"message-id": letter["id"], "ascending": "yes", "limit": "300"}
    assert Mailgun.polls_status is True


def test_suppressions_synced_across_pages(server: FakeMailgun) -> None:
    server.suppressions["unsubscribes"] = [
        {"address": f"user{i}@example.org", "tags": ["*"], "created_at": "Fri, 20 Nov 2026 11:02:55 UTC"}
        for i in range(1500)]
    server.suppressions["bounces"] = [{"address": "gone@example.org", "code": "550", "error": "No such mailbox",
                                       "created_at": "Sat, 21 Nov 2026 08:00:00 UTC"},
                                      {"address": "ancient@example.org", "code": "550", "error": "x",
                                       "created_at": "Mon, 01 Jan 2024 08:00:00 UTC"}]
    server.suppressions["complaints"] = [{"address": "Angry@Example.org", "created_at": "Sun, 22 Nov 2026 09:00:00 UTC"}]
    found = run(Mailgun, _cfg(server), lambda a: a.fetch_suppressions(datetime(2026, 11, 1, tzinfo=UTC)))
    by_reason = {r: [s for s in found if s.reason == r] for r in ("unsubscribed", "bounced", "complained")}
    assert len(by_reason["unsubscribed"]) == 1500 and len({s.address for s in by_reason["unsubscribed"]}) == 1500
    assert [(s.address, s.detail) for s in by_reason["bounced"]] == [("gone@example.org", "No such mailbox")]
    assert [s.address for s in by_reason["complained"]] == ["angry@example.org"]
    assert len(server.requests_to("/v3/mg.shop.example/unsubscribes")) == 3  # 1000 + 500 + empty page


def test_paging_link_to_another_host_is_not_followed(server: FakeMailgun) -> None:
    server.suppressions["complaints"] = [{"address": "a@example.org", "created_at": "Sun, 22 Nov 2026 09:00:00 UTC"}]
    server.faults.hook = lambda req: Reply(200, {"items": [{"address": "x@example.org", "created_at": ""}],
                                                 "paging": {"next": "https://evil.example/steal"}})
    found = run(Mailgun, _cfg(server), lambda a: a.fetch_suppressions())
    assert len(found) == 3 and len(server.requests) == 3
