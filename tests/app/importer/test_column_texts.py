"""The column-wise custom JSON and search text equal the per-row functions cell for cell."""

from __future__ import annotations

import json

import pyarrow as pa

from app.importer.merge import custom_encoder
from app.importer.texts import custom_json, search_text, search_texts

VALUES = ["A-1", None, 'кавычки "и" \\ слэш', "строка\nвторая\tтаб\x01", "Ünïcödé ΣΑΣ", "", "  пробелы  "]


def test_custom_json_matches_the_row_encoder_and_parses() -> None:
    keys = ["Карта", 'Ключ "с" кавычками']
    first = pa.array(VALUES, pa.string())
    second = pa.array(list(reversed(VALUES)), pa.string())
    encode = custom_encoder(keys)
    got = custom_json([first, second], keys, len(VALUES)).to_pylist()
    want = [encode((a, b)) for a, b in zip(VALUES, reversed(VALUES), strict=True)]
    assert got == want
    assert json.loads(got[2]) == {"Карта": VALUES[2], 'Ключ "с" кавычками': VALUES[4]}
    assert custom_json([], [], 2).to_pylist() == ["{}", "{}"]


def test_search_text_matches_the_row_function() -> None:
    rows = [
        ["+79123456789", "ivan@mail.ru", None, "Иван", "ИВАНОВ", "Иванович", None, "Москва"],
        [None, "a@b.ru", None, None, None, None, None, None],
        ["+79120000001", None, None, "İlkay", "ΣΟΦΙΑΣ", None, None, "Straße"],
        [None, None, None, None, None, None, None, None],
    ]
    columns = [pa.array([r[k] for r in rows], pa.string()) for k in range(8)]
    got = search_texts(columns[4], columns[3], columns[5], columns[1], columns[0], columns[7]).to_pylist()
    assert got == [search_text(r) for r in rows]
    assert got[0] == "иванов иван иванович ivan@mail.ru 79123456789 москва" and got[3] == ""
