"""Goals reached by new events: a running journey whose version has a matching goal ends `exited`.

Checked as events arrive (the trigger ticker's scan), so a converted contact leaves before
their next message; the runner checks goals too when a journey wakes. The update is
conditional on the journey's step, so whichever comes first wins and the other does nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.journeys.cursors import aware
from app.journeys.entry import RUNNING_STATES
from app.journeys.live import VersionCache
from app.journeys.matching import event_matches
from app.journeys.tables import journey_steps, journeys
from app.scenarios.fields import duration_seconds
from app.scenarios.graph import Node

__all__ = ["goal_hit", "reach_goals"]


def goal_hit(goals: Sequence[Node], entered: dt.datetime | None, rows: Sequence[Any],
             trigger_event: int | None = None) -> tuple[Node, Any] | None:
    """The first (goal, event) pair where an event after entry (within the goal's window) matches;
    the event that started the journey never counts (as in the runner's own goal check)."""
    for row in rows:
        if trigger_event is not None and int(row.id) == int(trigger_event):
            continue
        occurred = aware(row.occurred_at)
        for goal in goals:
            if entered is not None and occurred is not None and occurred < entered:
                continue
            within = goal.props.get("within")
            if within and entered is not None and occurred is not None and \
                    occurred > entered + dt.timedelta(seconds=duration_seconds(within)):
                continue
            if event_matches(goal.props, row.type, row.properties):
                return goal, row
    return None


def _convert(conn: Connection, journey: Any, goal: Node, row: Any, now: dt.datetime) -> None:
    step = int(journey.step) + 1
    done = conn.execute(journeys.update().where(
        journeys.c.id == journey.id, journeys.c.step == journey.step, journeys.c.state.in_(RUNNING_STATES))
        .values(state="exited", node_id=goal.id, step=step, outcome="goal reached",
                converted_at=aware(row.occurred_at) or now, wake_at=None, finished_at=now, updated_at=now)).rowcount
    if done:
        conn.execute(journey_steps.insert().values(
            journey_id=journey.id, scenario_id=journey.scenario_id, version=journey.version, node_id=goal.id,
            step=step, outcome="converted", detail=f"goal reached: event {row.id} ({row.type})", at=now))


def reach_goals(conn: Connection, versions: VersionCache, scenario_ids: Sequence[int], rows: Sequence[Any],
                now: dt.datetime) -> None:
    """End the running journeys (of `scenario_ids`) whose goal one of the event `rows` reaches."""
    by_contact: dict[int, list[Any]] = {}
    for row in rows:
        if row.contact_id is not None:
            by_contact.setdefault(int(row.contact_id), []).append(row)
    if not scenario_ids or not by_contact:
        return
    running = conn.execute(sa.select(journeys.c.id, journeys.c.scenario_id, journeys.c.version,
                                     journeys.c.contact_id, journeys.c.entered_at, journeys.c.step,
                                     journeys.c.event_id)
                           .where(journeys.c.contact_id.in_(sorted(by_contact)),
                                  journeys.c.state.in_(RUNNING_STATES),
                                  journeys.c.scenario_id.in_(list(scenario_ids)))).all()
    for journey in running:
        goals = versions.goals(conn, journey.scenario_id, journey.version)
        hit = goal_hit(goals, aware(journey.entered_at), by_contact.get(int(journey.contact_id), []),
                       journey.event_id) if goals else None
        if hit is not None:
            _convert(conn, journey, hit[0], hit[1], now)
