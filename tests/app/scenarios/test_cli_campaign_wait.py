"""`campaign send --wait` waits for its own campaign, not for scenario timers due in the next minutes."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.cli import main
from app.db.schema import settings
from app.journeys.runner import JourneyTicker
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import enter, graph, journey, messages, publish, sms_template


def _journeys_due_in_ten_minutes(ws: Workspace) -> list[int]:
    """A live scenario whose journeys wait 10 minutes before an SMS (within `--wait`'s old 15-minute horizon)."""
    sms_template(ws.engine, "Акция", "Привет, {{ first_name }}!")
    sid = publish(ws.engine, graph("Через 10 минут", [
        ("t", "trigger.event", {"event_type": "page_view", "filters": []}),
        ("w", "flow.wait", {"duration": {"amount": 10, "unit": "minutes"}}),
        ("a", "action.sms", {"template": "Акция", "sms_kind": "trigger"})], [("t", "next", "w"), ("w", "next", "a")]))
    now = datetime.now(UTC)
    js = enter(ws.engine, sid, add_contacts(ws, 2, start=100), now)
    JourneyTicker(ws.engine).run_until_idle(now)
    return js


def _send_wait(capsys: pytest.CaptureFixture[str], ws: Workspace, campaign: str) -> tuple[dict, float]:
    result: list[int] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: result.append(
        main(["--workspace", str(ws.root), "campaign", "send", campaign, "--wait", "--json"])), daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "campaign send --wait kept waiting for the scenario's timers"
    assert result == [0]
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1]), time.monotonic() - started


def _create(capsys: pytest.CaptureFixture[str], ws: Workspace) -> str:
    code = main(["--workspace", str(ws.root), "campaign", "create", "--name", "Осень", "--channel", "sms",
                 "--template", "Акция", "--list", "Осень", "--json"])
    assert code == 0
    return str(json.loads(capsys.readouterr().out.strip().splitlines()[-1])["id"])


def test_send_wait_finishes_with_its_campaign(workspace: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    with workspace.engine.begin() as conn:
        conn.execute(settings.insert().values(key="sending.quiet_hours", value={"channels": []}))
    js = _journeys_due_in_ten_minutes(workspace)
    add_contacts(workspace, 3, list_name="Осень")
    data, elapsed = _send_wait(capsys, workspace, _create(capsys, workspace))
    assert (data["status"], data["states"]["sent"], data["total"]) == ("finished", 3, 3)
    assert elapsed < 30
    assert all(journey(workspace.engine, j)["node_id"] == "w" for j in js)  # their timers are still ahead
    assert len(messages(workspace.engine)) == 3


def test_send_wait_returns_when_quiet_hours_hold_the_campaign(workspace: Workspace,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    local = datetime.now(ZoneInfo("Europe/Moscow"))
    window = {"start": (local + timedelta(hours=2)).strftime("%H:%M"),
              "end": (local + timedelta(hours=3)).strftime("%H:%M"), "channels": ["sms"]}
    with workspace.engine.begin() as conn:  # sending is allowed only later today: the campaign is held
        conn.execute(settings.insert().values(key="sending.quiet_hours", value=window))
    _journeys_due_in_ten_minutes(workspace)
    add_contacts(workspace, 3, list_name="Осень")
    data, elapsed = _send_wait(capsys, workspace, _create(capsys, workspace))
    assert (data["status"], data["states"]["held"], data["states"]["sent"]) == ("running", 3, 0)
    assert elapsed < 30
