"""Time-driven triggers: date anniversaries (in the contact's local time) and inactivity spells.

Anniversary: the day `offset_days` after (or before, when negative) the month and day of a
date field (birthday or custom:<name> holding an ISO date), from the local time `at` in the
contact's zone (`app.engine.gates.recipient_zones`; the workspace zone when it is ambiguous)
until the end of that local day, once per contact per year. People born on 29 February
celebrate on 1 March in other years, as in the segment rules. A day the engine did not run
at all is not caught up later: a birthday greeting a day late reads worse than none.

Inactivity: contacts with at least one event (or purchase) whose latest one is `days` or more
old; once per spell — a `trigger_fired` row marks when it fired, and only activity after
that mark opens a new spell.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from app.engine.gates import load_policy, recipient_zones
from app.events.tables import events
from app.journeys.cursors import aware
from app.journeys.entry import start_journey
from app.journeys.live import LiveScenario
from app.journeys.trigger_sources import write_conn
from app.journeys.trigger_tables import trigger_fired
from app.scenarios.graph import Node
from app.segments.sqlparts import json_date, month_day

__all__ = ["date_anniversaries", "inactivity_spells"]

_SPELL = "spell"


def _keys(day: dt.date) -> set[str]:
    """Month-day keys of dates whose anniversary falls on `day`."""
    keys = {day.strftime("%m-%d")}
    if day.month == 3 and day.day == 1 and not calendar.isleap(day.year):
        keys.add("02-29")
    return keys


def _month_day(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.strftime("%m-%d")
    text = str(value or "")
    return text[5:10] if len(text) >= 10 else None


def _zone(contact: dict[str, Any], default_zone: str) -> dt.tzinfo:
    zones = recipient_zones(contact, default_zone)
    return zones[0] if len(zones) == 1 else ZoneInfo(default_zone)


def date_anniversaries(engine: Engine, live: LiveScenario, node: Node, now: dt.datetime) -> int:
    """Start journeys for contacts whose anniversary is due now in their zone; how many started."""
    props = node.props
    field = str(props.get("field") or "birthday")
    offset = dt.timedelta(days=int(props.get("offset_days") or 0))
    hours, minutes = (int(p) for p in str(props.get("at") or "10:00").split(":"))
    at = dt.time(hours, minutes)
    sqlite = engine.dialect.name == "sqlite"
    if field.startswith("custom:"):
        expr, is_text = json_date(contacts.c.custom, field[len("custom:"):], sqlite), True
    else:
        expr, is_text = contacts.c.birthday, False
    # Local dates differ from UTC by at most a day either way.
    keys = set().union(*(_keys(now.date() + dt.timedelta(days=d) - offset) for d in (-1, 0, 1)))
    started = 0
    with write_conn(engine) as conn, conn.begin():
        default_zone = load_policy(conn).default_zone
        rows = conn.execute(sa.select(contacts.c.id, expr.label("day"), contacts.c.timezone, contacts.c.city,
                                      contacts.c.phone)
                            .where(expr.is_not(None), month_day(expr, sqlite, is_text=is_text).in_(sorted(keys)))
                            .order_by(contacts.c.id)).all()
        if not rows:
            return 0
        fired = {(int(c), p) for c, p in conn.execute(
            sa.select(trigger_fired.c.contact_id, trigger_fired.c.period).where(
                trigger_fired.c.scenario_id == live.id, trigger_fired.c.node_id == node.id,
                trigger_fired.c.contact_id.in_([r.id for r in rows])))}
        for row in rows:
            local = now.astimezone(_zone(dict(row._mapping), default_zone))
            day = local.date()
            if _month_day(row.day) not in _keys(day - offset) or local.time().replace(tzinfo=None) < at:
                continue
            period = str(day.year)
            if (int(row.id), period) in fired:
                continue
            conn.execute(trigger_fired.insert().values(scenario_id=live.id, node_id=node.id, contact_id=row.id,
                                                       period=period, at=now))
            context = {"trigger": "date", "field": field, "date": str(row.day)[:10], "day": day.isoformat()}
            if start_journey(conn, scenario_id=live.id, version=live.version, trigger_node_id=node.id,
                             contact_id=int(row.id), now=now, context=context, entry=live.entry):
                started += 1
    return started


def inactivity_spells(engine: Engine, live: LiveScenario, node: Node, now: dt.datetime, *, batch: int) -> bool:
    """Start journeys for contacts inactive for the node's `days`; True when a full batch was taken."""
    days = int(node.props.get("days") or 30)
    where = [events.c.contact_id.is_not(None)]
    if node.props.get("what") == "purchase":
        where.append(events.c.type == "purchase")
    last = (sa.select(events.c.contact_id, sa.func.max(events.c.occurred_at).label("last"))
            .where(*where).group_by(events.c.contact_id).subquery())
    f = trigger_fired
    same_spell = sa.exists(sa.select(sa.literal(1)).where(
        f.c.scenario_id == live.id, f.c.node_id == node.id, f.c.contact_id == last.c.contact_id,
        f.c.period == _SPELL, f.c.at >= last.c.last))
    with write_conn(engine) as conn, conn.begin():
        rows = conn.execute(sa.select(last.c.contact_id, last.c.last)
                            .where(last.c.last <= now - dt.timedelta(days=days), sa.not_(same_spell))
                            .order_by(last.c.contact_id).limit(batch)).all()
        for row in rows:
            contact_id = int(row.contact_id)
            marked = conn.execute(f.update().where(f.c.scenario_id == live.id, f.c.node_id == node.id,
                                                   f.c.contact_id == contact_id, f.c.period == _SPELL)
                                  .values(at=now)).rowcount
            if not marked:
                conn.execute(f.insert().values(scenario_id=live.id, node_id=node.id, contact_id=contact_id,
                                               period=_SPELL, at=now))
            when = aware(row.last) if isinstance(row.last, dt.datetime) else row.last
            context = {"trigger": "inactivity", "what": node.props.get("what", "event"), "days": days,
                       "last_activity": when.isoformat() if isinstance(when, dt.datetime) else str(when)}
            start_journey(conn, scenario_id=live.id, version=live.version, trigger_node_id=node.id,
                          contact_id=contact_id, now=now, context=context, entry=live.entry)
    return len(rows) == batch
