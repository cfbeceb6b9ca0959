"""The New mailing wizard driven end to end: audience, channel, template, pre-flight, test send, start, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from app.campaigns.model import get_campaign
from app.campaigns.status import campaign_status
from app.workspace import Workspace
from tests.ui.campaigns.conftest import REACHABLE
from ui.campaigns.screen import CampaignsScreen
from ui.campaigns.wizard import MailingWizard
from ui.engine_host import EngineHost
from ui.widgets.dialogs import Confirm, SavePath


def sandbox_sms(ws: Workspace) -> list[dict]:
    path = ws.sandbox_dir / "sms.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def go_next(qtbot, wizard: MailingWizard, expected: int) -> None:
    qtbot.wait_until(lambda: wizard.currentPage().isComplete(), timeout=10000)
    wizard.next()
    assert wizard.currentId() == expected


@pytest.fixture
def screen(shop: Workspace, host: EngineHost, qtbot) -> CampaignsScreen:
    view = CampaignsScreen(shop, host=host)
    qtbot.add_widget(view)
    view.resize(1200, 800)
    view.show()
    return view


def open_wizard_to_preflight(qtbot, screen: CampaignsScreen) -> MailingWizard:
    screen.new_button.click()
    wizard = screen.wizard
    assert wizard is not None and wizard.currentId() == MailingWizard.AUDIENCE
    audience = wizard.currentPage()
    audience.name.setText("Скидка для постоянных")
    audience.list_radio.setChecked(True)
    audience.lists.setCurrentIndex(audience.lists.findText("Постоянные (8)"))
    assert audience.lists.currentText() == "Постоянные (8)"
    go_next(qtbot, wizard, MailingWizard.CHANNEL)
    wizard.currentPage().radios["sms"].setChecked(True)
    go_next(qtbot, wizard, MailingWizard.CONTENT)
    content = wizard.currentPage()
    assert [content.templates.itemText(i) for i in range(content.templates.count())] == ["Скидка"]
    assert "Анна0, скидка 10%!" in content.preview.toPlainText()  # the first contact of the list
    assert content.providers.currentData() == "sandbox-sms"
    go_next(qtbot, wizard, MailingWizard.PREFLIGHT)
    return wizard


def test_wizard_preflight_test_send_start_and_live_progress(qtbot, screen: CampaignsScreen, shop: Workspace,
                                                            no_error_dialogs: list) -> None:
    wizard = open_wizard_to_preflight(qtbot, screen)
    page = wizard.currentPage()
    qtbot.wait_until(page.isComplete, timeout=10000)
    # Pre-flight counts match the data: 8 in the list, one without consent, one suppressed.
    numbers = {key: label.text() for key, label in page.numbers.items()}
    assert numbers == {"total": "8", "reachable": str(REACHABLE), "no_address": "0", "no_consent": "1",
                       "suppressed": "1", "capped": "0"}
    assert "SMS" in page.sms.text()

    go_next(qtbot, wizard, MailingWizard.TEST)
    test_page = wizard.currentPage()
    test_page.address.setText("8 (999) 000-11-22")
    test_page.send_button.click()
    qtbot.wait_until(lambda: test_page.last is not None, timeout=10000)
    assert test_page.last.ok, test_page.last.detail
    sent = sandbox_sms(shop)
    assert [m["to"] for m in sent] == ["+79990001122"]  # the owner only, not the audience
    assert sent[0]["payload"]["text"] == "Анна0, скидка 10%!"

    go_next(qtbot, wizard, MailingWizard.SCHEDULE)
    assert wizard.currentPage().now.isChecked()
    go_next(qtbot, wizard, MailingWizard.CONFIRM)
    summary = wizard.currentPage().summary.text()
    assert "Скидка для постоянных" in summary and "6" in summary
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.wait_until(lambda: wizard.launched_id is not None, timeout=10000)
    campaign_id = wizard.launched_id
    assert screen.selected_id() == campaign_id

    # Live progress reaches 100 % with the counts shown.
    progress = screen.progress
    qtbot.wait_until(lambda: progress.data is not None and progress.data["status"] == "finished", timeout=20000)
    qtbot.wait_until(lambda: progress.bar.format() == "100 %", timeout=5000)
    assert progress.counts["sent"].text() == str(REACHABLE)
    assert progress.counts["failed"].text() == "0"
    assert len(sandbox_sms(shop)) == 1 + REACHABLE
    status = campaign_status(shop.engine, campaign_id)
    assert status["states"]["sent"] == REACHABLE
    assert status["skipped"]["no_consent"] == 1 and status["skipped"]["suppressed"] == 1
    report_rows = {screen.report.states.item(r, 0).text(): screen.report.states.item(r, 1).text()
                   for r in range(screen.report.states.rowCount())}
    assert report_rows["Sent"] == str(REACHABLE)
    assert report_rows["Skipped: No consent to receive"] == "1"
    assert not no_error_dialogs


def test_cancelled_wizard_leaves_no_draft(qtbot, screen: CampaignsScreen, shop: Workspace) -> None:
    wizard = open_wizard_to_preflight(qtbot, screen)
    draft = wizard.state.campaign_id
    assert get_campaign(shop.engine, draft).status == "draft"
    wizard.reject()
    from app.campaigns.model import list_campaigns

    assert list_campaigns(shop.engine) == []


def test_pause_resume_and_report_export(qtbot, screen: CampaignsScreen, shop: Workspace, tmp_path: Path,
                                        monkeypatch, no_error_dialogs: list) -> None:
    from app.providers.store import add_provider
    from app.secrets import SecretStore
    from tests.ui.campaigns.conftest import add_people

    add_people(shop, 300, start=1000, list_name="Большой")
    # A rate-limited sandbox account (the default), so the mailing lasts long enough to pause it.
    add_provider(shop.engine, SecretStore(shop.root), "slow", "sandbox-sms", options={"rate_per_second": 100},
                 default=True)
    screen.new_button.click()
    wizard = screen.wizard
    wizard.currentPage().list_radio.setChecked(True)
    wizard.currentPage().lists.setCurrentIndex(wizard.currentPage().lists.findText("Большой (300)"))
    go_next(qtbot, wizard, MailingWizard.CHANNEL)
    go_next(qtbot, wizard, MailingWizard.CONTENT)
    assert wizard.currentPage().providers.currentData() == "slow"
    go_next(qtbot, wizard, MailingWizard.PREFLIGHT)
    for expected in (MailingWizard.TEST, MailingWizard.SCHEDULE, MailingWizard.CONFIRM):
        go_next(qtbot, wizard, expected)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.wait_until(lambda: wizard.launched_id is not None, timeout=10000)
    progress = screen.progress
    qtbot.wait_until(lambda: progress.data is not None and progress.pause_button.isVisible(), timeout=5000)
    assert progress.data["status"] == "running"
    progress.pause_button.click()
    qtbot.wait_until(lambda: progress.data["status"] == "paused", timeout=5000)
    assert progress.resume_button.isVisible() and not progress.pause_button.isVisible()
    assert progress.reason.isVisible() and "Resume" in progress.reason.text()
    qtbot.wait(500)  # messages already in flight finish; then nothing moves
    frozen = campaign_status(shop.engine, wizard.launched_id)["states"]
    assert frozen["queued"] > 0
    qtbot.wait(700)
    assert campaign_status(shop.engine, wizard.launched_id)["states"] == frozen
    progress.resume_button.click()
    qtbot.wait_until(lambda: progress.data["status"] == "finished", timeout=20000)
    assert progress.counts["sent"].text() == "300"

    target = tmp_path / "отчёт.xlsx"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, parent, title, suggested, filters: str(target)))
    screen.report.export_button.click()
    qtbot.wait_until(lambda: screen.report.exported is not None, timeout=10000)
    from openpyxl import load_workbook

    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("message id", "contact id", "address", "state")
    assert len(rows) == 1 + 300 and {r[3] for r in rows[1:]} == {"sent"}
    assert not no_error_dialogs


def test_cancel_asks_and_cancels_queued_messages(qtbot, screen: CampaignsScreen, shop: Workspace,
                                                 monkeypatch) -> None:
    from app.campaigns.audience import materialise
    from app.campaigns.model import create_campaign, pause_campaign, start_campaign

    campaign = create_campaign(shop.engine, name="Отменить", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(shop.engine, campaign.id)
    pause_campaign(shop.engine, campaign.id, "bad credentials: SMS.ru error 200")
    materialise(shop.engine, campaign.id)
    screen.refresh()
    qtbot.wait_until(lambda: bool(screen.rows), timeout=5000)
    screen.select_campaign(campaign.id)
    progress = screen.progress
    qtbot.wait_until(lambda: progress.data is not None, timeout=5000)
    assert "bad credentials" in progress.reason.text()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: False))
    progress.cancel_button.click()
    assert get_campaign(shop.engine, campaign.id).status == "paused"
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    progress.cancel_button.click()
    qtbot.wait_until(lambda: progress.data["status"] == "cancelled", timeout=5000)
    assert campaign_status(shop.engine, campaign.id)["states"]["cancelled"] > 0


def test_real_sms_api_bad_key_fails_the_test_send_and_pauses_with_the_reason(qtbot, screen: CampaignsScreen,
                                                                               shop: Workspace) -> None:
    from app.providers.store import add_provider
    from app.secrets import SecretStore
    from tests.fakes.smsru import FakeSmsRu

    with FakeSmsRu(api_id="right-key") as smsru:
        add_provider(shop.engine, SecretStore(shop.root), "SMS.ru", "smsru", base_url=smsru.url,
                     secrets={"api_id": "old-key"}, default=True)
        screen.new_button.click()
        wizard = screen.wizard
        wizard.currentPage().list_radio.setChecked(True)
        go_next(qtbot, wizard, MailingWizard.CHANNEL)
        go_next(qtbot, wizard, MailingWizard.CONTENT)
        assert wizard.currentPage().providers.currentData() == "SMS.ru"
        go_next(qtbot, wizard, MailingWizard.PREFLIGHT)
        go_next(qtbot, wizard, MailingWizard.TEST)
        page = wizard.currentPage()
        page.address.setText("+79990001122")
        page.send_button.click()
        qtbot.wait_until(lambda: page.last is not None, timeout=10000)
        assert not page.last.ok and "200" in page.result.text()  # SMS.ru's "wrong api_id"
        assert smsru.received == []
        for expected in (MailingWizard.SCHEDULE, MailingWizard.CONFIRM):
            go_next(qtbot, wizard, expected)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.wait_until(lambda: wizard.launched_id is not None, timeout=10000)
        progress = screen.progress
        qtbot.wait_until(lambda: progress.data is not None and progress.data["status"] == "paused", timeout=20000)
        assert progress.reason.isVisible() and "200" in progress.reason.text()
        assert progress.resume_button.isVisible()
        assert smsru.received == []  # nothing was sent with bad credentials


def test_a_mailing_scheduled_for_later_waits(qtbot, screen: CampaignsScreen, shop: Workspace) -> None:
    from PySide6.QtCore import QDateTime

    wizard = open_wizard_to_preflight(qtbot, screen)
    for expected in (MailingWizard.TEST, MailingWizard.SCHEDULE):
        go_next(qtbot, wizard, expected)
    schedule = wizard.currentPage()
    assert not schedule.window.isEnabled()  # quiet hours are switched off in this workspace
    schedule.when.setDateTime(QDateTime.currentDateTime().addSecs(2 * 3600))
    assert schedule.at.isChecked()
    go_next(qtbot, wizard, MailingWizard.CONFIRM)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.wait_until(lambda: wizard.launched_id is not None, timeout=10000)
    progress = screen.progress
    qtbot.wait_until(lambda: progress.data is not None and "Scheduled" in progress.speed.text(), timeout=5000)
    qtbot.wait(1500)  # the engine runs, but nothing is due yet
    status = campaign_status(shop.engine, wizard.launched_id)
    assert status["status"] == "running" and status["states"]["queued"] == REACHABLE + 2
    assert sandbox_sms(shop) == []
