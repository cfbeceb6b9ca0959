"""Refusing zip bombs and oversized sheets before a spreadsheet reader opens them (reliability.md §4.7).

Declared sizes in the central directory are checked first; because they can lie, the sheet's
XML is then streamed once with hard caps on its real size, its columns and its rows. The same
pass collects merged ranges (for header forward-fill) and formulas saved without values.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from app.errors import ImportFileError
from app.importer.table import MAX_COLUMNS, MAX_ROWS

__all__ = ["SheetScan", "WorkbookInfo", "check_zip", "scan_sheet", "workbook_info"]

MAX_UNCOMPRESSED = 3 * 1024**3
MAX_RATIO = 100
_MIN_RATIO_CHECK = 1024 * 1024
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_EMPTY_FORMULA = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)\d+"[^>]*>\s*<(?:\w+:)?f(?:\s[^>]*)?(?:/>|>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
# Column 1000 is "ALL": only three-letter columns can pass the cap. A literal prefix lets the
# regex engine skip ahead quickly; the namespaced form is searched only when present.
_WIDE_CELL = re.compile(rb'<c r="([A-Z]{3})\d+"')
_WIDE_CELL_NS = re.compile(rb'<\w+:c r="([A-Z]{3})\d+"')
_ROW = re.compile(rb'<(?:\w+:)?row r="(\d+)"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]+)\d+')


def column_index(letters: str) -> int:
    """0-based index of a column given by its letters ("A" -> 0, "AA" -> 26)."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def check_zip(path: Path) -> zipfile.ZipFile:
    """Open the spreadsheet's zip after checking declared sizes; raises ImportFileError."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(path, "the file is not a valid spreadsheet (damaged or not .xlsx/.ods)") from exc
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > _MIN_RATIO_CHECK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            archive.close()
            raise ImportFileError(path, f"refused: part {info.filename} expands more than {MAX_RATIO}x (a zip bomb?)")
    if total > MAX_UNCOMPRESSED:
        archive.close()
        raise ImportFileError(path, f"refused: the file would expand to {total / 1024**3:.1f} GB")
    return archive


@dataclass
class WorkbookInfo:
    """Sheet names in order, each sheet's part name, and the date system."""

    sheets: list[str]
    parts: dict[str, str]
    date1904: bool = False


def workbook_info(path: Path, archive: zipfile.ZipFile) -> WorkbookInfo:
    """Read xl/workbook.xml and its relationships (small files, parsed with defusedxml)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError) as exc:
        raise ImportFileError(path, "the workbook structure is damaged") from exc
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.findall("rel:Relationship", _NS)}
    props = book.find("m:workbookPr", _NS)
    date1904 = props is not None and props.get("date1904", "0").lower() in ("1", "true")
    sheets, parts = [], {}
    for sheet in book.findall("m:sheets/m:sheet", _NS):
        name = sheet.get("name", "")
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        sheets.append(name)
        parts[name] = part
    return WorkbookInfo(sheets, parts, date1904)


@dataclass
class SheetScan:
    """What streaming a sheet's XML found."""

    rows: int = 0
    first_column: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (0-based)
    empty_formula_columns: set[int] = field(default_factory=set)


def scan_sheet(path: Path, archive: zipfile.ZipFile, part: str) -> SheetScan:
    """Stream one sheet's XML with hard caps; raises ImportFileError past them."""
    scan = SheetScan()
    read = 0
    tail = b""
    try:
        handle = archive.open(part)
    except KeyError as exc:
        raise ImportFileError(path, "the sheet is missing from the workbook") from exc
    with handle:
        while chunk := handle.read(1 << 22):
            read += len(chunk)
            if read > MAX_UNCOMPRESSED:
                raise ImportFileError(path, "refused: the sheet expands past 3 GB (a zip bomb?)")
            data = tail + chunk
            if read == len(chunk) and (dim := _DIMENSION.search(data)):
                scan.first_column = column_index(dim.group(1).decode())
            # Cheap substring checks first: the regexes only run where their tag occurs.
            wide = _WIDE_CELL.finditer(data)
            if b':c r="' in data:
                wide = [*wide, *_WIDE_CELL_NS.finditer(data)]
            for m in wide:
                if column_index(m.group(1).decode()) >= MAX_COLUMNS:
                    raise ImportFileError(path, f"the sheet uses column {m.group(1).decode()}; at most {MAX_COLUMNS} columns can be imported")
            last_row = _ROW.match(data, max(data.rfind(b"<row "), data.rfind(b":row "), 0) or 0)
            last_row = last_row or _ROW.search(data, max(len(data) - 4096, 0))
            if last_row is not None:
                scan.rows = max(scan.rows, int(last_row.group(1)))
                if scan.rows > MAX_ROWS:
                    raise ImportFileError(path, f"the sheet has more than {MAX_ROWS:,} rows".replace(",", " "))
            if b"<f" in data or b":f" in data:
                for m in _EMPTY_FORMULA.finditer(data):
                    scan.empty_formula_columns.add(column_index(m.group(1).decode()))
            for m in (_MERGE.finditer(data) if b"mergeCell " in data else ()):
                merge = (int(m[2]) - 1, column_index(m[1].decode()), int(m[4]) - 1, column_index(m[3].decode()))
                if merge not in scan.merged:
                    scan.merged.append(merge)
            # Keep a tail so a tag split across two chunks is still seen.
            tail = data[-512:]
    return scan
