"""What the import wizard shows first: detected encoding, delimiter, header row, first rows."""

from __future__ import annotations

from pathlib import Path

from app.errors import ImportFileError
from app.importer.csvsource import read_raw_rows, sniff_delimiter
from app.importer.encoding import detect_encoding
from app.importer.mapping import guess_mapping
from app.importer.model import Preview, SourceOptions
from app.importer.reader import file_format
from app.importer.sheetsource import list_sheets, read_sheet_table
from app.importer.table import HEADER_SCAN_ROWS, detect_header_row, make_headers

__all__ = ["list_sheets", "preview_file"]

PREVIEW_BYTES = 2 * 1024 * 1024


def preview_file(path: str | Path, options: SourceOptions | None = None, *, rows: int = 20) -> Preview:
    """Detect how to read the file and return its first `rows` data rows and a guessed mapping."""
    path = Path(path)
    options = options or SourceOptions()
    if not path.is_file():
        raise ImportFileError(path, "the file does not exist")
    fmt = file_format(path)
    if fmt != "csv":
        table, head = read_sheet_table(path, options.sheet, options.header_row,
                                       limit=(options.header_row or 0) + rows + HEADER_SCAN_ROWS + 10)
        body = [[cell or "" for cell in row] for row in zip(*(c.to_pylist() for c in table.data.columns), strict=True)]
        return Preview(path, fmt, None, None, table.header_row, table.sheets, table.sheet, head,
                       table.headers, body[:rows], guess_mapping(table.headers), table.warnings)
    with path.open("rb") as fh:
        raw = fh.read(PREVIEW_BYTES)
    encoding = options.encoding or detect_encoding(raw)
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError as exc:
        raise ImportFileError(path, f"unknown encoding {encoding!r}") from exc
    text = text.lstrip("\ufeff")
    if len(raw) == PREVIEW_BYTES:
        # Drop the last, probably cut, line.
        text = text[: text.rfind("\n") + 1] or text
    delimiter = options.delimiter or sniff_delimiter(text)
    try:
        raw_rows, _ = read_raw_rows(text, delimiter, max(HEADER_SCAN_ROWS, (options.header_row or 0) + 1) + rows + 10)
    except ImportFileError as exc:
        raise ImportFileError(path, exc.reason, row=exc.row) from exc
    if not any(any(cell.strip() for cell in row) for row in raw_rows):
        raise ImportFileError(path, "the file is empty")
    header_row = options.header_row if options.header_row is not None else detect_header_row(raw_rows)
    if header_row >= len(raw_rows):
        raise ImportFileError(path, f"the file has no row {header_row + 1} to use as the header")
    headers = make_headers(raw_rows[header_row])
    width = len(headers)
    body = [(row + [""] * width)[:width] for row in raw_rows[header_row + 1 :] if any(c.strip() for c in row)]
    warnings = []
    if "\ufffd" in text:
        warnings.append(f"some characters cannot be read as {encoding}; try another encoding")
    return Preview(path, "csv", encoding, delimiter, header_row, [], None, raw_rows[: header_row + 1 + rows],
                   headers, body[:rows], guess_mapping(headers), warnings)
