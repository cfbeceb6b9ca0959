"""List additions, segment entries and one-off audiences start journeys exactly once, across restarts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from app.contacts.lists import add_members, get_or_create_list
from app.db.schema import contacts
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule
from app.segments.service import create_segment
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import T0, add_contact, journey_rows, publish, trigger_scenario


def _add_to_list(engine: Engine, name: str, ids: list[int]) -> None:
    with engine.begin() as conn:
        add_members(conn, get_or_create_list(conn, name), ids)


def _set_city(engine: Engine, contact_id: int, city: str) -> None:
    with engine.begin() as conn:
        conn.execute(contacts.update().where(contacts.c.id == contact_id).values(city=city))


def test_list_additions_after_publish_start_journeys_once(workspace: Workspace) -> None:
    engine = workspace.engine
    ids = [add_contact(engine, phone=f"+7999000000{i}") for i in range(6)]
    _add_to_list(engine, "Заявки", ids[:2])  # members before publishing are not "added"
    now = dt.datetime.now(dt.UTC)
    sid = publish(engine, trigger_scenario("Новые", "trigger.list_added", {"list": "Заявки"}), now=now)
    _add_to_list(engine, "Заявки", ids[2:5])
    _add_to_list(engine, "Другой", ids[5:])
    ticker = TriggerTicker(engine, batch=2, settle=2.0)
    ticker.run_once(now + dt.timedelta(seconds=1))
    assert journey_rows(engine, sid) == []  # too fresh: a slower writer may still commit older rows
    later = now + dt.timedelta(seconds=10)
    assert ticker.run_once(later) is True  # a full batch of two: more is due
    # restart: a new ticker continues from the durable cursor
    restarted = TriggerTicker(engine, batch=2, settle=2.0)
    restarted.run_once(later)
    restarted.run_once(later)
    rows = journey_rows(engine, sid)
    assert sorted(r.contact_id for r in rows) == ids[2:5]
    assert rows[0].context["trigger"] == "list_added" and rows[0].context["list"] == "Заявки"


def test_segment_entries_after_the_baseline(workspace: Workspace) -> None:
    engine = workspace.engine
    kazan = [add_contact(engine, phone=f"+7999000000{i}", city="Казань") for i in range(2)]
    other = add_contact(engine, phone="+79990000009", city="Пермь")
    create_segment(engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    sid = publish(engine, trigger_scenario("Казань", "trigger.segment_entered", {"segment": "Казань"},
                                           entry=EntryRule("every_time")))
    ticker = TriggerTicker(engine, every={"segment": 0})
    ticker.run_once(T0)
    assert journey_rows(engine, sid) == []  # members at publish time are the baseline
    _set_city(engine, other, "Казань")
    ticker.run_once(T0)
    ticker.run_once(T0)
    assert [r.contact_id for r in journey_rows(engine, sid)] == [other]
    # leaving and coming back counts as entering again
    _set_city(engine, kazan[0], "Уфа")
    ticker.run_once(T0)
    _set_city(engine, kazan[0], "Казань")
    TriggerTicker(engine, every={"segment": 0}).run_once(T0)
    assert [r.contact_id for r in journey_rows(engine, sid)] == [other, kazan[0]]
    assert journey_rows(engine, sid)[0].context == {"trigger": "segment_entered", "segment": "Казань"}


def test_segment_is_checked_periodically(workspace: Workspace) -> None:
    engine = workspace.engine
    create_segment(engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    sid = publish(engine, trigger_scenario("Казань", "trigger.segment_entered", {"segment": "Казань"}))
    ticker = TriggerTicker(engine, every={"segment": 60})
    ticker.run_once(T0)
    add_contact(engine, phone="+79990000001", city="Казань")
    ticker.run_once(T0 + dt.timedelta(seconds=30))
    assert journey_rows(engine, sid) == []
    assert 29 < ticker.next_poll(T0 + dt.timedelta(seconds=30)) <= 30  # type: ignore[operator]
    assert ticker.next_wake(T0 + dt.timedelta(seconds=30)) is None  # a check, not work: run_until_idle may end
    ticker.run_once(T0 + dt.timedelta(seconds=61))
    assert len(journey_rows(engine, sid)) == 1


def test_many_entrants_stream_in_batches_without_waiting_a_period(workspace: Workspace) -> None:
    engine = workspace.engine
    create_segment(engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    sid = publish(engine, trigger_scenario("Казань", "trigger.segment_entered", {"segment": "Казань"}))
    ticker = TriggerTicker(engine, batch=2, every={"segment": 60})
    ticker.run_once(T0)
    for i in range(5):
        add_contact(engine, phone=f"+7999000000{i}", city="Казань")
    later = T0 + dt.timedelta(seconds=61)
    turns = 1
    while ticker.run_once(later):
        turns += 1
    assert len(journey_rows(engine, sid)) == 5 and turns == 3
    assert ticker.next_wake(later) is None and ticker.next_poll(later) == pytest.approx(60, abs=1)


def test_one_off_audience_streams_in_batches(workspace: Workspace) -> None:
    engine = workspace.engine
    ids = [add_contact(engine, phone=f"+7999000000{i}") for i in range(5)]
    _add_to_list(engine, "VIP", ids[:4])
    sid = publish(engine, trigger_scenario("Акция", "trigger.audience", {"audience": "list", "list": "VIP"}))
    late = add_contact(engine, phone="+79990000099")
    _add_to_list(engine, "VIP", [late])  # joined after publishing: not part of the one-off start
    ticker = TriggerTicker(engine, batch=3)
    assert ticker.run_once(T0) is True
    assert len(journey_rows(engine, sid)) == 3
    TriggerTicker(engine, batch=3).run_once(T0)
    TriggerTicker(engine, batch=3).run_once(T0)
    assert sorted(r.contact_id for r in journey_rows(engine, sid)) == ids[:4]


def test_audience_of_everyone_and_of_a_segment(workspace: Workspace) -> None:
    engine = workspace.engine
    ids = [add_contact(engine, phone=f"+7999000000{i}", city="Казань" if i % 2 else "Уфа") for i in range(4)]
    create_segment(engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    everyone = publish(engine, trigger_scenario("Все", "trigger.audience", {"audience": "all"}))
    kazan = publish(engine, trigger_scenario("Казанцы", "trigger.audience",
                                             {"audience": "segment", "segment": "Казань"}))
    TriggerTicker(engine).run_once(T0)
    assert [r.contact_id for r in journey_rows(engine, everyone)] == ids
    assert [r.contact_id for r in journey_rows(engine, kazan)] == [ids[1], ids[3]]
