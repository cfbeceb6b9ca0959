"""The file and preview pages: detection shown, re-reading, sheets, garbled text, bad files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.errors import ImportFileError
from app.importer.preview import preview_file
from tests.ui.imports.conftest import HEADER, ROWS, choose, click_next, wait_read, write_csv
from ui.imports import ImportWizard


def _headers(page) -> list[str]:
    return [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]


def _xlsx_with_title(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Клиенты"
    sheet.append(["Выгрузка клиентов из 1С за 2024 год"])
    sheet.append(["Фамилия", "Имя", "Мобильный", "Почта"])
    sheet.append(["Иванова", "Мария", 89161234567, "maria@example.ru"])
    sheet.append(["Орлов", "Глеб", "+7 916 765-43-21", "gleb@example.ru"])
    other = book.create_sheet("Поставщики")
    other.append(["Компания", "Телефон"])
    other.append(["ООО Ромашка", "+7 495 123-45-67"])
    book.save(path)
    return path


def test_file_page_explains_a_wrong_path(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard()
    page = wizard.file_page
    assert not page.isComplete()
    page.set_path(str(tmp_path / "нет-такого.csv"))
    assert page.problem_label.text() == "По этому пути нет файла."
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    document = tmp_path / "договор.docx"
    document.write_bytes(b"PK")
    page.set_path(str(document))
    assert "«.docx»" in page.problem_label.text()
    good = write_csv(tmp_path / "база.csv", [HEADER, *ROWS])
    page.set_path(str(good))
    assert page.problem_label.text() == ""
    click_next(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert wizard.preview_page.table.rowCount() == len(ROWS)


def test_dropping_a_file_opens_its_preview(qtbot, open_wizard, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "база.csv", [HEADER, *ROWS])
    wizard = open_wizard()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    wizard.file_page.dropEvent(event)
    wait_read(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert _headers(wizard.preview_page) == HEADER


def test_reading_happens_off_the_gui_thread(qtbot, workspace, tmp_path: Path) -> None:
    from ui.imports import open_import_wizard

    wizard = open_import_wizard(None, workspace, str(write_csv(tmp_path / "база.csv", [HEADER, *ROWS])))
    qtbot.add_widget(wizard)
    page = wizard.preview_page
    # The page is shown at once and says it is reading; the rows arrive from the worker.
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert page.loading and page.loading_label.isVisible()
    assert not page.encoding_combo.isEnabled()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wait_read(qtbot, wizard)
    assert not page.loading_label.isVisible() and page.encoding_combo.isEnabled()
    assert _headers(page) == HEADER
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_header_row_can_be_moved(qtbot, open_wizard, tmp_path: Path) -> None:
    rows = [["Выгрузка из CRM от 01.11.2026"], [], HEADER, *ROWS]
    wizard = open_wizard(write_csv(tmp_path / "crm.csv", rows))
    page = wizard.preview_page
    assert page.header_spin.value() == 3
    assert _headers(page) == HEADER
    assert "Выгрузка из CRM" in page.info_label.text()
    page.header_spin.setValue(4)
    wait_read(qtbot, wizard)
    assert page.preview.header_row == 3
    assert _headers(page)[0] == ROWS[0][0]
    assert page.table.rowCount() == len(ROWS) - 1


def test_xlsx_title_row_and_every_sheet(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard(_xlsx_with_title(tmp_path / "база.xlsx"))
    page = wizard.preview_page
    assert page.sheet_combo.isVisible() and not page.encoding_combo.isVisible()
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == ["Клиенты", "Поставщики"]
    assert page.header_spin.value() == 2
    assert _headers(page) == ["Фамилия", "Имя", "Мобильный", "Почта"]
    assert page.table.item(0, 2).text() == "89161234567"
    page.sheet_combo.setCurrentIndex(1)
    page.sheet_combo.activated.emit(1)
    wait_read(qtbot, wizard)
    assert page.preview.sheet == "Поставщики"
    assert _headers(page) == ["Компания", "Телефон"]
    assert page.header_spin.value() == 1
    click_next(qtbot, wizard)
    assert wizard.mapping_page.target_combo("Телефон").currentData() == "phone"


def test_garbled_preview_offers_the_right_encoding(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard(write_csv(tmp_path / "база.csv", [HEADER, *ROWS]))
    page = wizard.preview_page
    assert not page.banner.isVisible()
    choose(qtbot, wizard, page.encoding_combo, "koi8-r")
    assert page.preview.encoding == "koi8-r"
    assert page.banner.isVisible()
    assert "Windows-1251" in page.banner_label.text()
    assert page.banner_button.text() == "Переключить на Windows-1251"
    qtbot.mouseClick(page.banner_button, Qt.MouseButton.LeftButton)
    wait_read(qtbot, wizard)
    assert page.encoding_combo.currentData() == "cp1251"
    assert _headers(page) == HEADER
    assert not page.banner.isVisible()


def test_utf8_read_as_cp1251_is_flagged(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = open_wizard(write_csv(tmp_path / "utf8.csv", [HEADER, *ROWS], encoding="utf-8"))
    page = wizard.preview_page
    assert page.encoding_combo.currentData() == "utf-8"
    choose(qtbot, wizard, page.encoding_combo, "cp1251")
    assert page.banner.isVisible()
    assert "UTF-8" in page.banner_label.text()


def test_broken_file_shows_the_import_error(qtbot, open_wizard, tmp_path: Path) -> None:
    path = tmp_path / "сломанный.xlsx"
    path.write_bytes(b"this is not a spreadsheet at all" * 10)
    with pytest.raises(ImportFileError) as expected:
        preview_file(path)
    wizard = open_wizard(path)
    page = wizard.preview_page
    assert wizard.currentId() == ImportWizard.PREVIEW
    text = page.error_label.text()
    assert text.startswith("Не удаётся прочитать файл. Файл «сломанный.xlsx»")
    assert expected.value.reason in text
    assert page.error_label.isVisible()
    assert page.table.columnCount() == 0
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
