"""Unknown outcomes: reconciled by our own id where the provider allows it, else the user decides."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from app.engine.engine import Engine
from app.errors import UserInputError
from app.outbox.unknown import mark_unknown, reconcile, resend_unknown
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, add_smsru, daytime_clock, launch, rows, sms_campaign
from tests.fakes.smsc import FakeSmsc
from tests.fakes.smsru import FakeSmsRu

CLOCK = daytime_clock()


def test_smsc_unknowns_are_looked_up_by_our_id(workspace: Workspace, smsc: FakeSmsc) -> None:
    add_contacts(workspace, 2)
    add_provider(workspace.engine, SecretStore(workspace.root), "smsc", "smsc", base_url=smsc.url,
                 options={"login": "shop", "concurrency": 1, "batch": 1}, secrets={"psw": "secret"})
    campaign = sms_campaign(workspace, "smsc")
    launch(workspace, campaign, CLOCK())
    smsc.faults.accept_then_hang(times=1)  # first: processed, answer lost
    smsc.faults.hang(times=1)              # second: never processed, answer lost
    asyncio.run(Engine(workspace, now=CLOCK, http_timeout=0.5).run_until_idle(horizon=0))
    assert [r["state"] for r in rows(workspace, campaign)] == ["unknown", "unknown"]
    assert len(smsc.received) == 1

    async def check() -> tuple[int, int]:
        async with Engine(workspace, now=CLOCK) as engine:
            account = engine._account("smsc")
            assert account is not None
            return await reconcile(workspace.engine, "smsc", account.provider, CLOCK(), older_than=timedelta(0))

    assert asyncio.run(check()) == (1, 1)
    first, second = rows(workspace, campaign)
    assert first["state"] == "delivered" and first["provider_message_id"] == str(first["id"])
    assert second["state"] == "queued" and "no record" in second["error"]
    asyncio.run(Engine(workspace, now=CLOCK).run_until_idle(horizon=0))
    assert [r["state"] for r in rows(workspace, campaign)] == ["delivered", "sent"]
    assert sorted(i for _p, _t, i in smsc.received) == sorted(str(r["id"]) for r in rows(workspace, campaign))


def test_the_user_decides_about_unknowns_elsewhere(workspace: Workspace, smsru: FakeSmsRu) -> None:
    add_contacts(workspace, 3)
    campaign = sms_campaign(workspace, add_smsru(workspace, smsru.url))
    launch(workspace, campaign, CLOCK())
    smsru.faults.accept_then_hang(times=1)
    asyncio.run(Engine(workspace, now=CLOCK, http_timeout=0.5).run_until_idle(horizon=0))
    a, b, c = (r["id"] for r in rows(workspace, campaign))
    assert mark_unknown(workspace.engine, [a], "sent") == 1
    assert mark_unknown(workspace.engine, [b], "failed") == 1
    assert resend_unknown(workspace.engine, [c, a], CLOCK()) == 1  # `a` is no longer unknown
    with pytest.raises(UserInputError):
        mark_unknown(workspace.engine, [c], "delivered")
    asyncio.run(Engine(workspace, now=CLOCK).run_until_idle(horizon=0))
    assert [r["state"] for r in rows(workspace, campaign)] == ["sent", "failed", "sent"]
    assert len(smsru.received) == 4  # 3 in the lost answer + the one the user chose to resend
