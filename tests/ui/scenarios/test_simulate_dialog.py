"""“Test on a contact”: the dialog finds the contact, runs the simulator off the GUI thread, shows the timeline and
the messages with their text, and highlights the path on the canvas."""

# ruff: noqa: F811 - the shared fixtures are imported from screen_helpers
from __future__ import annotations

import datetime as dt

from app.db.schema import consents, contacts
from app.scenarios import store
from app.scenarios.graph import Node, Scenario
from app.workspace import Workspace
from tests.ui.scenarios.screen_helpers import Answers, answers, screen, settle, sms_template  # noqa: F401
from ui.scenarios.screen import ScenariosScreen
from ui.scenarios.simulate_dialog import SimulateDialog

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def lead_scenario() -> Scenario:
    """lead form → condition "bought?" (yes → exit; no → wait 1 h → SMS → exit)."""
    scenario = Scenario("Заявка")
    scenario.add_node(Node("t", "trigger.event", {"event_type": "form_submitted", "filters": []}, 0, 0))
    scenario.add_node(Node("w", "flow.wait", {"duration": {"amount": 1, "unit": "hours"}}, 240, 0))
    scenario.add_node(Node("s", "action.sms", {"template": "Напоминание", "sms_kind": "trigger"}, 480, 0,
                           "Напомнить про заявку"))
    scenario.add_node(Node("x", "flow.exit", {}, 720, 0))
    scenario.add_node(Node("other", "flow.exit", {}, 720, 200, "Не на пути"))
    scenario.connect("t", "next", "w")
    scenario.connect("w", "next", "s")
    scenario.connect("s", "next", "x")
    return scenario


def add_contact(workspace: Workspace) -> int:
    with workspace.engine.begin() as conn:
        contact_id = conn.execute(contacts.insert().values(
            phone="+79161234567", first_name="Ольга", last_name="Смирнова", city="Казань", timezone="Europe/Moscow",
            custom={}, source="test", search_text="ольга смирнова", created_at=NOW, updated_at=NOW,
        )).inserted_primary_key[0]
        conn.execute(contacts.insert().values(phone="+79990000000", first_name="Пётр", custom={}, source="test",
                                              search_text="пётр", created_at=NOW, updated_at=NOW))
        conn.execute(consents.insert().values(contact_id=contact_id, channel="sms", status="granted", source="form",
                                              recorded_at=NOW))
    return int(contact_id)


def test_the_dialog_shows_the_path_the_messages_and_highlights_the_canvas(
        screen: ScenariosScreen, workspace: Workspace, qtbot) -> None:
    sms_template(workspace, "Напоминание", "{{ contact.first_name }}, вы оставили заявку — мы на связи!")
    contact_id = add_contact(workspace)
    scenario_id = store.create_scenario(workspace.engine, lead_scenario()).id
    screen.refresh()
    screen.open_scenario(scenario_id)
    editor = screen.editor
    settle(qtbot, editor)
    dialog = SimulateDialog(workspace.engine, editor.scenario, editor.canvas, parent=editor)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    assert dialog.contacts.count() == 2 and not dialog.run_button.isEnabled()
    dialog.search.setText("+7916")
    qtbot.waitUntil(lambda: dialog.contacts.count() == 1, timeout=5000)
    settle(qtbot, dialog)
    assert dialog.contacts.count() == 1 and "Ольга Смирнова" in dialog.contacts.item(0).text()
    dialog.choose_contact(contact_id)
    assert dialog.contact_id == contact_id and dialog.run_button.isEnabled()
    dialog.add_event(10, "minutes", "page_view", "url=/prices; seconds=200")
    assert dialog.event_specs() == [(dt.timedelta(minutes=10), "page_view", {"url": "/prices", "seconds": 200})]
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)

    steps = [dialog.timeline.item(r, 1).text() for r in range(dialog.timeline.rowCount())]
    assert steps == ["Event received", "Wait", "Wait", "Напомнить про заявку", "Exit"]
    results = [dialog.timeline.item(r, 2).text() for r in range(dialog.timeline.rowCount())]
    assert results[0] == "entered" and results[3] == "message sent → Next" and results[4] == "left the scenario"
    details = [dialog.timeline.item(r, 3).text() for r in range(dialog.timeline.rowCount())]
    assert details[2] == "the pause is over" and details[4] == "an exit step"
    assert details[3].startswith("+79161234567: would") and "T" not in details[1].split("until ")[1]
    assert dialog.messages.count() == 1 and "SMS" in dialog.messages.item(0).text()
    assert "+79161234567" in dialog.messages.item(0).text()
    text = dialog.message_view.toPlainText()
    assert "Ольга, вы оставили заявку — мы на связи!" in text and "SMS part" in text
    assert "Result:" in dialog.outcome.text() and "messages: 1" in dialog.outcome.text()
    items = editor.canvas.scene().node_items
    assert items["s"].highlighted and items["x"].highlighted and items["other"].dimmed
    dialog.add_event(5, "minutes", "lead", "не свойство")
    dialog.run_button.click()
    assert "name=value" in dialog.outcome.text()
