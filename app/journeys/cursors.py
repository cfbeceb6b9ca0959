"""Reading and moving the durable trigger cursors (`trigger_cursors`), inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.journeys.trigger_tables import trigger_cursors

__all__ = ["EVENTS_KEY", "Cursor", "aware", "before_gap", "get_cursor", "node_key", "put_cursor", "scenario_events_key"]

#: The shared scan over new events (triggers, waking waiting journeys, goals).
EVENTS_KEY = "events"


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as an aware UTC datetime (SQLite hands them back naive)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def scenario_events_key(scenario_id: int) -> str:
    """Events with a higher id than this cursor's position may start the scenario's journeys."""
    return f"s{scenario_id}:events"


def node_key(scenario_id: int, node_id: str, kind: str) -> str:
    """The cursor of one trigger node ("list", "segment", "audience"...)."""
    return f"s{scenario_id}:{node_id}:{kind}"


@dataclass
class Cursor:
    """One cursor row."""

    key: str
    scenario_id: int | None
    position: int
    until: int | None
    at: dt.datetime | None
    note: str | None
    done: bool


def get_cursor(conn: Connection, key: str) -> Cursor | None:
    """The cursor called `key`, or None when it was never set."""
    row = conn.execute(sa.select(trigger_cursors).where(trigger_cursors.c.key == key)).first()
    if row is None:
        return None
    return Cursor(row.key, row.scenario_id, int(row.position), row.until, aware(row.at), row.note, bool(row.done))


def put_cursor(conn: Connection, key: str, now: dt.datetime, *, scenario_id: int | None = None,
               **values: Any) -> None:
    """Create or update a cursor with the given column values (position, until, at, note, done)."""
    done = conn.execute(trigger_cursors.update().where(trigger_cursors.c.key == key)
                        .values(updated_at=now, **values)).rowcount
    if not done:
        conn.execute(trigger_cursors.insert().values(key=key, scenario_id=scenario_id, updated_at=now, **values))


def before_gap(rows: list[Any], position: int, settle: float) -> list[Any]:
    """The rows up to the first recent gap in ids.

    On PostgreSQL a transaction may commit after a later one, so a missing id can still
    appear; events after a gap wait until they are `settle` seconds old (by then the gap is
    a rolled-back insert, not a slow one).
    """
    expected, young = position + 1, dt.datetime.now(dt.UTC) - dt.timedelta(seconds=settle)
    for i, row in enumerate(rows):
        if row.id != expected and aware(row.received_at) > young:
            return rows[:i]
        expected = row.id + 1
    return rows
