"""Reading CSV/TSV text files: encoding, delimiter, header row, then a fast columnar parse.

The bulk parse is pyarrow's CSV reader with every column forced to text (measured fastest
for cp1251 files, perf.md §2); the stdlib `csv` module reads the first rows for detection and
is the fallback for files pyarrow cannot take (ragged rows, blank lines inside the data).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from app.errors import ImportFileError
from app.importer.encoding import SAMPLE_BYTES, detect_encoding
from app.importer.table import (
    MAX_COLUMNS,
    MAX_ROWS,
    SourceTable,
    detect_header_row,
    drop_blank_rows,
    make_headers,
)

__all__ = ["DELIMITERS", "read_csv_table", "read_raw_rows", "read_text", "sniff_delimiter"]

DELIMITERS = (";", ",", "\t", "|")
MAX_FILE_BYTES = 2 * 1024**3
HEAD_BYTES = 2 * 1024 * 1024
_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.I)
_BLANK_LINE = re.compile(rb"\n[ \t]*\r?\n")
csv.field_size_limit(16 * 1024 * 1024)


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The whole file decoded; (text, encoding). Raises ImportFileError on undecodable bytes."""
    raw = _read_bytes(path)
    chosen = encoding or detect_encoding(raw[:SAMPLE_BYTES])
    try:
        text = raw.decode(chosen)
    except UnicodeDecodeError as exc:
        if encoding is None:
            # The sample looked like UTF-8 but later bytes are not: detect on the whole file.
            retry = detect_encoding(raw[exc.start : exc.start + SAMPLE_BYTES] if chosen == "utf-8" else raw)
            try:
                return raw.decode(retry), retry
            except UnicodeDecodeError:
                pass
        row = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFileError(path, f"the file is not in the {chosen} encoding; choose another encoding", row=row) from exc
    except LookupError as exc:
        raise ImportFileError(path, f"unknown encoding {chosen!r}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\0" in text:
        text = text.replace("\0", "")
    return text, chosen


def sniff_delimiter(text: str) -> str:
    """The delimiter among ; , tab | that splits the sample's rows most consistently."""
    lines = text[:65536].splitlines()
    if lines and (m := _SEP_LINE.match(lines[0])):
        return m.group(1)
    sample = "\n".join(line for line in lines[:60] if line.strip())
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row]
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = count + width / 1000
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _LineCounter:
    """Feeds lines to csv.reader while counting the characters consumed."""

    def __init__(self, text: str) -> None:
        self._lines = iter(text.splitlines(keepends=True)) if len(text) < 1 << 20 else self._lazy(text)
        self.consumed = 0

    @staticmethod
    def _lazy(text: str) -> Iterator[str]:  # lines without splitting a huge text at once
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end + 1
            yield text[start:end]
            start = end

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.consumed += len(line)
        return line


def read_raw_rows(text: str, delimiter: str, limit: int) -> tuple[list[list[str]], list[int]]:
    """The first `limit` records and the character offset where each following record starts."""
    feeder = _LineCounter(text)
    reader = csv.reader(feeder, delimiter=delimiter)
    rows: list[list[str]] = []
    ends: list[int] = []
    try:
        for row in reader:
            rows.append(row)
            ends.append(feeder.consumed)
            if len(rows) >= limit:
                break
    except csv.Error as exc:
        raise ImportFileError("", f"the file is not valid CSV: {exc}", row=len(rows) + 1) from exc
    return rows, ends


def read_csv_table(path: Path, encoding: str | None, delimiter: str | None, header_row: int | None) -> SourceTable:
    """Read the whole text file into a SourceTable of text columns."""
    raw = _read_bytes(path)
    chosen = encoding or detect_encoding(raw[:SAMPLE_BYTES])
    fast = None
    if not chosen.replace("_", "-").lower().startswith(("utf-16", "utf-32", "utf16", "utf32")):
        fast = _read_fast(path, raw, chosen, delimiter, header_row)
    if fast is not None:
        return fast
    # The general path: decode everything in Python, then parse (UTF-16 files, ragged rows...).
    del raw
    text, chosen = read_text(path, encoding)
    delimiter = delimiter or sniff_delimiter(text)
    head, ends = _head(path, text, delimiter)
    header_row = _header_row(path, head, header_row)
    headers = _headers(path, head[header_row])
    body = text[ends[header_row] :]
    del text
    data, numbers = None, None
    if not _has_inner_blank_line(body):
        data = _parse_arrow(io.BytesIO(body.encode("utf-8")), "utf8", delimiter, len(headers))
    if data is None:
        data, numbers = _parse_slow(path, body, delimiter, len(headers), header_row + 2)
    return _finish(path, chosen, delimiter, header_row, headers, data, numbers)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError(path, "the file is larger than 2 GB")
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc


def _read_fast(path: Path, raw: bytes, encoding: str, delimiter: str | None, header_row: int | None) -> SourceTable | None:
    """pyarrow straight from the bytes, decoding itself; None when the general path is needed."""
    cut = len(raw) if len(raw) <= HEAD_BYTES else raw.rfind(b"\n", 0, HEAD_BYTES) + 1
    try:
        head_text = raw[:cut].decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\0" in head_text:
        return None
    delimiter = delimiter or sniff_delimiter(head_text)
    head, ends = _head(path, head_text, delimiter)
    header_row = _header_row(path, head, header_row)
    headers = _headers(path, head[header_row])
    if header_row + 1 >= len(ends) and cut < len(raw):
        return None
    offset = len(head_text[: ends[header_row]].encode(encoding))
    end = len(raw)
    while end > offset and raw[end - 1 : end].isspace():
        end -= 1
    if _BLANK_LINE.search(raw, offset, end):
        return None
    arrow_encoding = "utf8" if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig") else encoding
    data = _parse_arrow(pa.BufferReader(memoryview(raw)[offset:]), arrow_encoding, delimiter, len(headers))
    if data is None:
        return None
    return _finish(path, encoding, delimiter, header_row, headers, data, None)


def _header_row(path: Path, head: list[list[str]], header_row: int | None) -> int:
    if not any(any(cell.strip() for cell in row) for row in head):
        raise ImportFileError(path, "the file is empty")
    if header_row is None:
        header_row = detect_header_row(head)
    if header_row >= len(head):
        raise ImportFileError(path, f"the file has no row {header_row + 1} to use as the header")
    return header_row


def _headers(path: Path, raw: list[str]) -> list[str]:
    headers = make_headers(raw)
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(path, f"the file has {len(headers)} columns; at most {MAX_COLUMNS} can be imported")
    return headers


def _finish(path: Path, encoding: str, delimiter: str, header_row: int, headers: list[str], data: pa.Table,
            numbers: pa.Array | None) -> SourceTable:
    if data.num_rows > MAX_ROWS:
        raise ImportFileError(path, f"the file has more than {MAX_ROWS:,} rows".replace(",", " "))
    if numbers is None:
        numbers = pa.array(range(header_row + 2, header_row + 2 + data.num_rows), pa.int64())
    data, numbers, blank = drop_blank_rows(data, numbers)
    return SourceTable("csv", encoding, delimiter, [], None, header_row, headers, data, numbers, blank)


def _head(path: Path, text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    try:
        return read_raw_rows(text, delimiter, 40)
    except ImportFileError as exc:
        raise ImportFileError(path, exc.reason, row=exc.row) from exc


def _has_inner_blank_line(body: str) -> bool:
    """True when a blank line sits between data lines: the fast parser would lose its row number."""
    stripped = body.rstrip()
    return "\n\n" in stripped or "\n\r\n" in stripped


def _parse_arrow(source: object, encoding: str, delimiter: str, width: int) -> pa.Table | None:
    names = [str(i) for i in range(width)]
    try:
        return pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24, encoding=encoding),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names}, strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError):
        return None  # ragged rows and the like: the stdlib reader copes and names the row


def _parse_slow(path: Path, body: str, delimiter: str, width: int, first_row: int) -> tuple[pa.Table, pa.Array]:
    columns: list[list[str | None]] = [[] for _ in range(width)]
    numbers: list[int] = []
    feeder = _LineCounter(body)
    reader = csv.reader(feeder, delimiter=delimiter)
    row_number = first_row - 1
    try:
        for row in reader:
            row_number += 1
            if not row:
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise ImportFileError(
                    path, f"the row has {len(row)} cells but the header has {width} columns", row=row_number
                )
            numbers.append(row_number)
            for i in range(width):
                columns[i].append(row[i] if i < len(row) else "")
            if len(numbers) > MAX_ROWS:
                break
    except csv.Error as exc:
        raise ImportFileError(path, f"the file is not valid CSV: {exc}", row=row_number + 1) from exc
    table = pa.table({str(i): pa.array(col, pa.string()) for i, col in enumerate(columns)})
    return table, pa.array(numbers, pa.int64())
