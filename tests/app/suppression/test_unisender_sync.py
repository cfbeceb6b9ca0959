"""Unisender Go's suppression list synced end to end through `sync_from_providers`, over real HTTP."""

from __future__ import annotations

import asyncio
import time

import pytest

from app.settings import get_str
from app.suppression.soft import soft_bounce_count
from app.suppression.store import list_suppressions
from app.suppression.sync import SYNCED_KEY, sync_from_providers
from app.workspace import Workspace
from tests.app.receiver.helpers import account, suppressed
from tests.fakes.base import Reply
from tests.fakes.unisender_go_server import PREFIX, FakeUnisenderGo


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def test_all_pages_are_read_and_causes_mapped(workspace: Workspace) -> None:
    now = time.time()
    with FakeUnisenderGo() as ug:
        for i in range(120):
            ug.suppress(f"gone{i}@example.org", "permanent_unavailable", now - 7200 + i, source="system")
        ug.suppress("Ivan@Example.org", "unsubscribed", now - 600)
        ug.suppress("angry@example.org", "complained", now - 500)
        ug.suppress("full@example.org", "temporary_unavailable", now - 400, source="system")
        ug.suppress("blocked@example.org", "blocked", now - 300, source="system")
        ug.suppress("not an address", "unsubscribed", now - 200)
        account(workspace, "ug", "unisender-go", ug.url + PREFIX, secrets={"api_key": ug.api_key})
        result = asyncio.run(sync_from_providers(workspace))
        pages = [r for r in ug.requests if r.path.endswith("/suppression/list.json")]
    assert result.errors == {}
    # 125 entries at 50 a page: three requests, each next one with the cursor of the previous answer.
    assert len(pages) == 3
    assert pages[0].json == {"limit": 50} and pages[0].headers["x-api-key"] == ug.api_key
    assert all(p.json.get("cursor") for p in pages[1:])
    assert result.accounts == {"ug": 124}  # blocked is the service's own decision, not copied
    assert result.added == 122 and result.soft == 1
    entries = suppressed(workspace)
    assert ("email", "ivan@example.org", "unsubscribed") in entries
    assert ("email", "angry@example.org", "complained") in entries
    assert ("email", "gone119@example.org", "bounced") in entries
    assert not any(a in ("full@example.org", "blocked@example.org") for _, a, _ in entries)
    assert soft_bounce_count(workspace.engine, "email", "full@example.org") == 1
    [gone] = list_suppressions(workspace.engine, search="gone7@")
    assert gone.source == "ug: permanent_unavailable (system)"


def test_later_runs_ask_from_the_last_sync_and_soft_entries_count_once(workspace: Workspace) -> None:
    with FakeUnisenderGo() as ug:
        ug.suppress("full@example.org", "temporary_unavailable", time.time() - 60)
        account(workspace, "ug", "unisender-go", ug.url + PREFIX, secrets={"api_key": ug.api_key})
        asyncio.run(sync_from_providers(workspace))
        assert get_str(workspace.engine, SYNCED_KEY + "ug")
        ug.requests.clear()
        ug.suppress("new@example.org", "unsubscribed", time.time())
        second = asyncio.run(sync_from_providers(workspace))
        third = asyncio.run(sync_from_providers(workspace, full=True))
        starts = [r.json.get("start_time") for r in ug.requests]
    # The second run asked from shortly before the first (the 10-minute overlap re-reads "full@").
    assert starts[0] and starts[0] < time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    assert starts[-1] is None  # full=True re-reads everything
    assert second.added == 1 and third.added == 0
    # Read three times, still one soft bounce: the ESP entry is the same.
    assert soft_bounce_count(workspace.engine, "email", "full@example.org") == 1


@pytest.mark.parametrize("fault", ["500", "invalid json", "bad key"])
def test_a_failing_page_stores_nothing_and_the_next_sync_reads_again(workspace: Workspace, fault: str) -> None:
    with FakeUnisenderGo() as ug:
        for i in range(70):
            ug.suppress(f"u{i}@example.org", "unsubscribed", time.time() - 100 + i)
        key = "revoked" if fault == "bad key" else ug.api_key
        account(workspace, "ug", "unisender-go", ug.url + PREFIX, secrets={"api_key": key})
        # The first page answers; the second one fails.
        calls = {"n": 0}

        def second_page_fails(_request: object) -> Reply | None:
            calls["n"] += 1
            if calls["n"] == 2 and fault == "500":
                return Reply(500, {"status": "error", "message": "Internal error", "code": 500})
            if calls["n"] == 2 and fault == "invalid json":
                return Reply(200, b"{not json")
            return None

        ug.faults.hook = second_page_fails
        result = asyncio.run(sync_from_providers(workspace))
        assert set(result.errors) == {"ug"} and result.accounts == {}
        assert result.error_kinds == {"ug": {"500": "unavailable", "invalid json": "answer", "bad key": "auth"}[fault]}
        assert suppressed(workspace) == set()
        assert get_str(workspace.engine, SYNCED_KEY + "ug") == ""
        if fault == "bad key":
            assert "401" in result.errors["ug"] or "API key" in result.errors["ug"]
            return
        ug.faults.clear()
        again = asyncio.run(sync_from_providers(workspace))
    assert again.errors == {} and again.added == 70
