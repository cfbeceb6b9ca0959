"""Wizard pages 6-7: when to send (now, at a moment, in each recipient's window) and the final summary."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from app.campaigns.audience import materialise
from app.campaigns.model import get_campaign, start_campaign
from app.engine.gates import load_policy
from ui.campaigns.labels import channel_name
from ui.ops import run_in_worker

if TYPE_CHECKING:
    from ui.campaigns.wizard import MailingWizard

__all__ = ["ConfirmPage", "SchedulePage", "launch"]


def launch(engine: object, campaign_id: int, when: datetime) -> int:
    """Start the campaign at `when` and create its messages (worker thread); returns their count."""
    start_campaign(engine, campaign_id, when)  # type: ignore[arg-type]
    return materialise(engine, campaign_id, now=when)  # type: ignore[arg-type]


class SchedulePage(QWizardPage):
    """Now, at a date and time, or in each recipient's own sending window."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("When to send"))
        self.setSubTitle(self.tr("Start now or choose a moment; you can pause the mailing later at any time."))
        self.now = QRadioButton(self.tr("Now"))
        self.at = QRadioButton(self.tr("At a date and time:"))
        self.window = QRadioButton()
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.currentDateTime())
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setMaximumWidth(220)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.group = QButtonGroup(self)
        for radio in (self.now, self.at, self.window):
            self.group.addButton(radio)
        self.now.setChecked(True)
        self.when.dateTimeChanged.connect(lambda _v: self.at.setChecked(True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addWidget(self.at)
        layout.addWidget(self.when)
        layout.addWidget(self.window)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        state = self.wiz.state
        with self.wiz.workspace.engine.connect() as conn:
            policy = load_policy(conn)
        hours = f"{policy.quiet_start:%H:%M}–{policy.quiet_end:%H:%M}"
        gated = state.channel in policy.quiet_channels and not state.transactional
        self.window.setText(self.tr("In each recipient's local sending window (%1 their time)").replace("%1", hours))
        self.window.setEnabled(gated)
        if not gated and self.window.isChecked():
            self.now.setChecked(True)
        if gated:
            self.note.setText(self.tr("Quiet hours apply to this mailing: whatever you choose, a message is only "
                                      "sent between %1 in the recipient's time zone; the others wait and go out "
                                      "when their window opens. Change the hours in Settings → Sending.")
                              .replace("%1", hours))
        else:
            self.note.setText(self.tr("Quiet hours do not apply here (e-mail or a service message): messages go out "
                                      "as soon as sending starts."))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        state = self.wiz.state
        state.schedule = "at" if self.at.isChecked() else "window" if self.window.isChecked() else "now"
        state.start_at = self.when.dateTime().toPython().astimezone(UTC) if state.schedule == "at" else None
        return True


class ConfirmPage(QWizardPage):
    """The summary; Finish starts the mailing (creating its messages off the GUI thread)."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Ready to start"))
        self.setSubTitle(self.tr("Check the summary. After the start you can pause or cancel the mailing at any "
                                 "time."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        self.busy = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self._starting = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        state = self.wiz.state
        campaign = get_campaign(self.wiz.workspace.engine, self.wiz.ensure_draft())
        locale = QLocale()
        result = state.preflight
        when = {"now": self.tr("now"), "window": self.tr("now, within each recipient's sending window"),
                "at": locale.toString(self.wiz.start_time().astimezone(),
                                      QLocale.FormatType.ShortFormat) if state.start_at else ""}[state.schedule]
        lines = [
            self.tr("Mailing: %1").replace("%1", campaign.name),
            self.tr("Channel: %1").replace("%1", channel_name(campaign.channel)),
            self.tr("Template: %1 (version %2)").replace("%1", self.wiz.page(self.wiz.CONTENT).templates.currentText())
            .replace("%2", str(campaign.template_version)),
            self.tr("Provider: %1").replace("%1", campaign.provider),
            self.tr("Sender: %1").replace("%1", campaign.sender or self.tr("as set in the provider account")),
            self.tr("Recipients: %1 of %2").replace("%1", locale.toString(result.reachable if result else 0))
            .replace("%2", locale.toString(result.total if result else 0)),
            self.tr("Start: %1").replace("%1", when),
        ]
        if campaign.transactional:
            lines.append(self.tr("Marked as a service message (no marketing consent needed)."))
        if result is not None and result.cost is not None:
            lines.append(self.tr("Estimated cost: %1 ₽").replace("%1", locale.toString(result.cost, "f", 2)))
        self.summary.setText("\n".join(lines))
        self.busy.clear()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.wiz.launched_id is not None:
            return True
        if self._starting:
            return False
        self._starting = True
        self.busy.setText(self.tr("Preparing the messages…"))
        campaign_id = self.wiz.ensure_draft()
        self.wiz.button(self.wiz.WizardButton.FinishButton).setEnabled(False)
        run_in_worker(launch, self.wiz.workspace.engine, campaign_id, self.wiz.start_time(),
                      on_done=lambda _n: self._started(campaign_id), on_error=self._failed)
        return False

    def _started(self, campaign_id: int) -> None:
        self._starting = False
        self.wiz.mark_launched(campaign_id)
        self.wiz.accept()

    def _failed(self, exc: BaseException) -> None:
        from ui.widgets.dialogs import ErrorDialog

        self._starting = False
        self.busy.clear()
        self.wiz.button(self.wiz.WizardButton.FinishButton).setEnabled(True)
        ErrorDialog.ask(self, exc)
