"""What every reader produces: headers plus a column-wise Arrow table of text cells."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "SourceTable", "detect_header_row", "drop_blank_rows", "make_headers"]

#: Hard caps while reading: a file past them is refused, never half-read (reliability.md §4.7).
MAX_ROWS = 2_000_000
MAX_COLUMNS = 1_000
HEADER_SCAN_ROWS = 30


@dataclass
class SourceTable:
    """A file read for import.

    Attributes:
        format: "csv", "xlsx", "xls" or "ods".
        encoding / delimiter: for text files (None for spreadsheets).
        sheets / sheet: the workbook's sheets and the one read (empty / None for text files).
        header_row: 0-based index of the header row among the raw rows.
        headers: unique, non-blank column headers.
        data: one string column per header, blank rows removed.
        row_numbers: 1-based row number in the file of each row of `data`.
        blank_rows: fully empty rows dropped below the header.
        date1904: the workbook counts serial dates from 1904.
        warnings: plain-language notes about the file.
        kept: after `keep_only`, the data rows `data` still holds.
    """

    format: str
    encoding: str | None
    delimiter: str | None
    sheets: list[str]
    sheet: str | None
    header_row: int
    headers: list[str]
    data: pa.Table
    row_numbers: pa.Array
    blank_rows: int = 0
    date1904: bool = False
    warnings: list[str] = field(default_factory=list)
    kept: pa.Array | None = None

    def keep_only(self, rows: pa.Array) -> None:
        """Release every data row but `rows` (sorted data-row indices), e.g. once only the rejected
        ones are still needed; `kept` then says which rows `data` holds."""
        self.data = self.data.take(rows)
        self.row_numbers = self.row_numbers.take(rows)
        self.kept = rows


def detect_header_row(rows: list[list[str]]) -> int:
    """Index of the header row: skips title rows ("Выгрузка от 01.02.2026") and blank rows."""
    from app.importer.mapping import guess_field

    sample = rows[:HEADER_SCAN_ROWS]
    widths = [sum(1 for cell in row if cell and cell.strip()) for row in sample]
    if not widths or max(widths) == 0:
        return 0
    widest = max(widths)
    for i, row in enumerate(sample):
        if widths[i] >= max(1, math.ceil(widest * 0.5)) and any(guess_field(c) for c in row if c):
            return i
    for i, width in enumerate(widths):
        if width >= max(1, math.ceil(widest * 0.6)):
            return i
    return 0


def make_headers(raw: list[str | None]) -> list[str]:
    """Headers trimmed, blank ones named "Column N", repeated ones numbered "Name (2)"."""
    headers: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(raw):
        name = " ".join(str(cell).split()) if cell is not None else ""
        name = name or f"Column {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        seen.setdefault(name, 1)
        headers.append(name)
    return headers


def drop_blank_rows(data: pa.Table, row_numbers: pa.Array) -> tuple[pa.Table, pa.Array, int]:
    """Remove rows whose every cell is empty or whitespace; returns (data, row_numbers, dropped)."""
    if data.num_rows == 0 or data.num_columns == 0:
        return data, row_numbers, 0
    keep = None
    for column in data.columns:
        # Byte length comes from the offsets (free); only non-empty cells are checked for spaces.
        filled = pc.fill_null(pc.and_(pc.greater(pc.binary_length(column), 0), pc.invert(pc.utf8_is_space(column))),
                              False)
        keep = filled if keep is None else pc.or_(keep, filled)
    kept = pc.sum(keep).as_py() or 0
    dropped = data.num_rows - kept
    if dropped:
        data = data.filter(keep)
        row_numbers = row_numbers.filter(keep) if isinstance(row_numbers, pa.Array) else pc.filter(row_numbers, keep)
    return data, row_numbers, dropped
