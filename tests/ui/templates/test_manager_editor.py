"""The manager-email editor: lead/event/contact/manager variables and a preview with sample lead data."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.templates.editors_support import editors_ru, type_text  # noqa: F401 - fixture
from ui.templates.manager_editor import SAMPLE_LEAD, ManagerEditor

pytestmark = pytest.mark.usefixtures("editors_ru")


@pytest.fixture
def editor(qtbot, workspace) -> ManagerEditor:
    widget = ManagerEditor(workspace.engine)
    qtbot.add_widget(widget)
    widget.resize(1000, 520)
    widget.show()
    return widget


def test_preview_shows_lead_fields(qtbot, editor: ManagerEditor) -> None:
    type_text(editor.subject_edit, "Новая заявка: {{ lead.name }}")
    type_text(editor.body_edit, "Телефон: {{ lead.phone }}\nСтраница: {{ event.page }}\nМенеджер: {{ manager.name }}")
    qtbot.wait_until(lambda: "Телефон: +79123456789" in editor.preview.toPlainText(), timeout=2000)
    shown = editor.preview.toPlainText()
    assert shown.startswith(f"Тема: Новая заявка: {SAMPLE_LEAD['name']}")
    assert "Страница: https://shop.example.ru/akciya" in shown
    assert "Менеджер: Ольга Смирнова" in shown
    assert editor.error.text() == ""


def test_picker_offers_lead_event_contact_and_manager(qtbot, editor: ManagerEditor) -> None:
    names = {v.name for v in editor.picker.variables()}
    assert {"lead.name", "lead.phone", "event.page", "manager.name", "contact.first_name"} <= names
    assert "first_name" not in names  # contact fields are reached through contact.*
    editor.body_edit.setPlainText("Клиент: ")
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.body_edit.setFocus()
    editor.picker.choose("contact.first_name")
    assert editor.body_edit.toPlainText() == 'Клиент: {{ contact.first_name | default("") }}'
    qtbot.wait_until(lambda: "Клиент: Иван" in editor.preview.toPlainText(), timeout=2000)
    # The subject gets the variable when the user worked in it last.
    editor.subject_edit.setFocus()
    editor.subject_edit.setText("Заявка ")
    editor.picker.choose("lead.phone")
    assert editor.subject_edit.text() == "Заявка {{ lead.phone }}"


def test_template_errors_name_line_and_column(qtbot, editor: ManagerEditor) -> None:
    editor.set_template(2, {"schema_version": 1, "type": "manager", "subject": "Заявка",
                            "text": "Имя: {{ lead.name }}\nГород: {{ lead.cyty }}", "html": ""})
    assert editor.error.text() == ("Не удалось заполнить шаблон: Строка 2, столбец 8: неизвестная переменная "
                                   "«cyty»: проверьте название или добавьте | default(\"…\")")


def test_editor_contract_keeps_html(qtbot, editor: ManagerEditor) -> None:
    doc = {"schema_version": 1, "type": "manager", "subject": "S", "text": "T {{ lead.name }}",
           "html": "<p>{{ lead.name }}</p>"}
    with qtbot.assert_not_emitted(editor.changed):
        editor.set_template(4, doc)
    assert editor.document() == doc
    assert editor.html_note.isVisibleTo(editor)
    with qtbot.wait_signal(editor.changed, timeout=1000):
        editor.subject_edit.end(False)
        qtbot.keyClicks(editor.subject_edit, "!")
    assert editor.document() == {**doc, "subject": "S!"}
