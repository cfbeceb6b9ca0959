"""The trigger ticker: turns new events, list additions, segment entries, dates, inactivity and
one-off audiences into journeys, and feeds events to running journeys (wake-ups and goals).

One shared scan reads new events by id in small committed batches; in the same transaction
it starts the journeys of published scenarios whose "event received" trigger matches (and,
given the runner, walks them until they wait or end, so the first message is queued when the
start commits: event-to-outbox latency is one scan, not a scan plus a runner turn), wakes
`waiting` journeys of the event's contact (the runner checks the event itself), finishes
journeys whose goal the event reaches, and moves the cursor. An anonymous visitor's event that
matches a trigger is parked in `trigger_pending` and starts the journey once the visitor is
linked to a contact (within PENDING_TTL). Paused scenarios start nothing and their journeys
hold; resuming skips what happened meanwhile (`lifecycle.resume`). On PostgreSQL, where ids
may commit out of order, the scan stops at a recent gap in ids until it fills or settles.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.events.tables import events
from app.journeys.cursors import EVENTS_KEY, aware, before_gap, get_cursor, put_cursor, scenario_events_key
from app.journeys.entry import Start, start_journeys
from app.journeys.goals import reach_goals
from app.journeys.live import LiveScenario, VersionCache
from app.journeys.matching import event_matches
from app.journeys.tables import journeys
from app.journeys.trigger_dates import date_anniversaries, inactivity_spells
from app.journeys.trigger_sources import (
    audience_starts,
    list_additions,
    prepare_triggers,
    segment_entries,
    write_conn,
)
from app.journeys.trigger_tables import trigger_cursors, trigger_pending
from app.scenarios.graph import Node
from app.scenarios.tables import scenarios

if TYPE_CHECKING:
    from app.journeys.runner import JourneyTicker

__all__ = ["PENDING_TTL", "TriggerTicker", "event_context"]

#: How long an anonymous visitor's matching event may wait for the visitor to be identified.
PENDING_TTL = dt.timedelta(days=2)
#: Triggers checked every `every[kind]` seconds rather than on each turn.
_PERIODIC = {"list": "trigger.list_added", "segment": "trigger.segment_entered", "date": "trigger.date",
             "inactivity": "trigger.inactivity"}


def event_context(row: Any) -> dict[str, Any]:
    """The journey context of a triggering event (its properties are usable in templates)."""
    when = aware(row.occurred_at)
    return {"trigger": "event", "event": {"id": int(row.id), "type": row.type, "properties": row.properties or {},
                                          "occurred_at": when.isoformat() if when else None}}


class TriggerTicker:
    """Engine work that starts journeys and feeds events to running ones.

    Args:
        engine: the workspace database.
        batch: rows per committed transaction (list, segment, audience, inactivity).
        event_batch: events per committed transaction of the event scan (bulk starts keep it cheap;
            a large one keeps up with bursts in a single engine turn).
        poll: seconds between event checks while events keep arriving.
        hot_for: seconds after the last new event during which the engine polls every `poll`.
        idle_poll: seconds between event checks in a quiet spell (only while an event trigger is live):
            bounds how long the first event after a pause waits.
        every: seconds between periodic checks per kind ("list", "segment", "date", "inactivity", "pending").
        settle: seconds a list addition waits before it counts (late commits, see list_additions).
        runner: the journey runner: journeys started by events take their first steps through it in
            the scan's own transaction, so their first message is queued when the start commits.
    """

    def __init__(self, engine: Engine, *, batch: int = 200, event_batch: int | None = None, poll: float = 0.02,
                 hot_for: float = 3.0, idle_poll: float = 0.2, every: dict[str, float] | None = None,
                 settle: float = 2.0, runner: JourneyTicker | None = None) -> None:
        self.engine = engine
        self.runner = runner
        self.batch = batch
        self.event_batch = event_batch or max(batch, 1000)
        self.poll = poll
        self.hot_for = hot_for
        self.idle_poll = idle_poll
        self.every = {"list": 1.0, "segment": 60.0, "date": 60.0, "inactivity": 300.0, "pending": 1.0,
                      **(every or {})}
        self.settle = settle
        self.versions = VersionCache()
        self._prepared: set[tuple[int, int]] = set()
        self._last: dict[str, dt.datetime] = {}
        self._hot_until = 0.0
        self._more = False
        self._live: list[LiveScenario] = []
        self._audience_done: set[tuple[int, str]] = set()
        self._unfinished: set[str] = set()
        self._parked = True  # until pending_links has looked: anonymous events may wait for a link

    # -- Ticker protocol ------------------------------------------------------------------
    async def tick(self, now: dt.datetime) -> bool:
        """Run what is due (in a worker thread: database work must not stall the engine's loop)."""
        self._more = await asyncio.to_thread(self.run_once, now)
        return self._more

    def next_wake(self, now: dt.datetime) -> float | None:
        """0 when events wait to be scanned or a batch is unfinished, else None: real work only,
        so `run_until_idle` ends once every event is handled (periodic checks are `next_poll`)."""
        if self._more:
            return 0.0
        if not any(s.published for s in self._live):
            return None
        return 0.0 if self._unscanned() else None

    def next_poll(self, now: dt.datetime) -> float | None:
        """Seconds until the next periodic check: `poll` while events flow (new ones are picked up
        within it), else the next segment / date / inactivity / list / parked-event check.
        Answered from memory: the engine asks on every turn."""
        if time.monotonic() < self._hot_until:
            return self.poll
        kinds = self._kinds() + (["pending"] if self._parked and self._live else [])
        waits = [self._due_in(kind, now) for kind in kinds]
        if any(s.published and s.nodes_of("trigger.event") for s in self._live):
            waits.append(self.idle_poll)
        return min(waits) if waits else None

    async def aclose(self) -> None:
        """Nothing is held between turns."""

    # -- one turn -------------------------------------------------------------------------
    def run_once(self, now: dt.datetime) -> bool:
        """Everything due at `now`, each batch committed on its own; True when more is due at once."""
        with self.engine.connect() as conn:
            self._live = self.versions.live(conn)
        more = False
        for live in self._live:
            if live.published and (live.id, live.version) not in self._prepared:
                prepare_triggers(self.engine, live, now)
                self._prepared.add((live.id, live.version))
        more |= self.scan_events(now)
        published = [s for s in self._live if s.published]
        for live in published:
            for node in live.nodes_of("trigger.audience"):
                if (live.id, node.id) not in self._audience_done:
                    streaming = audience_starts(self.engine, live, node, now, batch=self.batch)
                    more |= streaming
                    if not streaming:
                        self._audience_done.add((live.id, node.id))
        for kind, type_id in _PERIODIC.items():
            # A kind that took a full batch last time goes on at once, without waiting its period.
            if kind not in self._unfinished and not self._due(kind, now):
                continue
            full = False
            for live in published:
                for node in live.nodes_of(type_id):
                    full |= self._periodic(kind, live, node, now)
            self._unfinished.discard(kind)
            if full:
                self._unfinished.add(kind)
            more |= full
        if "pending" in self._unfinished or self._due("pending", now):
            full = self.pending_links(now)
            self._unfinished.discard("pending")
            if full:
                self._unfinished.add("pending")
            more |= full
        return more

    def _periodic(self, kind: str, live: LiveScenario, node: Node, now: dt.datetime) -> bool:
        """One periodic trigger node's work; True when it took a full batch."""
        if kind == "list":
            return list_additions(self.engine, live, node, now, batch=self.batch, settle=self.settle)
        if kind == "segment":
            return segment_entries(self.engine, live, node, now, batch=self.batch)
        if kind == "inactivity":
            return inactivity_spells(self.engine, live, node, now, batch=self.batch)
        date_anniversaries(self.engine, live, node, now)  # a day's few candidates, all at once
        return False

    def _kinds(self) -> list[str]:
        return [k for k, t in _PERIODIC.items() if any(s.published and s.nodes_of(t) for s in self._live)]

    def _due_in(self, kind: str, now: dt.datetime) -> float:
        last = self._last.get(kind)
        return 0.0 if last is None else max(0.0, self.every[kind] - (now - last).total_seconds())

    def _due(self, kind: str, now: dt.datetime) -> bool:
        if self._due_in(kind, now) > 0:
            return False
        self._last[kind] = now
        return True

    # -- events ---------------------------------------------------------------------------
    def _unscanned(self) -> bool:
        """Whether events newer than the scan cursor exist (a cheap read; no write lock)."""
        with self.engine.connect() as conn:
            cursor = conn.execute(sa.select(trigger_cursors.c.position)
                                  .where(trigger_cursors.c.key == EVENTS_KEY)).scalar()
            if cursor is None:
                return True  # the scan sets it
            newest = conn.execute(sa.select(sa.func.max(events.c.id))).scalar()
        return newest is not None and int(newest) > int(cursor)

    def _prepare_runner(self) -> None:
        """Let the runner load the live versions before the scan's write transaction opens."""
        if self.runner is not None:
            self.runner.prepare((s.id, s.version) for s in self._live if s.published)

    def scan_events(self, now: dt.datetime) -> bool:
        """One batch of new events: starts (with their first steps), wake-ups, goals and the
        cursor, in one transaction."""
        if not self._unscanned():
            return False
        self._prepare_runner()
        with write_conn(self.engine) as conn, conn.begin():
            cursor = get_cursor(conn, EVENTS_KEY)
            if cursor is None:
                newest = conn.execute(sa.select(sa.func.coalesce(sa.func.max(events.c.id), 0))).scalar()
                put_cursor(conn, EVENTS_KEY, now, position=int(newest or 0))
                return False
            rows = conn.execute(sa.select(events.c.id, events.c.contact_id, events.c.visitor_id, events.c.type,
                                          events.c.properties, events.c.occurred_at, events.c.received_at)
                                .where(events.c.id > cursor.position).order_by(events.c.id).limit(self.event_batch)).all()
            if conn.dialect.name != "sqlite":
                rows = before_gap(rows, cursor.position, self.settle)
            if not rows:
                return False
            self._hot_until = time.monotonic() + self.hot_for
            contacts = sorted({int(r.contact_id) for r in rows if r.contact_id is not None})
            if contacts:  # before the starts: a journey this batch starts has not waited for these events
                conn.execute(journeys.update().where(
                    journeys.c.contact_id.in_(contacts), journeys.c.state == "waiting",
                    sa.or_(journeys.c.wake_at.is_(None), journeys.c.wake_at > now)).values(wake_at=now, updated_at=now))
            since = self._since(conn)
            started = start_journeys(conn, [s for row in rows for s in self._starts_for_event(conn, row, now, since)],
                                     now)
            if self.runner is not None:
                self.runner.events_flowing(self.hot_for)
                self.runner.advance_started(conn, started, now)
            if contacts:
                reach_goals(conn, self.versions, [s.id for s in self._live if s.published], rows, now)
            put_cursor(conn, EVENTS_KEY, now, position=int(rows[-1].id))
        return len(rows) == self.event_batch

    def _since(self, conn: Connection) -> dict[int, int]:
        """Per published scenario, the event id after which its triggers count. Read inside the
        scan's transaction, and only for scenarios still published there: one paused since the
        turn began starts nothing."""
        keys = {scenario_events_key(s.id): s.id for s in self._live if s.published}
        if not keys:
            return {}
        still = set(conn.execute(sa.select(scenarios.c.id).where(
            scenarios.c.id.in_(list(keys.values())), scenarios.c.status == "published")).scalars())
        found = conn.execute(sa.select(trigger_cursors.c.key, trigger_cursors.c.position)
                             .where(trigger_cursors.c.key.in_(list(keys)))).all()
        return {keys[k]: int(p) for k, p in found if keys[k] in still}

    def _starts_for_event(self, conn: Connection, row: Any, now: dt.datetime, since: dict[int, int]) -> list[Start]:
        """The journeys one event starts (anonymous visitors' matches are parked in trigger_pending)."""
        starts = []
        for live in self._live:
            if not live.published or live.id not in since or row.id <= since[live.id]:
                continue
            for node in live.nodes_of("trigger.event"):
                if not event_matches(node.props, row.type, row.properties):
                    continue
                if row.contact_id is None:
                    if row.visitor_id:
                        conn.execute(trigger_pending.insert().values(event_id=row.id, scenario_id=live.id,
                                                                     node_id=node.id, created_at=now))
                        self._parked = True
                    break
                starts.append(Start(live.id, live.version, node.id, int(row.contact_id), live.entry,
                                    event_context(row), int(row.id)))
                break  # several event triggers are an "any of" set: one journey per event
        return starts

    # -- anonymous visitors identified later ----------------------------------------------
    def pending_links(self, now: dt.datetime) -> bool:
        """Start journeys for parked events whose visitor now belongs to a contact; drop stale ones."""
        by_id = {s.id: s for s in self._live}
        p = trigger_pending
        self._prepare_runner()
        with write_conn(self.engine) as conn, conn.begin():
            conn.execute(p.delete().where(p.c.created_at < now - PENDING_TTL))
            rows = conn.execute(sa.select(p.c.event_id, p.c.scenario_id, p.c.node_id, events.c.id,
                                          events.c.contact_id, events.c.type, events.c.properties,
                                          events.c.occurred_at)
                                .join(events, events.c.id == p.c.event_id)
                                .where(events.c.contact_id.is_not(None)).limit(self.batch)).all()
            starts = []
            for row in rows:
                live = by_id.get(int(row.scenario_id))
                if live is not None and live.published and any(n.id == row.node_id
                                                               for n in live.nodes_of("trigger.event")):
                    starts.append(Start(live.id, live.version, row.node_id, int(row.contact_id), live.entry,
                                        event_context(row), int(row.id)))
                conn.execute(p.delete().where(p.c.event_id == row.event_id, p.c.scenario_id == row.scenario_id,
                                              p.c.node_id == row.node_id))
            started = start_journeys(conn, starts, now)
            if self.runner is not None:
                self.runner.advance_started(conn, started, now)
            self._parked = conn.execute(sa.select(p.c.event_id).limit(1)).first() is not None
        return len(rows) == self.batch
