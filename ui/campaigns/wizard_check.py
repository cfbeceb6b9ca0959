"""Wizard pages 4-5: the pre-flight check (who is reached, who is excluded and why) and a test send."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.campaigns.audience import preflight
from app.settings import get_setting, set_setting
from ui.campaigns.backend import TestResult, send_test
from ui.campaigns.labels import EXCLUSIONS, label
from ui.ops import run_in_worker

if TYPE_CHECKING:
    from ui.campaigns.wizard import MailingWizard

__all__ = ["PreflightPage", "TestSendPage", "TEST_ADDRESS_KEYS"]

#: Where the owner's own test address / phone is remembered.
TEST_ADDRESS_KEYS = {"email": "campaigns.test_email", "sms": "campaigns.test_phone", "whatsapp": "campaigns.test_phone"}


class PreflightPage(QWizardPage):
    """Counts reachable contacts and exclusions by reason (off the GUI thread).

    Attributes:
        numbers: {"total", "reachable", reason...: QLabel} shown counts.
    """

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check before sending"))
        self.setSubTitle(self.tr("Who will get the message, and who will not and why. Nobody is contacted yet."))
        self.busy = QLabel(self.tr("Checking the audience…"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.numbers: dict[str, QLabel] = {}
        rows = [("total", self.tr("Contacts in the audience")), ("reachable", self.tr("Will get the message"))]
        rows += [(reason, self.tr("Excluded — %1").replace("%1", label(EXCLUSIONS, reason)))
                 for reason in ("no_address", "no_consent", "suppressed", "capped")]
        for index, (key, text) in enumerate(rows):
            number = QLabel("—")
            number.setStyleSheet("font-weight: bold; font-size: 12pt;" if key == "reachable" else "font-weight: bold;")
            grid.addWidget(number, index, 0)
            grid.addWidget(QLabel(text), index, 1)
            self.numbers[key] = number
        self.sms = QLabel()
        self.sms.setWordWrap(True)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020;")
        self.nobody = QLabel(self.tr("Nobody in this audience can receive the message: go back and choose another "
                                     "audience or channel."))
        self.nobody.setWordWrap(True)
        self.nobody.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addLayout(grid)
        layout.addWidget(self.sms)
        layout.addWidget(self.errors)
        layout.addWidget(self.nobody)
        layout.addStretch(1)
        self._running = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        state = self.wiz.state
        self.nobody.hide()
        if state.preflight is not None:
            self._show(state.preflight)
            return
        for number in self.numbers.values():
            number.setText("—")
        self.sms.clear()
        self.errors.clear()
        self.busy.show()
        self._running = True
        campaign_id = self.wiz.ensure_draft()
        run_in_worker(preflight, self.wiz.workspace.engine, campaign_id, on_done=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self._running = False
        self.wiz.state.preflight = result
        self._show(result)

    def _failed(self, exc: BaseException) -> None:
        from ui.widgets.dialogs import ErrorDialog

        self._running = False
        self.busy.setText(self.tr("The check failed."))
        ErrorDialog.ask(self, exc)

    def _show(self, result: Any) -> None:
        locale = QLocale()
        self.busy.hide()
        self.numbers["total"].setText(locale.toString(result.total))
        self.numbers["reachable"].setText(locale.toString(result.reachable))
        for reason, count in result.excluded.items():
            if reason in self.numbers:
                self.numbers[reason].setText(locale.toString(count))
        if result.segments is not None:
            cost = (self.tr("estimated cost %1 ₽").replace("%1", locale.toString(result.cost, "f", 2))
                    if result.cost is not None else
                    self.tr("set the price of one SMS part in Settings → Sending to see the cost"))
            self.sms.setText(self.tr("SMS parts (segments) in total: about %1; %2.")
                             .replace("%1", locale.toString(result.segments)).replace("%2", cost))
        else:
            self.sms.clear()
        if result.sample_errors:
            self.errors.setText(self.tr("Some messages cannot be filled in:") + "\n" + "\n".join(result.sample_errors))
        self.nobody.setVisible(result.reachable == 0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        result = self.wiz.state.preflight
        return not self._running and result is not None and result.reachable > 0


class TestSendPage(QWizardPage):
    """Sends one real message to the owner through the chosen provider (optional)."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Send yourself a test"))
        self.address = QLineEdit()
        self.send_button = QPushButton(self.tr("Send a test message"))
        self.send_button.clicked.connect(self.send)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.last: TestResult | None = None
        note = QLabel(self.tr("The test goes through the same provider as the mailing, filled in with the first "
                              "contact's data, to your address only. It is optional: press Next to skip it."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.send_button)
        form = QFormLayout(self)
        self.address_label = QLabel()
        form.addRow(self.address_label, row)
        form.addRow(self.result)
        form.addRow(note)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        channel = self.wiz.state.channel
        email = channel == "email"
        self.setSubTitle(self.tr("See the message exactly as your customers will, before they do."))
        self.address_label.setText(self.tr("Your e-mail:") if email else self.tr("Your phone:"))
        self.address.setPlaceholderText("you@example.ru" if email else "+7 900 000-00-00")
        saved = get_setting(self.wiz.workspace.engine, TEST_ADDRESS_KEYS.get(channel, ""), "")
        if saved and not self.address.text():
            self.address.setText(str(saved))
        self.result.clear()

    def send(self) -> None:
        """Send the test off the GUI thread; the answer appears under the field."""
        address = self.address.text().strip()
        if self.wiz.state.channel != "email":
            from app.contacts.normalize import normalize_phone

            address = normalize_phone(address) or ""
        if not address or (self.wiz.state.channel == "email" and "@" not in address):
            self.result.setStyleSheet("color: #b00020;")
            self.result.setText(self.tr("Enter your own e-mail address or phone number first."))
            return
        from ui.settings.providers_store import secret_store

        store = secret_store(self.wiz.workspace, self)
        if store is None:
            return
        set_setting(self.wiz.workspace.engine, TEST_ADDRESS_KEYS[self.wiz.state.channel], address)
        self.send_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Sending the test…"))
        run_in_worker(send_test, self.wiz.workspace, self.wiz.ensure_draft(), address, store,
                      on_done=self._done, on_error=self._failed)

    def _done(self, result: TestResult) -> None:
        self.last = result
        self.send_button.setEnabled(True)
        if result.ok:
            self.result.setStyleSheet("color: #1b7f3b;")
            self.result.setText(self.tr("The provider accepted the test message. Check your inbox or phone."))
        else:
            self.result.setStyleSheet("color: #b00020;")
            self.result.setText(self.tr("The test was not sent: %1").replace("%1", result.detail))

    def _failed(self, exc: BaseException) -> None:
        self._done(TestResult(False, str(exc)))
