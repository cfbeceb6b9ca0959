"""Writing tables to .csv and .xlsx safely: no cell is ever taken as a formula.

OWASP ASVS 1.2.10: a cell starting with = + - @ tab, CR or NUL is evaluated by Excel and
LibreOffice, in CSV *and* XLSX (openpyxl writes a string starting with "=" as a formula).
Such cells are prefixed with an apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from app.errors import UserInputError

__all__ = ["FORMULA_TRIGGERS", "safe_cell", "write_csv", "write_table", "write_xlsx"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")

# A phone or signed number written as text ("+7 912 345-67-89", "-15"): in an .xlsx string
# cell it is never evaluated and holds no function call, so it needs no visible apostrophe.
_PLAIN_NUMBER_TEXT = re.compile(r"[+-][\d ()\-.,]*\Z")


def safe_cell(value: Any, *, typed_string_cell: bool = False) -> Any:
    """The value as it may be written to a spreadsheet cell without being evaluated.

    `typed_string_cell` is True for .xlsx cells written with the string type forced: there a
    phone-like "+7 ..." stays as it is, while anything that could be a formula is prefixed.
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float | dt.date | dt.datetime):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        if typed_string_cell and _PLAIN_NUMBER_TEXT.match(text):
            return text
        return "'" + text
    return text


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, excel: bool = True) -> Path:
    """Write a CSV: UTF-8 with BOM and `;` for Russian Excel when `excel`, else plain UTF-8 `,`."""
    path = Path(path)
    encoding, delimiter = ("utf-8-sig", ";") if excel else ("utf-8", ",")
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return path


def write_xlsx(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Sheet1") -> Path:
    """Write an .xlsx with a bold header row, streaming (openpyxl write-only mode)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet[:31])
    bold = Font(bold=True)
    head_cells = []
    for h in header:
        cell = WriteOnlyCell(ws, value=safe_cell(h))
        cell.font = bold
        head_cells.append(cell)
    ws.append(head_cells)
    for row in rows:
        ws.append([_xlsx_value(ws, v) for v in row])
    wb.save(path)
    return path


def _xlsx_value(ws: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    safe = safe_cell(value, typed_string_cell=True)
    if isinstance(safe, str):
        # Force the string type: openpyxl would otherwise infer a formula from "=..."
        cell = WriteOnlyCell(ws, value=safe)
        cell.data_type = "s"
        return cell
    if isinstance(safe, dt.datetime) and safe.tzinfo is not None:
        return safe.replace(tzinfo=None)  # Excel has no time zones
    return safe


def write_table(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Sheet1") -> Path:
    """Write .xlsx or .csv, chosen by the file's suffix."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, header, rows, sheet=sheet)
    if path.suffix.lower() in (".csv", ".txt"):
        return write_csv(path, header, rows)
    raise UserInputError(f"unsupported export format {path.suffix!r}: use .xlsx or .csv")
