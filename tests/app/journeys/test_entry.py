"""Entry rules when starting journeys: once ever, once per N days, every time; concurrent starters."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.engine import create_db_engine
from app.db.migrate import upgrade
from app.journeys.entry import start_journey
from app.journeys.tables import journeys
from app.journeys.trigger_sources import write_conn
from app.scenarios import store
from app.scenarios.graph import EntryRule
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import T0, add_contact, journey_rows, steps_of, trigger_scenario

EVENT = {"event_type": "lead", "filters": []}


def _scenario(engine: Engine, rule: EntryRule) -> int:
    info = store.create_scenario(engine, trigger_scenario("Вход", "trigger.event", EVENT, entry=rule))
    return store.publish_scenario(engine, info.id).id


def _start(engine: Engine, scenario_id: int, contact_id: int, now: dt.datetime, **kw: object) -> int | None:
    with write_conn(engine) as conn, conn.begin():
        return start_journey(conn, scenario_id=scenario_id, version=1, trigger_node_id="t", contact_id=contact_id,
                             now=now, **kw)


def _finish(engine: Engine, journey_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(journeys.update().where(journeys.c.id == journey_id).values(state="done"))


def test_started_journey_is_the_runner_contract(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule("once"))
    contact = add_contact(engine, phone="+79990000001")
    jid = _start(engine, sid, contact, T0, context={"event": {"type": "lead"}}, event_id=None)
    (row,) = journey_rows(engine, sid)
    assert row.id == jid and row.state == "active" and row.node_id == "t" and row.step == 0 and row.version == 1
    assert row.wake_at.replace(tzinfo=dt.UTC) == T0 and row.context == {"event": {"type": "lead"}}
    assert steps_of(engine, jid) == [(0, "t", "entered")]


def test_once_ever(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule("once"))
    contact = add_contact(engine, phone="+79990000001")
    first = _start(engine, sid, contact, T0)
    assert first is not None
    _finish(engine, first)
    assert _start(engine, sid, contact, T0 + dt.timedelta(days=400)) is None
    other = add_contact(engine, phone="+79990000002")
    assert _start(engine, sid, other, T0) is not None


def test_once_per_days(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule("once_per_days", 7))
    contact = add_contact(engine, phone="+79990000001")
    first = _start(engine, sid, contact, T0)
    assert first is not None
    _finish(engine, first)
    assert _start(engine, sid, contact, T0 + dt.timedelta(days=6, hours=23)) is None
    second = _start(engine, sid, contact, T0 + dt.timedelta(days=7, seconds=1))
    assert second is not None
    # still running after 7 days: no second journey alongside it
    assert _start(engine, sid, contact, T0 + dt.timedelta(days=30)) is None


def test_every_time_allows_concurrent_journeys(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule("every_time"))
    contact = add_contact(engine, phone="+79990000001")
    assert [_start(engine, sid, contact, T0) is not None for _ in range(3)] == [True, True, True]
    assert len(journey_rows(engine, sid)) == 3


def test_deleted_contact_does_not_enter(workspace: Workspace) -> None:
    sid = _scenario(workspace.engine, EntryRule("every_time"))
    assert _start(workspace.engine, sid, 12345, T0) is None


def _race(engine: Engine, sid: int, contact: int, starters: int = 8) -> list[int | None]:
    barrier = threading.Barrier(starters)
    results: list[int | None] = []
    lock = threading.Lock()

    def run() -> None:
        barrier.wait()
        jid = _start(engine, sid, contact, T0)
        with lock:
            results.append(jid)

    threads = [threading.Thread(target=run) for _ in range(starters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_starters_make_one_journey_sqlite(workspace: Workspace) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule("once"))
    contact = add_contact(engine, phone="+79990000001")
    results = _race(engine, sid, contact)
    assert sum(r is not None for r in results) == 1
    assert len(journey_rows(engine, sid)) == 1


def test_concurrent_starters_make_one_journey_postgresql(pg_url: str) -> None:
    engine = create_db_engine(pg_url)
    try:
        upgrade(engine)
        sid = _scenario(engine, EntryRule("once_per_days", 1))
        contact = add_contact(engine, phone="+79990000001")
        results = _race(engine, sid, contact)
        assert sum(r is not None for r in results) == 1
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(journeys)).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("mode", ["once", "once_per_days"])
def test_rule_is_read_from_the_version(workspace: Workspace, mode: str) -> None:
    engine = workspace.engine
    sid = _scenario(engine, EntryRule(mode, 3 if mode == "once_per_days" else None))
    contact = add_contact(engine, phone="+79990000001")
    assert _start(engine, sid, contact, T0) is not None
    # an explicit rule overrides the stored one (the ticker passes the rule it already has)
    assert _start(engine, sid, contact, T0, entry=EntryRule("every_time")) is not None
    assert _start(engine, sid, contact, T0) is None
