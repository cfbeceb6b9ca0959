"""Re-imports through the fast paths: unchanged contacts and consents are recognised without a full merge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from app.db.schema import consents, contacts
from app.importer import consent_rows
from app.importer.job import run_import
from app.importer.model import ImportOptions
from app.workspace import Workspace

HEADER = ["ФИО", "Телефон", "Дата рождения", "Город", "Карта", "Уровень", "Согласие на SMS", "Согласие на звонки"]


def consent_rows_of(ws: Workspace) -> dict[tuple[str, str], tuple]:
    with ws.engine.connect() as conn:
        return {(r.phone, r.channel): (r.status, r.source, r.recorded_at, r.import_job_id) for r in conn.execute(
            sa.select(contacts.c.phone, consents.c.channel, consents.c.status, consents.c.source,
                      consents.c.recorded_at, consents.c.import_job_id).join(consents))}


def people(ws: Workspace) -> dict[str, dict]:
    with ws.engine.connect() as conn:
        return {r["phone"]: dict(r) for r in conn.execute(sa.select(contacts)).mappings()}


@pytest.mark.parametrize("prefilter_from", [0, 10**9], ids=["scan", "upsert-only"])
def test_consents_on_reimport(workspace: Workspace, make_csv: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
                              prefilter_from: int) -> None:
    monkeypatch.setattr(consent_rows, "PREFILTER_FROM", prefilter_from)
    first = run_import(workspace, make_csv([HEADER, ["А", "89120000001", "", "", "", "", "да", ""],
                                            ["Б", "89120000002", "", "", "", "", "да", "да"]], name="a.csv"),
                       ImportOptions())
    before = consent_rows_of(workspace)
    second_file = make_csv([HEADER, ["А", "89120000001", "", "", "", "", "нет", ""],
                            ["Б", "89120000002", "", "", "", "", "да", "нет"],
                            ["В", "89120000003", "", "", "", "", "да", ""]], name="b.csv")
    options = ImportOptions(consent_channels=["email"], consent_source="анкета")
    second = run_import(workspace, second_file, options)
    found = consent_rows_of(workspace)
    assert found[("+79120000001", "sms")][::3] == ("withdrawn", second.job_id)  # a "no" after a "yes"
    assert found[("+79120000002", "sms")] == before[("+79120000002", "sms")]  # unchanged: first time kept
    assert found[("+79120000002", "calls")][0] == "withdrawn"
    assert found[("+79120000003", "sms")][0] == "granted"
    assert found[("+79120000001", "email")][:2] == ("granted", "анкета")
    assert first.job_id != second.job_id and len(found) == 7
    run_import(workspace, second_file, options)
    assert consent_rows_of(workspace) == found  # the same file again changes nothing
    third = run_import(workspace, second_file, ImportOptions(consent_channels=["email"], consent_source="сайт"))
    again = consent_rows_of(workspace)
    assert again[("+79120000001", "email")][1::2] == ("сайт", third.job_id)  # a new source is recorded
    assert {k: v for k, v in again.items() if k[1] != "email"} == {k: v for k, v in found.items() if k[1] != "email"}


@pytest.mark.parametrize(("policy", "city", "birthday", "card", "level", "counts"), [
    ("fill", "Москва", "1990-02-01", "A-1", "gold", (2, 2)),
    ("overwrite", "Казань", "1991-03-04", "B-2", "gold", (3, 1)),
])
def test_changed_and_unchanged_contacts_on_reimport(workspace: Workspace, make_csv: Callable[..., Path], policy: str,
                                                    city: str, birthday: str, card: str, level: str,
                                                    counts: tuple) -> None:
    run_import(workspace, make_csv([HEADER, ["Иванов Иван", "89120000001", "01.02.1990", "Москва", "A-1", "gold", "", ""],
                                    ["Петров Пётр", "89120000002", "01.02.1990", "", "C-3", "", "", ""],
                                    ["Сидоров", "89120000003", "05.06.1980", "Омск", "D-4", "", "", ""],
                                    ["Кузнецов", "89120000004", "", "Омск", "E-5", "", "", ""]],
                                   name="a.csv"), ImportOptions())
    path = make_csv([HEADER, ["Иванов Иван", "89120000001", "04.03.1991", "Казань", "B-2", "", "", ""],
                     ["Петров Пётр", "89120000002", "01.02.1990", "Тверь", "C-3", "", "", ""],
                     ["Сидоров", "89120000003", "05.06.1980", "Омск", "D-4", "silver", "", ""],
                     ["Кузнецов", "89120000004", "", "Омск", "E-5", "", "", ""]], name="b.csv")
    result = run_import(workspace, path, ImportOptions(on_duplicate=policy))
    assert (result.updated, result.skipped) == counts
    found = people(workspace)
    ivan = found["+79120000001"]
    assert (ivan["city"], ivan["birthday"].isoformat(), ivan["custom"]) == (city, birthday,
                                                                           {"Карта": card, "Уровень": level})
    assert found["+79120000002"]["city"] == "Тверь"  # an empty field is filled under both policies
    assert found["+79120000003"]["custom"] == {"Карта": "D-4", "Уровень": "silver"}  # a new custom field
    assert found["+79120000004"]["custom"] == {"Карта": "E-5"}


def test_error_report_cells_keep_their_text(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Имя", "Телефон"], ["<b>Tom & \"Jerry\"</b>", "12"], ["Ок", "89120000001"],
                     ["  пробелы  ", "нет\x01телефона"]])
    result = run_import(workspace, path, ImportOptions())
    book = load_workbook(result.error_report)
    sheet = book.active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert sheet.title == "Rejected rows" and sheet.freeze_panes == "A2" and sheet["A1"].font.b
    assert rows[0] == ["Row", "Имя", "Телефон", "Column", "Reason"]
    assert rows[1][:3] == [2, "<b>Tom & \"Jerry\"</b>", "12"] and rows[1][3] == "Телефон"
    assert rows[2][0] == 4 and rows[2][1] == "  пробелы  " and rows[2][2] == "неттелефона"


def test_custom_columns_are_trimmed_and_blank_cells_dropped(workspace: Workspace,
                                                           make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Телефон", "Карта", "Заметка"], ["89120000001", "  A-1 ", "   "], ["89120000002", "", ""]])
    run_import(workspace, path, ImportOptions())
    found = people(workspace)
    assert found["+79120000001"]["custom"] == {"Карта": "A-1"} and found["+79120000002"]["custom"] == {}


def test_a_column_without_any_value_is_no_custom_field() -> None:
    import pyarrow as pa

    from app.importer.fields import normalise_columns
    from app.importer.table import SourceTable

    data = pa.table({"a": pa.nulls(3), "b": pa.array([" x ", "", None]), "p": pa.array(["89120000001"] * 3)})
    table = SourceTable("csv", None, None, [], None, 0, ["a", "b", "p"], data, pa.array([2, 3, 4]))
    fields = normalise_columns(table, {"a": "custom:a", "b": "custom:b", "p": "phone"}, "RU")
    assert fields.data.column("c0").to_pylist() == [None, None, None]
    assert fields.data.column("c1").to_pylist() == ["x", None, None]


def test_fill_check_in_sqlite_agrees_with_the_full_comparison(workspace: Workspace, make_csv: Callable[..., Path],
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.importer import existing

    first = make_csv([HEADER, ["Иванов Иван", "89120000001", "01.02.1990", "", "A-1", "", "", ""],
                      ["Петров", "89120000002", "", "Омск", "", "gold", "", ""],
                      ["Сидоров", "89120000003", "05.06.1980", "Омск", "D-4", "", "", ""]], name="a.csv")
    second = make_csv([HEADER, ["Иванов Иван", "89120000001", "04.03.1991", "Казань", "A-1", "", "", ""],
                       ["Петров Пётр", "89120000002", "", "Тверь", "C-3", "silver", "", ""],
                       ["Сидоров", "89120000003", "05.06.1980", "Омск", "D-4", "", "", ""]], name="b.csv")
    outcomes = []
    for limit in (existing.FILL_BITS, -1):  # the per-field "empty" bits, then the full comparison of stored values
        monkeypatch.setattr(existing, "FILL_BITS", limit)
        with Workspace.open(tmp_path / f"ws{limit}") as ws:
            run_import(ws, first, ImportOptions())
            result = run_import(ws, second, ImportOptions())
            found = {k: (v["first_name"], v["city"], v["birthday"], v["custom"]) for k, v in people(ws).items()}
            outcomes.append(((result.updated, result.skipped), found))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == (2, 1)
    assert outcomes[0][1]["+79120000001"][1] == "Казань" and outcomes[0][1]["+79120000002"][3] == {
        "Карта": "C-3", "Уровень": "gold"}
