"""Sandbox providers write into the workspace; the registry and Retry-After parsing."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
from pathlib import Path

import pytest

from app.errors import NotFoundError
from app.providers.base import (
    Outcome,
    ProviderConfig,
    SendRequest,
    create_provider,
    parse_retry_after,
    provider_types,
)


def test_registry_knows_every_adapter_with_a_channel() -> None:
    types = provider_types()
    for name in ("sandbox-email", "sandbox-sms", "sandbox-whatsapp", "smtp", "smsru", "smsc"):
        assert name in types
    assert types["smsru"].channel == "sms" and types["smtp"].channel == "email"
    with pytest.raises(NotFoundError, match="unknown provider type 'pigeon'"):
        create_provider(ProviderConfig("x", "pigeon"))


def test_retry_after_seconds_and_http_date() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412480.0) == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412470.0) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_email_sandbox_writes_an_eml_per_message(tmp_path: Path) -> None:
    provider = create_provider(ProviderConfig("sandbox-email", "sandbox-email", options={"from": "shop@shop.ru"},
                                              sandbox_dir=tmp_path))
    request = SendRequest(1, "ab" * 16, "email", "anna@example.org",
                          {"subject": "Привет", "text": "текст", "html": "<b>html</b>",
                           "headers": {"List-Unsubscribe": "<mailto:u@shop.ru?subject=u-1>"}})
    (result,) = asyncio.run(provider.send([request]))
    assert result.outcome is Outcome.ACCEPTED
    msg = email.message_from_bytes((tmp_path / "email" / f"{'ab' * 16}.eml").read_bytes(), policy=email.policy.default)
    assert msg["To"] == "anna@example.org" and str(msg["Subject"]) == "Привет"
    assert msg["List-Unsubscribe"] == "<mailto:u@shop.ru?subject=u-1>"


def test_sms_sandbox_appends_json_lines(tmp_path: Path) -> None:
    provider = create_provider(ProviderConfig("sandbox-sms", "sandbox-sms", sandbox_dir=tmp_path))
    batch = [SendRequest(i, f"id{i}", "sms", f"+7916000000{i}", {"text": f"t{i}"}) for i in range(3)]
    results = asyncio.run(provider.send(batch))
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 3
    lines = [json.loads(line) for line in (tmp_path / "sms.jsonl").read_text("utf-8").splitlines()]
    assert [(x["id"], x["to"], x["payload"]["text"]) for x in lines] == [
        ("id0", "+79160000000", "t0"), ("id1", "+79160000001", "t1"), ("id2", "+79160000002", "t2")]
