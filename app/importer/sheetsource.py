"""Reading .xlsx/.xls/.ods sheets: fastexcel (Rust calamine, straight to Arrow) with openpyxl
as the fallback for workbooks calamine cannot open. Every cell comes back as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa

from app.errors import ImportFileError
from app.importer.table import MAX_ROWS, SourceTable, detect_header_row, drop_blank_rows, make_headers
from app.importer.zipguard import SheetScan, check_zip, scan_sheet, workbook_info

__all__ = ["SHEET_FORMATS", "list_sheets", "read_sheet_table"]

SHEET_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods"}
HEAD_ROWS = 40


def _guard(path: Path) -> tuple[list[str] | None, dict[str, str], bool]:
    """Zip checks for zip-based formats; returns (sheets, parts, date1904) for xlsx."""
    fmt = SHEET_FORMATS.get(path.suffix.lower())
    if fmt == "xls":
        return None, {}, False
    with check_zip(path) as archive:
        if fmt != "xlsx":
            return None, {}, False
        info = workbook_info(path, archive)
        return info.sheets, info.parts, info.date1904


def list_sheets(path: str | Path) -> list[str]:
    """Names of the workbook's sheets, in order."""
    path = Path(path)
    sheets, _parts, _ = _guard(path)
    if sheets is not None:
        return sheets
    return list(_open_fastexcel(path).sheet_names)


def _open_fastexcel(path: Path) -> Any:  # a fastexcel.ExcelReader
    import fastexcel

    try:
        return fastexcel.read_excel(path)
    except Exception as exc:  # fastexcel raises its own hierarchy and plain errors
        raise ImportFileError(path, f"the spreadsheet cannot be read: {exc}") from exc


def read_sheet_table(
    path: Path, sheet: str | None, header_row: int | None, *, limit: int | None = None
) -> tuple[SourceTable, list[list[str]]]:
    """Read one sheet (the first by default); also returns the first raw rows for previews."""
    sheets, parts, date1904 = _guard(path)
    scan = SheetScan()
    if sheets is not None:
        if not sheets:
            raise ImportFileError(path, "the workbook has no sheets")
        sheet = sheet if sheet is not None else sheets[0]
        if sheet not in sheets:
            raise ImportFileError(path, f"there is no sheet {sheet!r}; sheets: {', '.join(sheets)}")
        with check_zip(path) as archive:
            scan = scan_sheet(path, archive, parts[sheet])
    table, sheets = _load(path, sheet, limit)
    sheet = sheet if sheet is not None else sheets[0]
    head = [[cell or "" for cell in row] for row in _rows(table.slice(0, HEAD_ROWS))]
    if header_row is None:
        header_row = detect_header_row(head)
    if header_row >= table.num_rows:
        raise ImportFileError(path, f"the sheet has no row {header_row + 1} to use as the header", column=None)
    raw_header = _forward_fill(head[header_row] if header_row < len(head) else _rows(table.slice(header_row, 1))[0],
                               header_row, scan)
    headers = make_headers(raw_header)
    data = table.slice(header_row + 1)
    data = pa.table({str(i): data.column(i) for i in range(len(headers))})
    numbers = pa.array(range(header_row + 2, header_row + 2 + data.num_rows), pa.int64())
    data, numbers, blank = drop_blank_rows(data, numbers)
    warnings = []
    for col in sorted(scan.empty_formula_columns):
        index = col - scan.first_column
        name = headers[index] if 0 <= index < len(headers) else f"#{col + 1}"
        warnings.append(f"column {name!r} contains formulas without saved values; open the file in Excel and save it again")
    fmt = SHEET_FORMATS.get(path.suffix.lower(), "xlsx")
    source = SourceTable(fmt, None, None, sheets, sheet, header_row, headers, data, numbers, blank, date1904, warnings)
    return source, head


def _forward_fill(raw: list[str], header_row: int, scan: SheetScan) -> list[str]:
    """Merged header cells carry their value only in the top-left cell: copy it across."""
    cells = list(raw)
    for r1, c1, r2, c2 in scan.merged:
        if not r1 <= header_row <= r2:
            continue
        first, last = c1 - scan.first_column, c2 - scan.first_column
        if 0 <= first < len(cells):
            for i in range(first + 1, min(last, len(cells) - 1) + 1):
                if not cells[i]:
                    cells[i] = cells[first]
    return cells


def _rows(table: pa.Table) -> list[list[str | None]]:
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def _load(path: Path, sheet: str | None, limit: int | None) -> tuple[pa.Table, list[str]]:
    n_rows = (limit if limit is not None else MAX_ROWS) + 1
    try:
        reader = _open_fastexcel(path)
        names = list(reader.sheet_names)
        loaded = reader.load_sheet(sheet if sheet is not None else 0, header_row=None, skip_rows=0,
                                   n_rows=n_rows, dtypes="string")
        table = pa.Table.from_batches([loaded.to_arrow()])
    except ImportFileError:
        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise
        table, names = _load_openpyxl(path, sheet, n_rows)
    if limit is None and table.num_rows > MAX_ROWS:
        raise ImportFileError(path, f"the sheet has more than {MAX_ROWS:,} rows".replace(",", " "))
    return table, names


def _load_openpyxl(path: Path, sheet: str | None, n_rows: int) -> tuple[pa.Table, list[str]]:
    """Slow but tolerant: openpyxl in read-only mode, streaming rows with a hard cap."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for damaged files
        raise ImportFileError(path, f"the spreadsheet cannot be read: {exc}") from exc
    try:
        names = list(book.sheetnames)
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[list[str | None]] = []
        for row in ws.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in row])
            if len(rows) >= n_rows:
                break
    finally:
        book.close()
    width = max((len(r) for r in rows), default=0)
    columns = {str(i): pa.array([r[i] if i < len(r) else None for r in rows], pa.string()) for i in range(width)}
    return pa.table(columns), names


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)
