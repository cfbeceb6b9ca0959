"""The durable journey runner: an engine ticker that advances due journeys in batches.

Each batch is one transaction (BEGIN IMMEDIATE on SQLite): it re-reads the due journeys,
walks each until it waits or ends (`app.journeys.nodes.Walker`), and writes the journey rows,
their `journey_steps` rows (unique per journey and step) and the outbox rows the actions
queued, all or nothing. A kill at any moment leaves the batch either committed or to be redone
from the same rows; a redone step takes the same branch and queues under the same `step_ref`.
Journeys of paused scenarios are not claimed (re-checked inside the write, so a pause pressed
between the claim and the write holds them); those of archived scenarios end `exited`. On
PostgreSQL the batch locks its journey rows, so an archive or a goal from another connection
waits for the batch instead of being overwritten by it.
The trigger ticker walks the journeys it starts through `advance_started`, inside its own
transaction, with this same code; the runner then only meets them again at their timers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import contacts
from app.engine.gates import load_policy
from app.journeys import batch
from app.journeys.actions import ActionSetup, MessageRenderer, Resolver
from app.journeys.batch import end_journey, journey_from_row
from app.journeys.effects import DbEffects
from app.journeys.nodes import Journey, StepRecord, Walker
from app.journeys.tables import journey_steps, journeys
from app.outbox.schedule import utc
from app.scenarios.graph import Node
from app.scenarios.readwrite import scenario_from_dict
from app.scenarios.registry import NodeType, Registry, default_registry
from app.scenarios.tables import scenario_versions, scenarios

__all__ = ["JourneyTicker", "load_walker"]

log = logging.getLogger(__name__)

_LIVE = ("active", "waiting")
#: Seconds a resolved template / provider stays cached (a renamed template is noticed after this).
SETUP_TTL = 60.0


@dataclass
class _Plan:
    """One scenario version ready to run: its walker and its action nodes' setups."""

    walker: Walker
    name: str
    pinned_at: datetime | None
    setups: dict[str, ActionSetup] = field(default_factory=dict)
    resolved_at: float = 0.0


def load_walker(conn: Connection, scenario_id: int, version: int, registry: Registry) -> tuple[Walker, datetime | None]:
    """The walker of a stored scenario version and its publication time."""
    row = conn.execute(sa.select(scenario_versions.c.document, scenario_versions.c.published_at).where(
        scenario_versions.c.scenario_id == scenario_id, scenario_versions.c.version == version)).first()
    if row is None:
        raise LookupError(f"scenario {scenario_id} has no version {version}")
    graph = scenario_from_dict(row.document, registry=registry, error_handler=lambda _problem: None)
    return Walker(graph, registry), utc(row.published_at)


def _claim(conn: Connection, ids: Sequence[int], states: Sequence[str], *, published: bool = True) -> sa.Select:
    """The journeys of a batch, read inside its write transaction: only those still live and, unless
    ending them, of a scenario still published (paused between the claim and the write: they hold).
    On PostgreSQL the rows are locked, so an archive or a goal from another connection waits for
    the batch instead of being overwritten by it (SQLite's BEGIN IMMEDIATE already serialises)."""
    query = sa.select(journeys).where(journeys.c.id.in_(list(ids)), journeys.c.state.in_(list(states)))
    if published:
        query = query.where(journeys.c.scenario_id.in_(
            sa.select(scenarios.c.id).where(scenarios.c.status == "published")))
    if conn.dialect.name != "sqlite":
        query = query.with_for_update(of=journeys)
    return query.order_by(journeys.c.id)


class JourneyTicker:
    """Advances due journeys; implements `app.engine.tickers.Ticker`.

    Args:
        engine: the workspace database.
        batch_size: journeys per transaction (one fsync each).
        quick_batch: journeys per transaction while events are arriving (`events_flowing`): the
            trigger scan runs between two batches, so a short batch keeps event latency low.
        registry: node types (tests add their own).
        sweep_every: seconds between looks for journeys of archived scenarios.
    """

    def __init__(self, engine: Engine, *, batch_size: int = 500, quick_batch: int = 100,
                 registry: Registry | None = None, sweep_every: float = 5.0) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.quick_batch = quick_batch
        self._quick_until = 0.0
        self.registry = registry or default_registry()
        self.sweep_every = sweep_every
        self.resolver = Resolver(engine)
        self._renderer: MessageRenderer | None = None
        self._plans: dict[tuple[int, int], _Plan] = {}
        self._last_sweep = 0.0
        self.steps_written = 0

    # -- Ticker ------------------------------------------------------------------------------
    async def tick(self, now: datetime) -> bool:
        """One batch in a worker thread (the event loop keeps sending meanwhile)."""
        return await asyncio.to_thread(self.run_once, now)

    def next_wake(self, now: datetime) -> float | None:
        """Seconds until the earliest timer of a running scenario, or None."""
        with self.engine.connect() as conn:
            times = [utc(conn.execute(sa.select(journeys.c.wake_at).select_from(
                journeys.join(scenarios, scenarios.c.id == journeys.c.scenario_id))
                .where(journeys.c.state == state, journeys.c.wake_at.is_not(None), scenarios.c.status == "published")
                .order_by(journeys.c.wake_at).limit(1)).scalar()) for state in _LIVE]
        found = [t for t in times if t is not None]
        return max(0.0, (min(found) - now).total_seconds()) if found else None

    def next_poll(self, now: datetime) -> float | None:
        """No periodic checks: timers are real work (`next_wake`); archived scenarios end their
        journeys themselves, the sweep is only a fallback."""
        return None

    async def aclose(self) -> None:
        """Nothing to release: every batch commits before `tick` returns."""
        return None

    # -- journeys started by triggers -----------------------------------------------------------
    def events_flowing(self, seconds: float) -> None:
        """Keep batches short for the next `seconds` (events are arriving)."""
        self._quick_until = time.monotonic() + seconds

    def prepare(self, versions: Iterable[tuple[int, int]]) -> None:
        """Load and resolve scenario versions (scenario id, version) before a write transaction
        opens, so `advance_started` can walk their journeys inside it."""
        if self._renderer is None:
            self._renderer = MessageRenderer(self.engine)
        self._prepare(versions)

    def advance_started(self, conn: Connection, journey_ids: Sequence[int | None], now: datetime) -> int:
        """Walk journeys just started in the caller's write transaction until they wait or end.

        The same walk, effects and rows as a runner batch, so the first message is in the
        outbox when the start commits (a crash loses or repeats neither). Journeys of versions
        not `prepare`d, or whose walk fails, stay due for the runner (a savepoint undoes the
        failed walk, not the start). Returns steps written.
        """
        ids = [i for i in journey_ids if i is not None]
        if not ids or self._renderer is None:
            return 0
        try:
            with conn.begin_nested():
                rows = conn.execute(_claim(conn, ids, ("active",))).mappings().all()
                rows = [r for r in rows if (r["scenario_id"], r["version"]) in self._plans]
                written = self._walk_rows(conn, rows, now, archived=False) if rows else 0
        except Exception:  # the runner retries them with its own per-journey failure handling
            log.exception("journeys started by a trigger were not advanced at once; the runner takes them")
            return 0
        self.steps_written += written
        return written

    # -- batches ------------------------------------------------------------------------------
    def run_until_idle(self, now: datetime | None = None) -> int:
        """Run batches until nothing is due at `now` (tests, benchmarks); returns steps written."""
        before = self.steps_written
        while self.run_once(now or datetime.now(UTC)):
            pass
        return self.steps_written - before

    def run_once(self, now: datetime) -> bool:
        """Advance one batch of due journeys; True when more are due right away."""
        if self._renderer is None:
            self._renderer = MessageRenderer(self.engine)
        if time.monotonic() - self._last_sweep >= self.sweep_every:
            archived = self._archived_ids()
            if archived:
                self._write(now, [i for i, _s, _v in archived], archived=True)
                return True
            self._last_sweep = time.monotonic()
        size = self.quick_batch if time.monotonic() < self._quick_until else self.batch_size
        due = self._due_ids(now, size)
        if not due:
            return False
        self._prepare({(s, v) for _i, s, v in due})
        ids = [i for i, _s, _v in due]
        try:
            self._write(now, ids, archived=False)
        except sa.exc.OperationalError:
            log.exception("journey batch not written (the database is busy or unavailable); retrying later")
            return False
        except Exception:  # one broken journey must not stop the others, nor the engine
            log.exception("journey batch failed; retrying its journeys one by one")
            for journey_id in ids:
                try:
                    self._write(now, [journey_id], archived=False)
                except sa.exc.OperationalError:
                    raise
                except Exception as exc:
                    self._fail(journey_id, now, exc)
        return len(due) >= size

    def _fail(self, journey_id: int, now: datetime, exc: Exception) -> None:
        """End a journey whose step cannot be run (`failed`, the error as the outcome)."""
        log.error("journey %s failed: %r", journey_id, exc)
        reason = f"internal error: {exc!r}"[:200]
        conn = self.engine.connect()
        if is_sqlite(self.engine):
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
        with conn, conn.begin():
            row = conn.execute(sa.select(journeys).where(journeys.c.id == journey_id,
                                                         journeys.c.state.in_(_LIVE))).mappings().first()
            if row is None:
                return
            conn.execute(journey_steps.insert().values(
                journey_id=journey_id, scenario_id=row["scenario_id"], version=row["version"],
                node_id=row["node_id"], step=row["step"] + 1, outcome="failed", detail=reason, at=now))
            conn.execute(journeys.update().where(journeys.c.id == journey_id).values(
                state="failed", wake_at=None, step=row["step"] + 1, outcome=reason, finished_at=now, updated_at=now))

    def _due_ids(self, now: datetime, size: int) -> list[tuple[int, int, int]]:
        found: list[Any] = []
        with self.engine.connect() as conn:
            for state in _LIVE:
                found += conn.execute(
                    sa.select(journeys.c.id, journeys.c.scenario_id, journeys.c.version, journeys.c.wake_at)
                    .select_from(journeys.join(scenarios, scenarios.c.id == journeys.c.scenario_id))
                    .where(journeys.c.state == state, journeys.c.wake_at <= now, scenarios.c.status == "published")
                    .order_by(journeys.c.wake_at).limit(size)).all()
        found.sort(key=lambda r: (utc(r.wake_at), r.id))
        return [(r.id, r.scenario_id, r.version) for r in found[:size]]

    def _archived_ids(self) -> list[tuple[int, int, int]]:
        with self.engine.connect() as conn:
            archived = conn.execute(sa.select(scenarios.c.id).where(scenarios.c.status == "archived")).scalars().all()
            if not archived:  # the usual case: one look at the small scenarios table
                return []
            rows = conn.execute(
                sa.select(journeys.c.id, journeys.c.scenario_id, journeys.c.version)
                .where(journeys.c.scenario_id.in_(archived), journeys.c.state.in_(_LIVE))
                .limit(self.batch_size)).all()
        return [(r.id, r.scenario_id, r.version) for r in rows]

    def _prepare(self, versions: Iterable[tuple[int, int]]) -> None:
        """Load the versions' graphs and resolve their action nodes before the write opens:
        resolving may create the channel's sandbox account, a write of its own that would wait
        on the batch's lock (SQLite: "database is locked") if done inside the batch."""
        for key in set(versions):
            plan = self._plans.get(key)
            if plan is None:
                with self.engine.connect() as conn:
                    try:
                        walker, pinned = load_walker(conn, key[0], key[1], self.registry)
                    except LookupError:
                        continue  # the journey exits with a reason inside the batch
                    name = conn.execute(sa.select(scenarios.c.name).where(scenarios.c.id == key[0])).scalar() or ""
                plan = self._plans[key] = _Plan(walker, name, pinned)
            if time.monotonic() - plan.resolved_at > SETUP_TTL:
                plan.setups = {}
                for node in plan.walker.graph.nodes.values():
                    node_type = self.registry.get(node.type)
                    if node_type is not None and node_type.channel:
                        plan.setups[node.id] = self.resolver.setup(node, node_type, plan.pinned_at)
                plan.resolved_at = time.monotonic()

    def _setup(self, journey: Journey, node: Node, node_type: NodeType) -> ActionSetup:
        plan = self._plans.get((journey.scenario_id, journey.version))
        found = plan.setups.get(node.id) if plan is not None else None
        return found or ActionSetup(error=f"node {node.id} has no resolved template or provider")

    def _write(self, now: datetime, ids: list[int], *, archived: bool) -> None:
        conn = self.engine.connect()
        if is_sqlite(self.engine):
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
        with conn, conn.begin():
            rows = conn.execute(_claim(conn, ids, _LIVE, published=not archived)).mappings().all()
            if not archived:  # re-check inside the lock: only what is still due
                rows = [r for r in rows if r["wake_at"] is not None and utc(r["wake_at"]) <= now]
            written = self._walk_rows(conn, rows, now, archived)
        self.steps_written += written

    def _walk_rows(self, conn: Connection, rows: Sequence[Any], now: datetime, archived: bool) -> int:
        """Walk `rows` (journeys mappings) inside the caller's write transaction and write the
        results; returns steps written."""
        assert self._renderer is not None
        people = {r["id"]: dict(r) for r in conn.execute(sa.select(contacts).where(
            contacts.c.id.in_({r["contact_id"] for r in rows}))).mappings()}
        effects = DbEffects(conn, people, load_policy(conn), self._renderer, self._setup,
                            {s: p.name for (s, _v), p in self._plans.items()})
        walked: list[tuple[Journey, list[StepRecord]]] = []
        for row in rows:
            journey = journey_from_row(row)
            walked.append((journey, self._advance(journey, now, effects, archived)))
        written = batch.write_walked(conn, walked, effects.drafts, now)
        effects.save_counters()
        return written

    def _advance(self, journey: Journey, now: datetime, effects: DbEffects, archived: bool) -> list[StepRecord]:
        plan = self._plans.get((journey.scenario_id, journey.version))
        if archived or plan is None:
            reason = "the scenario was archived" if archived else f"scenario version {journey.version} is missing"
            return end_journey(journey, "exited", reason, now)
        if journey.contact_id not in effects.people:
            return end_journey(journey, "exited", "the contact no longer exists", now)
        return plan.walker.advance(journey, now, effects).steps
