"""The wizard driven from a cp1251 `;` file to the summary, checked against the database."""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.contacts.edit import Changes
from app.db.schema import consents, contact_tags, contacts, list_members, lists, tags
from tests.ui.imports.conftest import HEADER, ROWS, choose, click_next, contacts_count, write_csv
from ui.imports import ImportWizard
from ui.ops import change_bus


class _UrlCatcher(QObject):
    """Stands in for the system's file opener: records what would be opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_cp1251_file_from_preview_to_summary(qtbot, open_wizard, run_to_summary, workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "клиенты.csv", [HEADER, *ROWS])
    wizard = open_wizard(path)
    page = wizard.preview_page
    assert wizard.currentId() == ImportWizard.PREVIEW

    # Detected reading is shown in the controls, and the table holds the file's columns.
    assert page.encoding_combo.currentData() == "cp1251"
    assert page.encoding_combo.currentText() == "Windows-1251"
    assert page.delimiter_combo.currentData() == ";"
    assert page.header_spin.value() == 1
    assert [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())] == HEADER
    assert page.table.item(0, 2).text() == "Иванов Иван Иванович"
    assert not page.banner.isVisible()

    # Another delimiter re-reads the file: everything falls into one column.
    choose(qtbot, wizard, page.delimiter_combo, ",")
    assert page.preview.delimiter == ","
    assert page.table.columnCount() == 1
    choose(qtbot, wizard, page.delimiter_combo, ";")
    assert page.table.columnCount() == len(HEADER)
    click_next(qtbot, wizard)

    # Mapping is pre-filled from the Russian headers.
    mapping_page = wizard.mapping_page
    assert mapping_page.target_combo("Телефон").currentData() == "phone"
    assert mapping_page.target_combo("Телефон").currentText() == "Телефон"
    assert mapping_page.target_combo("E-mail").currentData() == "email"
    assert mapping_page.target_combo("ФИО").currentData() == "full_name"
    assert mapping_page.target_combo("Дата рождения").currentData() == "birthday"
    assert "Москва" in mapping_page.table.item(3, 1).text()
    click_next(qtbot, wizard)

    # Options: a new list, two tags, SMS consent (which needs its source).
    options = wizard.options_page
    options.list_combo.setEditText("Покупатели магазина")
    assert "Покупатели магазина" in options.list_hint.text()
    options.tags_edit.setText("vip, магазин, vip")
    options.consent_boxes["sms"].setChecked(True)
    assert not options.isComplete()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert options.consent_problem.isVisible()
    options.consent_source.setText("анкета в магазине на Ленина")
    assert options.isComplete()
    assert wizard.button(wizard.WizardButton.NextButton).text() == "Импортировать"
    run_to_summary(wizard)

    result = wizard.result
    summary = wizard.summary_page
    with workspace.engine.connect() as conn:
        in_base = conn.execute(sa.select(contacts.c.id, contacts.c.phone, contacts.c.email)).all()
        members = conn.execute(
            sa.select(sa.func.count()).select_from(list_members.join(lists))
            .where(lists.c.name == "Покупатели магазина")).scalar_one()
        tag_names = conn.execute(
            sa.select(tags.c.name, sa.func.count()).select_from(contact_tags.join(tags)).group_by(tags.c.name)).all()
        granted = conn.execute(
            sa.select(consents.c.source, consents.c.status).where(consents.c.channel == "sms")).all()
    ids = {row.id for row in in_base}

    # What the summary shows is what the database holds.
    assert _number(summary.count_labels["created"].text()) == result.created == len(in_base) == 3
    assert _number(summary.count_labels["total_rows"].text()) == result.total_rows == len(ROWS)
    assert _number(summary.count_labels["merged"].text()) == result.merged == 1
    assert _number(summary.count_labels["rejected"].text()) == result.rejected == 1
    assert _number(summary.count_labels["updated"].text()) == result.updated == 0
    assert {row.phone for row in in_base} == {"+79123456789", "+79123456780", "+79123456781"}
    assert "ivan@mail.ru" in {row.email for row in in_base}
    assert members == len(ids)
    assert dict(tag_names) == {"vip": 3, "магазин": 3}
    assert granted == [("анкета в магазине на Ленина", "granted")] * 3

    # A rejected row: the report exists and the button opens it.
    assert summary.report_button.isVisible()
    assert result.error_report is not None and Path(result.error_report).is_file()
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(summary.report_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.opened == [str(result.error_report)]

    # "Done" hands the result to whoever refreshes the contacts screen.
    with qtbot.wait_signal(wizard.import_finished, timeout=2000) as finished:
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert finished.args == [result]
    assert contacts_count(workspace) == 3


def test_clean_file_has_no_report_button(qtbot, open_wizard, run_to_summary, workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "чистый.csv", [HEADER, *ROWS[:3]])
    wizard = open_wizard(path)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    announced = []

    def heard(changes: Changes, initiator: object) -> None:
        announced.append((changes, initiator))

    change_bus().changes_applied.connect(heard)
    try:
        run_to_summary(wizard)
    finally:
        change_bus().changes_applied.disconnect(heard)
    # Other screens hear about the new contacts as soon as they are in the base.
    assert announced == [(Changes(contacts=True, lists=True, tags=True), wizard)]
    assert wizard.result.rejected == 0
    assert not wizard.summary_page.report_button.isVisible()
    assert contacts_count(workspace) == 3


def test_second_import_updates_existing(qtbot, open_wizard, run_to_summary, workspace, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "первый.csv", [HEADER, *ROWS[:3]])
    wizard = open_wizard(first)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    run_to_summary(wizard)

    second = write_csv(tmp_path / "второй.csv", [["Телефон", "Город"], ["89123456781", "Пермь"],
                                                  ["89123456700", "Тула"]])
    wizard = open_wizard(second)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    wizard.options_page.duplicate_buttons["skip"].setChecked(True)
    run_to_summary(wizard)
    summary = wizard.summary_page
    assert _number(summary.count_labels["created"].text()) == wizard.result.created == 1
    assert _number(summary.count_labels["skipped"].text()) == wizard.result.skipped == 1
    assert contacts_count(workspace) == 4
