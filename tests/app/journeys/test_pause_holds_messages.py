"""Pausing a scenario holds the messages its journeys already queued; archiving cancels them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from app.engine.engine import Engine
from app.journeys import lifecycle
from app.journeys.runner import JourneyTicker
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    T,
    enter,
    graph,
    messages,
    no_quiet_hours,
    publish,
    sms_template,
)


def _queued_sms(workspace: Workspace, name: str, contacts: int, *, first: int = 0) -> int:
    """A published scenario whose journeys have queued one SMS each (not sent yet)."""
    sms_template(workspace.engine, f"{name} SMS", "Здравствуйте, {{ first_name }}!")
    sid = publish(workspace.engine, graph(name, [T, ("a", "action.sms", {"template": f"{name} SMS",
                                                                         "sms_kind": "trigger"})],
                                          [("t", "next", "a")]))
    now = datetime.now(UTC)
    enter(workspace.engine, sid, add_contacts(workspace, contacts, start=first), now)
    JourneyTicker(workspace.engine).run_until_idle(now)
    return sid


def _run_engine(workspace: Workspace) -> dict[str, int]:
    return asyncio.run(asyncio.wait_for(Engine(workspace, tickers=[]).run_until_idle(horizon=1), 30))


def test_a_paused_scenario_sends_nothing_until_resumed(workspace: Workspace) -> None:
    no_quiet_hours(workspace.engine)
    sid = _queued_sms(workspace, "Пауза", 3)
    assert [(m["state"], m["journey_id"] is not None) for m in messages(workspace.engine)] == [("queued", True)] * 3
    lifecycle.pause(workspace.engine, sid)
    assert _run_engine(workspace) == {"queued": 3}  # the engine goes idle: nothing due while paused
    assert not (workspace.sandbox_dir / "sms.jsonl").exists()
    lifecycle.resume(workspace.engine, sid)
    assert _run_engine(workspace) == {"sent": 3}


def test_archiving_cancels_what_its_journeys_queued_and_leaves_other_messages(workspace: Workspace) -> None:
    no_quiet_hours(workspace.engine)
    archived = _queued_sms(workspace, "Архив", 2)
    _queued_sms(workspace, "Другой", 1, first=10)
    lifecycle.archive(workspace.engine, archived)
    assert [m["state"] for m in messages(workspace.engine)] == ["cancelled", "cancelled", "queued"]
    assert _run_engine(workspace) == {"cancelled": 2, "sent": 1}
