"""Node and trigger semantics when the computer was off: late timers, goals and date triggers."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta

from app.events.payload import EventIn
from app.journeys.runner import JourneyTicker
from app.journeys.simulate import simulate
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    T,
    enter,
    graph,
    journey,
    messages,
    publish,
    sms_template,
    steps,
)
from tests.app.journeys.trigger_helpers import T0, add_contact, journey_rows, post, steps_of, trigger_scenario
from tests.app.journeys.trigger_helpers import publish as publish_now

WINDOW = {"weekdays": [1, 2, 3, 4, 5], "from": "10:00", "to": "20:00"}
SATURDAY = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)  # 12:00 Saturday in Moscow
MONDAY_TEN = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # 10:00 Monday in Moscow


def test_wait_window_is_checked_again_when_the_timer_runs_late(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(workspace.engine, graph("Окно", [T, ("ww", "flow.wait_window", WINDOW),
                                                   ("a", "action.sms", {"template": "Привет", "sms_kind": "trigger"})],
                                          [("t", "next", "ww"), ("ww", "next", "a")]))
    (contact,) = add_contacts(workspace, 1)
    (j,) = enter(workspace.engine, sid, [contact], SATURDAY)
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(SATURDAY)
    assert journey(workspace.engine, j)["wake_at"].replace(tzinfo=UTC) == MONDAY_TEN
    monday_night = MONDAY_TEN + timedelta(hours=11)  # the computer was off until 21:00 Monday
    ticker.run_until_idle(monday_night)
    assert messages(workspace.engine) == []  # outside the window: it waits for the next opening
    assert journey(workspace.engine, j)["wake_at"].replace(tzinfo=UTC) == MONDAY_TEN + timedelta(days=1)
    ticker.run_until_idle(MONDAY_TEN + timedelta(days=1))
    assert len(messages(workspace.engine)) == 1
    assert [s[1:3] for s in steps(workspace.engine, j)][-2:] == [("ww", "passed"), ("a", "sent")]
    # the simulation walks the same way: a late wake outside the window waits again
    sim = simulate(workspace.engine, sid, contact_id=contact, start=SATURDAY)
    assert sim.messages[0].at == MONDAY_TEN


def test_the_triggering_event_never_counts_as_the_goal(workspace: Workspace) -> None:
    engine = workspace.engine
    add_contact(engine, phone="+79990000001")
    # An order form both starts the follow-up and is the goal: the order that started it is not a conversion.
    goal = {"event_type": "order", "filters": []}
    sid = publish_now(engine, trigger_scenario("Заказ", "trigger.event", {"event_type": "order", "filters": []},
                                               goal=goal, entry=EntryRule("every_time")))
    ticker = TriggerTicker(engine)
    ticker.run_once(T0)  # sets the event cursor
    # the phone's clock is a little ahead of the computer's
    post(engine, EventIn("order", phone="+79990000001", occurred_at=T0 + timedelta(seconds=5)), now=T0)
    ticker.run_once(T0)
    (row,) = journey_rows(engine, sid)
    assert (row.state, row.converted_at) == ("active", None)
    assert [s[2] for s in steps_of(engine, row.id)] == ["entered"]
    # a second order does convert the first journey (and starts its own, every time)
    post(engine, EventIn("order", phone="+79990000001", occurred_at=T0 + timedelta(minutes=5)), now=T0)
    ticker.run_once(T0 + timedelta(minutes=5))
    first = journey_rows(engine, sid)[0]
    assert (first.state, first.outcome) == ("exited", "goal reached")


def _at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def test_a_birthday_fires_late_the_same_local_day_but_never_the_next(workspace: Workspace) -> None:
    engine = workspace.engine
    late = add_contact(engine, phone="+79990000001", birthday=dt.date(1990, 6, 10), city="Москва")
    missed = add_contact(engine, phone="+79990000002", birthday=dt.date(1991, 6, 11), city="Москва")
    sid = publish_now(engine, trigger_scenario("ДР", "trigger.date", {"field": "birthday", "at": "10:00"},
                                               entry=EntryRule("every_time")), now=_at(2026, 6, 1))
    ticker = TriggerTicker(engine, every={"date": 0})
    # switched on at 23:50 Moscow on the 10th: the greeting still goes, on its day
    ticker.run_once(_at(2026, 6, 10, 20, 50))
    assert [r.contact_id for r in journey_rows(engine, sid)] == [late]
    # off the whole of the 11th, on again on the 12th: no birthday greeting a day late, nor a week late
    ticker.run_once(_at(2026, 6, 12, 7, 0))
    ticker.run_once(_at(2026, 6, 18, 7, 0))
    assert [r.contact_id for r in journey_rows(engine, sid)] == [late]
    ticker.run_once(_at(2027, 6, 11, 7, 0))  # next year, on the day
    assert [r.contact_id for r in journey_rows(engine, sid)] == [late, missed]


def test_a_goal_counts_only_within_its_window_when_the_journey_wakes(workspace: Workspace) -> None:
    from app.events.tables import events

    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    goal = ("g", "flow.goal", {"event_type": "purchase", "filters": [], "within": {"amount": 2, "unit": "hours"}})
    sid = publish(workspace.engine, graph("Окно цели", [T, ("w", "flow.wait", {"duration": {"amount": 1,
                                                                                           "unit": "days"}}),
                                                       ("a", "action.sms", {"template": "Привет",
                                                                            "sms_kind": "trigger"}), goal],
                                          [("t", "next", "w"), ("w", "next", "a")]))
    late, early = add_contacts(workspace, 2)
    js = enter(workspace.engine, sid, [late, early], MONDAY_TEN)
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_TEN)
    with workspace.engine.begin() as conn:
        for person, after in ((late, timedelta(hours=3)), (early, timedelta(hours=1))):
            conn.execute(events.insert().values(contact_id=person, type="purchase", properties={},
                                                occurred_at=MONDAY_TEN + after, received_at=MONDAY_TEN + after,
                                                source="test"))
    ticker.run_until_idle(MONDAY_TEN + timedelta(days=1))
    assert [m["contact_id"] for m in messages(workspace.engine)] == [late]  # bought too late to count
    assert journey(workspace.engine, js[0])["converted_at"] is None
    row = journey(workspace.engine, js[1])
    assert (row["state"], row["converted_at"].replace(tzinfo=UTC)) == ("exited", MONDAY_TEN + timedelta(hours=1))
