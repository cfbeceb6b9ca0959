"""Outgoing webhook adapter against a real receiver: signatures, headers, verdicts, SSRF refusal."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.errors import ProviderAuth
from app.providers.base import Outcome, ProviderConfig, SendRequest
from app.providers.webhook.http import MAX_ANSWER, HttpWebhook
from app.providers.webhook.signing import generate_secret, sign, verify
from tests.app.providers.kit import closed_port_url, config, request, run, send
from tests.fakes.webhook_receiver_server import FakeWebhookReceiver

SECRET = "whsec_TWZLUTlyOEdLWXFyVHdqVVBEOElMUFpJbzJMYUxhU3c="
EVENT = {"type": "order.ready", "data": {"order": 1042, "name": "Иван"}}


@pytest.fixture
def server() -> Iterator[FakeWebhookReceiver]:
    with FakeWebhookReceiver(SECRET) as srv:
        yield srv


def _cfg(url, **options) -> ProviderConfig:
    return config("webhook", None, options={"url": url, "allow_local_network": "1", **options},
                  secrets={"signing_secret": SECRET, "header:Authorization": "Bearer crm-token"})


def _event(payload=EVENT, message_id="0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f") -> SendRequest:
    return request("", payload, channel="webhook", message_id=message_id)


def test_standard_webhooks_test_vector() -> None:
    assert sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}') == \
        "v1,ELhqG0Ku1gwOc1f4jyKdp3SFGFLAOdJ9bvpWLciCakI="
    headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
               "webhook-signature": "v1,wrong v1,ELhqG0Ku1gwOc1f4jyKdp3SFGFLAOdJ9bvpWLciCakI="}
    assert verify(SECRET, headers, b'{"test": 2432232314}', now=1614265330 + 60)
    assert not verify(SECRET, headers, b'{"test": 2432232314}', now=1614265330 + 600)
    assert generate_secret().startswith("whsec_") and generate_secret() != generate_secret()


def test_posts_signed_json_with_custom_headers(server: FakeWebhookReceiver) -> None:
    [result] = send(HttpWebhook, _cfg(server.url + "/hooks/kaskad?src=1", **{"header:X-Shop": "42"}), _event())
    assert (result.outcome, result.provider_message_id) == (Outcome.ACCEPTED, "msg_0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f")
    [wire] = server.requests
    assert (wire.path, wire.query) == ("/hooks/kaskad", {"src": "1"})
    assert wire.headers["authorization"] == "Bearer crm-token" and wire.headers["x-shop"] == "42"
    assert wire.headers["content-type"] == "application/json"
    assert wire.headers["host"] == server.url.removeprefix("http://")
    body = json.loads(wire.body)
    assert body["type"] == "order.ready" and body["data"] == {"order": 1042, "name": "Иван"}
    assert body["timestamp"].endswith("Z")
    assert b" " not in wire.body.replace("Иван".encode(), b"")  # minified: the exact signed bytes
    assert verify(SECRET, wire.headers, wire.body)


def test_retry_keeps_webhook_id_so_the_receiver_dedupes(server: FakeWebhookReceiver) -> None:
    server.faults.accept_then_hang(times=1)
    [first] = send(HttpWebhook, _cfg(server.url), _event(), timeout=0.5)
    [second] = send(HttpWebhook, _cfg(server.url), _event())
    assert (first.outcome, second.outcome) == (Outcome.UNKNOWN, Outcome.ACCEPTED)
    assert HttpWebhook.idempotent is True
    assert server.deliveries == 2 and len(server.events) == 1
    ids = {r.headers["webhook-id"] for r in server.requests}
    assert ids == {"msg_0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"}


@pytest.mark.parametrize(("status", "headers", "outcome", "retry"), [
    (429, {"Retry-After": "30"}, Outcome.TRANSIENT, 30.0), (503, {"Retry-After": "5"}, Outcome.TRANSIENT, 5.0),
    (502, {}, Outcome.TRANSIENT, None), (500, {}, Outcome.UNKNOWN, None), (410, {}, Outcome.ACCOUNT, None),
    (404, {}, Outcome.ACCOUNT, None), (422, {}, Outcome.PERMANENT, None), (401, {}, Outcome.ACCOUNT, None)])
def test_receiver_answers(server: FakeWebhookReceiver, status, headers, outcome, retry) -> None:
    server.faults.fail(status, {"error": "x"}, headers=headers, times=1)
    [result] = send(HttpWebhook, _cfg(server.url), _event())
    assert (result.outcome, result.retry_after) == (outcome, retry)


def test_redirect_is_not_followed(server: FakeWebhookReceiver) -> None:
    server.redirect_to = "http://169.254.169.254/latest/meta-data"
    [result] = send(HttpWebhook, _cfg(server.url), _event())
    assert result.outcome is Outcome.ACCOUNT and "redirect" in result.error and len(server.requests) == 1


def test_wrong_secret_is_refused_by_the_receiver(server: FakeWebhookReceiver) -> None:
    cfg = _cfg(server.url)
    cfg.secrets["signing_secret"] = generate_secret()
    [result] = send(HttpWebhook, cfg, _event())
    assert result.outcome is Outcome.ACCOUNT and result.code == "401" and server.events == {}


def test_local_address_is_blocked_unless_allowed(server: FakeWebhookReceiver) -> None:
    cfg = config("webhook", None, options={"url": server.url}, secrets={"signing_secret": SECRET})
    [result] = send(HttpWebhook, cfg, _event())
    assert result.outcome is Outcome.ACCOUNT and "allow local network" in result.error and server.requests == []
    per_message = _event({**EVENT, "url": "https://10.0.0.5/hook"})
    [result] = send(HttpWebhook, cfg, per_message)
    assert result.outcome is Outcome.PERMANENT and "10.0.0.5" in result.error


def test_host_name_is_resolved_once_and_connected_to_by_address(server: FakeWebhookReceiver) -> None:
    port = server.url.rsplit(":", 1)[1]
    asked = []

    async def resolver(host, port_) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    cfg = _cfg(f"http://crm.shop.example:{port}/in")
    [result] = send(HttpWebhook, cfg, _event(), resolver=resolver)
    assert result.outcome is Outcome.ACCEPTED and asked == ["crm.shop.example"]
    assert server.requests[0].headers["host"] == f"crm.shop.example:{port}"


def test_protected_headers_and_missing_secret(server: FakeWebhookReceiver) -> None:
    [result] = send(HttpWebhook, _cfg(server.url, **{"header:webhook-signature": "forged"}), _event())
    assert result.outcome is Outcome.ACCOUNT and "webhook-signature" in result.error
    [result] = send(HttpWebhook, _cfg(server.url, **{"header:X-Evil": "a\r\nX-Injected: 1"}), _event())
    assert result.outcome is Outcome.ACCOUNT and "X-Evil" in result.error
    cfg = config("webhook", None, options={"url": server.url, "allow_local_network": "1"})
    [result] = send(HttpWebhook, cfg, _event())
    assert result.outcome is Outcome.ACCOUNT and "signing_secret" in result.error
    assert server.requests == []


def test_connect_refused_is_certainly_unsent_and_check(server: FakeWebhookReceiver) -> None:
    [result] = send(HttpWebhook, _cfg(closed_port_url()), _event())
    assert result.outcome is Outcome.TRANSIENT and result.reached is False
    assert "accepted" in run(HttpWebhook, _cfg(server.url), lambda a: a.check())
    server.answer = 410
    with pytest.raises(ProviderAuth, match="Gone"):
        run(HttpWebhook, _cfg(server.url), lambda a: a.check())


def test_huge_answer_is_cut_not_read_whole(server: FakeWebhookReceiver) -> None:
    server.faults.fail(422, b"x" * (5 * 1024 * 1024), times=2)
    [result] = send(HttpWebhook, _cfg(server.url), _event())
    assert result.outcome is Outcome.PERMANENT and result.code == "422" and len(result.error) < 300

    async def exchange(adapter: HttpWebhook) -> int:
        answer = await adapter._exchange(adapter.http.build_request("POST", server.url, content=b"{}"))
        return len(answer.content)

    assert run(HttpWebhook, _cfg(server.url), exchange) == MAX_ANSWER
