"""The report tab: numbers per step and per A/B branch read from journey rows, totals, .xlsx export, and the
editor's live counters on the canvas."""

# ruff: noqa: F811 - the shared fixtures are imported from screen_helpers
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from app.db.schema import contacts
from app.journeys.tables import journey_steps, journeys
from app.outbox.tables import outbox
from app.scenarios import store
from app.scenarios.graph import Node, Scenario
from app.workspace import Workspace
from tests.ui.scenarios.screen_helpers import Answers, answers, screen, settle, sms_template  # noqa: F401
from ui.scenarios.screen import ScenariosScreen

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def split_scenario() -> Scenario:
    """trigger → split A/B → sms A / sms B."""
    scenario = Scenario("Сплит")
    scenario.add_node(Node("t", "trigger.event", {"event_type": "lead", "filters": []}, 0, 0))
    scenario.add_node(Node("ab", "flow.split", {"branches": [{"key": "A", "percent": 50},
                                                              {"key": "B", "percent": 50}]}, 240, 0))
    scenario.add_node(Node("a", "action.sms", {"template": "Т", "sms_kind": "trigger"}, 480, -100, "SMS со скидкой"))
    scenario.add_node(Node("b", "action.sms", {"template": "Т", "sms_kind": "trigger"}, 480, 100, "SMS без скидки"))
    scenario.connect("t", "next", "ab")
    scenario.connect("ab", "A", "a")
    scenario.connect("ab", "B", "b")
    return scenario


def journey(conn, scenario_id: int, contact_id: int, branch: str, state: str, node: str, message_state: str | None,
            converted: bool) -> None:
    """A hand-made journey: entered at t, branch at ab, then the SMS step (with its outbox row)."""
    journey_id = conn.execute(journeys.insert().values(
        scenario_id=scenario_id, version=1, contact_id=contact_id, node_id=node, state=state, step=2, branch=branch,
        entered_at=NOW, updated_at=NOW, converted_at=NOW if converted else None)).inserted_primary_key[0]
    steps = [("t", 0, "entered", None, None), ("ab", 1, "branch", branch, None)]
    if message_state is not None:
        outbox_id = conn.execute(outbox.insert().values(
            message_id=f"m{journey_id}", channel="sms", provider="sandbox-sms", state=message_state,
            next_attempt_at=NOW, created_at=NOW, updated_at=NOW, contact_id=contact_id)).inserted_primary_key[0]
        steps.append((branch.lower(), 2, "sent", "next", outbox_id))
    for node_id, step, outcome, port, outbox_id in steps:
        conn.execute(journey_steps.insert().values(journey_id=journey_id, scenario_id=scenario_id, version=1,
                                                   node_id=node_id, step=step, outcome=outcome, port=port,
                                                   outbox_id=outbox_id, at=NOW))


def test_report_shows_numbers_from_journey_rows_and_exports(screen: ScenariosScreen, answers: Answers,
                                                            workspace: Workspace, qtbot, tmp_path: Path) -> None:
    sms_template(workspace, "Т", "Привет!")
    scenario_id = store.create_scenario(workspace.engine, split_scenario()).id
    store.publish_scenario(workspace.engine, scenario_id)
    with workspace.engine.begin() as conn:
        ids = [conn.execute(contacts.insert().values(phone=f"+7900000000{i}", custom={}, source="t", search_text="",
                                                     created_at=NOW, updated_at=NOW)).inserted_primary_key[0]
               for i in range(5)]
        journey(conn, scenario_id, ids[0], "A", "done", "a", "delivered", True)
        journey(conn, scenario_id, ids[1], "A", "done", "a", "failed", False)
        journey(conn, scenario_id, ids[2], "A", "done", "a", "delivered", True)
        journey(conn, scenario_id, ids[3], "B", "done", "b", "sent", False)
        journey(conn, scenario_id, ids[4], "B", "active", "ab", None, False)
    screen.refresh()
    screen.open_scenario(scenario_id)
    editor = screen.editor
    assert editor.tabs.isTabEnabled(1)
    # Live counters on the canvas while the editor is shown.
    qtbot.waitUntil(lambda: editor.canvas.scene().node_items["a"].counters.get("sent") == 2, timeout=8000)
    assert editor.canvas.scene().node_items["t"].counters["entered"] == 5
    editor.tabs.setCurrentIndex(1)
    view = editor.report
    settle(qtbot, view)
    rows = {view.cell(view.nodes, r, 0): [view.cell(view.nodes, r, c) for c in range(1, 8)]
            for r in range(view.nodes.rowCount())}
    assert rows["SMS со скидкой"] == ["3", "0", "2", "2", "1", "2", "66.7 %"]
    assert rows["SMS без скидки"] == ["1", "0", "1", "0", "0", "0", "0.0 %"]
    assert rows["A/B/n split"][:2] == ["5", "1"]
    branches = [[view.cell(view.branches, r, c) for c in range(7)] for r in range(view.branches.rowCount())]
    assert branches == [["A", "3", "2", "2", "1", "2", "66.7 %"], ["B", "2", "1", "0", "0", "0", "0.0 %"]]
    assert "Entered: 5" in view.summary.text() and "converted: 2 (40.0 %)" in view.summary.text()

    out = tmp_path / "отчёт.xlsx"
    answers.paths.append(str(out))
    view.export_button.click()
    sheet = load_workbook(out, read_only=True).active
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0][:2] == ["Step or branch", "Contacts"]
    assert ["SMS со скидкой", 3, 0, 2, 2, 1, 2, 66.7] in table
    assert ["Branch B", 2, None, 1, 0, 0, 0, 0.0] in table
    editor.hide()
    assert not editor.counters.timer.isActive()
