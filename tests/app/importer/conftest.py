"""Builders for the files the importer tests read: every file is made by the test itself."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest


def csv_bytes(rows: Sequence[Sequence[object]], *, delimiter: str = ";", encoding: str = "cp1251",
              bom: bool = False, newline: str = "\r\n") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


@pytest.fixture
def make_csv(tmp_path: Path) -> Callable[..., Path]:
    """make_csv(rows, name=..., **csv_bytes options) -> path of the written file."""

    def make(rows: Sequence[Sequence[object]], name: str = "base.csv", **kwargs: object) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_bytes(rows, **kwargs))  # type: ignore[arg-type]
        return path

    return make
