"""Date anniversaries in the contact's local time and inactivity spells, with a controllable clock."""

from __future__ import annotations

import datetime as dt

from app.events.payload import EventIn
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import add_contact, journey_rows, post, publish, trigger_scenario

UTC = dt.UTC


def _at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def _contacts_of(workspace: Workspace, sid: int) -> list[int]:
    return [r.contact_id for r in journey_rows(workspace.engine, sid)]


def test_birthday_at_local_time_once_per_year(workspace: Workspace) -> None:
    engine = workspace.engine
    ekb = add_contact(engine, phone="+79990000001", birthday=dt.date(1990, 6, 10), timezone="Asia/Yekaterinburg")
    msk = add_contact(engine, phone="+79990000002", birthday=dt.date(1985, 6, 10), city="Москва")
    next_day = add_contact(engine, phone="+79990000003", birthday=dt.date(1985, 6, 11), city="Москва")
    sid = publish(engine, trigger_scenario("ДР", "trigger.date", {"field": "birthday", "offset_days": 0,
                                                                  "at": "10:00"}, entry=EntryRule("every_time")),
                  now=_at(2026, 6, 1))
    ticker = TriggerTicker(engine, every={"date": 0})
    ticker.run_once(_at(2026, 6, 10, 4, 59))  # 09:59 in Yekaterinburg
    assert _contacts_of(workspace, sid) == []
    ticker.run_once(_at(2026, 6, 10, 5, 0))  # 10:00 there, 08:00 in Moscow
    assert _contacts_of(workspace, sid) == [ekb]
    ticker.run_once(_at(2026, 6, 10, 7, 30))  # 10:30 in Moscow
    ticker.run_once(_at(2026, 6, 10, 20, 0))
    assert _contacts_of(workspace, sid) == [ekb, msk]
    assert journey_rows(engine, sid)[0].context["date"] == "1990-06-10"
    ticker.run_once(_at(2026, 6, 11, 7, 30))  # the next day: only the one born on the 11th
    ticker.run_once(_at(2026, 6, 11, 9, 30))
    assert _contacts_of(workspace, sid) == [ekb, msk, next_day]
    ticker.run_once(_at(2027, 6, 10, 7, 30))  # a year later: both again
    assert _contacts_of(workspace, sid) == [ekb, msk, next_day, ekb, msk]


def test_days_before_a_custom_date_and_29_february(workspace: Workspace) -> None:
    engine = workspace.engine
    contract = add_contact(engine, phone="+79990000001", city="Москва", custom={"contract": "2020-03-04"})
    leap = add_contact(engine, phone="+79990000002", city="Москва", custom={"contract": "2000-03-04T10:00:00"},
                       birthday=dt.date(2000, 2, 29))
    renew = publish(engine, trigger_scenario("Продление", "trigger.date", {
        "field": "custom:contract", "offset_days": -3, "at": "09:00"}), now=_at(2026, 2, 1))
    bday = publish(engine, trigger_scenario("ДР", "trigger.date", {"field": "birthday", "at": "09:00"}),
                   now=_at(2026, 2, 1))
    ticker = TriggerTicker(engine, every={"date": 0})
    ticker.run_once(_at(2026, 2, 28, 7, 0))  # 10:00 in Moscow on 28 February: neither is due yet
    assert _contacts_of(workspace, renew) == [] and _contacts_of(workspace, bday) == []
    ticker.run_once(_at(2026, 3, 1, 7, 0))  # 2026 is not a leap year: 29 February celebrates on 1 March
    assert _contacts_of(workspace, renew) == [contract, leap]
    assert _contacts_of(workspace, bday) == [leap]


def test_inactivity_once_per_spell(workspace: Workspace) -> None:
    engine = workspace.engine
    t0 = _at(2026, 1, 1, 12)
    quiet = add_contact(engine, phone="+79990000001")
    busy = add_contact(engine, phone="+79990000002")
    add_contact(engine, phone="+79990000003")  # never did anything: not a win-back target
    post(engine, EventIn("purchase", phone="+79990000001", occurred_at=t0),
         EventIn("purchase", phone="+79990000002", occurred_at=t0), now=t0)
    sid = publish(engine, trigger_scenario("Вернуть", "trigger.inactivity", {"what": "purchase", "days": 30},
                                           entry=EntryRule("every_time")), now=t0)
    ticker = TriggerTicker(engine, every={"inactivity": 0})
    ticker.run_once(t0 + dt.timedelta(days=29))
    assert _contacts_of(workspace, sid) == []
    post(engine, EventIn("purchase", phone="+79990000002", occurred_at=t0 + dt.timedelta(days=29)),
         EventIn("page_view", phone="+79990000001", occurred_at=t0 + dt.timedelta(days=29)),
         now=t0 + dt.timedelta(days=29))
    ticker.run_once(t0 + dt.timedelta(days=31))
    assert _contacts_of(workspace, sid) == [quiet]  # a page view is not a purchase
    ticker.run_once(t0 + dt.timedelta(days=45))
    TriggerTicker(engine, every={"inactivity": 0}).run_once(t0 + dt.timedelta(days=50))
    assert _contacts_of(workspace, sid) == [quiet]  # once per spell, across restarts
    ticker.run_once(t0 + dt.timedelta(days=60))
    assert _contacts_of(workspace, sid) == [quiet, busy]
    # a new purchase ends the spell; 30 quiet days later it counts again
    post(engine, EventIn("purchase", phone="+79990000001", occurred_at=t0 + dt.timedelta(days=61)),
         now=t0 + dt.timedelta(days=61))
    ticker.run_once(t0 + dt.timedelta(days=80))
    ticker.run_once(t0 + dt.timedelta(days=92))
    assert _contacts_of(workspace, sid) == [quiet, busy, quiet]
