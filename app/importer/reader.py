"""Choosing the reader by file type: one entry point that returns a SourceTable."""

from __future__ import annotations

from pathlib import Path

from app.errors import ImportFileError
from app.importer.csvsource import read_csv_table
from app.importer.model import SourceOptions
from app.importer.sheetsource import SHEET_FORMATS, read_sheet_table
from app.importer.table import SourceTable

__all__ = ["TEXT_SUFFIXES", "file_format", "read_source"]

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab", "")


def file_format(path: Path) -> str:
    """"csv", "xlsx", "xls" or "ods" from the suffix (and the first bytes for ambiguous files)."""
    suffix = path.suffix.lower()
    if suffix in SHEET_FORMATS:
        return SHEET_FORMATS[suffix]
    if suffix in TEXT_SUFFIXES:
        try:
            with path.open("rb") as fh:
                magic = fh.read(8)
        except OSError as exc:
            raise ImportFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc
        if magic.startswith(b"PK\x03\x04"):
            raise ImportFileError(path, "this is a spreadsheet saved with a text extension; rename it to .xlsx")
        return "csv"
    raise ImportFileError(path, f"unsupported file type {suffix!r}: use .csv, .txt, .xlsx, .xls or .ods")


def read_source(path: str | Path, options: SourceOptions | None = None) -> SourceTable:
    """Read the whole file as text columns under its header."""
    path = Path(path)
    options = options or SourceOptions()
    if not path.is_file():
        raise ImportFileError(path, "the file does not exist")
    if file_format(path) == "csv":
        return read_csv_table(path, options.encoding, options.delimiter, options.header_row)
    return read_sheet_table(path, options.sheet, options.header_row)[0]
