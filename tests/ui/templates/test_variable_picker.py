"""The variable picker: every contact and custom field listed, the chosen one inserted at the cursor."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from tests.ui.templates.editors_support import add_contacts, editors_ru  # noqa: F401 - fixture
from ui.templates.variable_picker import VariablePicker

pytestmark = pytest.mark.usefixtures("editors_ru")


def menu_entries(picker: VariablePicker) -> dict[str, str]:
    """Menu text → variable name, after the menu is about to show."""
    picker.menu().aboutToShow.emit()
    return {a.text(): a.data() for a in picker.menu().actions() if a.data()}


def test_inserts_at_the_cursor(qtbot, workspace) -> None:
    edit = QPlainTextEdit()
    qtbot.add_widget(edit)
    picker = VariablePicker(workspace.engine, "sms")
    qtbot.add_widget(picker)
    picker.attach(edit)
    edit.setPlainText("Здравствуйте, ! Ждём вас.")
    cursor = edit.textCursor()
    cursor.setPosition(len("Здравствуйте, "))
    edit.setTextCursor(cursor)
    entries = menu_entries(picker)
    action = next(a for a in picker.menu().actions() if a.data() == "first_name")
    assert "Имя  —  first_name" in entries
    with qtbot.wait_signal(picker.variable_chosen, timeout=1000) as signal:
        action.trigger()
    assert signal.args == ["first_name"]
    assert edit.toPlainText() == 'Здравствуйте, {{ first_name | default("") }}! Ждём вас.'
    # The cursor stays after the inserted variable, so typing continues there.
    assert edit.textCursor().position() == len('Здравствуйте, {{ first_name | default("") }}')


def test_replaces_a_selection_in_a_line_edit(qtbot) -> None:
    line = QLineEdit("Телефон: XXX")
    qtbot.add_widget(line)
    picker = VariablePicker(None, "sms")
    picker.attach(line)
    line.setSelection(len("Телефон: "), 3)
    picker.choose("phone")
    assert line.text() == "Телефон: {{ phone }}"


def test_goes_to_the_edit_used_last(qtbot) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    subject, body = QLineEdit(), QPlainTextEdit()
    picker = VariablePicker(None, "email")
    layout = QVBoxLayout(window)
    for widget in (subject, body, picker):
        layout.addWidget(widget)
    window.show()
    window.activateWindow()
    qtbot.wait_active(window)
    picker.attach(subject, body)
    body.setFocus()
    qtbot.wait_until(body.hasFocus, timeout=1000)
    body.moveCursor(QTextCursor.MoveOperation.End)
    picker.choose("city")
    assert subject.text() == "" and body.toPlainText() == '{{ city | default("") }}'
    subject.setFocus()
    qtbot.wait_until(subject.hasFocus, timeout=1000)
    picker.choose("unsubscribe_url")
    assert subject.text() == "{{ unsubscribe_url }}"


def test_lists_custom_fields_found_in_the_contacts(qtbot, workspace) -> None:
    add_contacts(workspace.engine, [
        {"phone": "+79120000001", "first_name": "Ян", "custom": {"bonus": 5, "любимый_цвет": "синий"}},
        {"phone": "+79120000002", "custom": {"card_no": "A-1"}},
    ])
    picker = VariablePicker(workspace.engine, "sms")
    qtbot.add_widget(picker)
    entries = menu_entries(picker)
    assert {"bonus", "любимый_цвет", "card_no"} <= set(entries.values())
    sections = [a.text() for a in picker.menu().actions() if a.isSeparator() and a.text()]
    assert sections == ["Поля контакта", "Дополнительные поля"]
    # A new import shows up the next time the menu opens.
    add_contacts(workspace.engine, [{"phone": "+79120000003", "custom": {"level": "gold"}}])
    assert "level" in menu_entries(picker).values()
