"""Starting a journey: the scenario's entry rule, applied safely under concurrent starters.

Entry rules (`app.scenarios.graph.EntryRule`): "once" — a contact enters a scenario once
ever (any version); "once_per_days" — at most once per N days and never while a journey of
theirs is still running; "every_time" — every trigger starts a journey, even alongside a
running one. The caller holds a write transaction (SQLite `BEGIN IMMEDIATE`, which serialises
writers); on PostgreSQL the contact row is locked `FOR UPDATE`, so two starters for one
contact take turns and the second sees the first one's journey.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db.schema import contacts
from app.errors import NotFoundError
from app.journeys.tables import journey_steps, journeys
from app.scenarios.graph import EntryRule
from app.scenarios.tables import scenario_versions

__all__ = ["RUNNING_STATES", "Start", "entry_rule", "start_journey", "start_journeys"]

#: Journey states that count as "inside the scenario".
RUNNING_STATES = ("active", "waiting")


def entry_rule(conn: Connection, scenario_id: int, version: int) -> EntryRule:
    """The entry rule stored in a scenario version's document."""
    document = conn.execute(sa.select(scenario_versions.c.document).where(
        scenario_versions.c.scenario_id == scenario_id, scenario_versions.c.version == version)).scalar()
    if document is None:
        raise NotFoundError(f"scenario {scenario_id} has no version {version}")
    raw = document.get("entry") or {}
    return EntryRule(raw.get("mode", "once"), raw.get("days"))


@dataclass(frozen=True)
class Start:
    """One contact to put into a scenario version at a trigger node (see `start_journeys`)."""

    scenario_id: int
    version: int
    trigger_node_id: str
    contact_id: int
    entry: EntryRule
    context: dict[str, Any] | None = None
    event_id: int | None = None


def _existing_contacts(conn: Connection, contact_ids: list[int]) -> set[int]:
    """The contacts that still exist; on PostgreSQL their rows are locked, which serialises
    starters per contact (in id order, so two starters never wait on each other crosswise)."""
    found: set[int] = set()
    for i in range(0, len(contact_ids), 500):
        query = sa.select(contacts.c.id).where(contacts.c.id.in_(contact_ids[i:i + 500])).order_by(contacts.c.id)
        if conn.dialect.name != "sqlite":
            query = query.with_for_update()
        found.update(int(c) for c in conn.execute(query).scalars())
    return found


def _blocked(conn: Connection, scenario_id: int, contact_ids: list[int], rule: EntryRule,
             now: dt.datetime) -> set[int]:
    """Contacts the rule keeps out of the scenario because of journeys already stored."""
    if rule.mode == "every_time":
        return set()
    where = [journeys.c.scenario_id == scenario_id]
    if rule.mode != "once":
        since = now - dt.timedelta(days=int(rule.days or 1))
        where.append(sa.or_(journeys.c.entered_at > since, journeys.c.state.in_(RUNNING_STATES)))
    found: set[int] = set()
    for i in range(0, len(contact_ids), 500):
        found.update(int(c) for c in conn.execute(sa.select(journeys.c.contact_id).distinct().where(
            *where, journeys.c.contact_id.in_(contact_ids[i:i + 500]))).scalars())
    return found


def _insert_journeys(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert journey rows; their ids in order."""
    if conn.dialect.name != "sqlite":
        return [int(i) for i in conn.execute(
            journeys.insert().returning(journeys.c.id, sort_by_parameter_order=True), rows).scalars()]
    # SQLite would run a RETURNING insert row by row. After the first insert this transaction
    # holds the write lock, so the next rowids are simply the following numbers (checked).
    first = int(conn.execute(journeys.insert().values(rows[0])).inserted_primary_key[0])
    if len(rows) > 1:
        conn.execute(journeys.insert(), rows[1:])
        last = conn.execute(sa.select(sa.func.max(journeys.c.id))).scalar()
        if last != first + len(rows) - 1:
            raise RuntimeError(f"journey ids are not consecutive ({first}..{last} for {len(rows)} rows)")
    return list(range(first, first + len(rows)))


def start_journeys(conn: Connection, starts: Sequence[Start], now: dt.datetime) -> list[int | None]:
    """Start many journeys at once (a few statements per batch); ids in order, None where kept out.

    Same rules as `start_journey`; within the batch, a contact's earlier start counts against
    their later ones.
    """
    if not starts:
        return []
    alive = _existing_contacts(conn, sorted({s.contact_id for s in starts}))
    blocked: dict[int, set[int]] = {}
    for scenario_id in {s.scenario_id for s in starts}:
        mine = [s for s in starts if s.scenario_id == scenario_id]
        blocked[scenario_id] = _blocked(conn, scenario_id, sorted({s.contact_id for s in mine}), mine[0].entry, now)
    chosen: list[int] = []
    for i, start in enumerate(starts):
        taken = blocked[start.scenario_id]
        if start.contact_id not in alive or start.contact_id in taken:
            continue
        chosen.append(i)
        if start.entry.mode != "every_time":
            taken.add(start.contact_id)
    ids: list[int | None] = [None] * len(starts)
    if not chosen:
        return ids
    rows = [{"scenario_id": starts[i].scenario_id, "version": starts[i].version, "contact_id": starts[i].contact_id,
             "node_id": starts[i].trigger_node_id, "state": "active", "wake_at": now, "step": 0,
             "context": starts[i].context or {}, "event_id": starts[i].event_id, "entered_at": now,
             "updated_at": now} for i in chosen]
    new_ids = _insert_journeys(conn, rows)
    conn.execute(journey_steps.insert(), [
        {"journey_id": jid, "scenario_id": starts[i].scenario_id, "version": starts[i].version,
         "node_id": starts[i].trigger_node_id, "step": 0, "outcome": "entered", "port": None, "outbox_id": None,
         "detail": None, "at": now} for i, jid in zip(chosen, new_ids, strict=True)])
    for i, jid in zip(chosen, new_ids, strict=True):
        ids[i] = int(jid)
    return ids


def start_journey(conn: Connection, *, scenario_id: int, version: int, trigger_node_id: str, contact_id: int,
                  now: dt.datetime, context: dict[str, Any] | None = None, event_id: int | None = None,
                  entry: EntryRule | None = None) -> int | None:
    """Put a contact into a scenario version at its trigger node; the new journey id, or None.

    None means the entry rule (or a deleted contact) kept the contact out. The journey is
    `active` with `wake_at` = now, so the runner takes its first step on its next turn; one
    `journey_steps` row (step 0, outcome "entered") records the entry. `entry` saves reading
    the rule from the version's document when the caller already has it.
    """
    rule = entry or entry_rule(conn, scenario_id, version)
    return start_journeys(conn, [Start(scenario_id, version, trigger_node_id, contact_id, rule, context, event_id)],
                          now)[0]
