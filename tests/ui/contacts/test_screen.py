"""The contacts screen as a user drives it: search, filters, details, edit, delete, export, empty state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app.contacts.query import Changes, ContactFilter
from app.db.schema import contacts
from app.workspace import Workspace
from tests.ui.demo import add_contacts, count_contacts
from ui.contacts.edit_dialog import EditDialog
from ui.contacts.screen import ContactsScreen
from ui.ops import change_bus
from ui.widgets.dialogs import Confirm, SavePath


@pytest.fixture
def screen(workspace: Workspace, qtbot) -> ContactsScreen:
    add_contacts(workspace.engine, 50)
    widget = ContactsScreen(workspace)
    qtbot.add_widget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_quick_search_by_phone_typed_the_russian_way(screen: ContactsScreen, qtbot) -> None:
    assert screen.model.total == 50 and "50" in screen.count_label.text()
    qtbot.keyClicks(screen.search, "8 (912) 100-00-07")
    qtbot.wait_until(lambda: screen.model.total == 1, timeout=2000)
    assert screen.model.data(screen.model.index(0, 1)) == "+7 912 100-00-07"
    assert screen.count_label.text().startswith("1 ")
    screen.search.clear()
    qtbot.wait_until(lambda: screen.model.total == 50, timeout=2000)


def test_filter_by_list_and_tag_combos(screen: ContactsScreen) -> None:
    assert screen.list_combo.itemText(1) == "Постоянные (17)"
    screen.list_combo.setCurrentIndex(1)
    assert screen.model.total == 17
    screen.tag_combo.setCurrentIndex(screen.tag_combo.findText("VIP (13)"))
    assert screen.model.total == 5  # every 12th of 50
    screen.list_combo.setCurrentIndex(0)
    screen.tag_combo.setCurrentIndex(0)
    assert screen.model.total == 50


def test_detail_panel_shows_fields_consents_custom_fields_and_lists(screen: ContactsScreen) -> None:
    assert "Select a contact" in _texts(screen.detail)
    screen.table.selectRow(0)
    text = _texts(screen.detail)
    for expected in ("Иванов Пётр Петрович", "+7 912 100-00-00", "LC-10000", "Карта лояльности", "кофе",
                     "анкета в магазине", "granted", "Постоянные", "VIP, магазин", "not recorded"):
        assert expected in text
    screen.table.selectRow(3)  # 4th contact: email consent from the web form
    assert "форма на сайте" in _texts(screen.detail)


def test_edit_saves_normalised_phone_and_the_table_follows(screen: ContactsScreen, qtbot, monkeypatch) -> None:
    def fill_and_save(dialog: EditDialog) -> int:
        dialog.phone.setText("8 (999) 111-22-33")
        dialog.email.setText("  New.Mail@Example.RU ")
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(EditDialog, "exec", fill_and_save)
    screen.table.selectRow(2)
    cid = screen.selected_ids()[0]
    screen.edit_selected()
    detail = screen.query.detail(cid)
    assert detail is not None and (detail.row.phone, detail.row.email) == ("+79991112233", "new.mail@example.ru")
    assert screen.model.data(screen.model.index(2, 1)) == "+7 999 111-22-33"
    assert "+7 999 111-22-33" in _texts(screen.detail)


def test_edit_rejects_bad_email_with_a_visible_message(screen: ContactsScreen, qtbot) -> None:
    screen.table.selectRow(1)
    before = screen.query.detail(screen.selected_ids()[0])
    assert before is not None
    dialog = EditDialog(screen.query, before, screen)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.email.setText("ivan@@mail")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "ivan@@mail" in dialog.error_label.text() and "not a valid email" in dialog.error_label.text()
    assert screen.query.detail(before.row.id) == before


def test_delete_many_after_confirmation(screen: ContactsScreen, workspace: Workspace, qtbot, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: asked.append(text) or False))
    screen.table.selectRow(0)
    screen.table.selectionModel().select(screen.model.index(1, 0), screen.table.selectionModel().SelectionFlag.Select
                                         | screen.table.selectionModel().SelectionFlag.Rows)
    screen.delete_selected()
    assert asked and "Delete 2 contact" in asked[0] and count_contacts(workspace.engine) == 50
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    screen.delete_selected()
    qtbot.wait_until(lambda: screen.model.total == 48, timeout=5000)
    assert count_contacts(workspace.engine) == 48
    assert screen.model.rowCount() == 48


def test_export_selection_to_xlsx(screen: ContactsScreen, tmp_path: Path, qtbot, monkeypatch) -> None:
    target = tmp_path / "выборка"  # no suffix: .xlsx is added
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, parent, title, suggested, filters: str(target)))
    for row in (4, 2):
        screen.table.selectionModel().select(screen.model.index(row, 0),
                                             screen.table.selectionModel().SelectionFlag.Select
                                             | screen.table.selectionModel().SelectionFlag.Rows)
    screen.export_selected()
    qtbot.wait_until(lambda: screen.last_operation is not None and screen.last_operation.done, timeout=5000)
    rows = list(openpyxl.load_workbook(tmp_path / "выборка.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Last name", "First name", "Middle name", "Phone")
    assert [r[0] for r in rows[1:]] == ["Сидоров", "Кузнецов"]
    assert rows[2][3].endswith("+79121000028")


def test_empty_base_welcomes_with_an_import_button(workspace: Workspace, qtbot, monkeypatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr("ui.main_window.open_import", lambda parent, ws, path=None: opened.append(ws))
    widget = ContactsScreen(workspace)
    qtbot.add_widget(widget)
    widget.show()
    assert widget.stack.currentWidget() is widget.empty and not widget.bar_widget.isVisible()
    assert "Welcome to Kaskad" in _texts(widget.empty)
    qtbot.mouseClick(widget.empty.button, Qt.MouseButton.LeftButton)
    assert opened == [workspace]


def test_search_with_no_result_is_not_the_empty_base(screen: ContactsScreen, qtbot) -> None:
    screen.model.set_filter(ContactFilter(search="никого-нет"))
    assert screen.count_label.text() == "searching…"
    qtbot.wait_until(lambda: screen.count_label.text().startswith("0 "), timeout=5000)
    assert screen.stack.currentWidget() is screen.splitter and screen.bar_widget.isVisible()


def test_import_finishing_refreshes_the_table(screen: ContactsScreen, workspace: Workspace) -> None:
    class FinishedWizard(QObject):
        import_finished = Signal(object)

    wizard = FinishedWizard()
    screen._watch_import(wizard)
    now = dt.datetime.now(dt.UTC)
    with workspace.engine.begin() as conn:
        conn.execute(contacts.insert().values(phone="+79990000001", last_name="Новый", custom={}, search_text="новый",
                                              created_at=now, updated_at=now))
    assert screen.model.total == 50
    wizard.import_finished.emit(None)
    assert screen.model.total == 51


def test_a_change_elsewhere_refreshes_without_losing_the_scroll_position(workspace: Workspace, qtbot) -> None:
    add_contacts(workspace.engine, 600)
    widget = ContactsScreen(workspace)
    qtbot.add_widget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.table.scrollToBottom()  # pulls in the next page through fetchMore
    qtbot.wait_until(lambda: widget.model.rowCount() > widget.model.PAGE, timeout=2000)
    widget.table.selectRow(250)
    chosen = widget.selected_ids()
    widget.table.verticalScrollBar().setValue(widget.table.verticalScrollBar().maximum() // 2)
    position, loaded = widget.table.verticalScrollBar().value(), widget.model.rowCount()
    widget.query.delete_contacts([widget.model.contact_id(0)])
    change_bus().changes_applied.emit(Changes(contacts=True), None)
    assert widget.model.total == 599
    assert widget.table.verticalScrollBar().value() == position
    assert widget.model.rowCount() >= loaded - 1
    assert widget.selected_ids() == chosen  # the same contact stays selected
