"""Scenario reports and canvas counters from hand-made journeys, steps and outbox rows (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app.db.engine import create_db_engine
from app.db.migrate import upgrade
from app.errors import NotFoundError
from app.journeys.report import export_report, node_counters, scenario_report
from app.journeys.tables import journey_steps, journeys
from app.outbox.tables import outbox
from app.scenarios import store
from app.scenarios.graph import Node, Scenario
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import T0, add_contact


def _scenario() -> Scenario:
    s = Scenario("Отчёт")
    s.add_node(Node("t", "trigger.event", {"event_type": "lead", "filters": []}, title="Заявка"))
    s.add_node(Node("s", "flow.split", {"branches": [{"key": "A", "percent": 50}, {"key": "B", "percent": 50}]}))
    s.add_node(Node("a1", "action.sms", {"template": "А", "sms_kind": "trigger"}))
    s.add_node(Node("b1", "action.sms", {"template": "Б", "sms_kind": "trigger"}))
    s.add_node(Node("x", "flow.exit", {}))
    s.add_node(Node("g", "flow.goal", {"event_type": "purchase", "filters": []}))
    for a, port, b in (("t", "next", "s"), ("s", "A", "a1"), ("s", "B", "b1"), ("a1", "next", "x"), ("b1", "next", "x")):
        s.connect(a, port, b)
    return s


def _message(conn: Any, contact: int, state: str) -> int:
    return int(conn.execute(outbox.insert().values(
        message_id=uuid.uuid4().hex, contact_id=contact, channel="sms", provider="sandbox", state=state,
        next_attempt_at=T0, created_at=T0, updated_at=T0)).inserted_primary_key[0])


def _journey(conn: Any, sid: int, contact: int, node: str, state: str, steps: list[tuple[str, str, str | None, str | None]],
             converted: bool = False) -> None:
    jid = int(conn.execute(journeys.insert().values(
        scenario_id=sid, version=1, contact_id=contact, node_id=node, state=state, step=len(steps) - 1,
        entered_at=T0, updated_at=T0, converted_at=T0 + dt.timedelta(hours=1) if converted else None))
        .inserted_primary_key[0])
    for i, (node_id, outcome, port, message) in enumerate(steps):
        outbox_id = _message(conn, contact, message) if message else None
        conn.execute(journey_steps.insert().values(journey_id=jid, scenario_id=sid, version=1, node_id=node_id,
                                                   step=i, outcome=outcome, port=port, outbox_id=outbox_id, at=T0))


def _fill(engine: Engine) -> int:
    sid = store.create_scenario(engine, _scenario()).id
    people = [add_contact(engine, phone=f"+7999000000{i}") for i in range(4)]
    with engine.begin() as conn:
        _journey(conn, sid, people[0], "g", "exited", [
            ("t", "entered", None, None), ("s", "branch", "A", None), ("a1", "sent", "next", "delivered"),
            ("x", "exited", None, None), ("g", "converted", None, None)], converted=True)
        _journey(conn, sid, people[1], "a1", "failed", [
            ("t", "entered", None, None), ("s", "branch", "A", None), ("a1", "sent", "next", "failed")])
        _journey(conn, sid, people[2], "b1", "active", [
            ("t", "entered", None, None), ("s", "branch", "B", None), ("b1", "sent", "next", "sent")])
        _journey(conn, sid, people[3], "t", "waiting", [("t", "entered", None, None)])
    return sid


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, workspace: Workspace) -> Iterator[Engine]:
    if request.param == "sqlite":
        yield workspace.engine
        return
    pg = create_db_engine(request.getfixturevalue("pg_url"))
    upgrade(pg)
    yield pg
    pg.dispose()


def test_report_per_node_branch_and_totals(engine: Engine) -> None:
    sid = _fill(engine)
    report = scenario_report(engine, "Отчёт")
    nodes = {n.node_id: n for n in report.nodes}
    assert [n.node_id for n in report.nodes] == ["t", "s", "a1", "b1", "x", "g"]
    assert {k: n.entered for k, n in nodes.items()} == {"t": 4, "s": 3, "a1": 2, "b1": 1, "x": 1, "g": 1}
    assert nodes["t"].title == "Заявка" and nodes["s"].title == "A/B/n-тест"
    assert (nodes["t"].waiting, nodes["b1"].active, nodes["a1"].failed, nodes["g"].exited) == (1, 1, 1, 1)
    assert nodes["a1"].messages == {"delivered": 1, "failed": 1} and nodes["b1"].messages == {"sent": 1}
    assert {k: n.converted for k, n in nodes.items()} == {"t": 1, "s": 1, "a1": 1, "b1": 0, "x": 1, "g": 1}
    a, b = report.branches
    assert (a.branch, a.contacts, a.sent, a.delivered, a.failed, a.converted, a.conversion_rate) == \
        ("A", 2, 1, 1, 1, 1, 0.5)
    assert (b.branch, b.contacts, b.sent, b.delivered, b.failed, b.converted, b.conversion_rate) == \
        ("B", 1, 1, 0, 0, 0, 0.0)
    totals = report.totals
    assert (totals["journeys"], totals["contacts"], totals["converted"], totals["conversion_rate"]) == (4, 4, 1, 0.25)
    assert totals["messages"] == {"delivered": 1, "failed": 1, "sent": 1}
    assert scenario_report(engine, sid, version=1).totals["journeys"] == 4
    with pytest.raises(NotFoundError):
        scenario_report(engine, sid, version=2)
    assert report.to_dict()["branches"][0]["conversion_rate"] == 0.5


def test_node_counters_for_the_canvas(engine: Engine) -> None:
    sid = _fill(engine)
    counters = node_counters(engine, sid)
    assert counters["t"] == {"entered": 4, "waiting": 1, "sent": 0, "converted": 1}
    assert counters["a1"] == {"entered": 2, "waiting": 0, "sent": 1, "converted": 1}
    assert counters["b1"] == {"entered": 1, "waiting": 1, "sent": 1, "converted": 0}
    assert counters["g"]["converted"] == 1


def test_export_is_a_readable_table(workspace: Workspace, tmp_path: Path) -> None:
    _fill(workspace.engine)
    path = export_report(scenario_report(workspace.engine, "Отчёт"), tmp_path / "отчёт.csv")
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";" if ";" in path.read_text(encoding="utf-8-sig")[:200] else ","))
    assert rows[0][:4] == ["Узел / ветка", "Тип", "Вошли", "Активны"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Заявка (t)"][2] == "4" and by_name["SMS (a1)"][10:13] == ["1", "1", "1"]
    assert by_name["A/B/n-тест (s): ветка A"][8:13] == ["1", "50.0", "1", "1", "1"]
