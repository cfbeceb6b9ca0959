"""Suppression lists from CSV/XLSX files and back, and lifting a suppression with its reason kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from app.errors import Cancelled, ImportFileError
from app.progress import CancelToken
from app.suppression.store import add_suppression, count_suppressions, list_suppressions, remove_suppression
from app.suppression.tables import suppression_removals
from app.suppression.transfer import export_suppressions, import_suppressions
from app.workspace import Workspace
from tests.app.receiver.helpers import suppressed


def test_csv_import_checks_every_row_and_reports_refused_ones(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "стоп-лист.csv"
    path.write_bytes("Адрес;Канал;Причина\r\n"
                     "Ivan@Example.org;;отписался\r\n"
                     "8 (912) 345-67-89;СМС;\r\n"
                     "+7 912 000-00-01;;\r\n"
                     "ivan@example.org;e-mail;\r\n"
                     "ivan@@example;;\r\n"
                     ";;\r\n"
                     "olga@example.org;почта;жалоба\r\n".encode("cp1251"))
    add_suppression(workspace.engine, "email", "olga@example.org", "bounced")
    result = import_suppressions(workspace.engine, path, reason="manual")
    assert (result.rows, result.added, result.already, result.refused) == (6, 2, 2, 2)
    assert [(n, v) for n, v, _ in result.problems] == [(4, "+7 912 000-00-01"), (6, "ivan@@example")]
    assert "which channel" in result.problems[0][2] and "not an email" in result.problems[1][2]
    assert suppressed(workspace) == {("email", "ivan@example.org", "unsubscribed"), ("sms", "+79123456789", "manual"),
                                     ("email", "olga@example.org", "bounced")}  # the first entry is kept
    # With a channel chosen for phone numbers, the phone-only row is accepted too.
    again = import_suppressions(workspace.engine, path, channel="whatsapp")
    assert again.added == 1 and ("whatsapp", "+79120000001", "manual") in suppressed(workspace)
    assert list_suppressions(workspace.engine, search="ivan")[0].source == "import: стоп-лист.csv"


def test_export_reads_back_and_paging_counts(workspace: Workspace, tmp_path: Path) -> None:
    for i in range(12):
        add_suppression(workspace.engine, "email", f"u{i:02d}@example.org", "unsubscribed", "test")
    add_suppression(workspace.engine, "sms", "+79123456789", "manual")
    assert count_suppressions(workspace.engine) == 13
    assert count_suppressions(workspace.engine, channel="email", search="U1") == 2
    page = list_suppressions(workspace.engine, channel="email", limit=5, offset=10)
    assert [e.address for e in page] == ["u01@example.org", "u00@example.org"]
    path = tmp_path / "list.xlsx"
    names = {"email": "E-mail", "sms": "SMS"}
    written = export_suppressions(workspace.engine, path, ["Канал", "Адрес", "Причина"],
                                  lambda e: [names[e.channel], e.address, e.reason])
    assert written == 13
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Канал", "Адрес", "Причина") and len(rows) == 14 and ("SMS", "+79123456789", "manual") in rows
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM suppressions")
    result = import_suppressions(workspace.engine, path)
    assert result.added == 13 and result.refused == 0
    assert ("sms", "+79123456789", "manual") in suppressed(workspace)


def test_unreadable_files_and_cancel_store_nothing(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        import_suppressions(workspace.engine, tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("email\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no rows"):
        import_suppressions(workspace.engine, empty)
    path = tmp_path / "list.csv"
    path.write_text("email\n" + "".join(f"u{i}@example.org\n" for i in range(100)), encoding="utf-8")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_suppressions(workspace.engine, path, cancel=token)
    assert count_suppressions(workspace.engine) == 0


def test_lifting_a_suppression_keeps_it_and_the_reason_as_evidence(workspace: Workspace) -> None:
    add_suppression(workspace.engine, "email", "ivan@example.org", "unsubscribed", "link")
    assert remove_suppression(workspace.engine, "email", "Ivan@Example.org",
                              note="Подписался снова на кассе 24.11, анкета №15")
    assert not remove_suppression(workspace.engine, "email", "ivan@example.org", note="again")
    with workspace.engine.connect() as conn:
        [kept] = conn.execute(sa.select(suppression_removals)).mappings().all()
    assert (kept["address"], kept["reason"], kept["source"]) == ("ivan@example.org", "unsubscribed", "link")
    assert kept["note"].startswith("Подписался снова")


def test_a_bare_list_without_a_header_is_read_from_its_first_row(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("first@example.org\nsecond@example.org\n+79123456789\n", encoding="utf-8")
    result = import_suppressions(workspace.engine, path, channel="sms", reason="unsubscribed")
    assert (result.rows, result.added, result.refused) == (3, 3, 0)
    assert ("email", "first@example.org", "unsubscribed") in suppressed(workspace)
    assert ("sms", "+79123456789", "unsubscribed") in suppressed(workspace)
