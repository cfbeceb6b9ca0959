"""Scenario lifecycle for the CLI and the GUI: publish, pause, resume, archive.

Publishing validates against the workspace (templates, providers, segments), makes the newest
version live and sets its triggers' starting points, so a one-off audience starts streaming
in at once and a segment's current members are the baseline rather than "entered". Pausing
stops new entries and holds journeys where they are; resuming skips what happened while
paused. Archiving ends every running journey as `exited`.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.journeys.entry import RUNNING_STATES
from app.journeys.live import LiveScenario, VersionCache
from app.journeys.tables import journey_steps, journeys
from app.journeys.trigger_sources import prepare_triggers, write_conn
from app.journeys.trigger_tables import segment_snapshots, trigger_cursors, trigger_pending
from app.outbox.tables import outbox
from app.scenarios import store
from app.scenarios.registry import Registry
from app.scenarios.store import ScenarioInfo

__all__ = ["archive", "pause", "publish", "resume"]


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _live(engine: Engine, scenario_id: int, registry: Registry | None) -> LiveScenario | None:
    with engine.connect() as conn:
        return next((s for s in VersionCache(registry).live(conn) if s.id == scenario_id), None)


def publish(engine: Engine, id_or_name: int | str, *, registry: Registry | None = None,
            now: dt.datetime | None = None) -> ScenarioInfo:
    """Validate and publish the newest version (ScenarioInvalid lists every problem); triggers start from now.

    A contact already inside keeps their version; new ones enter the published one.
    """
    info = store.publish_scenario(engine, id_or_name, registry=registry)
    live = _live(engine, info.id, registry)
    if live is not None:
        prepare_triggers(engine, live, _now(now))
    return info


def pause(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """No new entries; journeys inside hold where they are until resumed."""
    return store.pause_scenario(engine, id_or_name)


def resume(engine: Engine, id_or_name: int | str, *, registry: Registry | None = None,
           now: dt.datetime | None = None) -> ScenarioInfo:
    """Run a paused scenario again; events, list additions and segment entries of the pause do not count."""
    info = store.resume_scenario(engine, id_or_name)
    live = _live(engine, info.id, registry)
    if live is not None:
        prepare_triggers(engine, live, _now(now), reset=True)
    return info


def archive(engine: Engine, id_or_name: int | str, *, now: dt.datetime | None = None) -> tuple[ScenarioInfo, int]:
    """Retire the scenario and end its running journeys (`exited`); returns the info and how many ended."""
    info = store.archive_scenario(engine, id_or_name)
    now = _now(now)
    j = journeys
    running = sa.and_(j.c.scenario_id == info.id, j.c.state.in_(RUNNING_STATES))
    with write_conn(engine) as conn, conn.begin():
        if conn.dialect.name != "sqlite":
            # Lock the running journeys first, in the runner's order: a batch walking them finishes
            # before they end here (else both would number the same step and deadlock).
            conn.execute(sa.select(j.c.id).where(running).order_by(j.c.id).with_for_update())
        # The step row first, numbered step + 1, then the journey row moves to that step.
        conn.execute(journey_steps.insert().from_select(
            ["journey_id", "scenario_id", "version", "node_id", "step", "outcome", "detail", "at"],
            sa.select(j.c.id, j.c.scenario_id, j.c.version, j.c.node_id, j.c.step + 1, sa.literal("exited"),
                      sa.literal("scenario archived"), sa.literal(now, type_=journey_steps.c.at.type))
            .where(running)))
        # Messages its journeys queued but that have not left (e.g. held for quiet hours) go too.
        conn.execute(outbox.update().where(
            outbox.c.journey_id.in_(sa.select(j.c.id).where(j.c.scenario_id == info.id)),
            outbox.c.state.in_(("queued", "held"))).values(state="cancelled", updated_at=now))
        ended = conn.execute(j.update().where(running).values(
            state="exited", step=j.c.step + 1, outcome="scenario archived", wake_at=None, finished_at=now,
            updated_at=now)).rowcount
        # A one-off audience's cursor stays: restoring the scenario must not start it again.
        conn.execute(trigger_cursors.delete().where(trigger_cursors.c.scenario_id == info.id,
                                                    trigger_cursors.c.key.not_like("%:audience")))
        for table in (segment_snapshots, trigger_pending):
            conn.execute(table.delete().where(table.c.scenario_id == info.id))
    return info, int(ended or 0)
