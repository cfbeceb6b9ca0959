"""Simulation: the events file, gates reported read-only, nothing written, and the same path and
texts as a real run through the runner and the send engine's sandbox providers."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
from datetime import UTC, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db.schema import consents, settings
from app.engine.engine import Engine
from app.errors import UserInputError
from app.events.tables import events
from app.journeys.runner import JourneyTicker
from app.journeys.simulate import SimEvent, load_sim_events, simulate
from app.journeys.tables import journey_steps, journeys
from app.outbox.tables import outbox
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    DAY,
    MONDAY_NOON,
    T,
    email_template,
    enter,
    graph,
    no_quiet_hours,
    publish,
    sms_template,
    steps,
)

WAIT_FORM = ("we", "flow.wait_event", {"event_type": "form_submitted", "timeout": {"amount": 2, "unit": "days"},
                                       "filters": [{"property": "form", "op": "eq", "value": "callback"}]})


def test_load_sim_events_reads_delays_and_names_the_bad_item(tmp_path: Path) -> None:
    good = tmp_path / "events.json"
    good.write_text(json.dumps([{"after": "2h", "type": "page_view", "properties": {"url": "/prices"}},
                                {"after": 90, "type": "purchase"}, {"after": "3d", "type": "x"}]), "utf-8")
    loaded = load_sim_events(good)
    assert [e.after for e in loaded] == [timedelta(hours=2), timedelta(seconds=90), timedelta(days=3)]
    assert loaded[0].properties == {"url": "/prices"} and loaded[1].properties == {}
    for content, message in ((json.dumps([{"after": "2h", "type": "a"}, {"after": "soon", "type": "b"}]),
                              "event 2: after: 'soon' is not a delay"),
                             (json.dumps([{"after": "1h"}]), "event 1: type must be"),
                             (json.dumps([{"type": "a", "props": {}}]), "event 1: unknown keys props"),
                             (json.dumps({"type": "a"}), "must hold a JSON list"),
                             ("[{", "not valid JSON")):
        bad = tmp_path / "bad.json"
        bad.write_text(content, "utf-8")
        with pytest.raises(UserInputError, match=message) as info:
            load_sim_events(bad)
        assert "bad.json" in str(info.value)


def _table_counts(ws: Workspace) -> list[int]:
    with ws.engine.connect() as conn:
        return [conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                for t in (outbox, journeys, journey_steps, settings)]


def test_simulation_reports_gates_and_writes_nothing(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    email_template(workspace.engine, "Письмо", "Письмо для {{ first_name }}")
    scenario = graph("Симуляция", [T, ("s", "action.sms", {"template": "Привет", "sms_kind": "trigger"}),
                                   ("e", "action.email", {"template": "Письмо"})],
                     [("t", "next", "s"), ("s", "next", "e")])
    (person,) = add_contacts(workspace, 1, consent=("sms",))
    before = _table_counts(workspace)
    night = MONDAY_NOON.replace(hour=20)  # 23:00 in Moscow
    result = simulate(workspace.engine, scenario, contact_id=person, start=night)
    assert [(s.node_id, s.outcome) for s in result.path] == [("t", "entered"), ("s", "sent"), ("e", "sent")]
    assert "would be held until 09:00" in result.path[1].detail and "quiet hours" in result.path[1].detail
    assert "no consent: skipped" in result.path[2].detail
    assert [(m.channel, m.text) for m in result.messages] == [("sms", "Здравствуйте, Имя0!")]
    assert result.outcome == "done"
    assert _table_counts(workspace) == before
    assert not any(workspace.sandbox_dir.iterdir()) if workspace.sandbox_dir.exists() else True


def test_simulated_events_pick_the_branch_and_the_horizon_stops_a_long_wait(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Привет", "Спасибо за заявку, {{ event.form }}")
    scenario = graph("Ожидание", [T, WAIT_FORM, ("yes", "action.sms", {"template": "Привет", "sms_kind": "service"}),
                                  ("w", "flow.wait", {"duration": {"amount": 30, "unit": "days"}})],
                     [("t", "next", "we"), ("we", "event", "yes"), ("we", "timeout", "w")])
    (person,) = add_contacts(workspace, 1)
    hit = simulate(workspace.engine, scenario, contact_id=person, start=MONDAY_NOON,
                   events=[SimEvent(timedelta(hours=1), "form_submitted", {"form": "other"}),
                           SimEvent(timedelta(hours=5), "form_submitted", {"form": "callback"})])
    assert [(s.node_id, s.outcome, s.port) for s in hit.path][1:] == [
        ("we", "waiting", None), ("we", "passed", "event"), ("yes", "sent", "next")]
    assert hit.path[2].at == MONDAY_NOON + timedelta(hours=5)
    assert hit.messages[0].text == "Спасибо за заявку, callback" and hit.outcome == "done"
    assert hit.edges == [e.id for e in scenario.edges.values() if e.source_port in ("next", "event")]
    missed = simulate(workspace.engine, scenario, contact_id=person, start=MONDAY_NOON, horizon=timedelta(days=10))
    assert [(s.node_id, s.port) for s in missed.path][-2:] == [("we", "timeout"), ("w", None)]
    assert missed.outcome == "waiting" and missed.messages == []


def test_simulation_matches_a_real_run_on_the_sandbox_providers(workspace: Workspace) -> None:
    no_quiet_hours(workspace.engine)
    with workspace.engine.begin() as conn:
        conn.execute(settings.insert().values(key="sending.frequency_caps",
                                              value={ch: {"day": None, "week": None} for ch in ("sms", "email")}))
    sms_template(workspace.engine, "Привет", "{{ first_name }}, цены на {{ event.url }} ждут вас")
    sms_template(workspace.engine, "Спасибо", "Спасибо, {{ first_name }}! Менеджер перезвонит.")
    email_template(workspace.engine, "Письмо", "{{ first_name }}, вы так и не оставили заявку")
    cond = ("c", "flow.condition", {"rule": {"type": "consent", "channel": "email", "op": "granted"}})
    scenario = graph("Сравнение", [T, ("w", "flow.wait", {"duration": DAY}),
                                   ("s", "action.sms", {"template": "Привет", "sms_kind": "trigger"}), WAIT_FORM,
                                   ("thanks", "action.sms", {"template": "Спасибо", "sms_kind": "service"}), cond,
                                   ("e", "action.email", {"template": "Письмо"}), ("x", "flow.exit", {})],
                     [("t", "next", "w"), ("w", "next", "s"), ("s", "next", "we"), ("we", "event", "thanks"),
                      ("we", "timeout", "c"), ("c", "yes", "e"), ("c", "no", "x")])
    sid = publish(workspace.engine, scenario)
    people = add_contacts(workspace, 2)
    with workspace.engine.begin() as conn:
        conn.execute(consents.insert().values(contact_id=people[1], channel="whatsapp", status="granted",
                                              source="t", recorded_at=MONDAY_NOON))
    context = {"url": "/prices"}
    plans = {people[0]: [SimEvent(timedelta(days=1, hours=3), "form_submitted", {"form": "callback"})],
             people[1]: []}
    js = enter(workspace.engine, sid, people, MONDAY_NOON, context=context)
    sims = {p: simulate(workspace.engine, sid, contact_id=p, start=MONDAY_NOON, events=plans[p], context=context,
                        journey_id=j) for p, j in zip(people, js, strict=True)}
    with workspace.engine.begin() as conn:
        for person, plan in plans.items():
            for e in plan:
                conn.execute(events.insert().values(contact_id=person, type=e.type, properties=e.properties,
                                                    occurred_at=MONDAY_NOON + e.after,
                                                    received_at=MONDAY_NOON + e.after, source="test"))
    ticker = JourneyTicker(workspace.engine)
    moments = sorted({s.at for sim in sims.values() for s in sim.path})
    for moment in moments:
        with workspace.engine.begin() as conn:  # the trigger side wakes journeys waiting for an event
            for person, plan in plans.items():
                if any(MONDAY_NOON + e.after == moment for e in plan):
                    conn.execute(journeys.update().where(journeys.c.contact_id == person,
                                                         journeys.c.state == "waiting").values(wake_at=moment))
        ticker.run_until_idle(moment)
    for person, journey_id in zip(people, js, strict=True):
        assert [s[1:] for s in steps(workspace.engine, journey_id)] == [
            (s.node_id, s.outcome, s.port) for s in sims[person].path]
    later = MONDAY_NOON + timedelta(days=5)
    asyncio.run(Engine(workspace, now=lambda: later, tickers=[]).run_until_idle(horizon=1))
    sms_lines = [json.loads(x) for x in (workspace.sandbox_dir / "sms.jsonl").read_text("utf-8").splitlines()]
    real = sorted([("sms", x["to"], x["payload"]["text"]) for x in sms_lines] + [
        ("email", str(m["To"]), str(m["Subject"])) for m in (
            email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
            for p in (workspace.sandbox_dir / "email").glob("*.eml"))])
    simulated = sorted((m.channel, m.address, m.text if m.channel == "sms" else m.subject)
                       for sim in sims.values() for m in sim.messages)
    assert real == simulated and len(real) == 4
    assert sims[people[0]].outcome == "done" and sims[people[1]].path[-1].node_id == "e"
    assert all(m.at.tzinfo is UTC or m.at.utcoffset() == timedelta(0) for s in sims.values() for m in s.messages)
