"""The trigger ticker's queries on PostgreSQL: events (with their first steps), lists, segments, dates,
inactivity, audiences, archive."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from app.contacts.lists import add_members, get_or_create_list
from app.db.schema import contacts
from app.events.payload import EventIn
from app.events.tables import events
from app.journeys import lifecycle
from app.journeys.runner import JourneyTicker
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule
from app.segments.service import create_segment
from tests.app.journeys.runtime_helpers import graph, messages, sms_template
from tests.app.journeys.runtime_helpers import publish as runtime_publish
from tests.app.journeys.trigger_helpers import add_contact, journey_rows, post, publish, trigger_scenario

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)


def test_every_trigger_kind_on_postgresql(pg: Engine) -> None:
    old = NOW - dt.timedelta(days=40)
    a = add_contact(pg, phone="+79990000001", city="Казань", birthday=dt.date(1990, 6, 10), created_at=old)
    b = add_contact(pg, phone="+79990000002", city="Пермь", custom={"since": "2020-06-10"}, created_at=old)
    post(pg, EventIn("purchase", phone="+79990000002", occurred_at=old), now=old)
    create_segment(pg, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    every = EntryRule("every_time")
    ids = {
        "event": publish(pg, trigger_scenario("Событие", "trigger.event", {"event_type": "lead", "filters": [
            {"property": "form", "op": "eq", "value": "callback"}]}, goal={"event_type": "purchase", "filters": []}),
            now=NOW),
        "list": publish(pg, trigger_scenario("Список", "trigger.list_added", {"list": "Заявки"}, entry=every),
                        now=NOW),
        "segment": publish(pg, trigger_scenario("Сегмент", "trigger.segment_entered", {"segment": "Казань"}),
                           now=NOW),
        "date": publish(pg, trigger_scenario("Дата", "trigger.date", {"field": "custom:since", "at": "10:00"}),
                        now=NOW),
        "birthday": publish(pg, trigger_scenario("ДР", "trigger.date", {"field": "birthday", "at": "10:00"}),
                            now=NOW),
        "inactive": publish(pg, trigger_scenario("Сон", "trigger.inactivity", {"what": "purchase", "days": 30}),
                            now=NOW),
        "audience": publish(pg, trigger_scenario("Все", "trigger.audience", {"audience": "all"}), now=NOW),
    }
    post(pg, EventIn("lead", phone="+79990000001", properties={"form": "callback"}), now=NOW)
    post(pg, EventIn("lead", phone="+79990000002", properties={"form": "other"}), now=NOW)
    with pg.begin() as conn:
        add_members(conn, get_or_create_list(conn, "Заявки"), [b])
    ticker = TriggerTicker(pg, every={"segment": 0, "date": 0, "inactivity": 0}, settle=0.0)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    # list additions are stamped with the wall clock; the rest runs on the test clock
    ticker.run_once(NOW.replace(hour=7))  # 10:00 in Moscow
    with pg.begin() as conn:
        conn.execute(contacts.update().where(contacts.c.id == b).values(city="Казань"))
    ticker.run_once(NOW.replace(hour=8))
    ticker.run_once(later)
    got = {k: [r.contact_id for r in journey_rows(pg, sid)] for k, sid in ids.items()}
    assert got == {"event": [a], "list": [b], "segment": [b], "date": [b], "birthday": [a], "inactive": [b],
                   "audience": [a, b]}
    post(pg, EventIn("purchase", phone="+79990000001"), now=later)
    ticker.run_once(later)
    assert journey_rows(pg, ids["event"])[0].state == "exited"
    _, ended = lifecycle.archive(pg, ids["audience"])
    assert ended == 2 and {r.state for r in journey_rows(pg, ids["audience"])} == {"exited"}


def test_event_committed_late_is_not_skipped(pg: Engine) -> None:
    """A slower transaction's event (lower id, committed after a later one) still starts a journey."""
    add_contact(pg, phone="+79990000001")
    add_contact(pg, phone="+79990000002")
    sid = publish(pg, trigger_scenario("Лиды", "trigger.event", {"event_type": "lead", "filters": []}),
                  now=dt.datetime.now(dt.UTC))
    ticker = TriggerTicker(pg, settle=30.0)
    ticker.run_once(dt.datetime.now(dt.UTC))
    slow = pg.connect()
    tx = slow.begin()
    slow.execute(events.insert().values(contact_id=1, type="lead", properties={}, source="api",
                                        occurred_at=dt.datetime.now(dt.UTC), received_at=dt.datetime.now(dt.UTC)))
    post(pg, EventIn("lead", phone="+79990000002"), now=dt.datetime.now(dt.UTC))
    ticker.run_once(dt.datetime.now(dt.UTC))
    assert journey_rows(pg, sid) == []  # the later event waits behind the gap
    tx.commit()
    slow.close()
    ticker.run_once(dt.datetime.now(dt.UTC))
    assert sorted(r.contact_id for r in journey_rows(pg, sid)) == [1, 2]


def test_an_event_queues_its_first_message_in_the_scan_on_postgresql(pg: Engine) -> None:
    anna = add_contact(pg, phone="+79990000001", first_name="Анна")
    sms_template(pg, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = runtime_publish(pg, graph("Заявка", [
        ("t", "trigger.event", {"event_type": "lead", "filters": []}),
        ("a", "action.sms", {"template": "Привет", "sms_kind": "service"}),
        ("w", "flow.wait", {"duration": {"amount": 1, "unit": "days"}})],
        [("t", "next", "a"), ("a", "next", "w")]))
    ticker = TriggerTicker(pg, runner=JourneyTicker(pg))
    ticker.run_once(NOW)
    post(pg, EventIn("lead", phone="+79990000001"), now=NOW)
    ticker.run_once(NOW)
    (row,) = journey_rows(pg, sid)
    assert (row.contact_id, row.node_id, row.state, row.step) == (anna, "w", "active", 2)
    assert [(m["step_ref"], m["provider"], m["payload"]["text"]) for m in messages(pg)] == [
        (f"journey:{row.id}:step:1", "sandbox-sms", "Здравствуйте, Анна!")]
