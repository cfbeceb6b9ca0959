"""Graceful stop (in flight → unknown), scenario-step messages, and the whole path on PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from app.campaigns.status import campaign_status
from app.engine.engine import Engine
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, add_smsru, daytime_clock, launch, rows, sms_campaign
from tests.fakes.smsru import FakeSmsRu


def test_stopping_mid_request_marks_the_message_unknown(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 3)
    clock = daytime_clock()
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, clock())
    smsru.faults.accept_then_hang()

    async def run() -> None:
        engine = Engine(workspace, now=clock, grace=0.2, http_timeout=30)
        task = asyncio.create_task(engine.run_forever(tick=0.01))
        while not smsru.received:
            await asyncio.sleep(0.01)
        engine.request_stop()
        await asyncio.wait_for(task, 5)

    asyncio.run(run())
    result = rows(workspace, campaign)
    assert {r["state"] for r in result} == {"unknown"}
    assert all("interrupted" in r["error"] for r in result)


@pytest.mark.postgres
def test_campaign_on_postgresql(pg_url: str, tmp_path, smsru: FakeSmsRu) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(tmp_path / "ws", db_url=pg_url) as ws:
        add_contacts(ws, 150, list_name="VIP")
        add_provider(ws.engine, SecretStore(ws.root), "smsru", "smsru", base_url=smsru.url,
                     secrets={"api_id": "test-api-id"})
        clock = daytime_clock()
        campaign = sms_campaign(ws, "smsru", all_contacts=False, lists_=["VIP"])
        assert launch(ws, campaign, clock()) == 150
        asyncio.run(Engine(ws, now=clock).run_until_idle(horizon=0))
        status = campaign_status(ws.engine, campaign)
        assert status["status"] == "finished" and status["states"]["sent"] == 150
        assert len({m for (m, _t) in smsru.received}) == 150
