"""CSV/TSV quirks: encodings, delimiters, title rows, quoting, row numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import ImportFileError
from app.importer.model import SourceOptions
from app.importer.preview import preview_file
from app.importer.reader import read_source

HEADER = ["Фамилия", "Имя", "Телефон", "E-mail"]
ROWS = [["Иванов", "Пётр", "8 (912) 345-67-89", "Petr@Mail.ru"], ["Смирнова", "Ольга", "+7 913 000 00 01", ""]]


def cells(path: Path, options: SourceOptions | None = None) -> list[list[str]]:
    table = read_source(path, options)
    return [list(r) for r in zip(*(c.to_pylist() for c in table.data.columns), strict=True)]


@pytest.mark.parametrize(("encoding", "delimiter", "bom", "expected"), [
    ("cp1251", ";", False, "cp1251"),
    ("utf-8", ",", True, "utf-8-sig"),
    ("utf-8", ";", False, "utf-8"),
    ("koi8_r", ";", False, "koi8_r"),
    ("cp866", "|", False, "cp866"),
    ("utf-16", "\t", False, "utf-16"),
])
def test_encodings_and_delimiters_are_detected(make_csv: Callable[..., Path], encoding: str, delimiter: str,
                                               bom: bool, expected: str) -> None:
    path = make_csv([HEADER, *ROWS], encoding=encoding, delimiter=delimiter, bom=bom)
    preview = preview_file(path)
    assert (preview.encoding, preview.delimiter, preview.header_row) == (expected, delimiter, 0)
    assert preview.headers == HEADER
    assert preview.rows == ROWS
    assert preview.mapping["Телефон"] == "phone"
    table = read_source(path)
    assert (table.encoding, table.delimiter) == (expected, delimiter)
    assert cells(path) == ROWS
    assert table.row_numbers.to_pylist() == [2, 3]


def test_title_and_blank_rows_above_the_header_are_skipped(make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Выгрузка клиентов от 01.02.2026", "", "", ""], ["", "", "", ""], [], HEADER, *ROWS])
    preview = preview_file(path)
    assert preview.header_row == 3
    assert preview.headers == HEADER
    assert preview.raw_rows[0][0] == "Выгрузка клиентов от 01.02.2026"
    table = read_source(path)
    assert table.header_row == 3
    assert table.row_numbers.to_pylist() == [5, 6]


def test_sep_line_forces_the_delimiter(make_csv: Callable[..., Path]) -> None:
    path = make_csv([["sep=;"], HEADER, *ROWS], delimiter=";")
    preview = preview_file(path)
    assert preview.delimiter == ";" and preview.header_row == 1 and preview.headers == HEADER
    assert cells(path) == ROWS


def test_single_column_file(make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Email"], ["a@b.ru"], ["c@d.ru"]], delimiter=",")
    preview = preview_file(path)
    assert preview.headers == ["Email"] and preview.mapping == {"Email": "email"}
    assert cells(path) == [["a@b.ru"], ["c@d.ru"]]


def test_quoted_delimiters_and_multiline_cells(make_csv: Callable[..., Path]) -> None:
    rows = [["Иванов; Пётр", "Пётр", "89123456789", "a@b.ru"], ["Сидоров", "Строка 1\nстрока 2", "89123456780", ""]]
    path = make_csv([HEADER, *rows])
    assert preview_file(path).delimiter == ";"
    assert cells(path) == rows
    assert read_source(path).row_numbers.to_pylist() == [2, 3]


def test_blank_lines_inside_the_data_keep_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("Телефон;Имя\n89123456789;Иван\n\n;\n89123456780;Ольга\n", encoding="cp1251")
    table = read_source(path)
    assert table.row_numbers.to_pylist() == [2, 5]
    assert table.blank_rows == 1  # the ";" row; the empty line is not a row of cells


def test_ragged_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Телефон;Имя;Город\n89123456789;Иван\n89123456780;Ольга;Казань;\n", encoding="cp1251")
    assert cells(path) == [["89123456789", "Иван", ""], ["89123456780", "Ольга", "Казань"]]


def test_extra_cells_beyond_the_header_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("Телефон;Имя\n89123456789;Иван\n89123456780;Ольга;лишнее\n", encoding="cp1251")
    with pytest.raises(ImportFileError) as err:
        read_source(path)
    assert err.value.row == 3 and "extra.csv" in str(err.value)


def test_wrong_encoding_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("Телефон;Имя\n1;a\n".encode() + "2;Пётр\n".encode("cp1251"))
    with pytest.raises(ImportFileError) as err:
        read_source(path, SourceOptions(encoding="utf-8"))
    assert err.value.row == 3


def test_utf8_detected_late_in_a_large_file(tmp_path: Path) -> None:
    lines = ["Телефон;Name"] + [f"8912{i:07d};ivan" for i in range(30000)] + ["89130000000;Пётр"]
    path = tmp_path / "late.csv"
    path.write_text("\n".join(lines) + "\n", encoding="cp1251")
    table = read_source(path)
    assert table.encoding == "cp1251"
    assert table.data.column(1).to_pylist()[-1] == "Пётр"


def test_header_row_and_encoding_can_be_forced(make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Выгрузка"], HEADER, *ROWS])
    preview = preview_file(path, SourceOptions(encoding="cp1251", delimiter=";", header_row=1))
    assert preview.headers == HEADER and preview.rows == ROWS


def test_missing_file_and_unknown_type(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        preview_file(tmp_path / "none.csv")
    odd = tmp_path / "base.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(ImportFileError, match="unsupported file type"):
        read_source(odd)


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        preview_file(empty)
    with pytest.raises(ImportFileError, match="empty"):
        read_source(empty)
    header_only = tmp_path / "header.csv"
    header_only.write_text("Телефон;Имя\r\n", encoding="cp1251")
    table = read_source(header_only)
    assert table.headers == ["Телефон", "Имя"] and table.data.num_rows == 0
