"""The engine end to end against the fake SMS.ru: batching, retries, unknown, breaker, failover."""

from __future__ import annotations

import asyncio
import socket

import sqlalchemy as sa

from app.campaigns.model import resume_campaign
from app.campaigns.status import campaign_status
from app.engine.engine import Engine
from app.engine.limits import Backoff
from app.outbox.tables import delivery_events, outbox_attempts
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, add_smsru, daytime_clock, launch, rows, sms_campaign
from tests.fakes.smsru import FakeSmsRu

FAST = Backoff(base=0.01, cap=0.05, max_attempts=3)
CLOCK = daytime_clock()


def run(ws: Workspace, **kwargs: object) -> dict[str, int]:
    horizon = kwargs.pop("horizon", 5.0)
    engine = Engine(ws, backoff=kwargs.pop("backoff", FAST), now=CLOCK, **kwargs)  # type: ignore[arg-type]
    return asyncio.run(engine.run_until_idle(horizon=horizon))


def test_campaign_is_sent_in_batches_with_per_number_results(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 250)
    smsru.bad_numbers = {"79160000007": 207}
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    assert launch(workspace, campaign, CLOCK()) == 250
    run(workspace)
    status = campaign_status(workspace.engine, campaign)
    assert status["status"] == "finished"
    assert status["states"]["sent"] == 249 and status["states"]["failed"] == 1
    assert len(smsru.requests_to("/sms/send")) == 3  # 100 + 100 + 50 recipients
    assert len(smsru.received) == 249 == len({p for p, _ in smsru.received})
    failed = [r for r in rows(workspace, campaign) if r["state"] == "failed"]
    assert failed[0]["address"] == "+79160000007" and "207" in failed[0]["error"]
    sent = [r for r in rows(workspace, campaign) if r["state"] == "sent"]
    assert all(r["provider_message_id"] for r in sent) and all(r["attempts"] == 1 for r in sent)
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(outbox_attempts)).scalar() == 250
        assert conn.execute(sa.select(sa.func.count()).select_from(delivery_events)).scalar() == 249


def test_delivery_statuses_are_polled_and_stored(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 3)
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, CLOCK())
    run(workspace)
    second = rows(workspace, campaign)[1]
    smsru.statuses[second["provider_message_id"]] = 106

    async def poll() -> int:
        # The sending clock: sent_at is in its time, which may run ahead of the real one.
        async with Engine(workspace, now=CLOCK) as engine:
            return await engine.poll_statuses()

    assert asyncio.run(poll()) == 3
    states = [r["state"] for r in rows(workspace, campaign)]
    assert states == ["delivered", "failed", "delivered"]
    assert "106" in rows(workspace, campaign)[1]["error"]


def test_429_is_retried_after_retry_after(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 5)
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, CLOCK())
    smsru.faults.fail(429, {"status": "ERROR"}, headers={"Retry-After": "1"}, times=1)
    run(workspace)
    result = rows(workspace, campaign)
    assert {r["state"] for r in result} == {"sent"} and {r["attempts"] for r in result} == {2}
    first, second = smsru.requests_to("/sms/send")
    assert second.at - first.at >= 0.95  # Retry-After honoured
    assert len(smsru.received) == 5


def test_transient_errors_give_up_after_max_attempts(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 2)
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, CLOCK())
    smsru.faults.fail(503, "busy")
    run(workspace)
    result = rows(workspace, campaign)
    assert {r["state"] for r in result} == {"failed"}
    assert all("gave up after 3 attempts" in r["error"] for r in result)
    assert len(smsru.requests_to("/sms/send")) == 3


def test_unknown_outcome_is_never_resent(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 4)
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, CLOCK())
    smsru.faults.accept_then_hang(times=1)
    run(workspace, http_timeout=0.5)
    assert {r["state"] for r in rows(workspace, campaign)} == {"unknown"}
    assert len(smsru.received) == 4
    run(workspace)  # a restart must not resend them
    assert len(smsru.received) == 4
    status = campaign_status(workspace.engine, campaign)
    assert status["status"] == "finished" and status["states"]["unknown"] == 4


def test_bad_credentials_open_the_breaker_and_pause_with_a_reason(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 30)
    name = add_smsru(workspace, smsru.url, api_id="wrong", concurrency=1)
    campaign = sms_campaign(workspace, name)
    launch(workspace, campaign, CLOCK())
    run(workspace)
    status = campaign_status(workspace.engine, campaign)
    assert status["status"] == "paused"
    assert "api_id" in status["pause_reason"] and "Провайдер" in status["pause_reason"]
    assert status["states"]["queued"] == 30 and smsru.received == []
    assert len(smsru.requests_to("/sms/send")) == 1  # nothing burnt after the first refusal
    add_smsru(workspace, smsru.url, api_id="test-api-id")
    resume_campaign(workspace.engine, campaign)
    run(workspace)
    assert campaign_status(workspace.engine, campaign)["states"]["sent"] == 30


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_failover_only_for_certainly_unsent_messages(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 6)
    from app.providers.store import default_provider

    fallback = default_provider(workspace.engine, "sms")  # the sandbox
    dead = add_smsru(workspace, f"http://127.0.0.1:{_closed_port()}", name="dead")
    first = sms_campaign(workspace, dead, fallback_provider=fallback, transactional=True)
    launch(workspace, first, CLOCK())
    run(workspace)
    assert {(r["state"], r["provider"]) for r in rows(workspace, first)} == {("sent", fallback)}

    hanging = add_smsru(workspace, smsru.url, name="hanging")
    second = sms_campaign(workspace, hanging, name="второй", fallback_provider=fallback, transactional=True)
    launch(workspace, second, CLOCK())
    smsru.faults.accept_then_hang(times=1)
    run(workspace, http_timeout=0.5)
    assert {(r["state"], r["provider"]) for r in rows(workspace, second)} == {("unknown", hanging)}
