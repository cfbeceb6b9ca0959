"""Triggers fed by contact data rather than events: list additions, segment entries, one-off audiences.

Each function handles one trigger node of one published scenario in ONE write transaction:
it reads what is new since the node's cursor (or snapshot), starts the journeys and moves the
cursor together, so a crash repeats nothing and loses nothing. They return True when a full
batch was taken (more is due right away). `prepare_triggers` sets the starting points at
publish (and lazily, should the engine meet a scenario published without it): list additions
count from that moment, the segment's members at that moment are the baseline, and the
one-off audience is fixed to the contacts that exist then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import contacts, list_members, lists
from app.errors import NotFoundError, UserInputError
from app.events.tables import events
from app.journeys.cursors import EVENTS_KEY, aware, get_cursor, node_key, put_cursor, scenario_events_key
from app.journeys.entry import start_journey
from app.journeys.live import LiveScenario
from app.journeys.trigger_tables import segment_snapshots
from app.scenarios.graph import Node
from app.segments.service import get_segment, segment_condition

__all__ = ["audience_starts", "list_additions", "prepare_triggers", "segment_entries", "write_conn"]


def write_conn(engine: Engine) -> Connection:
    """A connection whose transactions take the SQLite write lock up front."""
    conn = engine.connect()
    return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(engine) else conn


def _start(conn: Connection, live: LiveScenario, node: Node, contact_id: int, now: dt.datetime,
           context: dict[str, Any]) -> int | None:
    return start_journey(conn, scenario_id=live.id, version=live.version, trigger_node_id=node.id,
                         contact_id=contact_id, now=now, context=context, entry=live.entry)


def _segment_cond(engine: Engine, name: str, now: dt.datetime) -> Any:
    """The saved segment's rule as a WHERE on contacts, or None when the segment is gone or broken."""
    try:
        return segment_condition(engine, get_segment(engine, name).rule, today=now.date())
    except (NotFoundError, UserInputError):
        return None


def _in_snapshot(scenario_id: int, node_id: str) -> Any:
    snap = segment_snapshots
    return sa.exists(sa.select(sa.literal(1)).where(snap.c.scenario_id == scenario_id, snap.c.node_id == node_id,
                                                    snap.c.contact_id == contacts.c.id))


def _baseline(conn: Connection, scenario_id: int, node_id: str, cond: Any) -> None:
    snap = segment_snapshots
    conn.execute(snap.delete().where(snap.c.scenario_id == scenario_id, snap.c.node_id == node_id))
    if cond is not None:
        select = sa.select(sa.literal(scenario_id), sa.literal(node_id), contacts.c.id).where(cond)
        conn.execute(snap.insert().from_select(["scenario_id", "node_id", "contact_id"], select))


def prepare_triggers(engine: Engine, live: LiveScenario, now: dt.datetime, *, reset: bool = False) -> None:
    """Create the missing starting points of a live version's triggers; `reset` restarts them at `now`.

    `reset` (resume after a pause) skips what happened while paused; a one-off audience is
    never restarted.
    """
    conds = {n.id: _segment_cond(engine, str(n.props.get("segment") or ""), now)
             for n in live.nodes_of("trigger.segment_entered")}
    with write_conn(engine) as conn, conn.begin():
        newest_event = int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(events.c.id), 0))).scalar() or 0)
        if get_cursor(conn, EVENTS_KEY) is None:
            put_cursor(conn, EVENTS_KEY, now, position=newest_event)
        key = scenario_events_key(live.id)
        if reset or get_cursor(conn, key) is None:
            put_cursor(conn, key, now, scenario_id=live.id, position=newest_event)
        for node in live.nodes_of("trigger.list_added"):
            key, name = node_key(live.id, node.id, "list"), str(node.props.get("list") or "")
            cursor = get_cursor(conn, key)
            if reset or cursor is None or cursor.note != name:
                put_cursor(conn, key, now, scenario_id=live.id, at=now, position=0, note=name)
        for node in live.nodes_of("trigger.segment_entered"):
            key, name = node_key(live.id, node.id, "segment"), str(node.props.get("segment") or "")
            cursor = get_cursor(conn, key)
            if reset or cursor is None or cursor.note != name:
                _baseline(conn, live.id, node.id, conds[node.id])
                put_cursor(conn, key, now, scenario_id=live.id, at=now, note=name)
        for node in live.nodes_of("trigger.audience"):
            key = node_key(live.id, node.id, "audience")
            if get_cursor(conn, key) is None:
                newest = int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(contacts.c.id), 0))).scalar() or 0)
                put_cursor(conn, key, now, scenario_id=live.id, position=0, until=newest, done=False)


def list_additions(engine: Engine, live: LiveScenario, node: Node, now: dt.datetime, *, batch: int,
                   settle: float) -> bool:
    """Start journeys for contacts added to the node's list since its cursor.

    Rows younger than `settle` seconds wait a little: a writer that stamped `added_at` before
    taking the write lock may still be committing rows older than the newest one visible.
    """
    key, name = node_key(live.id, node.id, "list"), str(node.props.get("list") or "")
    with write_conn(engine) as conn, conn.begin():
        cursor = get_cursor(conn, key)
        list_id = conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar()
        if cursor is None or cursor.at is None or list_id is None:
            return False
        lm = list_members
        rows = conn.execute(
            sa.select(lm.c.contact_id, lm.c.added_at)
            .where(lm.c.list_id == list_id, lm.c.added_at <= now - dt.timedelta(seconds=settle),
                   sa.or_(lm.c.added_at > cursor.at, sa.and_(lm.c.added_at == cursor.at,
                                                            lm.c.contact_id > cursor.position)))
            .order_by(lm.c.added_at, lm.c.contact_id).limit(batch)).all()
        for row in rows:
            _start(conn, live, node, int(row.contact_id), now, {"trigger": "list_added", "list": name,
                                                                 "added_at": aware(row.added_at).isoformat()})
        if rows:
            put_cursor(conn, key, now, at=aware(rows[-1].added_at), position=int(rows[-1].contact_id))
    return len(rows) == batch


def segment_entries(engine: Engine, live: LiveScenario, node: Node, now: dt.datetime, *, batch: int) -> bool:
    """Start journeys for contacts now in the node's segment but not in its snapshot; forget leavers."""
    name = str(node.props.get("segment") or "")
    cond = _segment_cond(engine, name, now)
    if cond is None:
        return False
    snap = segment_snapshots
    with write_conn(engine) as conn, conn.begin():
        new = [int(c) for c in conn.execute(
            sa.select(contacts.c.id).where(cond, sa.not_(_in_snapshot(live.id, node.id)))
            .order_by(contacts.c.id).limit(batch)).scalars()]
        if new:
            conn.execute(snap.insert(), [{"scenario_id": live.id, "node_id": node.id, "contact_id": c} for c in new])
        for contact_id in new:
            _start(conn, live, node, contact_id, now, {"trigger": "segment_entered", "segment": name})
        if len(new) < batch:
            # Someone who left may enter again later, and that counts as entering.
            conn.execute(snap.delete().where(snap.c.scenario_id == live.id, snap.c.node_id == node.id,
                                             snap.c.contact_id.not_in(sa.select(contacts.c.id).where(cond))))
    return len(new) == batch


def _audience_cond(engine: Engine, props: dict[str, Any], now: dt.datetime) -> Any:
    kind = props.get("audience")
    if kind == "segment":
        return _segment_cond(engine, str(props.get("segment") or ""), now)
    if kind == "list":
        members = (sa.select(list_members.c.contact_id).join(lists, lists.c.id == list_members.c.list_id)
                   .where(lists.c.name == str(props.get("list") or "")))
        return contacts.c.id.in_(members)
    return sa.true()


def audience_starts(engine: Engine, live: LiveScenario, node: Node, now: dt.datetime, *, batch: int) -> bool:
    """Stream the one-off audience into the scenario, one batch per call, until it is all in."""
    key = node_key(live.id, node.id, "audience")
    cond = _audience_cond(engine, node.props, now)
    with write_conn(engine) as conn, conn.begin():
        cursor = get_cursor(conn, key)
        if cursor is None or cursor.done:
            return False
        ids: list[int] = []
        if cond is not None:
            ids = [int(c) for c in conn.execute(
                sa.select(contacts.c.id).where(cond, contacts.c.id > cursor.position,
                                               contacts.c.id <= (cursor.until or 0))
                .order_by(contacts.c.id).limit(batch)).scalars()]
        for contact_id in ids:
            _start(conn, live, node, contact_id, now, {"trigger": "audience", "audience": node.props.get("audience")})
        put_cursor(conn, key, now, position=ids[-1] if ids else cursor.position, done=len(ids) < batch)
    return len(ids) == batch
