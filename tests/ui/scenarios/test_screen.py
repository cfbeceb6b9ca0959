"""The Scenarios screen: create from a starter, save versions, publish (refused with problems, then valid),
pause/resume, the unsaved-changes guard, and the list actions."""

# ruff: noqa: F811 - the shared fixtures are imported from screen_helpers
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.scenarios import store
from app.workspace import Workspace
from tests.ui.scenarios.screen_helpers import Answers, answers, screen, settle, sms_template  # noqa: F401
from ui.scenarios.dialogs import NewScenario
from ui.scenarios.screen import ScenariosScreen

SMS_NAME = "Брошенный визит — SMS"


def create_starter(screen: ScenariosScreen, answers: Answers, qtbot, name: str = "Брошенный визит") -> int:
    answers.new.append(NewScenario(name, "abandoned_visit"))
    qtbot.mouseClick(screen.list_page.new_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen.editor)
    assert screen.stack.currentWidget() is screen.editor
    return screen.editor.scenario_id


def test_empty_state_explains_and_a_starter_opens_in_the_editor(screen: ScenariosScreen, answers: Answers,
                                                                qtbot) -> None:
    page = screen.list_page
    assert page.stack.currentWidget() is page.empty
    explanation = " ".join(label.text() for label in page.empty.findChildren(QLabel))
    assert "awaited event" in explanation and "once" in explanation
    scenario_id = create_starter(screen, answers, qtbot)
    info = store.get_scenario(screen.engine, scenario_id)
    assert (info.name, info.status, info.latest_version, info.draft_version) == ("Брошенный визит", "draft", 1, 1)
    editor = screen.editor
    assert set(editor.scenario.nodes) == {"trigger", "wait", "lead", "sms", "done", "goal"}
    assert editor.title.text().startswith("Брошенный визит") and not editor.dirty
    # The starter names an SMS template the library lacks: listed in words and marked on the node.
    assert any(SMS_NAME in text for text in editor.problems.texts())
    assert editor.canvas.scene().node_items["sms"].problems
    editor.toolbar.back.trigger()
    assert screen.stack.currentWidget() is screen.list_page
    assert [(r.name, r.status, r.inside) for r in screen.list_page.rows] == [("Брошенный визит", "draft", 0)]


def test_publish_refused_with_problems_then_published_paused_resumed_and_versioned(
        screen: ScenariosScreen, answers: Answers, workspace: Workspace, qtbot) -> None:
    scenario_id = create_starter(screen, answers, qtbot)
    editor = screen.editor
    editor.toolbar.publish.trigger()
    settle(qtbot, editor)
    assert store.get_scenario(screen.engine, scenario_id).status == "draft"
    assert "Cannot publish" in editor.status.text() and editor.problems.texts()
    assert answers.asked == []  # refused before asking who will enter

    sms_template(workspace, SMS_NAME, "Здравствуйте, {{ contact.first_name | default('друг') }}! Скидка 10%.")
    editor.revalidate()
    settle(qtbot, editor)
    assert editor.problems.texts() == [] and not editor.canvas.scene().node_items["sms"].problems
    answers.confirm.append(True)
    editor.toolbar.publish.trigger()
    settle(qtbot, editor)
    info = store.get_scenario(screen.engine, scenario_id)
    assert (info.status, info.live_version) == ("published", 1)
    title, text = answers.asked[-1]
    assert "Publish" in title and "time_on_site" not in text and "Time on site" in text
    assert editor.toolbar.pause.isVisible() and not editor.toolbar.resume.isVisible()

    editor.toolbar.pause.trigger()
    settle(qtbot, editor)
    assert store.get_scenario(screen.engine, scenario_id).status == "paused"
    assert editor.toolbar.resume.isVisible()
    editor.toolbar.resume.trigger()
    settle(qtbot, editor)
    assert store.get_scenario(screen.engine, scenario_id).status == "published"

    # Editing the running version: saving makes draft version 2, version 1 keeps running.
    assert "new draft (version 2)" in editor.banner.text()
    editor.canvas.set_node_props("wait", {"duration": {"amount": 45, "unit": "minutes"}})
    assert editor.dirty and editor.title.text().endswith("*")
    editor.toolbar.save.trigger()
    info = store.get_scenario(screen.engine, scenario_id)
    assert (info.live_version, info.draft_version) == (1, 2) and not editor.dirty
    assert store.get_version(screen.engine, scenario_id, 2).document["nodes"][1]["props"]["duration"]["amount"] == 45
    assert store.get_version(screen.engine, scenario_id, 1).document["nodes"][1]["props"]["duration"]["amount"] == 30
    assert "Version 2 · draft" in [editor.toolbar.versions.itemText(i) for i in range(editor.toolbar.versions.count())]

    # An earlier version opens read-only: edits are refused and Save is off.
    editor.toolbar.versions.setCurrentIndex(editor.toolbar.versions.findData(1))
    editor.toolbar.versions.activated.emit(editor.toolbar.versions.currentIndex())
    assert editor.read_only and editor.version == 1 and not editor.toolbar.save.isEnabled()
    assert editor.canvas.read_only


def test_leaving_with_unsaved_changes_asks(screen: ScenariosScreen, answers: Answers, qtbot) -> None:
    scenario_id = create_starter(screen, answers, qtbot)
    editor = screen.editor
    editor.canvas.set_node_props("wait", {"duration": {"amount": 2, "unit": "hours"}})
    answers.unsaved.append("cancel")
    assert screen.may_leave() is False and answers.asked[-1] == ("unsaved", "Брошенный визит")
    answers.unsaved.append("cancel")
    editor.toolbar.back.trigger()
    assert screen.stack.currentWidget() is editor
    answers.unsaved.append("save")
    assert screen.may_leave() is True
    stored = store.get_version(screen.engine, scenario_id).document
    assert stored["nodes"][1]["props"]["duration"] == {"amount": 2, "unit": "hours"}
    editor.canvas.set_node_props("wait", {"duration": {"amount": 5, "unit": "days"}})
    answers.unsaved.append("discard")
    editor.toolbar.back.trigger()
    assert screen.stack.currentWidget() is screen.list_page
    assert store.get_version(screen.engine, scenario_id).document["nodes"][1]["props"]["duration"]["amount"] == 2
    assert screen.may_leave() is True  # the list has nothing to lose


def test_settings_rename_on_save_and_list_actions(screen: ScenariosScreen, answers: Answers, qtbot,
                                                  tmp_path: Path) -> None:
    scenario_id = create_starter(screen, answers, qtbot)
    editor = screen.editor
    form = editor.properties.settings
    form.mode.setCurrentIndex(form.mode.findData("every_time"))
    form.name.setText("Брошенная корзина")
    form.name.editingFinished.emit()
    assert editor.dirty and not form.days.isVisible()
    editor.toolbar.save.trigger()
    assert store.get_scenario(screen.engine, scenario_id).name == "Брошенная корзина"
    assert store.get_version(screen.engine, scenario_id).document["entry"] == {"mode": "every_time"}
    editor.toolbar.back.trigger()

    page = screen.list_page
    page.select(scenario_id)
    answers.names.append("Корзина")
    page.rename_button.click()
    assert [r.name for r in page.rows] == ["Корзина"]
    page.duplicate_button.click()
    assert sorted(r.name for r in page.rows) == ["Корзина", "Корзина (2)"]
    out = tmp_path / "сценарий.json"
    page.select(scenario_id)
    answers.paths.append(str(out))
    page.export_button.click()
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["name"] == "Корзина" and len(document["nodes"]) == 6
    answers.paths.append(str(out))
    page.import_button.click()
    assert sorted(r.name for r in page.rows) == ["Корзина", "Корзина (2)", "Корзина (3)"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "nodes": [{"id": "a"}]}', encoding="utf-8")
    answers.paths.append(str(bad))
    page.import_button.click()
    assert "bad.json" in str(answers.errors[-1]) and len(page.rows) == 3
    page.select(scenario_id)
    answers.confirm.append(True)
    page.archive_button.click()
    assert "Корзина" not in [r.name for r in page.rows]
    assert store.get_scenario(screen.engine, scenario_id).status == "archived"
    page.show_archived.setChecked(True)
    assert [r.status for r in page.rows if r.id == scenario_id] == ["archived"]
    assert page.table.item(page.rows.index(next(r for r in page.rows if r.id == scenario_id)), 1).text() == "Archived"


def test_the_new_scenario_dialog_offers_the_starters_and_suggests_a_name(qtbot) -> None:
    from ui.scenarios.dialogs import NewScenarioDialog

    dialog = NewScenarioDialog()
    qtbot.addWidget(dialog)
    keys = [dialog.starters.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.starters.count())]
    assert keys == [None, "abandoned_visit", "new_lead", "birthday", "win_back", "service_reminder"]
    assert dialog.choice() is None  # a blank canvas needs a name
    dialog.starters.setCurrentRow(3)
    assert dialog.choice() == NewScenario("День рождения", "birthday")
    dialog.name.setText("Поздравления")
    dialog.starters.setCurrentRow(4)
    assert dialog.choice() == NewScenario("Поздравления", "win_back")  # a typed name is kept
