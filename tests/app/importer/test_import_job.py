"""Importing into a real workspace: dedup, policies, conflicts, consent, lists, reports, atomicity."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from app.db.schema import (
    consents,
    contact_tags,
    contacts,
    import_jobs,
    list_members,
    lists,
    suppressions,
    tags,
)
from app.errors import Cancelled, EnvironmentProblem, ImportFileError, UserInputError
from app.importer.job import run_import
from app.importer.model import ImportOptions
from app.progress import CancelToken
from app.workspace import Workspace

HEADER = ["ФИО", "Телефон", "E-mail", "Дата рождения", "Город", "Бонусная карта"]


def people(ws: Workspace) -> dict[str, dict]:
    """Contacts keyed by phone (or email when there is no phone)."""
    with ws.engine.connect() as conn:
        rows = conn.execute(sa.select(contacts)).mappings().all()
    return {r["phone"] or r["email"]: dict(r) for r in rows}


def count(ws: Workspace, table: sa.Table) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def snapshot(ws: Workspace) -> dict[str, list]:
    with ws.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr)
                for t in (contacts, tags, contact_tags, consents, lists, list_members, suppressions)}


def test_messy_file_is_normalised_and_deduplicated(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([
        ["Выгрузка клиентов от 01.02.2026", "", "", "", "", ""], [""] * 6, HEADER,
        ["ИВАНОВ ИВАН ИВАНОВИЧ", "8 (912) 345-67-89", " Ivan@Mail.RU ", "01.02.1990", "Москва", "A-1"],
        ["Петрова Анна", "+7 913 000 00 01", "", "32905", "Казань", ""],
        ["Иванов Иван", "89123456789", "", "", "", "A-2"],          # same phone as row 4: merged
        ["", "", "IVAN@mail.ru", "", "Тула", ""],                   # same email as row 4: merged
        ["Без контактов", "", "", "", "", ""],                      # rejected
        ["Сидоров", "9,16123457E+09", "s@x.ru", "", "", ""],         # rounded by Excel: rejected
        ["Кузнецов", "89150000000", "bad@@mail", "", "", ""],         # bad email: rejected
        ["Орлов", "89160000000", "", "31.02.1990", "", ""],          # impossible date: rejected
    ])
    result = run_import(workspace, path, ImportOptions())
    assert (result.total_rows, result.created, result.merged, result.rejected) == (8, 2, 2, 4)
    found = people(workspace)
    ivan = found["+79123456789"]
    assert (ivan["last_name"], ivan["first_name"], ivan["middle_name"]) == ("Иванов", "Иван", "Иванович")
    assert ivan["email"] == "ivan@mail.ru" and ivan["birthday"] == dt.date(1990, 2, 1)
    assert ivan["city"] == "Москва"  # the first row wins; later rows only fill blanks
    assert ivan["custom"] == {"Бонусная карта": "A-1"}
    assert ivan["search_text"] == "иванов иван иванович ivan@mail.ru 79123456789 москва"
    assert ivan["import_job_id"] == result.job_id and ivan["source"] == "import: base.csv"
    anna = found["+79130000001"]
    assert anna["birthday"] == dt.date(1990, 2, 1) and anna["last_name"] == "Петрова" and anna["email"] is None
    with workspace.engine.connect() as conn:
        job = conn.execute(sa.select(import_jobs)).mappings().one()
    assert job["status"] == "done" and job["created"] == 2 and job["rejected"] == 4
    assert job["options"]["source"]["encoding"] == "cp1251" and job["mapping"]["Бонусная карта"] == "custom:Бонусная карта"


def test_error_report_lists_rejected_rows_safely(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([HEADER, ["=HYPERLINK(\"http://x\")", "123", "", "", "", ""],
                     ["Ок", "89123456789", "", "", "", ""],
                     ["Сидоров", "9,16123457E+09", "", "", "-1+2", ""]])
    result = run_import(workspace, path, ImportOptions())
    assert result.rejected == 2 and result.created == 1
    assert result.error_report == workspace.reports_dir / f"import-{result.job_id}-errors.xlsx"
    sheet = load_workbook(result.error_report).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Row", *HEADER, "Column", "Reason"]
    assert rows[1][0] == 2 and rows[1][1] == "'=HYPERLINK(\"http://x\")" and rows[1][-2] == "Телефон"
    assert "not a valid phone" in rows[1][-1] or "not a phone" in rows[1][-1]
    assert rows[2][0] == 4 and rows[2][5] == "'-1+2"
    assert rows[2][-1] == "number was rounded by Excel; re-export the column as Text"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)  # nothing is a formula
    with result.error_report_csv.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    assert lines[1][1].startswith("'=") and lines[2][0] == "4" and lines[2][-2] == "Телефон"


def test_errors_path_is_honoured(workspace: Workspace, make_csv: Callable[..., Path], tmp_path: Path) -> None:
    path = make_csv([HEADER, ["x", "1", "", "", "", ""]])
    result = run_import(workspace, path, ImportOptions(errors_path=tmp_path / "out" / "rejects.xlsx"))
    assert result.error_report == tmp_path / "out" / "rejects.xlsx" and result.error_report.exists()
    assert (tmp_path / "out" / "rejects.csv").exists()


def _base(ws: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([HEADER, ["Иванов Иван", "89123456789", "", "", "Москва", "A-1"]], name="first.csv")
    run_import(ws, path, ImportOptions())


@pytest.mark.parametrize(("policy", "city", "email", "card", "counts"), [
    ("fill", "Москва", "ivan@mail.ru", "A-1", (0, 1, 0)),
    ("overwrite", "Казань", "ivan@mail.ru", "B-2", (0, 1, 0)),
    ("skip", "Москва", None, "A-1", (0, 0, 1)),
])
def test_duplicate_policies_against_the_base(workspace: Workspace, make_csv: Callable[..., Path], policy: str,
                                             city: str, email: str | None, card: str, counts: tuple) -> None:
    _base(workspace, make_csv)
    path = make_csv([HEADER, ["Иванов Иван", "+7 912 345-67-89", "ivan@mail.ru", "", "Казань", "B-2"]])
    result = run_import(workspace, path, ImportOptions(on_duplicate=policy, tags=["повтор"]))
    assert (result.created, result.updated, result.skipped) == counts
    ivan = people(workspace)["+79123456789"]
    assert (ivan["city"], ivan["email"], ivan["custom"]["Бонусная карта"]) == (city, email, card)
    assert count(workspace, contacts) == 1
    assert count(workspace, contact_tags) == (0 if policy == "skip" else 1)


def test_same_file_again_changes_nothing(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    _base(workspace, make_csv)
    before = snapshot(workspace)
    result = run_import(workspace, make_csv([HEADER, ["Иванов Иван", "89123456789", "", "", "Москва", "A-1"]]),
                        ImportOptions())
    assert (result.created, result.updated, result.skipped) == (0, 0, 1)
    assert snapshot(workspace) == before


def test_phone_of_one_contact_and_email_of_another_is_a_conflict(workspace: Workspace,
                                                                   make_csv: Callable[..., Path]) -> None:
    run_import(workspace, make_csv([HEADER, ["Иванов", "89123456789", "", "", "", ""],
                                    ["Петров", "", "petrov@mail.ru", "", "", ""]], name="a.csv"), ImportOptions())
    before = snapshot(workspace)
    path = make_csv([HEADER, ["Кто-то", "89123456789", "petrov@mail.ru", "", "Омск", ""],
                     ["Новый", "89990001122", "", "", "", ""]], name="b.csv")
    result = run_import(workspace, path, ImportOptions(on_duplicate="overwrite"))
    assert (result.conflicts, result.created, result.updated) == (1, 1, 0)
    ids = {c["phone"] or c["email"]: c["id"] for c in people(workspace).values()}
    sample = result.conflict_samples[0]
    assert sample.startswith("row 2:") and f"#{ids['+79123456789']}" in sample and f"#{ids['petrov@mail.ru']}" in sample
    assert snapshot(workspace)["contacts"][:2] == before["contacts"][:2]  # neither person was touched
    rows = list(csv.reader(result.error_report_csv.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[1][0] == "2" and "not merged" in rows[1][-1]


def test_conflict_inside_the_file(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([HEADER, ["А", "89123456789", "", "", "", ""], ["Б", "", "b@mail.ru", "", "", ""],
                     ["В", "89123456789", "b@mail.ru", "", "", ""]])
    result = run_import(workspace, path, ImportOptions())
    assert (result.created, result.conflicts) == (2, 1)
    assert "row 2" in result.conflict_samples[0] and "row 3" in result.conflict_samples[0]


def test_consent_columns_and_whole_import_consent(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    run_import(workspace, make_csv([["Телефон", "Согласие на SMS"], ["89123456789", "да"]], name="old.csv"),
               ImportOptions())
    path = make_csv([["Телефон", "Согласие на SMS", "Согласие на звонки"],
                     ["89123456789", "нет", ""], ["89123456780", "+", "1"], ["89123456781", "может быть", ""]])
    result = run_import(workspace, path, ImportOptions(consent_channels=["email"],
                                                       consent_source="анкета в магазине"))
    assert result.rejected == 1
    with workspace.engine.connect() as conn:
        found = {(r.phone, r.channel): (r.status, r.source, r.import_job_id) for r in conn.execute(
            sa.select(contacts.c.phone, consents.c.channel, consents.c.status, consents.c.source,
                      consents.c.import_job_id).join(consents))}
    job = result.job_id
    assert found[("+79123456789", "sms")] == ("withdrawn", "import: column in the file", job)
    assert found[("+79123456780", "sms")] == ("granted", "import: column in the file", job)
    assert found[("+79123456780", "calls")][0] == "granted"
    assert found[("+79123456789", "email")] == ("granted", "анкета в магазине", job)
    assert ("+79123456789", "calls") not in found


def test_whole_import_consent_needs_a_source(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    with pytest.raises(UserInputError, match="source"):
        run_import(workspace, make_csv([["Телефон"], ["89123456789"]]), ImportOptions(consent_channels=["sms"]))


def test_tags_list_and_custom_fields(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    path = make_csv([["Телефон", "Теги", "Любимый товар", "Пустая"], ["89123456789", "vip, опт", "кофе", ""],
                     ["89123456780", "", "чай", ""]])
    result = run_import(workspace, path, ImportOptions(list_name="Выставка", tags=["весна"]))
    assert result.created == 2
    with workspace.engine.connect() as conn:
        pairs = {tuple(r) for r in conn.execute(sa.select(contacts.c.phone, tags.c.name).select_from(
            contacts.join(contact_tags).join(tags)))}
        members = conn.execute(sa.select(sa.func.count()).select_from(list_members.join(lists)).where(
            lists.c.name == "Выставка")).scalar_one()
    assert pairs == {("+79123456789", "vip"), ("+79123456789", "опт"), ("+79123456789", "весна"),
                     ("+79123456780", "весна")}
    assert members == 2
    assert people(workspace)["+79123456789"]["custom"] == {"Любимый товар": "кофе"}


def test_suppressed_addresses_stay_suppressed(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    with workspace.engine.begin() as conn:
        conn.execute(sa.insert(suppressions).values(channel="email", address="ivan@mail.ru", reason="unsubscribed",
                                                    created_at=dt.datetime.now(dt.UTC)))
    run_import(workspace, make_csv([HEADER, ["Иван", "89123456789", "Ivan@Mail.ru", "", "", ""]]),
               ImportOptions(consent_channels=["email"], consent_source="форма"))
    assert count(workspace, suppressions) == 1


def test_cancel_from_progress_leaves_the_base_unchanged(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    _base(workspace, make_csv)
    before = snapshot(workspace)
    rows = [HEADER] + [[f"Клиент {i}", f"8912{i:07d}", f"c{i}@mail.ru", "", "", ""] for i in range(60_000)]
    token = CancelToken()
    stages: list[str] = []

    def progress(done: int, total: int | None, stage: str) -> None:
        stages.append(stage)
        if stage == "writing" and done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        run_import(workspace, make_csv(rows, name="big.csv"), ImportOptions(list_name="Новые", tags=["t"]),
                   progress, token)
    assert {"reading", "normalising", "writing"} <= set(stages)
    assert snapshot(workspace) == before
    with workspace.engine.connect() as conn:
        statuses = [r.status for r in conn.execute(sa.select(import_jobs.c.status).order_by(import_jobs.c.id))]
    assert statuses == ["done", "cancelled"]


def test_failure_mid_write_leaves_the_base_unchanged(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    _base(workspace, make_csv)
    with workspace.engine.begin() as conn:
        # A real database error on the 55,000th new contact, after the first batches were written.
        conn.exec_driver_sql("CREATE TRIGGER boom BEFORE INSERT ON contacts WHEN NEW.email = 'c55000@mail.ru' "
                             "BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    before = snapshot(workspace)
    rows = [HEADER] + [[f"Клиент {i}", f"8912{i:07d}", f"c{i}@mail.ru", "", "", ""] for i in range(60_000)]
    with pytest.raises(EnvironmentProblem, match="rolled back.*disk is full"):
        run_import(workspace, make_csv(rows, name="big.csv"), ImportOptions(list_name="Новые"))
    assert snapshot(workspace) == before
    with workspace.engine.connect() as conn:
        job = conn.execute(sa.select(import_jobs).order_by(import_jobs.c.id.desc())).mappings().first()
        indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert job["status"] == "failed" and "disk is full" in job["error"]
    assert "ix_contacts_last_name" in indexes  # the bulk load's dropped indexes came back with the rollback


def test_dry_run_writes_nothing(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    result = run_import(workspace, make_csv([HEADER, ["Иван", "89123456789", "", "", "", ""], ["x", "1", "", "", "", ""]]),
                        ImportOptions(dry_run=True))
    assert (result.created, result.rejected, result.job_id, result.dry_run) == (1, 1, None, True)
    assert count(workspace, contacts) == 0 and count(workspace, import_jobs) == 0


def test_explicit_mapping_and_bad_files(workspace: Workspace, make_csv: Callable[..., Path], tmp_path: Path) -> None:
    path = make_csv([["Колонка А", "Колонка Б"], ["89123456789", "Иван"]])
    with pytest.raises(UserInputError, match="Phone or Email"):
        run_import(workspace, path, ImportOptions())
    result = run_import(workspace, path, ImportOptions(mapping={"Колонка А": "phone", "Колонка Б": "first_name"}))
    assert result.created == 1 and people(workspace)["+79123456789"]["first_name"] == "Иван"
    with pytest.raises(ImportFileError):
        run_import(workspace, tmp_path / "missing.csv", ImportOptions())


def test_import_from_xlsx_with_excel_numbers(workspace: Workspace, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "base.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Телефон", "Дата рождения", "Имя"])
    sheet.write_number(1, 0, 89123456789.0)
    sheet.write_number(1, 1, 32905)
    sheet.write(1, 2, "иван")
    book.close()
    result = run_import(workspace, path, ImportOptions())
    ivan = people(workspace)["+79123456789"]
    assert result.created == 1 and ivan["birthday"] == dt.date(1990, 2, 1) and ivan["first_name"] == "Иван"


@pytest.mark.postgres
def test_import_on_postgresql(pg_url: str, tmp_path: Path, make_csv: Callable[..., Path]) -> None:
    with Workspace.open(tmp_path / "pg", pg_url) as ws:
        first = make_csv([HEADER, ["Иванов Иван", "89123456789", "", "01.02.1990", "Москва", "A-1"],
                          ["Петров", "", "petrov@mail.ru", "", "", ""]], name="a.csv")
        result = run_import(ws, first, ImportOptions(list_name="Клиенты", tags=["vip"], consent_channels=["sms"],
                                                      consent_source="анкета"))
        assert result.created == 2
        second = make_csv([HEADER, ["Иванов Иван", "+7 912 345 67 89", "ivan@mail.ru", "", "Казань", ""],
                           ["Кто-то", "89123456789", "petrov@mail.ru", "", "", ""],
                           ["Новая", "89990001122", "", "", "", ""]], name="b.csv")
        result = run_import(ws, second, ImportOptions(list_name="Клиенты", tags=["vip"]))
        assert (result.created, result.updated, result.conflicts) == (1, 1, 1)
        ivan = people(ws)["+79123456789"]
        assert ivan["email"] == "ivan@mail.ru" and ivan["city"] == "Москва" and ivan["birthday"] == dt.date(1990, 2, 1)
        assert count(ws, list_members) == 3 and count(ws, contact_tags) == 3 and count(ws, consents) == 2
        token = CancelToken()
        before = snapshot(ws)
        with pytest.raises(Cancelled):
            run_import(ws, make_csv([HEADER, ["Z", "89990001199", "", "", "", ""]], name="c.csv"), ImportOptions(),
                       lambda done, total, stage: token.cancel() if stage == "writing" else None, token)
        assert snapshot(ws) == before


def test_a_cancelled_import_leaves_no_error_report(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    # Rejected rows start their report beside the writes; the cancel must take it away again.
    rows = [HEADER] + [[f"Клиент {i}", f"8912{i:07d}" if i % 10 else "нет телефона", "", "", "", ""]
                       for i in range(60_000)]
    token = CancelToken()

    def progress(done: int, total: int | None, stage: str) -> None:
        if stage == "writing" and done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        run_import(workspace, make_csv(rows, name="big.csv"), ImportOptions(), progress, token)
    assert not list(workspace.reports_dir.glob("import-*-errors.*"))
    done = run_import(workspace, make_csv(rows, name="big.csv"), ImportOptions())
    assert done.rejected == 6_000 and done.error_report is not None and done.error_report.exists()
