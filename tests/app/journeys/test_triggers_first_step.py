"""An event's journey takes its first steps in the trigger scan's own transaction (latency),
with the runner's semantics and crash safety; the runner keeps its batches short meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

import app.journeys.batch as batch_module
from app.events.payload import EventIn
from app.journeys.cursors import EVENTS_KEY
from app.journeys.nodes import Walker
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journeys
from app.journeys.trigger_tables import trigger_cursors
from app.journeys.triggers import TriggerTicker
from app.outbox.tables import outbox, providers
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    MONDAY_NOON,
    enter,
    graph,
    messages,
    publish,
    sms_template,
    steps,
)
from tests.app.journeys.trigger_helpers import post

NOW = MONDAY_NOON
LEAD = ("t", "trigger.event", {"event_type": "lead", "filters": []})


class PowerCut(BaseException):
    """Like a kill: nothing in the process gets to handle it."""


def _scenario(workspace: Workspace) -> int:
    """lead → SMS → wait a day → exit; published without touching the provider accounts."""
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}! Заявка {{ event.event.type }}")
    return publish(workspace.engine, graph("Заявка", [
        LEAD, ("a", "action.sms", {"template": "Привет", "sms_kind": "service"}),
        ("w", "flow.wait", {"duration": {"amount": 1, "unit": "days"}}), ("x", "flow.exit", {})],
        [("t", "next", "a"), ("a", "next", "w"), ("w", "next", "x")]))


def _ticker(workspace: Workspace) -> tuple[TriggerTicker, JourneyTicker]:
    runner = JourneyTicker(workspace.engine)
    ticker = TriggerTicker(workspace.engine, runner=runner)
    ticker.run_once(NOW)  # meets the published scenario: its events count from now on
    return ticker, runner


def _count(workspace: Workspace, table: sa.Table) -> int:
    with workspace.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)


def _cursor(workspace: Workspace) -> int:
    with workspace.engine.connect() as conn:
        return int(conn.execute(sa.select(trigger_cursors.c.position)
                                .where(trigger_cursors.c.key == EVENTS_KEY)).scalar() or 0)


def test_the_first_message_is_queued_when_the_start_commits(workspace: Workspace) -> None:
    sid = _scenario(workspace)
    (anna,) = add_contacts(workspace, 1)
    with workspace.engine.connect() as conn:  # a new workspace: the SMS sandbox account comes on first use
        assert conn.execute(sa.select(providers.c.name)).scalars().all() == []
    ticker, runner = _ticker(workspace)
    post(workspace.engine, EventIn("lead", phone="+79160000000"), now=NOW)
    ticker.run_once(NOW)
    (row,) = [dict(r) for r in workspace.engine.connect().execute(
        sa.select(journeys).where(journeys.c.scenario_id == sid)).mappings()]
    assert (row["contact_id"], row["state"], row["node_id"]) == (anna, "active", "w")
    assert row["wake_at"].replace(tzinfo=dt.UTC) == NOW + dt.timedelta(days=1)
    assert steps(workspace.engine, row["id"]) == [(0, "t", "entered", None), (1, "a", "sent", "next"),
                                                  (2, "w", "waiting", None)]
    (message,) = messages(workspace.engine)
    assert (message["step_ref"], message["provider"], message["state"]) == (
        f"journey:{row['id']}:step:1", "sandbox-sms", "queued")
    assert message["payload"]["text"] == "Здравствуйте, Имя0! Заявка lead"
    # nothing is left for the runner until the wait is over, and nothing is queued twice
    assert runner.run_until_idle(NOW) == 0
    assert runner.run_until_idle(NOW + dt.timedelta(days=1)) == 2
    assert len(messages(workspace.engine)) == 1 and steps(workspace.engine, row["id"])[-1][1:3] == ("x", "exited")


def test_a_crash_while_queueing_undoes_the_start_and_the_cursor_too(workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _scenario(workspace)
    add_contacts(workspace, 3)
    ticker, _runner = _ticker(workspace)
    before = _cursor(workspace)
    post(workspace.engine, *[EventIn("lead", phone=f"+7916000000{i}") for i in range(3)], now=NOW)
    real = batch_module.insert_outbox

    def crash_after_outbox(*args: object) -> dict:
        real(*args)  # type: ignore[arg-type]
        raise PowerCut

    monkeypatch.setattr(batch_module, "insert_outbox", crash_after_outbox)
    with pytest.raises(PowerCut):
        ticker.run_once(NOW)
    assert (_count(workspace, journeys), _count(workspace, outbox), _cursor(workspace)) == (0, 0, before)
    monkeypatch.setattr(batch_module, "insert_outbox", real)
    _ticker(workspace)[0].run_once(NOW)  # a restarted engine
    rows = messages(workspace.engine)
    assert _count(workspace, journeys) == 3 and len({m["step_ref"] for m in rows}) == len(rows) == 3


def test_a_walk_that_fails_leaves_the_started_journey_to_the_runner(workspace: Workspace,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _scenario(workspace)
    add_contacts(workspace, 1)
    ticker, runner = _ticker(workspace)
    real = Walker.advance

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug in a node")

    monkeypatch.setattr(Walker, "advance", broken)
    post(workspace.engine, EventIn("lead", phone="+79160000000"), now=NOW)
    ticker.run_once(NOW)
    (row,) = workspace.engine.connect().execute(sa.select(journeys)).all()
    assert (row.state, row.node_id, _count(workspace, outbox)) == ("active", "t", 0)
    assert _cursor(workspace) > 0  # the event is handled: the start stands
    monkeypatch.setattr(Walker, "advance", real)
    runner.run_until_idle(NOW)
    assert [m["step_ref"] for m in messages(workspace.engine)] == [f"journey:{row.id}:step:1"]


def test_the_runner_creates_a_missing_sandbox_account_outside_its_batch(workspace: Workspace) -> None:
    sid = _scenario(workspace)
    js = enter(workspace.engine, sid, add_contacts(workspace, 3), NOW, context={"event": {"type": "lead"}})
    JourneyTicker(workspace.engine).run_until_idle(NOW)
    assert [m["provider"] for m in messages(workspace.engine)] == ["sandbox-sms"] * 3
    assert all(steps(workspace.engine, j)[1] == (1, "a", "sent", "next") for j in js)


def test_runner_batches_are_short_while_events_flow(workspace: Workspace) -> None:
    sid = _scenario(workspace)
    enter(workspace.engine, sid, add_contacts(workspace, 25), NOW, context={"event": {"type": "lead"}})
    runner = JourneyTicker(workspace.engine, batch_size=500, quick_batch=10)
    runner.events_flowing(60.0)
    assert runner.run_once(NOW) is True and len(messages(workspace.engine)) == 10
    runner.events_flowing(0.0)
    assert runner.run_once(NOW) is False and len(messages(workspace.engine)) == 25


def test_a_journey_walked_into_an_event_wait_is_woken_by_the_next_event(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Спасибо", "Спасибо за покупку, {{ first_name }}!")
    sid = publish(workspace.engine, graph("Покупка", [
        LEAD, ("we", "flow.wait_event", {"event_type": "purchase", "filters": [],
                                         "timeout": {"amount": 2, "unit": "days"}}),
        ("a", "action.sms", {"template": "Спасибо", "sms_kind": "service"}), ("x", "flow.exit", {})],
        [("t", "next", "we"), ("we", "event", "a"), ("we", "timeout", "x")]))
    add_contacts(workspace, 1)
    ticker, runner = _ticker(workspace)
    post(workspace.engine, EventIn("lead", phone="+79160000000"), now=NOW)
    ticker.run_once(NOW)
    (row,) = workspace.engine.connect().execute(sa.select(journeys).where(journeys.c.scenario_id == sid)).all()
    assert (row.state, row.node_id) == ("waiting", "we") and messages(workspace.engine) == []
    later = NOW + dt.timedelta(minutes=5)
    post(workspace.engine, EventIn("purchase", phone="+79160000000"), now=later)
    ticker.run_once(later)
    runner.run_until_idle(later)
    assert [m["payload"]["text"] for m in messages(workspace.engine)] == ["Спасибо за покупку, Имя0!"]
    assert [s[1:] for s in steps(workspace.engine, row.id)] == [
        ("t", "entered", None), ("we", "waiting", None), ("we", "passed", "event"), ("a", "sent", "next")]
