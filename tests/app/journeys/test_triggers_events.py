"""Event triggers: type + property filters, anonymous visitors linked later, wake-ups, goals, durability."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.events.payload import EventIn
from app.journeys import lifecycle, triggers
from app.journeys.tables import journeys
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import (
    T0,
    add_contact,
    journey_rows,
    post,
    publish,
    steps_of,
    trigger_scenario,
)

PRICES = {"event_type": "page_view", "filters": [
    {"property": "url", "op": "contains", "value": "/prices"},
    {"property": "time_on_site", "op": "gte", "value": 180},
    {"property": "utm_source", "op": "eq", "value": "yandex"},
    {"property": "device", "op": "matches", "value": "^(mobile|tablet)$"},
]}
GOOD = {"url": "https://shop.ru/prices?x=1", "time_on_site": 200, "utm_source": "yandex", "device": "mobile"}


def _view(phone: str | None = None, visitor: str | None = None, **props: object) -> EventIn:
    return EventIn("page_view", phone=phone, visitor_id=visitor, properties={**GOOD, **props})


def test_matching_event_starts_a_journey_with_its_data(workspace: Workspace) -> None:
    engine = workspace.engine
    a = add_contact(engine, phone="+79990000001")
    add_contact(engine, phone="+79990000002")
    post(engine, _view("+79990000001"))  # before publishing: does not count
    sid = publish(engine, trigger_scenario("Цены", "trigger.event", PRICES))
    post(engine, _view("+79990000002", url="https://shop.ru/about"), _view("+79990000002", time_on_site=179),
         _view("+79990000002", utm_source="google"), _view("+79990000002", device="desktop"),
         EventIn("form_submitted", phone="+79990000002"), _view("+79990000001"))
    TriggerTicker(engine).run_once(T0)
    (row,) = journey_rows(engine, sid)
    assert row.contact_id == a and row.state == "active" and row.node_id == "t"
    assert row.context["event"]["properties"] == GOOD and row.context["event"]["type"] == "page_view"
    assert row.event_id == row.context["event"]["id"]
    assert steps_of(engine, row.id) == [(0, "t", "entered")]


def test_several_event_triggers_start_one_journey_per_event(workspace: Workspace) -> None:
    engine = workspace.engine
    add_contact(engine, phone="+79990000001")
    sid = publish(engine, trigger_scenario("Любое", "trigger.event", PRICES, entry=EntryRule("every_time"),
                                           extra_triggers=1))
    post(engine, _view("+79990000001"), _view("+79990000001"))
    TriggerTicker(engine).run_once(T0)
    assert len(journey_rows(engine, sid)) == 2


def test_anonymous_visit_counts_once_the_visitor_is_identified(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = publish(engine, trigger_scenario("Цены", "trigger.event", PRICES))
    ticker = TriggerTicker(engine, every={"pending": 0})
    post(engine, _view(visitor="v-1"))
    ticker.run_once(T0)
    assert journey_rows(engine, sid) == []
    # the visitor leaves a phone in a form: the earlier visit now belongs to a contact
    post(engine, EventIn("form_submitted", phone="+79990000009", visitor_id="v-1"))
    ticker.run_once(T0 + dt.timedelta(seconds=1))
    ticker.run_once(T0 + dt.timedelta(seconds=2))
    (row,) = journey_rows(engine, sid)
    assert row.context["event"]["properties"]["url"] == GOOD["url"]
    # stale anonymous visits expire instead of starting journeys weeks later
    post(engine, _view(visitor="v-2"))
    ticker.run_once(T0)
    ticker.run_once(T0 + triggers.PENDING_TTL + dt.timedelta(minutes=1))
    post(engine, EventIn("form_submitted", phone="+79990000010", visitor_id="v-2"))
    ticker.run_once(T0 + triggers.PENDING_TTL + dt.timedelta(minutes=2))
    assert len(journey_rows(engine, sid)) == 1


def test_events_wake_waiting_journeys_and_reach_goals(workspace: Workspace) -> None:
    engine = workspace.engine
    a = add_contact(engine, phone="+79990000001")
    b = add_contact(engine, phone="+79990000002")
    goal = {"event_type": "purchase", "filters": [], "within": {"amount": 7, "unit": "days"}}
    sid = publish(engine, trigger_scenario("Покупка", "trigger.event", {"event_type": "lead", "filters": []},
                                           goal=goal))
    ticker = TriggerTicker(engine)
    post(engine, EventIn("lead", phone="+79990000001"), EventIn("lead", phone="+79990000002"))
    ticker.run_once(T0)
    ja, jb = journey_rows(engine, sid)
    later = T0 + dt.timedelta(days=2)
    with engine.begin() as conn:  # as the runner leaves them: waiting on a timer
        conn.execute(journeys.update().values(state="waiting", step=1, wake_at=T0 + dt.timedelta(days=10),
                                              node_id="w"))
    post(engine, EventIn("page_view", phone="+79990000002", occurred_at=T0 + dt.timedelta(hours=1)))
    post(engine, EventIn("purchase", phone="+79990000001", occurred_at=T0 + dt.timedelta(hours=2)))
    ticker.run_once(later)
    ja, jb = journey_rows(engine, sid)
    assert (ja.contact_id, ja.state, ja.outcome, ja.node_id, ja.step) == (a, "exited", "goal reached", "g", 2)
    assert ja.converted_at.replace(tzinfo=dt.UTC) == T0 + dt.timedelta(hours=2) and steps_of(engine, ja.id)[-1] == (2, "g", "converted")
    assert (jb.contact_id, jb.state) == (b, "waiting") and jb.wake_at.replace(tzinfo=dt.UTC) == later
    # a purchase after the goal's window does not convert
    post(engine, EventIn("purchase", phone="+79990000002", occurred_at=T0 + dt.timedelta(days=8)))
    ticker.run_once(later)
    assert journey_rows(engine, sid)[1].state == "waiting"


def test_a_crash_mid_batch_repeats_nothing_and_loses_nothing(workspace: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    engine = workspace.engine
    for i in range(5):
        add_contact(engine, phone=f"+7999000000{i}")
    sid = publish(engine, trigger_scenario("Лиды", "trigger.event", {"event_type": "lead", "filters": []},
                                           entry=EntryRule("every_time")))
    post(engine, *(EventIn("lead", phone=f"+7999000000{i}") for i in range(5)))
    real = triggers.start_journeys

    def dying(*args: object, **kwargs: object) -> list[int | None]:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("power cut")  # after writing, before the commit

    monkeypatch.setattr(triggers, "start_journeys", dying)
    with pytest.raises(RuntimeError):
        TriggerTicker(engine, event_batch=10).run_once(T0)
    assert journey_rows(engine, sid) == []
    monkeypatch.setattr(triggers, "start_journeys", real)
    # a fresh ticker (after a restart) reads the durable cursor, in batches of two
    fresh = TriggerTicker(engine, event_batch=2)
    while fresh.run_once(T0):
        pass
    fresh.run_once(T0)
    TriggerTicker(engine, event_batch=2).run_once(T0)
    assert sorted(r.contact_id for r in journey_rows(engine, sid)) == list(range(1, 6))


def test_paused_scenario_starts_nothing_and_resume_skips_the_pause(workspace: Workspace) -> None:
    engine = workspace.engine
    add_contact(engine, phone="+79990000001")
    sid = publish(engine, trigger_scenario("Лиды", "trigger.event", {"event_type": "lead", "filters": []},
                                           entry=EntryRule("every_time")))
    lifecycle.pause(engine, sid)
    post(engine, EventIn("lead", phone="+79990000001"))
    lifecycle.resume(engine, sid)  # the engine was off during the pause: the lead still does not count
    ticker = TriggerTicker(engine)
    ticker.run_once(T0)
    assert journey_rows(engine, sid) == []
    post(engine, EventIn("lead", phone="+79990000001"))
    ticker.run_once(T0)
    assert len(journey_rows(engine, sid)) == 1


def test_next_wake_follows_the_events(workspace: Workspace) -> None:
    engine = workspace.engine
    ticker = TriggerTicker(engine, hot_for=0.0)
    ticker.run_once(T0)
    assert ticker.next_wake(T0) is None  # nothing published: nothing to do
    publish(engine, trigger_scenario("Лиды", "trigger.event", {"event_type": "lead", "filters": []}))
    ticker.run_once(T0)
    post(engine, EventIn("lead", phone="+79990000001"))
    assert ticker.next_wake(T0) == 0.0
    ticker.run_once(T0)
    assert ticker.next_wake(T0) is None  # handled: no work left, only the periodic look for new events
    assert ticker.next_poll(T0) == ticker.idle_poll
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(journeys)).scalar() == 1  # a lead creates the contact
    hot = TriggerTicker(engine, hot_for=60.0, poll=0.02)
    post(engine, EventIn("lead", phone="+79990000002"))
    hot.run_once(T0)
    assert hot.next_wake(T0) is None and hot.next_poll(T0) == 0.02  # events flow: look again soon
