"""The rejected-rows report: the original row number and cells, the column and the reason."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from app.exports import safe_cell, write_table
from app.importer.report_xlsx import write_simple_xlsx
from app.importer.table import SourceTable

__all__ = ["write_error_report"]


def write_error_report(table: SourceTable, problems: list[tuple[int, str | None, str]], path: Path) -> tuple[Path, Path]:
    """Write `path` (.xlsx) and the .csv beside it; `problems` are (data row, column, reason)."""
    problems = sorted(problems)
    indices = pa.array([p[0] for p in problems], pa.int64())
    cells = [table.data.column(i).take(indices).to_pylist() for i in range(len(table.headers))]
    numbers = table.row_numbers.take(indices).to_pylist()
    header = ["Row", *table.headers, "Column", "Reason"]
    rows = [
        [numbers[k], *(column[k] for column in cells), column or "", reason]
        for k, (_index, column, reason) in enumerate(problems)
    ]
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_xlsx(path, header, rows)
    csv_path = write_table(path.with_suffix(".csv"), header, rows)
    return path, csv_path


def _write_xlsx(path: Path, header: list[str], rows: list[list]) -> None:
    """Every text cell goes through `safe_cell` and is written as a string, never as a formula."""
    safe = [str(safe_cell(name)) for name in header]
    cells = [[row[0], *(str(safe_cell(v)) if v not in (None, "") else None for v in row[1:])] for row in rows]
    write_simple_xlsx(path, "Rejected rows", safe, cells)
