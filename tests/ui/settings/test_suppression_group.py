"""Settings → Suppression list: browse pages, add, remove (with the consent reason), import, export, sync."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from app.suppression.soft import SoftBouncePolicy, load_policy
from app.suppression.store import add_suppression, add_suppressions, list_suppressions
from app.suppression.tables import suppression_removals
from app.workspace import Workspace
from tests.app.receiver.helpers import account, suppressed
from tests.fakes.unisender_go_server import PREFIX, FakeUnisenderGo
from ui.settings.screen import SettingsScreen
from ui.settings.suppression_dialogs import ImportChoice, OpenPath, RemovalReason
from ui.settings.suppression_group import SuppressionGroup
from ui.widgets.dialogs import Confirm, SavePath


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def _group(qtbot, workspace: Workspace) -> SuppressionGroup:
    group = SuppressionGroup(workspace)
    qtbot.add_widget(group)
    return group


def test_the_group_is_on_the_settings_page(qtbot, workspace: Workspace) -> None:
    screen = SettingsScreen(workspace)
    qtbot.add_widget(screen)
    assert any(isinstance(g, SuppressionGroup) for g in screen.groups)


def test_pages_search_and_filters(qtbot, workspace: Workspace) -> None:
    add_suppressions(workspace.engine, [("email", f"c{i:03d}@example.org", "unsubscribed", "link") for i in range(120)]
                     + [("sms", "+79123456789", "manual", "by hand")])
    group = _group(qtbot, workspace)
    table = group.list
    assert table.total == 121 and len(table.entries) == 50
    assert table.position.text() == "1–50 of 121" and not table.previous_button.isEnabled()
    table.next_button.click()
    table.next_button.click()
    assert table.position.text() == "101–121 of 121" and not table.next_button.isEnabled()
    assert table.table.item(0, 2).text() == "Unsubscribed"
    table.channel.setCurrentIndex(table.channel.findData("sms"))
    assert table.total == 1 and table.table.item(0, 1).text() == "+79123456789"
    assert table.table.item(0, 0).text() == "SMS" and table.table.item(0, 2).text() == "Added by hand"
    table.channel.setCurrentIndex(0)
    table.search.setText("c11")
    qtbot.wait_until(lambda: table.total == 10)
    table.search.setText("nobody")
    qtbot.wait_until(lambda: table.total == 0)
    assert table.position.text() == "Nothing found"


def test_add_checks_the_address_for_the_channel(qtbot, workspace: Workspace) -> None:
    group = _group(qtbot, workspace)
    group.add_button.click()
    dialog = group.dialog
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
    dialog.address.setText("ivan@example.org")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "not a phone number" in dialog.error.text()
    dialog.address.setText("8 912 345-67-89")
    dialog.note.setText("asked by phone")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert suppressed(workspace) == {("sms", "+79123456789", "manual")}
    assert list_suppressions(workspace.engine)[0].source == "by hand: asked by phone"
    assert group.list.table.item(0, 1).text() == "+79123456789"
    assert "added" in group.result.text()


def test_removing_an_unsubscribe_asks_why_and_keeps_it(qtbot, workspace: Workspace,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    add_suppression(workspace.engine, "email", "ivan@example.org", "unsubscribed", "link")
    add_suppression(workspace.engine, "email", "typo@example.org", "manual", "by hand")
    group = _group(qtbot, workspace)
    asked: list[str] = []
    monkeypatch.setattr(RemovalReason, "ask", classmethod(lambda cls, parent, entry: asked.append(entry.address)))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: pytest.fail("not a consent")))
    group.list.table.selectRow(group.list.entries.index(next(e for e in group.list.entries if e.reason != "manual")))
    group.remove_button.click()
    assert asked == ["ivan@example.org"]  # cancelled: still suppressed
    assert ("email", "ivan@example.org", "unsubscribed") in suppressed(workspace)
    monkeypatch.setattr(RemovalReason, "ask", classmethod(lambda cls, parent, entry: "Подписался снова 24.11"))
    group.remove_button.click()
    assert suppressed(workspace) == {("email", "typo@example.org", "manual")}
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(suppression_removals.c.note)).scalar() == "Подписался снова 24.11"
    # A manual entry only needs a yes.
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    group.list.table.selectRow(0)
    group.remove_button.click()
    assert suppressed(workspace) == set()


def test_the_removal_reason_dialog_wants_a_real_reason(qtbot, workspace: Workspace) -> None:
    add_suppression(workspace.engine, "email", "ivan@example.org", "unsubscribed", "link")
    dialog = RemovalReason(list_suppressions(workspace.engine)[0])
    qtbot.add_widget(dialog)
    dialog.text.setPlainText("ok")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted and "at least 10" in dialog.error.text()
    dialog.text.setPlainText("Подписался снова на кассе")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_import_runs_off_the_gui_thread_and_reports_refused_rows(qtbot, workspace: Workspace, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Телефон\n+7 912 345-67-89\nне номер\nolga@example.org\n", encoding="utf-8")
    monkeypatch.setattr(OpenPath, "ask", classmethod(lambda cls, parent, title, filters: str(path)))
    monkeypatch.setattr(ImportChoice, "ask", classmethod(lambda cls, parent: ("whatsapp", "unsubscribed")))
    group = _group(qtbot, workspace)
    group.import_button.click()
    qtbot.wait_until(lambda: group.operation is None, timeout=10000)
    assert suppressed(workspace) == {("whatsapp", "+79123456789", "unsubscribed"),
                                     ("email", "olga@example.org", "unsubscribed")}
    assert "New: 2" in group.result.text() and "row 3: “не номер”" in group.problems.text()
    assert group.list.total == 2 and group.import_button.isEnabled()


def test_export_writes_the_filtered_list(qtbot, workspace: Workspace, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    add_suppression(workspace.engine, "email", "ivan@example.org", "bounced", "ug: permanent_unavailable")
    add_suppression(workspace.engine, "sms", "+79123456789", "unsubscribed", "STOP")
    target = tmp_path / "out"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, parent, title, suggested, filters: str(target)))
    group = _group(qtbot, workspace)
    group.list.channel.setCurrentIndex(group.list.channel.findData("email"))
    group.export_button.click()
    qtbot.wait_until(lambda: group.operation is None, timeout=10000)
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("Channel", "Address", "Reason", "Source", "Date")
    assert [r[:4] for r in rows[1:]] == [("E-mail", "ivan@example.org", "Address does not accept mail",
                                          "ug: permanent_unavailable")]
    assert "Addresses: 1" in group.result.text()


def test_sync_reads_the_services_off_the_gui_thread_and_shows_failures_plainly(qtbot, workspace: Workspace) -> None:
    with FakeUnisenderGo() as ug:
        ug.suppress("gone@example.org", "permanent_unavailable", time.time() - 60)
        account(workspace, "Unisender", "unisender-go", ug.url + PREFIX, secrets={"api_key": ug.api_key})
        account(workspace, "Old key", "unisender-go", ug.url + PREFIX, secrets={"api_key": "revoked"})
        group = _group(qtbot, workspace)
        ug.faults.delay = 0.3  # the GUI stays responsive while the services answer
        group.sync_button.click()
        # Returned at once: the work runs on a worker thread, a busy bar shows meanwhile.
        assert not group.sync_button.isEnabled() and not group.progress.isHidden()
        assert group.operation is not None
        qtbot.wait_until(lambda: group.operation is None, timeout=15000)
    text = group.result.text()
    assert "added to the list: 1" in text and "“Unisender”: addresses checked: 1" in text
    assert "Old key" not in text and not group.problems.isHidden()
    assert group.problems.text().startswith("“Old key”: could not read the list — the service did not accept the "
                                            "API key; check the account")
    assert "Details: Unisender Go refused the API key" in group.problems.text()
    assert group.list.table.item(0, 1).text() == "gone@example.org"
    assert group.sync_button.isEnabled()


def test_the_soft_bounce_rule_is_saved(qtbot, workspace: Workspace) -> None:
    group = _group(qtbot, workspace)
    assert (group.soft_threshold.value(), group.soft_days.value()) == (3, 30)
    group.soft_threshold.setValue(5)
    group.soft_days.setValue(14)
    assert load_policy(workspace.engine) == SoftBouncePolicy(5, 14)
