"""Suppression sync from the SendGrid and Mailgun fakes over real HTTP; one broken account does not stop it."""

from __future__ import annotations

import asyncio
import email.utils
import time
from datetime import UTC, datetime, timedelta

import pytest

from app.suppression.store import list_suppressions
from app.suppression.sync import sync_from_providers
from app.workspace import Workspace
from tests.app.providers.kit import closed_port_url
from tests.app.receiver.helpers import account, suppressed
from tests.fakes.mailgun_server import FakeMailgun
from tests.fakes.sendgrid_server import FakeSendGrid


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def _rfc2822(ts: float) -> str:
    return email.utils.formatdate(ts, usegmt=True)


def test_sync_copies_esp_lists_and_later_runs_ask_only_for_new(workspace: Workspace) -> None:
    now = time.time()
    with FakeSendGrid() as sg, FakeMailgun() as mg:
        sg.suppressions["unsubscribes"] = [{"email": "Ivan@Example.org", "created": int(now) - 3600}]
        sg.suppressions["bounces"] = [{"email": "gone@example.org", "created": int(now) - 60,
                                       "reason": "550 5.1.1 The email account does not exist", "status": "5.1.1"}]
        sg.suppressions["spam_reports"] = [{"email": "angry@example.org", "created": int(now) - 10, "ip": "10.0.0.1"}]
        mg.suppressions["complaints"] = [{"address": "ivan@example.org", "created_at": _rfc2822(now - 30)}]
        mg.suppressions["bounces"] = [{"address": f"b{i}@example.org", "code": "550", "error": "No such user",
                                       "created_at": _rfc2822(now - 100)} for i in range(250)]
        account(workspace, "sg", "sendgrid", sg.url, secrets={"api_key": sg.api_key})
        account(workspace, "mg", "mailgun", mg.url, options={"domain": "mg.shop.example"},
                secrets={"api_key": mg.api_key})
        account(workspace, "smsru", "smsru", "http://127.0.0.1:9", secrets={"api_id": "x"})  # no such feature

        result = asyncio.run(sync_from_providers(workspace))
        assert result.errors == {}
        assert result.accounts == {"sg": 3, "mg": 251}
        assert result.added == 3 + 250  # ivan is on both lists: stored once (the first entry is kept)
        entries = {(e.address, e.reason) for e in list_suppressions(workspace.engine, channel="email")}
        assert [a for a, _ in entries].count("ivan@example.org") == 1 and ("angry@example.org", "complained") in entries
        assert ("gone@example.org", "bounced") in entries and ("b249@example.org", "bounced") in entries
        bounce = next(e for e in list_suppressions(workspace.engine, search="gone@"))
        assert "does not exist" in bounce.source and bounce.source.startswith("sg")

        sg.requests.clear()
        sg.suppressions["unsubscribes"].append({"email": "new@example.org", "created": int(time.time())})
        second = asyncio.run(sync_from_providers(workspace))
        starts = {r.query.get("start_time") for r in sg.requests}
    assert second.added == 1 and ("email", "new@example.org", "unsubscribed") in suppressed(workspace)
    # The second run asked only for what changed since the first (minus a small overlap).
    assert None not in starts and min(int(s) for s in starts) >= int(now) - 700


def test_one_failing_account_is_reported_and_the_others_sync(workspace: Workspace) -> None:
    with FakeSendGrid() as sg:
        sg.suppressions["bounces"] = [{"email": "gone@example.org", "created": int(time.time())}]
        account(workspace, "sg", "sendgrid", sg.url, secrets={"api_key": sg.api_key})
        account(workspace, "sg-old", "sendgrid", sg.url, secrets={"api_key": "revoked"})
        account(workspace, "mg-down", "mailgun", closed_port_url(), options={"domain": "mg.shop.example"},
                secrets={"api_key": "k"})
        result = asyncio.run(sync_from_providers(workspace, now=datetime.now(UTC)))
    assert result.accounts == {"sg": 1}
    assert set(result.errors) == {"sg-old", "mg-down"}
    assert "401" in result.errors["sg-old"] and "connect" in result.errors["mg-down"]
    assert suppressed(workspace) == {("email", "gone@example.org", "bounced")}


def test_max_age_skips_fresh_accounts_and_keep_synced_runs_rounds(workspace: Workspace) -> None:
    from app.suppression.sync import keep_synced

    with FakeSendGrid() as sg:
        account(workspace, "sg", "sendgrid", sg.url, secrets={"api_key": sg.api_key})
        assert asyncio.run(sync_from_providers(workspace, max_age=timedelta(hours=1))).accounts == {"sg": 0}
        sg.requests.clear()
        # Synced a moment ago: a campaign start does not call the ESP again.
        assert asyncio.run(sync_from_providers(workspace, max_age=timedelta(hours=1))).accounts == {}
        assert sg.requests == []
        sg.suppressions["unsubscribes"] = [{"email": "late@example.org", "created": int(time.time())}]

        async def two_rounds() -> None:
            stop = asyncio.Event()
            task = asyncio.create_task(keep_synced(workspace, stop, interval=0.2))
            for _ in range(50):
                await asyncio.sleep(0.1)
                if ("email", "late@example.org", "unsubscribed") in suppressed(workspace):
                    break
            stop.set()
            await asyncio.wait_for(task, 5)

        asyncio.run(two_rounds())
    assert ("email", "late@example.org", "unsubscribed") in suppressed(workspace)
