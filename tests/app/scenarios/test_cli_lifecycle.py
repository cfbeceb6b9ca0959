"""`scenario publish|pause|resume|archive|report|simulate` from the shell, with exit codes and JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import consents
from app.events.payload import EventIn
from app.journeys.triggers import TriggerTicker
from app.scenarios.graph import EntryRule, Node, Scenario
from app.scenarios.readwrite import dumps
from app.workspace import Workspace
from tests.app.journeys.trigger_helpers import add_contact, journey_rows, post
from tests.app.scenarios.helpers import add_template


def _lead_sms() -> Scenario:
    s = Scenario("Заявка", entry=EntryRule("every_time"))
    s.add_node(Node("t", "trigger.event", {"event_type": "lead", "filters": []}))
    s.add_node(Node("w", "flow.wait", {"duration": {"amount": 2, "unit": "hours"}}))
    s.add_node(Node("a", "action.sms", {"template": "SMS привет", "sms_kind": "service"}))
    s.add_node(Node("x", "flow.exit", {}))
    s.connect("t", "next", "w")
    s.connect("w", "next", "a")
    s.connect("a", "next", "x")
    return s


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201 - a small local helper
    ws = tmp_path / "ws"
    Workspace.open(ws).close()

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(ws), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    call.ws = ws  # type: ignore[attr-defined]
    return call


def test_publish_refuses_problems_then_lifecycle(run, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "заявка.json"
    source.write_text(dumps(_lead_sms()), encoding="utf-8")
    assert run("scenario", "import", str(source))[0] == 0
    code, out, err = run("scenario", "publish", "Заявка")
    assert code == 3 and "missing_template" in out and "not published: 1 problem" in err
    with Workspace.open(run.ws) as ws:
        add_template(ws.engine, "SMS привет", "sms")
    code, out, _ = run("scenario", "publish", "заявка", "--json")
    data = json.loads(out)
    assert code == 0 and (data["status"], data["live_version"]) == ("published", 1)
    assert run("scenario", "pause", "Заявка")[:2] == (0, "scenario 'Заявка' paused: no new entries, contacts inside wait\n")
    code, _, err = run("scenario", "pause", "Заявка")
    assert code == 3 and "is paused" in err
    assert json.loads(run("scenario", "resume", "Заявка", "--json")[1])["status"] == "published"
    with Workspace.open(run.ws) as ws:  # someone enters, then the scenario is archived
        add_contact(ws.engine, phone="+79990000001")
        post(ws.engine, EventIn("lead", phone="+79990000001"))
        TriggerTicker(ws.engine).run_once(dt.datetime.now(dt.UTC))
    code, out, _ = run("scenario", "archive", "Заявка")
    assert code == 0 and "1 contact(s) left it" in out
    with Workspace.open(run.ws) as ws:
        (journey,) = journey_rows(ws.engine)
        assert (journey.state, journey.outcome) == ("exited", "scenario archived")
    assert run("scenario", "publish", "Заявка")[0] == 3  # archived: restore first
    assert run("scenario", "publish", "Нет такого")[0] != 0


def test_report_and_export(run, tmp_path: Path) -> None:  # noqa: ANN001
    with Workspace.open(run.ws) as ws:
        add_template(ws.engine, "SMS привет", "sms")
    source = tmp_path / "s.json"
    source.write_text(dumps(_lead_sms()), encoding="utf-8")
    run("scenario", "import", str(source))
    run("scenario", "publish", "Заявка")
    with Workspace.open(run.ws) as ws:
        add_contact(ws.engine, phone="+79990000001")
        post(ws.engine, EventIn("lead", phone="+79990000001"))
        TriggerTicker(ws.engine).run_once(dt.datetime.now(dt.UTC))
    code, out, _ = run("scenario", "report", "Заявка", "--json")
    data = json.loads(out)
    nodes = {n["node_id"]: n for n in data["nodes"]}
    assert code == 0 and data["totals"]["journeys"] == 1 and nodes["t"]["entered"] == 1 and nodes["t"]["active"] == 1
    target = tmp_path / "отчёт.xlsx"
    code, out, _ = run("scenario", "report", "Заявка", "--export", str(target))
    assert code == 0 and "Заявка: 1 journeys" in out and target.stat().st_size > 0
    assert run("scenario", "report", "Заявка", "--export", str(tmp_path / "x.pdf"))[0] == 3


def test_simulate_on_a_contact(run, tmp_path: Path) -> None:  # noqa: ANN001
    with Workspace.open(run.ws) as ws:
        add_template(ws.engine, "SMS привет", "sms")
        anna = add_contact(ws.engine, phone="+79990000001", first_name="Анна", email="anna@example.ru")
        with ws.engine.begin() as conn:
            conn.execute(consents.insert().values(contact_id=anna, channel="sms", status="granted", source="test",
                                                  recorded_at=dt.datetime.now(dt.UTC)))
    source = tmp_path / "s.json"
    source.write_text(dumps(_lead_sms()), encoding="utf-8")
    run("scenario", "import", str(source))
    events = tmp_path / "events.json"
    events.write_text(json.dumps([{"after": "1h", "type": "page_view", "properties": {"url": "/x"}}]),
                      encoding="utf-8")
    code, out, _ = run("scenario", "simulate", "Заявка", "--contact", "anna@example.ru", "--events", str(events),
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["outcome"] == "exited" and [s["node"] for s in data["path"]][:2] == ["t", "w"]
    assert [m["text"] for m in data["messages"]] == ["Здравствуйте, Анна!"]
    code, out, _ = run("scenario", "simulate", "Заявка", "--contact", "8 999 000-00-01")
    assert code == 0 and "Здравствуйте, Анна!" in out and "nothing was sent" in out
    code, _, err = run("scenario", "simulate", "Заявка", "--contact", "nobody@example.ru")
    assert code != 0 and "no contact with e-mail nobody@example.ru" in err
    code, _, err = run("scenario", "simulate", "Заявка", "--contact", "не телефон")
    assert code == 3 and "neither a phone number nor an e-mail" in err
