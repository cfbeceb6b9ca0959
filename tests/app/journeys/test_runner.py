"""The runner as a whole: all-or-nothing batches, versions in flight, and the send engine's ticker."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

import app.journeys.batch as batch_module
from app.engine.engine import Engine
from app.engine.tickers import default_tickers
from app.journeys.nodes import Walker
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journey_steps, journeys
from app.outbox.tables import outbox
from app.scenarios.store import load_scenario, publish_scenario, save_scenario
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    DAY,
    MONDAY_NOON,
    T,
    enter,
    graph,
    journey,
    messages,
    no_quiet_hours,
    publish,
    sms_template,
    steps,
)


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.engine.connect() as conn:
        return (conn.execute(sa.select(sa.func.count()).select_from(outbox)).scalar(),
                conn.execute(sa.select(sa.func.count()).select_from(journey_steps)).scalar(),
                conn.execute(sa.select(sa.func.count()).select_from(journeys)
                             .where(journeys.c.node_id != "t")).scalar())


def test_a_batch_that_fails_midway_leaves_nothing_behind_and_is_redone(workspace: Workspace,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(workspace.engine, graph("Пакет", [T, ("a", "action.sms", {"template": "Привет",
                                                                          "sms_kind": "trigger"})],
                                          [("t", "next", "a")]))
    js = enter(workspace.engine, sid, add_contacts(workspace, 30), MONDAY_NOON)
    before = _counts(workspace)
    real = batch_module.insert_outbox

    class PowerCut(BaseException):
        """Like a kill: nothing in the process gets to handle it."""

    def crash_after_outbox(*args: object) -> dict:
        real(*args)  # type: ignore[arg-type]
        raise PowerCut

    monkeypatch.setattr(batch_module, "insert_outbox", crash_after_outbox)
    ticker = JourneyTicker(workspace.engine, batch_size=10)
    with pytest.raises(PowerCut):
        ticker.run_once(MONDAY_NOON)
    assert _counts(workspace) == before  # the outbox rows went with the rolled-back batch
    monkeypatch.setattr(batch_module, "insert_outbox", real)
    ticker.run_until_idle(MONDAY_NOON)
    rows = messages(workspace.engine)
    assert len(rows) == 30 and len({m["step_ref"] for m in rows}) == 30
    assert all(journey(workspace.engine, j)["state"] == "done" for j in js)


def test_a_journey_that_breaks_fails_alone_and_the_others_go_on(workspace: Workspace,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(workspace.engine, graph("Сбой", [T, ("a", "action.sms", {"template": "Привет",
                                                                         "sms_kind": "trigger"})],
                                          [("t", "next", "a")]))
    js = enter(workspace.engine, sid, add_contacts(workspace, 5), MONDAY_NOON)
    real = Walker.advance

    def advance(self: object, journey: object, now: datetime, effects: object) -> object:
        if journey.id == js[2]:  # type: ignore[attr-defined]
            raise ValueError("broken data")
        return real(self, journey, now, effects)  # type: ignore[arg-type]

    monkeypatch.setattr(Walker, "advance", advance)
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
    states = [journey(workspace.engine, j)["state"] for j in js]
    assert states == ["done", "done", "failed", "done", "done"]
    assert "broken data" in journey(workspace.engine, js[2])["outcome"]
    assert steps(workspace.engine, js[2])[-1][2] == "failed"
    assert len(messages(workspace.engine)) == 4


def test_journeys_finish_on_the_version_they_entered(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Один", "Версия 1")
    sms_template(workspace.engine, "Два", "Версия 2")
    v1 = graph("Версии", [T, ("w", "flow.wait", {"duration": DAY}),
                          ("a", "action.sms", {"template": "Один", "sms_kind": "trigger"})],
               [("t", "next", "w"), ("w", "next", "a")])
    sid = publish(workspace.engine, v1)
    old = enter(workspace.engine, sid, add_contacts(workspace, 3), MONDAY_NOON)
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    v2 = load_scenario(workspace.engine, sid)
    v2.set_props("a", {"template": "Два", "sms_kind": "trigger"})
    v2.remove_node("w")
    v2.connect("t", "next", "a")
    save_scenario(workspace.engine, sid, v2)
    assert publish_scenario(workspace.engine, sid).live_version == 2
    new = enter(workspace.engine, sid, add_contacts(workspace, 2, start=50), MONDAY_NOON + timedelta(hours=1),
                version=2)
    ticker.run_until_idle(MONDAY_NOON + timedelta(hours=1))
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    texts = {m["contact_id"]: m["payload"]["text"] for m in messages(workspace.engine)}
    for j in old:
        assert steps(workspace.engine, j)[-1][1:3] == ("a", "sent")
        assert texts[journey(workspace.engine, j)["contact_id"]] == "Версия 1"
    for j in new:
        assert [s[1] for s in steps(workspace.engine, j)] == ["t", "a"]
        assert texts[journey(workspace.engine, j)["contact_id"]] == "Версия 2"


def test_the_send_engine_runs_journeys_and_sends_their_messages(workspace: Workspace) -> None:
    no_quiet_hours(workspace.engine)
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(workspace.engine, graph("Движок", [T, ("a", "action.sms", {"template": "Привет",
                                                                           "sms_kind": "trigger"})],
                                          [("t", "next", "a")]))
    now = datetime.now(UTC)
    js = enter(workspace.engine, sid, add_contacts(workspace, 5), now)
    assert "JourneyTicker" in [type(t).__name__ for t in default_tickers(workspace)]
    # The default tickers: the trigger ticker's periodic checks do not keep `run_until_idle` running.
    counts = asyncio.run(asyncio.wait_for(Engine(workspace).run_until_idle(horizon=2), 30))
    assert counts.get("sent") == 5
    lines = [json.loads(x) for x in (workspace.sandbox_dir / "sms.jsonl").read_text("utf-8").splitlines()]
    assert sorted(x["payload"]["text"] for x in lines) == sorted(f"Здравствуйте, Имя{i}!" for i in range(5))
    assert all(journey(workspace.engine, j)["state"] == "done" for j in js)


def test_next_wake_reports_the_earliest_timer_of_running_scenarios_only(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Привет", "Привет")
    sid = publish(workspace.engine, graph("Таймер", [T, ("w", "flow.wait", {"duration": {"amount": 90,
                                                                                        "unit": "minutes"}})],
                                          [("t", "next", "w")]))
    ticker = JourneyTicker(workspace.engine)
    assert ticker.next_wake(MONDAY_NOON) is None
    enter(workspace.engine, sid, add_contacts(workspace, 2), MONDAY_NOON)
    assert ticker.next_wake(MONDAY_NOON) == 0
    ticker.run_until_idle(MONDAY_NOON)
    assert ticker.next_wake(MONDAY_NOON + timedelta(minutes=30)) == 3600
