"""Builders for the trigger, entry, lifecycle and report tests: contacts, events and published scenarios."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from app.events.ingest import store_events
from app.events.payload import EventIn
from app.journeys import lifecycle
from app.journeys.tables import journey_steps, journeys
from app.scenarios import store
from app.scenarios.graph import EntryRule, Node, Scenario

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
WAIT = {"amount": 1, "unit": "days"}


def add_contact(engine: Engine, **values: Any) -> int:
    """One contact; returns its id."""
    now = values.pop("created_at", T0)
    row = {"custom": {}, "search_text": "", "created_at": now, "updated_at": now, **values}
    with engine.begin() as conn:
        return int(conn.execute(contacts.insert().values(row)).inserted_primary_key[0])


def post(engine: Engine, *events: EventIn, now: dt.datetime = T0) -> None:
    """Store events through the real intake."""
    store_events(engine, list(events), now=now)


def trigger_scenario(name: str, trigger_type: str, props: dict[str, Any], *, entry: EntryRule | None = None,
                     goal: dict[str, Any] | None = None, extra_triggers: int = 0) -> Scenario:
    """trigger → wait 1 day → exit (valid in any workspace), optionally with a goal node."""
    s = Scenario(name, entry=entry or EntryRule("once"))
    s.add_node(Node("t", trigger_type, props))
    s.add_node(Node("w", "flow.wait", {"duration": dict(WAIT)}))
    s.add_node(Node("x", "flow.exit", {}))
    s.connect("t", "next", "w")
    s.connect("w", "next", "x")
    for i in range(extra_triggers):
        s.add_node(Node(f"t{i + 2}", trigger_type, props))
        s.connect(f"t{i + 2}", "next", "w")
    if goal is not None:
        s.add_node(Node("g", "flow.goal", goal))
    return s


def publish(engine: Engine, scenario: Scenario, *, now: dt.datetime = T0) -> int:
    """Store and publish; returns the scenario id."""
    info = store.create_scenario(engine, scenario)
    lifecycle.publish(engine, info.id, now=now)
    return info.id


def journey_rows(engine: Engine, scenario_id: int | None = None) -> list[Any]:
    """Journeys (of one scenario), oldest first."""
    query = sa.select(journeys).order_by(journeys.c.id)
    if scenario_id is not None:
        query = query.where(journeys.c.scenario_id == scenario_id)
    with engine.connect() as conn:
        return list(conn.execute(query).all())


def steps_of(engine: Engine, journey_id: int) -> list[tuple[int, str, str]]:
    """(step, node, outcome) of one journey."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(journey_steps.c.step, journey_steps.c.node_id, journey_steps.c.outcome)
            .where(journey_steps.c.journey_id == journey_id).order_by(journey_steps.c.step))]
