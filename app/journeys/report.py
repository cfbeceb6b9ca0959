"""Scenario reports: per node, per A/B branch and in total — contacts, messages by status, conversions.

Everything is counted in SQL from `journeys`, `journey_steps` (a step that queued a message
has outcome "sent" and carries its `outbox_id`) and `outbox`. A node's "entered" counts the journeys that reached it;
"converted" counts those of them that later reached a goal. `node_counters` is the cheap
subset the canvas refreshes every few seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.exports import write_table
from app.journeys.tables import journey_steps, journeys
from app.outbox.tables import OUTBOX_STATES, outbox
from app.scenarios import store
from app.scenarios.registry import default_registry

__all__ = ["BranchStats", "NodeStats", "ScenarioReport", "export_report", "node_counters", "scenario_report"]

#: Outbox states that mean "left for the provider" (and, of those, "reached the person").
SENT_STATES = ("sent", "delivered", "read")
DELIVERED_STATES = ("delivered", "read")
#: The step outcome of an action that queued a message (the only steps with an `outbox_id`).
MESSAGE_OUTCOME = "sent"


@dataclass
class NodeStats:
    """One node's numbers."""

    node_id: str
    type: str
    title: str
    entered: int = 0
    active: int = 0
    waiting: int = 0
    done: int = 0
    exited: int = 0
    failed: int = 0
    converted: int = 0
    messages: dict[str, int] = field(default_factory=dict)


@dataclass
class BranchStats:
    """One A/B/n branch of a split node."""

    node_id: str
    branch: str
    contacts: int = 0
    sent: int = 0
    delivered: int = 0
    failed: int = 0
    converted: int = 0

    @property
    def conversion_rate(self) -> float:
        """Converted / contacts (0 when nobody took the branch)."""
        return self.converted / self.contacts if self.contacts else 0.0


@dataclass
class ScenarioReport:
    """A scenario's report (one version, or all of them when `version` is None)."""

    scenario_id: int
    name: str
    version: int | None
    nodes: list[NodeStats]
    branches: list[BranchStats]
    totals: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible form (CLI --json)."""
        return {"scenario_id": self.scenario_id, "name": self.name, "version": self.version,
                "nodes": [vars(n) for n in self.nodes],
                "branches": [{**vars(b), "conversion_rate": round(b.conversion_rate, 4)} for b in self.branches],
                "totals": self.totals}


def _steps(scenario_id: int, version: int | None) -> list[Any]:
    where = [journey_steps.c.scenario_id == scenario_id]
    if version is not None:
        where.append(journey_steps.c.version == version)
    return where


def _journeys(scenario_id: int, version: int | None) -> list[Any]:
    where = [journeys.c.scenario_id == scenario_id]
    if version is not None:
        where.append(journeys.c.version == version)
    return where


def _entered(conn: Connection, scenario_id: int, version: int | None) -> dict[str, int]:
    s = journey_steps
    return {n: int(c) for n, c in conn.execute(
        sa.select(s.c.node_id, sa.func.count(sa.distinct(s.c.journey_id)))
        .where(*_steps(scenario_id, version)).group_by(s.c.node_id))}


def _states(conn: Connection, scenario_id: int, version: int | None) -> dict[str, dict[str, int]]:
    """Journeys standing (or ended) at each node, by state."""
    found: dict[str, dict[str, int]] = {}
    for node, state, count in conn.execute(
            sa.select(journeys.c.node_id, journeys.c.state, sa.func.count())
            .where(*_journeys(scenario_id, version)).group_by(journeys.c.node_id, journeys.c.state)):
        found.setdefault(node, {})[state] = int(count)
    return found


def _messages(conn: Connection, scenario_id: int, version: int | None, nodes: Iterable[str]) -> dict[str, dict[str, int]]:
    """Messages by outbox state per node; `nodes` (those with steps) lets the index on
    (scenario, node, outcome) find the message steps without reading the others."""
    s = journey_steps
    found: dict[str, dict[str, int]] = {}
    for node, state, count in conn.execute(
            sa.select(s.c.node_id, outbox.c.state, sa.func.count()).join(outbox, outbox.c.id == s.c.outbox_id)
            .where(*_steps(scenario_id, version), s.c.node_id.in_(sorted(nodes)), s.c.outcome == MESSAGE_OUTCOME)
            .group_by(s.c.node_id, outbox.c.state)):
        found.setdefault(node, {})[state] = int(count)
    return found


def _converted(conn: Connection, scenario_id: int, version: int | None) -> dict[str, int]:
    s = journey_steps
    # From the (few) converted journeys to their steps, not from every step to its journey.
    converted = sa.select(journeys.c.id).where(*_journeys(scenario_id, version), journeys.c.converted_at.is_not(None))
    return {n: int(c) for n, c in conn.execute(
        sa.select(s.c.node_id, sa.func.count(sa.distinct(s.c.journey_id)))
        .where(s.c.journey_id.in_(converted)).group_by(s.c.node_id))}


def _branches(conn: Connection, scenario_id: int, version: int | None) -> list[BranchStats]:
    split = journey_steps.alias("split")
    later = journey_steps.alias("later")
    base = [split.c.scenario_id == scenario_id, split.c.outcome == "branch"]
    if version is not None:
        base.append(split.c.version == version)
    stats: dict[tuple[str, str], BranchStats] = {}
    for node, port, contacts, converted in conn.execute(
            sa.select(split.c.node_id, split.c.port, sa.func.count(sa.distinct(split.c.journey_id)),
                      sa.func.count(sa.distinct(sa.case((journeys.c.converted_at.is_not(None), split.c.journey_id)))))
            .join(journeys, journeys.c.id == split.c.journey_id).where(*base)
            .group_by(split.c.node_id, split.c.port).order_by(split.c.node_id, split.c.port)):
        stats[(node, port or "")] = BranchStats(node, port or "", int(contacts), converted=int(converted))
    # Messages queued after the split by the journeys that took each branch.
    for node, port, state, count in conn.execute(
            sa.select(split.c.node_id, split.c.port, outbox.c.state, sa.func.count())
            .join(later, sa.and_(later.c.journey_id == split.c.journey_id, later.c.step > split.c.step,
                                 later.c.outcome == MESSAGE_OUTCOME))
            .join(outbox, outbox.c.id == later.c.outbox_id).where(*base)
            .group_by(split.c.node_id, split.c.port, outbox.c.state)):
        branch = stats.get((node, port or ""))
        if branch is None:
            continue
        branch.sent += int(count) if state in SENT_STATES else 0
        branch.delivered += int(count) if state in DELIVERED_STATES else 0
        branch.failed += int(count) if state == "failed" else 0
    return list(stats.values())


def _node_order(scenario_id: int, version: int | None, engine: Engine,
                missing: Iterable[str] = ()) -> list[tuple[str, str, str]]:
    """(id, type, title) of the version's nodes in canvas order (the live or newest version for "all"),
    then the `missing` nodes (counted, but removed since) named as the newest older version had them."""
    info = store.get_scenario(engine, scenario_id)
    shown = version or info.live_version or info.latest_version
    registry = default_registry()

    def describe(scenario: Any, wanted: Iterable[str] | None) -> list[tuple[str, str, str]]:
        return [(n.id, n.type, n.title or (t.title_ru if (t := registry.get(n.type)) else n.type))
                for n in scenario.nodes.values() if wanted is None or n.id in wanted]

    found = describe(store.load_scenario(engine, scenario_id, shown), None)
    left = set(missing) - {n[0] for n in found}
    for older in range(int(info.latest_version or 0), 0, -1):
        if not left:
            break
        if older != shown:
            named = describe(store.load_scenario(engine, scenario_id, older), left)
            found += named
            left -= {n[0] for n in named}
    return found + [(n, "", n) for n in sorted(left)]


def scenario_report(engine: Engine, scenario_id: int | str, *, version: int | None = None) -> ScenarioReport:
    """The full report of a scenario (by id or name); `version` limits it to journeys of that version."""
    info = store.get_scenario(engine, scenario_id)
    with engine.connect() as conn:
        entered = _entered(conn, info.id, version)
        states = _states(conn, info.id, version)
        messages = _messages(conn, info.id, version, entered)
        converted = _converted(conn, info.id, version)
        branches = _branches(conn, info.id, version)
        totals_row = conn.execute(sa.select(
            sa.func.count(), sa.func.count(sa.distinct(journeys.c.contact_id)),
            sa.func.count(journeys.c.converted_at)).where(*_journeys(info.id, version))).one()
    # Nodes removed in a later version still show their numbers.
    known = _node_order(info.id, version, engine, {*entered, *states, *messages})
    nodes = []
    for node_id, type_id, title in known:
        by_state = states.get(node_id, {})
        nodes.append(NodeStats(node_id, type_id, title, entered.get(node_id, 0), by_state.get("active", 0),
                               by_state.get("waiting", 0), by_state.get("done", 0), by_state.get("exited", 0),
                               by_state.get("failed", 0), converted.get(node_id, 0), messages.get(node_id, {})))
    all_messages: dict[str, int] = {}
    for per_node in messages.values():
        for state, count in per_node.items():
            all_messages[state] = all_messages.get(state, 0) + count
    journeys_total, contacts_total, converted_total = (int(v or 0) for v in totals_row)
    state_totals = {s: sum(st.get(s, 0) for st in states.values()) for s in ("active", "waiting", "done", "exited",
                                                                            "failed")}
    totals = {"journeys": journeys_total, "contacts": contacts_total, "converted": converted_total,
              "conversion_rate": round(converted_total / journeys_total, 4) if journeys_total else 0.0,
              **state_totals, "messages": all_messages}
    return ScenarioReport(info.id, info.name, version, nodes, branches, totals)


def node_counters(engine: Engine, scenario_id: int) -> dict[str, dict[str, int]]:
    """Per node: entered, waiting (standing there now), sent (messages that left) and converted."""
    counters: dict[str, dict[str, int]] = {}

    def put(items: Iterable[Any], key: str) -> None:
        for node, count in items:
            counters.setdefault(node, {"entered": 0, "waiting": 0, "sent": 0, "converted": 0})[key] = int(count)

    with engine.connect() as conn:
        put(_entered(conn, scenario_id, None).items(), "entered")
        put(conn.execute(sa.select(journeys.c.node_id, sa.func.count()).where(
            journeys.c.scenario_id == scenario_id, journeys.c.state.in_(("active", "waiting")))
            .group_by(journeys.c.node_id)).all(), "waiting")
        put(((node, sum(n for state, n in by_state.items() if state in SENT_STATES))
             for node, by_state in _messages(conn, scenario_id, None, counters).items()), "sent")
        put(_converted(conn, scenario_id, None).items(), "converted")
    return counters


def export_report(report: ScenarioReport, path: str | Path) -> Path:
    """Write the per-node rows, then the per-branch rows, to CSV/XLSX (by extension), formula-safe."""
    states = [s for s in OUTBOX_STATES if any(n.messages.get(s) for n in report.nodes)]
    header = ["Узел / ветка", "Тип", "Вошли", "Активны", "Ждут", "Завершили", "Вышли", "Ошибка", "Конверсии",
              "Конверсия, %", "Отправлено", "Доставлено", "Не доставлено", *(f"Сообщения: {s}" for s in states)]
    rows: list[list[Any]] = []
    for n in report.nodes:
        sent = sum(n.messages.get(s, 0) for s in SENT_STATES)
        delivered = sum(n.messages.get(s, 0) for s in DELIVERED_STATES)
        rate = round(100 * n.converted / n.entered, 1) if n.entered else 0.0
        rows.append([f"{n.title} ({n.node_id})" if n.title and n.title != n.node_id else n.node_id, n.type, n.entered, n.active, n.waiting, n.done, n.exited, n.failed,
                     n.converted, rate, sent, delivered, n.messages.get("failed", 0),
                     *(n.messages.get(s, 0) for s in states)])
    titles = {n.node_id: n.title or n.node_id for n in report.nodes}
    for b in report.branches:
        rows.append([f"{titles.get(b.node_id, b.node_id)} ({b.node_id}): ветка {b.branch}", "A/B", b.contacts, "", "", "", "", "", b.converted,
                     round(100 * b.conversion_rate, 1), b.sent, b.delivered, b.failed, *("" for _ in states)])
    target = Path(path)
    write_table(target, header, rows)
    return target
