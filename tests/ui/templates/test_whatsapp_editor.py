"""The WhatsApp editor: building a template, Meta JSON export/import, parameter mapping, button limits."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.templates.whatsapp import export_meta
from tests.ui.templates.editors_support import add_contacts, editors_ru, type_text  # noqa: F401 - fixture
from ui.templates._wa_buttons import MAX_BUTTONS
from ui.templates.whatsapp_editor import WhatsAppEditor

pytestmark = pytest.mark.usefixtures("editors_ru")


@pytest.fixture
def make_editor(qtbot, workspace):
    def make() -> WhatsAppEditor:
        editor = WhatsAppEditor(workspace.engine)
        qtbot.add_widget(editor)
        editor.resize(1250, 820)
        editor.show()
        return editor

    return make


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def build_in_ui(qtbot, editor: WhatsAppEditor) -> None:
    """Fill every part of a template through the widgets, as a user does."""
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "spring_sale")
    choose(editor.category_combo, "UTILITY")
    choose(editor.header_combo, "TEXT")
    type_text(editor.header_text, "Скидки для {{1}}")
    editor.refresh()
    choose(editor.header_field, "first_name")
    editor.body_edit.clear()
    type_text(editor.body_edit, "Здравствуйте, ")
    click(qtbot, editor.add_param_button)
    type_text(editor.body_edit, "! Ваш город: ")
    click(qtbot, editor.add_param_button)
    type_text(editor.body_edit, ", ждём вас.")
    assert editor.body_edit.toPlainText() == "Здравствуйте, {{1}}! Ваш город: {{2}}, ждём вас."
    assert editor.params_table.rowCount() == 2
    choose(editor.params_table.field_combo(1), "first_name")
    choose(editor.params_table.field_combo(2), "city")
    editor.params_table.cellWidget(0, 2).setText("друг")
    editor.params_table.cellWidget(0, 3).setText("Иван")
    editor.params_table.cellWidget(1, 3).setText("Москва")
    type_text(editor.footer_edit, "Магазин «Ромашка»")
    buttons = editor.buttons_editor
    click(qtbot, buttons.add_reply)
    type_text(buttons.rows[-1].text, "Отписаться")
    click(qtbot, buttons.add_url)
    type_text(buttons.rows[-1].text, "Каталог")
    qtbot.keyClicks(buttons.rows[-1].value, "https://shop.example.ru/catalog")
    click(qtbot, buttons.add_phone)
    type_text(buttons.rows[-1].text, "Позвонить")
    qtbot.keyClicks(buttons.rows[-1].value, "+74951234567")
    editor.refresh()


def test_build_export_and_import_round_trip(qtbot, tmp_path, make_editor) -> None:
    editor = make_editor()
    build_in_ui(qtbot, editor)
    assert editor.problem() is None, editor.problem()
    assert editor.status.text() == "✓ Шаблон соответствует правилам WhatsApp."
    path = tmp_path / "spring_sale.json"
    assert editor.export_json(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["name"] == "spring_sale" and exported["category"] == "UTILITY"
    kinds = [c["type"] for c in exported["components"]]
    assert kinds == ["HEADER", "BODY", "FOOTER", "BUTTONS"]
    assert exported["components"][1]["example"] == {"body_text": [["Иван", "Москва"]]}
    assert [b["type"] for b in exported["components"][3]["buttons"]] == ["QUICK_REPLY", "URL", "PHONE_NUMBER"]

    fresh = make_editor()
    with qtbot.wait_signal(fresh.changed, timeout=1000):
        assert fresh.import_json(path)
    assert export_meta(fresh.document()) == exported
    original, imported = editor.document(), fresh.document()
    for key in ("name", "language", "category", "body", "footer"):
        assert imported[key] == original[key]
    assert imported["header"]["text"] == "Скидки для {{1}}"
    assert [(b["type"], b["text"]) for b in imported["buttons"]] == [
        (b["type"], b["text"]) for b in original["buttons"]]
    # Meta's format has no field mapping: it comes back empty, the examples stay.
    assert [p["example"] for p in imported["params"]] == ["Иван", "Москва"]
    assert fresh.params_table.rowCount() == 2 and fresh.params_table.field_combo(1).field() == ""


def test_mapping_renders_the_contacts_name(qtbot, workspace, make_editor) -> None:
    add_contacts(workspace.engine, [{"phone": "+79120000001", "first_name": "Мария", "city": "Казань"}])
    editor = make_editor()
    editor.set_template(5, {
        "schema_version": 1, "type": "whatsapp", "name": "hello", "language": "ru", "category": "MARKETING",
        "header": None, "body": "Здравствуйте, {{1}}! Для вас *скидка*.",
        "params": [{"field": "first_name", "fallback": "", "example": "Иван"}], "footer": "", "buttons": [
            {"type": "QUICK_REPLY", "text": "Хочу", "payload": "YES"}]})
    assert editor.preview.body.text() == "Здравствуйте, Мария! Для вас <b>скидка</b>."
    assert [b.text() for b in editor.preview.buttons] == ["↩ Хочу"]
    choose(editor.params_table.field_combo(1), "city")
    qtbot.wait_until(lambda: "Казань" in editor.preview.body.text(), timeout=2000)

    choose(editor.params_table.field_combo(1), "last_name")  # Мария has no last name, no fallback
    qtbot.wait_until(lambda: editor.preview.error.isVisibleTo(editor), timeout=2000)
    assert editor.preview.error.text() == (
        "Параметр {{1}}: у контакта пусто поле «last_name», а значение «Если пусто» не задано")


def test_too_many_buttons_are_refused(qtbot, make_editor) -> None:
    editor = make_editor()
    buttons = editor.buttons_editor
    for _ in range(2):
        click(qtbot, buttons.add_url)
    assert not buttons.add_url.isEnabled()
    assert buttons.add_url.toolTip() == "В шаблоне не больше 2 кнопок-ссылок."
    assert buttons.add_button("URL") is False
    assert buttons.message.text() == "В шаблоне не больше 2 кнопок-ссылок."
    click(qtbot, buttons.add_phone)
    assert not buttons.add_phone.isEnabled()
    while len(buttons.rows) < MAX_BUTTONS:
        click(qtbot, buttons.add_reply)
    assert not buttons.add_reply.isEnabled()
    assert buttons.add_button("QUICK_REPLY") is False
    assert buttons.message.text() == "В шаблоне не больше 10 кнопок."
    assert len(editor.document()["buttons"]) == MAX_BUTTONS
    # Removing one makes room again.
    click(qtbot, buttons.rows[0].remove)
    assert len(buttons.rows) == MAX_BUTTONS - 1 and buttons.add_reply.isEnabled()
    assert buttons.add_url.isEnabled()


def test_rule_violations_are_explained_in_russian(qtbot, make_editor) -> None:
    editor = make_editor()
    editor.name_edit.clear()
    qtbot.keyClicks(editor.name_edit, "Winter Sale")
    editor.refresh()
    assert editor.status.text().startswith("Название: В названии можно только строчные латинские буквы")
    assert editor.preview.error.isVisibleTo(editor)
    editor.name_edit.setText("winter_sale")
    editor.body_edit.setPlainText("Привет, {{1}}")
    editor.refresh()
    assert editor.status.text() == "Текст сообщения: Текст не может начинаться или заканчиваться параметром"


def test_bad_json_is_refused_with_its_position(qtbot, tmp_path, make_editor) -> None:
    editor = make_editor()
    before = editor.document()
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x",\n "components": [}', encoding="utf-8")
    assert not editor.import_json(broken)
    assert editor.status.text() == "broken.json — не JSON: ошибка в строке 2, столбце 17."
    other = tmp_path / "other.json"
    other.write_text('{"name": "x"}', encoding="utf-8")
    assert not editor.import_json(other)
    assert editor.status.text() == "Не удалось импортировать other.json: Это не шаблон WhatsApp: нет списка «components»"
    assert editor.document() == before


def test_export_refuses_a_broken_template(qtbot, tmp_path, make_editor) -> None:
    editor = make_editor()
    editor.footer_edit.setText("Подпись {{1}}")
    path = tmp_path / "t.json"
    assert not editor.export_json(path)
    assert not path.exists()
    assert editor.status.text().startswith("Исправьте шаблон перед экспортом: Подпись:")


def test_editor_contract(qtbot, make_editor) -> None:
    editor = make_editor()
    doc = {"schema_version": 1, "type": "whatsapp", "name": "t", "language": "en_US", "category": "UTILITY",
           "header": {"format": "IMAGE", "url": "https://x.ru/a.png", "filename": "", "handle": "h1"},
           "body": "Order {{1}} is ready.", "params": [{"field": "external_id", "fallback": "-", "example": "42"}],
           "footer": "", "buttons": []}
    with qtbot.assert_not_emitted(editor.changed):
        editor.set_template(9, doc)
    assert editor.document() == doc
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.wait_signal(editor.changed, timeout=1000):
        qtbot.keyClicks(editor.body_edit, " ")
    assert editor.document()["body"] == "Order {{1}} is ready. "
    assert editor.preview.media.isVisibleTo(editor) and "Картинка" in editor.preview.media.text()


def test_examples_for_review_are_asked_for_and_suggested(qtbot, make_editor) -> None:
    editor = make_editor()
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.body_edit, " Город: ")
    click(qtbot, editor.add_param_button)
    type_text(editor.body_edit, ".")
    assert editor.params_table.rowCount() == 2
    qtbot.wait_until(lambda: editor.status.text().startswith("Укажите пример для каждого параметра"), timeout=2000)
    choose(editor.params_table.field_combo(2), "city")
    assert editor.params_table.cellWidget(1, 3).text() == "Москва"
    qtbot.wait_until(lambda: editor.status.text() == "✓ Шаблон соответствует правилам WhatsApp.", timeout=2000)
