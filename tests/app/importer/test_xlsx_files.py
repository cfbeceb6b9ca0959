"""Spreadsheet quirks: title rows, merged headers, sheets, number cells, formulas, zip bombs."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import Workbook

from app.errors import ImportFileError
from app.importer.model import SourceOptions
from app.importer.preview import list_sheets, preview_file
from app.importer.reader import read_source


def build_book(path: Path) -> Path:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Клиенты")
    sheet.write(0, 0, "Выгрузка клиентов от 01.02.2026")
    sheet.merge_range(2, 0, 2, 1, "Телефон")  # a merged header over two phone columns
    for col, name in enumerate(["E-mail", "Дата рождения", "ДР текстом"], start=2):
        sheet.write(2, col, name)
    dated = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_number(3, 0, 89123456789)
    sheet.write_string(3, 1, "+7 913 000 00 01")
    sheet.write(3, 2, "Petr@Mail.RU")
    sheet.write_datetime(3, 3, dt.datetime(1990, 2, 1), dated)
    sheet.write_string(3, 4, "01.02.1990")
    sheet.write_number(5, 0, 89123456780.0)
    sheet.write_number(5, 3, 32905)  # a serial in a General cell
    other = book.add_worksheet("Второй")
    other.write_row(0, 0, ["Phone", "Name"])
    other.write_row(1, 0, ["+79990001122", "Anna"])
    book.close()
    return path


def test_title_row_merged_header_and_number_cells(tmp_path: Path) -> None:
    path = build_book(tmp_path / "base.xlsx")
    preview = preview_file(path)
    assert preview.format == "xlsx" and preview.sheets == ["Клиенты", "Второй"] and preview.sheet == "Клиенты"
    assert preview.header_row == 2
    assert preview.headers == ["Телефон", "Телефон (2)", "E-mail", "Дата рождения", "ДР текстом"]
    assert preview.mapping["Телефон"] == "phone" and preview.mapping["Телефон (2)"] == "custom:Телефон (2)"
    table = read_source(path)
    data = [c.to_pylist() for c in table.data.columns]
    assert data[0] == ["89123456789", "89123456780"]  # Excel floats come back as digits
    assert data[3][0].startswith("1990-02-01") and data[3][1] == "32905"
    assert table.row_numbers.to_pylist() == [4, 6]
    assert table.blank_rows == 1


def test_second_sheet_is_selectable(tmp_path: Path) -> None:
    path = build_book(tmp_path / "base.xlsx")
    assert list_sheets(path) == ["Клиенты", "Второй"]
    preview = preview_file(path, SourceOptions(sheet="Второй"))
    assert preview.headers == ["Phone", "Name"] and preview.rows == [["+79990001122", "Anna"]]
    with pytest.raises(ImportFileError, match="no sheet"):
        read_source(path, SourceOptions(sheet="Нет такого"))


def test_formulas_without_saved_values_are_warned(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Телефон", "Сумма"])
    sheet.append(["89123456789", "=1+1"])  # openpyxl saves the formula without a cached value
    path = tmp_path / "formula.xlsx"
    book.save(path)
    warnings = preview_file(path).warnings
    assert len(warnings) == 1 and "'Сумма'" in warnings[0] and "formulas without saved values" in warnings[0]


def test_1904_date_system_is_read(tmp_path: Path) -> None:
    book = Workbook()
    book.epoch = dt.datetime(1904, 1, 1)  # openpyxl's switch to the 1904 system
    sheet = book.active
    sheet.append(["Телефон", "ДР"])
    sheet.append(["89123456789", 31443])
    path = tmp_path / "mac.xlsx"
    book.save(path)
    assert read_source(path).date1904 is True


def test_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    path = build_book(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="zip bomb"):
        preview_file(path)
    with pytest.raises(ImportFileError, match="zip bomb"):
        read_source(path)


def test_a_cell_far_to_the_right_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Телефон"])
    book.active["XFD2"] = "x"
    path = tmp_path / "wide.xlsx"
    book.save(path)
    with pytest.raises(ImportFileError, match="column XFD"):
        read_source(path)


def test_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError, match="not a valid spreadsheet"):
        preview_file(path)


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Лист1">
<table:table-row><table:table-cell office:value-type="string"><text:p>Телефон</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Имя</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="float" office:value="89123456789"><text:p>89123456789</text:p>
</table:table-cell><table:table-cell office:value-type="string"><text:p>Иван</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def test_ods_is_read(tmp_path: Path) -> None:
    path = tmp_path / "base.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        # Real ODS writers put no whitespace between cells; calamine relies on that.
        content = ODS_CONTENT.replace(">\n<", "><")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    preview = preview_file(path)
    assert preview.format == "ods" and preview.sheets == ["Лист1"]
    assert preview.headers == ["Телефон", "Имя"] and preview.rows == [["89123456789", "Иван"]]
