"""Publish, pause, resume and archive as the CLI and the GUI use them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.contacts.lists import add_members, get_or_create_list
from app.db.schema import list_members
from app.events.payload import EventIn
from app.journeys import lifecycle
from app.journeys.triggers import TriggerTicker
from app.scenarios import store
from app.scenarios.errors import ScenarioInvalid
from app.scenarios.graph import EntryRule, Node
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import T0, add_contact, journey_rows, post, steps_of, trigger_scenario


def test_publish_refuses_an_invalid_scenario_and_changes_nothing(workspace: Workspace) -> None:
    engine = workspace.engine
    s = trigger_scenario("Сломан", "trigger.event", {"event_type": "lead", "filters": []})
    # an action nothing leads to, with a template the library lacks: two problems
    s.add_node(Node("a", "action.sms", {"template": "Нет такого", "sms_kind": "trigger"}))
    info = store.create_scenario(engine, s)
    with pytest.raises(ScenarioInvalid) as caught:
        lifecycle.publish(engine, info.id)
    assert {p.code for p in caught.value.problems} >= {"missing_template", "unreachable_node"}
    assert store.get_scenario(engine, info.id).status == "draft"


def test_audience_starts_at_publish_and_never_again(workspace: Workspace) -> None:
    engine = workspace.engine
    ids = [add_contact(engine, phone=f"+7999000000{i}") for i in range(3)]
    info = store.create_scenario(engine, trigger_scenario("Все", "trigger.audience", {"audience": "all"},
                                                          entry=EntryRule("every_time")))
    lifecycle.publish(engine, info.id, now=T0)
    ticker = TriggerTicker(engine)
    ticker.run_once(T0)
    assert [r.contact_id for r in journey_rows(engine, info.id)] == ids
    info2, ended = lifecycle.archive(engine, info.id, now=T0 + dt.timedelta(hours=1))
    assert (info2.status, ended) == ("archived", 3)
    first = journey_rows(engine, info.id)[0]
    assert (first.state, first.step, first.outcome) == ("exited", 1, "scenario archived")
    assert steps_of(engine, first.id) == [(0, "t", "entered"), (1, "t", "exited")]
    store.restore_scenario(engine, info.id)
    lifecycle.resume(engine, info.id, now=T0 + dt.timedelta(hours=2))
    TriggerTicker(engine).run_once(T0 + dt.timedelta(hours=2))
    assert len(journey_rows(engine, info.id)) == 3  # the one-off start is not repeated


def test_pause_holds_new_entries_of_every_kind(workspace: Workspace) -> None:
    engine = workspace.engine
    contact = add_contact(engine, phone="+79990000001")
    now = dt.datetime.now(dt.UTC)
    info = store.create_scenario(engine, trigger_scenario("Список", "trigger.list_added", {"list": "Заявки"},
                                                          entry=EntryRule("every_time")))
    lifecycle.publish(engine, info.id, now=now)
    lifecycle.pause(engine, info.id)
    with engine.begin() as conn:
        add_members(conn, get_or_create_list(conn, "Заявки"), [contact])
    ticker = TriggerTicker(engine, settle=0.0)
    ticker.run_once(now + dt.timedelta(seconds=5))
    assert journey_rows(engine, info.id) == []
    lifecycle.resume(engine, info.id, now=now + dt.timedelta(seconds=10))
    ticker.run_once(now + dt.timedelta(seconds=20))
    assert journey_rows(engine, info.id) == []  # added while paused: does not count after resuming
    post(engine, EventIn("lead", phone="+79990000001"))  # unrelated events do nothing here
    ticker.run_once(now + dt.timedelta(seconds=30))
    assert journey_rows(engine, info.id) == []
    later = add_contact(engine, phone="+79990000002")  # added after resuming: this one enters
    with engine.begin() as conn:
        add_members(conn, get_or_create_list(conn, "Заявки"), [later])
        conn.execute(list_members.update().where(list_members.c.contact_id == later)
                     .values(added_at=now + dt.timedelta(seconds=35)))
    ticker.run_once(now + dt.timedelta(seconds=40))
    assert [r.contact_id for r in journey_rows(engine, info.id)] == [later]


def test_pause_between_the_turn_start_and_the_event_scan_starts_nothing(workspace: Workspace) -> None:
    engine = workspace.engine
    add_contact(engine, phone="+79990000001")
    info = store.create_scenario(engine, trigger_scenario("Заявка", "trigger.event", {"event_type": "lead",
                                                                                     "filters": []}))
    lifecycle.publish(engine, info.id, now=T0)
    ticker = TriggerTicker(engine)
    ticker.run_once(T0)
    post(engine, EventIn("lead", phone="+79990000001"))
    real = ticker._prepare_runner

    def pause_first() -> None:  # the owner presses pause while the turn is under way
        lifecycle.pause(engine, info.id)
        real()

    ticker._prepare_runner = pause_first  # type: ignore[method-assign]
    ticker.run_once(T0)
    assert journey_rows(engine, info.id) == []
