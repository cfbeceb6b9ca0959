"""Builders for the journey runtime tests: published scenarios, journeys at their trigger, a clock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import settings
from app.journeys.tables import journey_steps, journeys
from app.outbox.payload import decode_payload
from app.outbox.tables import outbox
from app.scenarios.graph import Node, Scenario
from app.scenarios.registry import Registry
from app.scenarios.store import create_scenario, publish_scenario
from app.templates.document import new_document
from app.templates.library import create_template, save_version

#: A Monday 12:00 in Moscow (09:00 UTC): inside every default window.
MONDAY_NOON = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
#: The entry every runtime test starts from: a page view event.
T = ("t", "trigger.event", {"event_type": "page_view", "filters": []})
DAY = {"amount": 1, "unit": "days"}


def sms_template(engine: Engine, name: str, text: str) -> int:
    """An SMS template in the library; returns its id."""
    document = new_document("sms")
    document["text"] = text
    return create_template(engine, name, "sms", document).template_id


def new_sms_version(engine: Engine, template_id: int, text: str) -> None:
    document = new_document("sms")
    document["text"] = text
    save_version(engine, template_id, document)


def email_template(engine: Engine, name: str, subject: str, kind: str = "email") -> None:
    document = new_document("designer" if kind == "email" else "manager")
    document["subject"] = subject
    if kind == "manager":
        document["text"] = "Заявка от {{ lead.name }} ({{ lead.phone }})"
    create_template(engine, name, kind, document)


def graph(name: str, nodes: Iterable[tuple[str, str, dict[str, Any]]],
          edges: Iterable[tuple[str, str, str]]) -> Scenario:
    """A scenario from (id, type, props) nodes and (source, port, target) edges."""
    scenario = Scenario(name)
    for i, (node_id, type_id, props) in enumerate(nodes):
        scenario.add_node(Node(node_id, type_id, props, i * 200.0, 0.0))
    for source, port, target in edges:
        scenario.connect(source, port, target)
    return scenario


def publish(engine: Engine, scenario: Scenario, registry: Registry | None = None) -> int:
    """Store and publish; returns the scenario id."""
    info = create_scenario(engine, scenario)
    publish_scenario(engine, info.id, registry=registry)
    return info.id


def enter(engine: Engine, scenario_id: int, contact_ids: Iterable[int], now: datetime, *, version: int = 1,
          node_id: str = "t", context: dict[str, Any] | None = None) -> list[int]:
    """Journeys at the trigger node, as the entry side starts them (step 0 "entered")."""
    ids = list(contact_ids)
    rows = [{"scenario_id": scenario_id, "version": version, "contact_id": c, "node_id": node_id, "state": "active",
             "wake_at": now, "step": 0, "context": dict(context or {}), "entered_at": now, "updated_at": now}
            for c in ids]
    with engine.begin() as conn:
        before = conn.execute(sa.select(sa.func.coalesce(sa.func.max(journeys.c.id), 0))).scalar()
        for start in range(0, len(rows), 5000):
            conn.execute(journeys.insert(), rows[start:start + 5000])
        found = [r for (r,) in conn.execute(sa.select(journeys.c.id).where(
            journeys.c.id > before).order_by(journeys.c.id))]
        conn.execute(journey_steps.insert(), [
            {"journey_id": j, "scenario_id": scenario_id, "version": version, "node_id": node_id, "step": 0,
             "outcome": "entered", "at": now} for j in found])
    return found


def no_quiet_hours(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(settings.insert().values(key="sending.quiet_hours", value={"channels": []}))


def journey(engine: Engine, journey_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(journeys).where(journeys.c.id == journey_id)).mappings().one())


def steps(engine: Engine, journey_id: int) -> list[tuple[int, str, str, str | None]]:
    """(step, node, outcome, port) of a journey, in order."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(journey_steps.c.step, journey_steps.c.node_id, journey_steps.c.outcome, journey_steps.c.port)
            .where(journey_steps.c.journey_id == journey_id).order_by(journey_steps.c.step))]


def messages(engine: Engine, contact_id: int | None = None) -> list[dict[str, Any]]:
    """Outbox rows with decoded payloads, in order."""
    query = sa.select(outbox).order_by(outbox.c.id)
    if contact_id is not None:
        query = query.where(outbox.c.contact_id == contact_id)
    with engine.connect() as conn:
        out = []
        for row in conn.execute(query).mappings():
            item = dict(row)
            item["payload"] = decode_payload(row["payload"], row["payload_zip"])
            out.append(item)
        return out
