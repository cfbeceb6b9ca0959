"""Claim-ahead: claimed rows are certainly unsent, so a crash, a pause or a cap never turns them into duplicates."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa

from app.campaigns.model import pause_campaign
from app.db.schema import settings
from app.engine.engine import Engine
from app.outbox.store import OutboxStore
from app.outbox.tables import outbox_claims
from app.providers.store import add_provider, default_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.app.engine.helpers import Clock, add_contacts, launch, rows, sms_campaign
from tests.fakes.smsc import FakeSmsc

NOON = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 12:00 in Moscow


def render(inp: object) -> dict:
    return {"text": "Привет"}


def smsc_account(ws: Workspace, url: str) -> str:
    add_provider(ws.engine, SecretStore(ws.root), "smsc", "smsc", base_url=url, options={"login": "shop"},
                 secrets={"psw": "secret"})
    return "smsc"


def claims(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(outbox_claims)).scalar() or 0)


def test_rows_claimed_when_the_engine_died_are_queued_again_and_sent_once(workspace: Workspace,
                                                                           smsc: FakeSmsc) -> None:
    add_contacts(workspace, 30)
    campaign = sms_campaign(workspace, smsc_account(workspace, smsc.url))
    launch(workspace, campaign, NOON)
    store = OutboxStore(workspace.engine)
    claimed, examined = store.claim("smsc", 20, now=NOON, epoch=1, render=render)
    assert len(claimed) == examined == 20 and claims(workspace) == 20
    # The engine is killed here: nothing was committed as `sending`, nothing reached SMSC.
    assert {r["state"] for r in rows(workspace, campaign)} == {"queued"}
    counts = asyncio.run(Engine(workspace, now=Clock(NOON)).run_until_idle(horizon=0))
    assert counts == {"sent": 30} and claims(workspace) == 0
    received = Counter(message_id for _phone, _text, message_id in smsc.received)
    assert len(received) == 30 and set(received.values()) == {1}


def test_a_campaign_paused_after_the_claim_keeps_its_claimed_rows(workspace: Workspace) -> None:
    add_contacts(workspace, 5)
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"))
    launch(workspace, campaign, NOON)
    store = OutboxStore(workspace.engine)
    provider = rows(workspace, campaign)[0]["provider"]
    claimed, _ = store.claim(provider, 5, now=NOON, epoch=1, render=render)
    pause_campaign(workspace.engine, campaign)
    assert store.mark_sending(claimed, NOON, 1) == set()
    assert {r["state"] for r in rows(workspace, campaign)} == {"queued"} and claims(workspace) == 0


def test_claimed_rows_count_against_the_frequency_cap_of_another_campaign(workspace: Workspace) -> None:
    add_contacts(workspace, 3)
    with workspace.engine.begin() as conn:
        conn.execute(settings.insert().values(key="sending.frequency_caps", value={"sms": {"day": 1, "week": None}}))
    first = sms_campaign(workspace, default_provider(workspace.engine, "sms"), name="A")
    second = sms_campaign(workspace, default_provider(workspace.engine, "sms"), name="B")
    launch(workspace, first, NOON)
    launch(workspace, second, NOON)
    provider = rows(workspace, first)[0]["provider"]
    store = OutboxStore(workspace.engine)
    claimed, _ = store.claim(provider, 3, now=NOON, epoch=1, render=render)
    assert {c.campaign_id for c in claimed} == {first}  # claimed, not yet sent
    later, examined = store.claim(provider, 3, now=NOON, epoch=1, render=render)
    assert examined == 3 and later == []  # each contact already has a message on its way today
    assert [r["skip_reason"] for r in rows(workspace, second)] == ["capped"] * 3
