"""Settings group: sender identity, quiet hours, frequency caps, SMS price, status receiver, unsubscribe."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.campaigns.render import SETTING_MAILTO
from app.db.schema import CHANNELS
from app.engine.gates import SETTING_CAPS, SETTING_QUIET, load_policy
from app.receiver.config import DEFAULT_PORT, PORT_KEY, PUBLIC_URL_KEY
from app.settings import SMS_PRICE_KEY, get_decimal, get_int, get_setting, get_str, set_setting
from app.workspace import Workspace
from ui.campaigns.wizard import IDENTITY_KEY

__all__ = ["SendingGroup"]


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; margin-top: 8px;")
    return label


class SendingGroup(QGroupBox):
    """Sending rules and identities, saved together with one button.

    Attributes:
        note: says what was saved or what is wrong.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sending: rules and sender"), parent)
        self.workspace = workspace
        self.from_name = QLineEdit()
        self.from_name.setPlaceholderText(self.tr("e.g. Flower shop “Romashka”"))
        self.from_email = QLineEdit()
        self.from_email.setPlaceholderText("shop@example.ru")
        self.reply_to = QLineEdit()
        self.reply_to.setPlaceholderText("info@example.ru")
        self.sms_sender = QLineEdit()
        self.sms_sender.setMaxLength(11)
        self.sms_sender.setPlaceholderText("ROMASHKA")
        self.quiet_start = QTimeEdit()
        self.quiet_end = QTimeEdit()
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
        self.per_day = QSpinBox()
        self.per_week = QSpinBox()
        for spin in (self.per_day, self.per_week):
            spin.setRange(0, 100)
            spin.setSpecialValueText(self.tr("no limit"))
        self.price = QDoubleSpinBox()
        self.price.setRange(0, 100)
        self.price.setDecimals(2)
        self.price.setSuffix(" ₽")
        self.price.setSpecialValueText(self.tr("not set"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setGroupSeparatorShown(False)
        for widget in (self.quiet_start, self.quiet_end, self.per_day, self.per_week, self.price, self.port):
            widget.setMinimumWidth(90)
            widget.setMaximumWidth(160)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://kaskad.example.ru")
        self.mailto = QLineEdit()
        self.mailto.setPlaceholderText("unsubscribe@example.ru")
        self.save_button = QPushButton(self.tr("Save sending settings"))
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        hours = QHBoxLayout()
        hours.addWidget(QLabel(self.tr("from")))
        hours.addWidget(self.quiet_start)
        hours.addWidget(QLabel(self.tr("to")))
        hours.addWidget(self.quiet_end)
        hours.addStretch(1)
        caps = QHBoxLayout()
        caps.addWidget(self.per_day)
        caps.addWidget(QLabel(self.tr("a day,")))
        caps.addWidget(self.per_week)
        caps.addWidget(QLabel(self.tr("a week")))
        caps.addStretch(1)
        gmail = QLabel(self.tr(
            "Gmail and Yandex want bulk mail to offer one-click unsubscribe (RFC 8058). What satisfies it:\n"
            "• the e-mail service's own unsubscribe (SendGrid, Mailgun, Unisender Go), synced back — yes;\n"
            "• a public https address above, where the background sender runs on a server — yes;\n"
            "• only an unsubscribe mailbox read over IMAP — no: fine for small lists, not for bulk senders."))
        gmail.setWordWrap(True)
        gmail.setStyleSheet("background: palette(alternate-base); padding: 6px; border-radius: 4px;")
        form = QFormLayout()
        form.addRow(_section(self.tr("Sender")))
        form.addRow(self.tr("Sender name:"), self.from_name)
        form.addRow(self.tr("From e-mail:"), self.from_email)
        form.addRow(self.tr("Reply-to e-mail:"), self.reply_to)
        form.addRow(self.tr("SMS sender name:"), self.sms_sender)
        form.addRow(_section(self.tr("Limits")))
        form.addRow(self.tr("Sending window (recipient's local time):"), hours)
        form.addRow(_note(self.tr("Advertising SMS and WhatsApp outside this window wait until it opens. Service "
                                  "messages are not held.")))
        form.addRow(self.tr("At most, per contact and channel:"), caps)
        form.addRow(self.tr("Price of one SMS part:"), self.price)
        form.addRow(_section(self.tr("Delivery statuses and unsubscribe")))
        form.addRow(self.tr("Status receiver port:"), self.port)
        form.addRow(self.tr("Public base URL:"), self.base_url)
        form.addRow(self.tr("Unsubscribe mailbox:"), self.mailto)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(gmail)
        layout.addLayout(row)
        self.load()

    def load(self) -> None:
        """Show what is stored (defaults where nothing is)."""
        engine = self.workspace.engine
        identity = get_setting(engine, IDENTITY_KEY) or {}
        identity = identity if isinstance(identity, dict) else {}
        self.from_name.setText(str(identity.get("from_name") or ""))
        self.from_email.setText(str(identity.get("from_email") or ""))
        self.reply_to.setText(str(identity.get("reply_to") or ""))
        self.sms_sender.setText(str(identity.get("sms_sender") or ""))
        with engine.connect() as conn:
            policy = load_policy(conn)
        self.quiet_start.setTime(QTime(policy.quiet_start.hour, policy.quiet_start.minute))
        self.quiet_end.setTime(QTime(policy.quiet_end.hour, policy.quiet_end.minute))
        day, week = policy.cap_for("sms")
        self.per_day.setValue(day or 0)
        self.per_week.setValue(week or 0)
        price = get_decimal(engine, SMS_PRICE_KEY)
        self.price.setValue(float(price) if price is not None else 0.0)
        self.port.setValue(get_int(engine, PORT_KEY, DEFAULT_PORT) or DEFAULT_PORT)
        self.base_url.setText(get_str(engine, PUBLIC_URL_KEY))
        self.mailto.setText(str(get_setting(engine, SETTING_MAILTO) or ""))

    def problems(self) -> list[str]:
        """What is wrong with the entered values (empty when they can be saved)."""
        found = []
        for edit, what in ((self.from_email, self.tr("From e-mail")), (self.reply_to, self.tr("Reply-to e-mail")),
                           (self.mailto, self.tr("Unsubscribe mailbox"))):
            text = edit.text().strip()
            if text and ("@" not in text or " " in text):
                found.append(self.tr("%1 does not look like an e-mail address.").replace("%1", what))
        url = self.base_url.text().strip()
        if url and not url.startswith(("https://", "http://")):
            found.append(self.tr("The public base URL must start with https://."))
        if self.quiet_start.time() == self.quiet_end.time():
            found.append(self.tr("The sending window must not start and end at the same time."))
        if self.per_day.value() and self.per_week.value() and self.per_week.value() < self.per_day.value():
            found.append(self.tr("The weekly limit cannot be lower than the daily one."))
        return found

    def save(self) -> bool:
        """Store everything; returns False (and says why) when a value is wrong."""
        problems = self.problems()
        if problems:
            self.note.setStyleSheet("color: #b00020;")
            self.note.setText("\n".join(problems))
            return False
        engine = self.workspace.engine
        set_setting(engine, IDENTITY_KEY, {"from_name": self.from_name.text().strip(),
                                           "from_email": self.from_email.text().strip(),
                                           "reply_to": self.reply_to.text().strip(),
                                           "sms_sender": self.sms_sender.text().strip()})
        quiet: dict[str, Any] = dict(get_setting(engine, SETTING_QUIET) or {})
        quiet.update(start=_hhmm(self.quiet_start.time()), end=_hhmm(self.quiet_end.time()))
        set_setting(engine, SETTING_QUIET, quiet)
        cap = {"day": self.per_day.value() or None, "week": self.per_week.value() or None}
        set_setting(engine, SETTING_CAPS, {channel: dict(cap) for channel in CHANNELS})
        price = round(self.price.value(), 2) or None
        set_setting(engine, SMS_PRICE_KEY, price)
        set_setting(engine, PORT_KEY, self.port.value())
        set_setting(engine, PUBLIC_URL_KEY, self.base_url.text().strip().rstrip("/"))
        set_setting(engine, SETTING_MAILTO, self.mailto.text().strip() or None)
        self.note.setStyleSheet("color: #1b7f3b;")
        self.note.setText(self.tr("Saved. New messages follow these settings."))
        return True


def _hhmm(value: QTime) -> str:
    return f"{time(value.hour(), value.minute()):%H:%M}"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label
