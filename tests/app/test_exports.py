"""Exports never let a cell become a formula, in CSV or XLSX, and keep phones readable."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from app.exports import safe_cell, write_csv, write_xlsx

DANGEROUS = ["=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd", "\tx", "\r=1"]


def test_formula_like_text_is_prefixed() -> None:
    for text in DANGEROUS:
        assert safe_cell(text) == "'" + text
    assert safe_cell("Иван") == "Иван"
    assert safe_cell(None) == ""
    assert safe_cell(42) == 42


def test_xlsx_cells_are_strings_and_phones_stay_readable(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "out.xlsx", ["Телефон", "Заметка"],
                      [["+7 912 345-67-89", "=1+1"], ["-15", "+cmd|' /C calc'!A0"]])
    ws = load_workbook(path).active
    rows = [[cell for cell in row] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in rows[0]] == ["+7 912 345-67-89", "'=1+1"]
    assert [c.value for c in rows[1]] == ["-15", "'+cmd|' /C calc'!A0"]
    assert all(c.data_type == "s" for row in rows for c in row)


def test_csv_prefixes_every_trigger_and_opens_in_russian_excel(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "out.csv", ["Телефон", "Заметка"], [["+7 912 345-67-89", "=1+1"]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 correctly only with it
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows == [["Телефон", "Заметка"], ["'+7 912 345-67-89", "'=1+1"]]
