"""End to end in the send engine: an event starts a journey whose SMS is queued and sent (sandbox)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from app.db.schema import consents
from app.engine.engine import Engine
from app.engine.tickers import default_tickers
from app.events.payload import EventIn
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journeys
from app.journeys.triggers import TriggerTicker
from app.outbox.tables import outbox
from app.providers.store import default_provider
from app.scenarios.graph import EntryRule, Node, Scenario
from app.segments.service import create_segment
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import add_contact, post, publish, trigger_scenario
from tests.app.scenarios.helpers import add_template

ROOT = Path(__file__).resolve().parents[3]


def test_default_engine_runs_the_trigger_ticker_first(workspace: Workspace) -> None:
    tickers = default_tickers(workspace)
    assert isinstance(tickers[0], TriggerTicker) and any(isinstance(t, JourneyTicker) for t in tickers)


def test_event_to_sent_sms(workspace: Workspace) -> None:
    engine = workspace.engine
    add_template(engine, "SMS привет", "sms")
    default_provider(engine, "sms")
    anna = add_contact(engine, phone="+79990000001", first_name="Анна")
    with engine.begin() as conn:
        conn.execute(consents.insert().values(contact_id=anna, channel="sms", status="granted", source="test",
                                              recorded_at=dt.datetime.now(dt.UTC)))
    s = Scenario("Заявка", entry=EntryRule("once"))
    s.add_node(Node("t", "trigger.event", {"event_type": "lead", "filters": []}))
    s.add_node(Node("a", "action.sms", {"template": "SMS привет", "sms_kind": "service"}))
    s.add_node(Node("x", "flow.exit", {}))
    s.connect("t", "next", "a")
    s.connect("a", "next", "x")
    publish(engine, s, now=dt.datetime.now(dt.UTC))
    post(engine, EventIn("lead", phone="+79990000001"), EventIn("lead", phone="+79990000001"),
         now=dt.datetime.now(dt.UTC))
    sender = Engine(workspace, tickers=[TriggerTicker(engine, hot_for=0.0), JourneyTicker(engine)])
    asyncio.run(sender.run_until_idle(horizon=5.0))
    with engine.connect() as conn:
        rows = conn.execute(sa.select(outbox.c.contact_id, outbox.c.state, outbox.c.step_ref)).all()
        (journey,) = conn.execute(sa.select(journeys)).all()
    assert journey.state == "exited" and journey.event_id is not None  # once: the second lead did not re-enter
    assert [(r.contact_id, r.state, r.step_ref) for r in rows] == [(anna, "sent", f"journey:{journey.id}:step:1")]


def test_run_until_idle_returns_while_scenarios_are_live(workspace: Workspace) -> None:
    """Periodic checks (segment diff, dates, new events) never keep `run_until_idle` running."""
    engine = workspace.engine
    add_template(engine, "SMS привет", "sms")
    default_provider(engine, "sms")
    anna = add_contact(engine, phone="+79990000001", first_name="Анна", city="Казань")
    with engine.begin() as conn:
        conn.execute(consents.insert().values(contact_id=anna, channel="sms", status="granted", source="test",
                                              recorded_at=dt.datetime.now(dt.UTC)))
    create_segment(engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    now = dt.datetime.now(dt.UTC)
    publish(engine, trigger_scenario("Казань", "trigger.segment_entered", {"segment": "Казань"}), now=now)
    publish(engine, trigger_scenario("Заявки", "trigger.list_added", {"list": "Заявки"}), now=now)  # checked every 1 s
    publish(engine, trigger_scenario("Дни рождения", "trigger.date", {"field": "birthday", "offset_days": 0,
                                                                      "at": "10:00"}), now=now)
    s = Scenario("Заявка", entry=EntryRule("every_time"))
    s.add_node(Node("t", "trigger.event", {"event_type": "lead", "filters": []}))
    s.add_node(Node("a", "action.sms", {"template": "SMS привет", "sms_kind": "service"}))
    s.connect("t", "next", "a")
    publish(engine, s, now=now)
    post(engine, EventIn("lead", phone="+79990000001"), now=now)
    started = time.monotonic()
    counts = asyncio.run(asyncio.wait_for(Engine(workspace).run_until_idle(horizon=30.0), 60))
    assert time.monotonic() - started < 20 and counts == {"sent": 1}


def test_engine_until_idle_command_returns_with_a_live_scenario(workspace: Workspace) -> None:
    create_segment(workspace.engine, "Казань", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    publish(workspace.engine, trigger_scenario("Казань", "trigger.segment_entered", {"segment": "Казань"}),
            now=dt.datetime.now(dt.UTC))
    publish(workspace.engine, trigger_scenario("Заявки", "trigger.list_added", {"list": "Заявки"}),
            now=dt.datetime.now(dt.UTC))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(workspace.root), "engine",
                           "--until-idle", "--no-receiver", "--json"], cwd=ROOT, env=env, capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["ok"] is True
