"""The properties panel: fields built from each node type's FieldSpecs; every edit is one undoable canvas command."""

# ruff: noqa: F811 - the shared fixtures are imported from screen_helpers
from __future__ import annotations

from PySide6.QtCore import QTime

from app.scenarios import store
from app.workspace import Workspace
from tests.ui.scenarios.screen_helpers import Answers, answers, screen, settle, sms_template  # noqa: F401
from ui.scenarios.dialogs import NewScenario
from ui.scenarios.fields.branches import BranchesField
from ui.scenarios.fields.duration import DurationField
from ui.scenarios.fields.emails import EmailsField
from ui.scenarios.fields.event_filters import EventFiltersField
from ui.scenarios.fields.template import TemplateField
from ui.scenarios.fields.time_of_day import TimeField
from ui.scenarios.fields.weekdays import WeekdaysField
from ui.scenarios.screen import ScenariosScreen


def open_starter(screen: ScenariosScreen, answers: Answers, qtbot, key: str, name: str) -> None:
    answers.new.append(NewScenario(name, key))
    screen.list_page.new_button.click()
    settle(qtbot, screen.editor)


def test_duration_edit_changes_the_model_and_undo_reverts_it(screen: ScenariosScreen, answers: Answers,
                                                             qtbot) -> None:
    open_starter(screen, answers, qtbot, "abandoned_visit", "Визит")
    editor, panel = screen.editor, screen.editor.properties
    editor.canvas.select_node("wait")
    assert panel.node_id == "wait" and panel.node_form.heading.text() == "Wait"
    field = panel.widgets["duration"]
    assert isinstance(field, DurationField) and field.amount.value() == 30 and field.unit.currentData() == "minutes"
    field.amount.setValue(2)
    field.unit.setCurrentIndex(field.unit.findData("hours"))
    assert editor.scenario.nodes["wait"].props["duration"] == {"amount": 2, "unit": "hours"}
    assert editor.dirty
    editor.toolbar.undo.trigger()
    assert editor.scenario.nodes["wait"].props["duration"] == {"amount": 2, "unit": "minutes"}
    assert field.unit.currentData() == "minutes"  # the panel follows undo
    editor.toolbar.undo.trigger()
    assert editor.scenario.nodes["wait"].props["duration"] == {"amount": 30, "unit": "minutes"}
    assert field.amount.value() == 30 and not editor.dirty
    editor.toolbar.redo.trigger()
    assert editor.scenario.nodes["wait"].props["duration"]["amount"] == 2
    panel.node_form.title.setText("Полчаса подумать")
    panel.node_form.title.editingFinished.emit()
    assert editor.scenario.nodes["wait"].title == "Полчаса подумать"


def test_event_filters_and_the_template_picker_with_preview(screen: ScenariosScreen, answers: Answers,
                                                            workspace: Workspace, qtbot) -> None:
    sms_template(workspace, "Скидка", "{{ contact.first_name | default('Друг') }}, скидка 10% до пятницы!")
    open_starter(screen, answers, qtbot, "abandoned_visit", "Визит")
    editor, panel = screen.editor, screen.editor.properties
    editor.canvas.select_node("trigger")
    filters = panel.widgets["filters"]
    assert isinstance(filters, EventFiltersField)
    assert [(r.prop.currentText(), r.op.currentData(), r.value.text()) for r in filters.rows] == [
        ("Page URL", "contains", "/prices"), ("Time on site, s", "gte", "180")]
    filters.rows[1].value.setText("240")
    filters.rows[1].value.editingFinished.emit()
    assert editor.scenario.nodes["trigger"].props["filters"][1] == {"property": "seconds", "op": "gte", "value": 240}
    filters.add_button.click()
    row = filters.rows[-1]
    row.prop.setCurrentIndex(row.prop.findData("utm_source"))
    row.op.setCurrentIndex(row.op.findData("eq"))
    row.value.setText("yandex")
    row.value.editingFinished.emit()
    assert editor.scenario.nodes["trigger"].props["filters"][-1] == {"property": "utm_source", "op": "eq",
                                                                     "value": "yandex"}

    editor.canvas.select_node("sms")
    template = panel.widgets["template"]
    assert isinstance(template, TemplateField)
    assert "not in the library" in template.combo.currentText()
    template.combo.setCurrentIndex(template.combo.findData("Скидка"))
    qtbot.waitUntil(lambda: template.last_preview is not None, timeout=5000)
    assert "скидка 10% до пятницы" in template.preview.toPlainText() and "SMS part" in template.preview.toPlainText()
    assert editor.scenario.nodes["sms"].props["template"] == "Скидка"
    assert panel.widgets["sms_kind"].combo.currentText().startswith("Trigger SMS")
    assert panel.widgets["provider"].combo.currentText() == "Default account of the channel"
    editor.revalidate()
    settle(qtbot, editor)
    assert editor.problems.texts() == []


def test_split_window_and_manager_fields(screen: ScenariosScreen, answers: Answers, qtbot) -> None:
    open_starter(screen, answers, qtbot, "new_lead", "Лид")
    editor, panel = screen.editor, screen.editor.properties
    split = editor.canvas.add_node_of_type("flow.split")
    editor.canvas.select_node(split)
    branches = panel.widgets["branches"]
    assert isinstance(branches, BranchesField) and branches.total.text() == "Total: 100 %"
    branches.add_button.click()
    assert editor.scenario.nodes[split].props["branches"] == [
        {"key": "A", "percent": 34}, {"key": "B", "percent": 33}, {"key": "C", "percent": 33}]
    assert branches.total.text() == "Total: 100 %"
    branches.table.cellWidget(0, 1).setValue(50)
    assert branches.total.text() == "Total: 116 %"
    assert editor.scenario.nodes[split].props["branches"][0]["percent"] == 50
    editor.revalidate()
    settle(qtbot, editor)
    assert any("100 %" in text for text in editor.problems.texts())

    window = editor.canvas.add_node_of_type("flow.wait_window")
    editor.canvas.select_node(window)
    days = panel.widgets["weekdays"]
    assert isinstance(days, WeekdaysField) and [b.text() for b in days.buttons][:2] == ["Mon", "Tue"]
    days.buttons[5].setChecked(True)
    assert editor.scenario.nodes[window].props["weekdays"] == [1, 2, 3, 4, 5, 6]
    start = panel.widgets["from"]
    assert isinstance(start, TimeField)
    start.edit.setTime(QTime(9, 30))
    assert editor.scenario.nodes[window].props["from"] == "09:30"

    manager = editor.canvas.add_node_of_type("action.email_manager")
    editor.canvas.select_node(manager)
    emails = panel.widgets["managers"]
    assert isinstance(emails, EmailsField)
    emails.edit.setPlainText("sales@shop.ru\nне-адрес")
    assert panel.widgets["managers"] is emails
    assert not emails.error.isHidden() and "не-адрес" in emails.error.text()
    assert editor.scenario.nodes[manager].props["managers"] == ["sales@shop.ru", "не-адрес"]
    recipients = panel.widgets["recipients"]
    recipients.combo.setCurrentIndex(recipients.combo.findData("round_robin"))
    assert editor.scenario.nodes[manager].props["recipients"] == "round_robin"
    editor.canvas.scene().clearSelection()
    assert panel.stack.currentWidget() is panel.settings
    editor.toolbar.save.trigger()
    stored = store.get_version(screen.engine, editor.scenario_id).document
    assert any(n["type"] == "flow.split" and len(n["props"]["branches"]) == 3 for n in stored["nodes"])


def test_one_off_start_shows_only_the_audience_picker_that_applies(screen: ScenariosScreen, answers: Answers,
                                                                   qtbot) -> None:
    answers.new.append(NewScenario("Разовый", None))
    screen.list_page.new_button.click()
    settle(qtbot, screen.editor)
    editor, panel = screen.editor, screen.editor.properties
    node_id = editor.canvas.add_node_of_type("trigger.audience")
    editor.canvas.select_node(node_id)
    audience = panel.widgets["audience"]
    assert audience.combo.currentText() == "A saved segment"
    assert not panel.widgets["segment"].isHidden() and panel.widgets["list"].isHidden()
    audience.combo.setCurrentIndex(audience.combo.findData("all"))
    assert editor.scenario.nodes[node_id].props["audience"] == "all"
    assert panel.widgets["segment"].isHidden() and panel.widgets["list"].isHidden()
    editor.toolbar.undo.trigger()
    assert editor.scenario.nodes[node_id].props["audience"] == "segment"
    assert not panel.widgets["segment"].isHidden()
