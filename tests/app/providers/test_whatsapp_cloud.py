"""Meta WhatsApp Cloud API adapter against the fake Graph endpoint: templates, error codes, webhooks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.webhook.inbound import CallbackRejected, InboundCallback
from app.providers.whatsapp.cloud_api import WhatsAppCloud
from tests.app.providers.kit import config, request, run, send
from tests.fakes.whatsapp_cloud_server import FakeWhatsAppCloud, graph_error

SALE = {"template": "winter_sale", "language": "ru", "params": ["Иван", "WINTER25"]}


@pytest.fixture
def server() -> Iterator[FakeWhatsAppCloud]:
    with FakeWhatsAppCloud() as srv:
        yield srv


def _cfg(server: FakeWhatsAppCloud, token=None) -> ProviderConfig:
    return config("whatsapp-cloud", server.url, options={"phone_number_id": server.phone_number_id},
                  secrets={"access_token": token or server.token, "app_secret": server.app_secret,
                           "verify_token": "verify-me"})


def _wa(to="+79991234567", payload=SALE) -> SendRequest:
    return request(to, payload, channel="whatsapp")


def test_sends_template_with_our_id_as_opaque_data(server: FakeWhatsAppCloud) -> None:
    [result] = send(WhatsAppCloud, _cfg(server), _wa())
    [sent] = server.received
    assert result.outcome is Outcome.ACCEPTED and result.provider_message_id == sent["wamid"]
    assert sent["wamid"].startswith("wamid.")
    [wire] = server.requests_to("/v21.0/1122334455667/messages")
    assert wire.headers["authorization"] == "Bearer EAAG-test"
    assert wire.json == {
        "messaging_product": "whatsapp", "recipient_type": "individual", "to": "79991234567", "type": "template",
        "biz_opaque_callback_data": "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f",
        "template": {"name": "winter_sale", "language": {"code": "ru"}, "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "Иван"}, {"type": "text", "text": "WINTER25"}]}]}}


def test_named_parameters_and_header_image(server: FakeWhatsAppCloud) -> None:
    server.templates["named"] = 1
    payload = {"template": "named", "params": {"first_name": "Анна"}, "header_image": "https://shop.example/b.jpg"}
    send(WhatsAppCloud, _cfg(server), _wa(payload=payload))
    components = server.requests[0].json["template"]["components"]
    assert components == [
        {"type": "header", "parameters": [{"type": "image", "image": {"link": "https://shop.example/b.jpg"}}]},
        {"type": "body", "parameters": [{"type": "text", "parameter_name": "first_name", "text": "Анна"}]}]


def test_free_text_is_refused_before_sending(server: FakeWhatsAppCloud) -> None:
    [result] = send(WhatsAppCloud, _cfg(server), _wa(payload={"text": "hi"}))
    assert result.outcome is Outcome.PERMANENT and "template" in result.error and server.requests == []


@pytest.mark.parametrize(("code", "outcome", "suppress"), [
    (131050, Outcome.PERMANENT, True), (131026, Outcome.PERMANENT, False), (131030, Outcome.PERMANENT, False),
    (131056, Outcome.TRANSIENT, False), (130429, Outcome.TRANSIENT, False), (131042, Outcome.ACCOUNT, False)])
def test_errors_classified_by_code(server: FakeWhatsAppCloud, code, outcome, suppress) -> None:
    server.recipient_errors["79991234567"] = code
    [result] = send(WhatsAppCloud, _cfg(server), _wa())
    assert (result.outcome, result.code, result.suppress) == (outcome, str(code), suppress)
    if code == 131056:
        assert result.retry_after == 6.0


def test_template_problems(server: FakeWhatsAppCloud) -> None:
    [result] = send(WhatsAppCloud, _cfg(server), _wa(payload={"template": "nope", "params": []}))
    assert result.outcome is Outcome.ACCOUNT and "132001" in result.error
    [result] = send(WhatsAppCloud, _cfg(server), _wa(payload={"template": "winter_sale", "params": ["x"]}))
    assert result.outcome is Outcome.PERMANENT and "does not match" in result.error


def test_throttling_code_wins_over_http_status_and_token_errors(server: FakeWhatsAppCloud) -> None:
    server.faults.fail(429, graph_error(130429).body, times=1)
    [result] = send(WhatsAppCloud, _cfg(server), _wa())
    assert (result.outcome, result.code) == (Outcome.TRANSIENT, "130429")
    [result] = send(WhatsAppCloud, _cfg(server, token="expired"), _wa())
    assert (result.outcome, result.code) == (Outcome.ACCOUNT, "190")


@pytest.mark.parametrize(("status", "body", "outcome"), [
    (500, graph_error(131000, 500).body, Outcome.UNKNOWN), (503, b"", Outcome.TRANSIENT),
    (200, b"{broken", Outcome.UNKNOWN)])
def test_faults(server: FakeWhatsAppCloud, status, body, outcome) -> None:
    server.faults.fail(status, body, times=1)
    [result] = send(WhatsAppCloud, _cfg(server), _wa())
    assert result.outcome is outcome


def test_hang_is_unknown_and_check_reports_number(server: FakeWhatsAppCloud) -> None:
    server.faults.hang(times=1)
    [result] = send(WhatsAppCloud, _cfg(server), _wa(), timeout=0.5)
    assert result.outcome is Outcome.UNKNOWN
    server.faults.clear()
    assert "GREEN" in run(WhatsAppCloud, _cfg(server), lambda a: a.check())


def test_status_webhook_signed_and_parsed(server: FakeWhatsAppCloud) -> None:
    send(WhatsAppCloud, _cfg(server), _wa())
    sent = server.received[0]
    adapter = WhatsAppCloud(_cfg(server))
    body, headers = server.webhook(sent, "sent", "read", "delivered")
    updates = adapter.parse_callback(InboundCallback("POST", "https://h.example/wa", headers, body))
    assert [u.status for u in updates] == [DeliveryStatus.SENT, DeliveryStatus.READ, DeliveryStatus.DELIVERED]
    assert {(u.provider_message_id, u.message_id, u.address) for u in updates} == {
        (sent["wamid"], "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", "+79991234567")}
    body, headers = server.webhook(sent, "failed", error_code=131050)
    [failed] = adapter.parse_callback(InboundCallback("POST", "https://h.example/wa", headers, body))
    assert (failed.status, failed.code, failed.suppress) == (DeliveryStatus.FAILED, "131050", True)
    with pytest.raises(CallbackRejected):
        adapter.parse_callback(InboundCallback("POST", "https://h.example/wa", headers, body + b" "))


def test_subscription_handshake() -> None:
    adapter = WhatsAppCloud(config("whatsapp-cloud", None, secrets={"verify_token": "verify-me"}))
    ok = "https://h.example/wa?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"
    assert adapter.verify_subscription(InboundCallback("GET", ok, {})) == "1158201444"
    with pytest.raises(CallbackRejected):
        adapter.verify_subscription(InboundCallback("GET", ok.replace("verify-me", "guess"), {}))
