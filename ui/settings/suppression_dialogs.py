"""Dialogs of the suppression list: add an address, the reason for lifting an unsubscribe, import options."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.schema import CHANNELS
from app.errors import UserInputError
from app.suppression.store import SuppressionEntry, normalise_address
from ui.campaigns.labels import channel_name

__all__ = ["CONSENT_REASONS", "AddDialog", "ImportChoice", "OpenPath", "RemovalReason", "reason_name"]

_CTX = "SuppressionLabels"
# Why an address is on the list, as the owner reads it.
REASON_NAMES = {
    "unsubscribed": QT_TRANSLATE_NOOP("SuppressionLabels", "Unsubscribed"),
    "bounced": QT_TRANSLATE_NOOP("SuppressionLabels", "Address does not accept mail"),
    "complained": QT_TRANSLATE_NOOP("SuppressionLabels", "Complained about spam"),
    "manual": QT_TRANSLATE_NOOP("SuppressionLabels", "Added by hand"),
}
# Reasons only the person can undo: lifting them needs their new consent, written down.
CONSENT_REASONS = ("unsubscribed", "complained")


def reason_name(reason: str) -> str:
    """The translated name of a suppression reason."""
    return QCoreApplication.translate(_CTX, REASON_NAMES[reason]) if reason in REASON_NAMES else reason


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class AddDialog(QDialog):
    """Suppress one address on one channel; the address is checked before the dialog closes.

    Attributes:
        entry: (channel, normalised address, reason, note) once accepted.
    """

    def __init__(self, channel: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the suppression list"))
        self.entry: tuple[str, str, str, str] | None = None
        self.channel = QComboBox()
        for key in CHANNELS:
            self.channel.addItem(channel_name(key), key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel or "email")))
        self.address = QLineEdit()
        self.address.setMinimumWidth(280)
        self.reason = QComboBox()
        for key in ("manual", "unsubscribed", "complained", "bounced"):
            self.reason.addItem(reason_name(key), key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. asked by phone on 24.11"))
        self.error = _error_label()
        self.channel.currentIndexChanged.connect(self._placeholder)
        self._placeholder()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Channel:"), self.channel)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Note (kept as evidence):"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _placeholder(self) -> None:
        email = self.channel.currentData() == "email"
        self.address.setPlaceholderText("name@example.ru" if email else "+7 912 345-67-89")

    def save(self) -> None:
        """Check the address for the chosen channel; close only when it is valid."""
        channel = self.channel.currentData()
        try:
            address = normalise_address(channel, self.address.text())
        except UserInputError:
            self.error.setText(self.tr("This is not an e-mail address. Example: name@example.ru")
                               if channel == "email" else
                               self.tr("This is not a phone number. Example: +7 912 345-67-89"))
            self.address.setFocus()
            return
        self.entry = (channel, address, self.reason.currentData(), self.note.text().strip())
        self.accept()


class RemovalReason(QDialog):
    """Why an unsubscribed (or complaining) person may be messaged again; the answer is kept.

    Attributes:
        text: the reason typed in.
    """

    MIN_LENGTH = 10

    def __init__(self, entry: SuppressionEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Allow messages again"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("e.g. Subscribed again at the checkout on 24.11, form No. 15"))
        self.text.setFixedHeight(80)
        self.error = _error_label()
        intro = QLabel(self.tr(
            "%1 (%2): %3.\n\nBy law you may send advertising to this person again only with their new consent. "
            "Write down when and how they gave it: the note is kept as evidence.")
            .replace("%1", entry.address).replace("%2", channel_name(entry.channel))
            .replace("%3", reason_name(entry.reason).lower()))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove from the list"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("How was the new consent given?")))
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def save(self) -> None:
        if len(self.text.toPlainText().strip()) < self.MIN_LENGTH:
            self.error.setText(self.tr("Describe the new consent in a few words (at least %n characters).", "",
                                       self.MIN_LENGTH))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, entry: SuppressionEntry) -> str | None:
        """The reason, or None when the user cancels (tests replace this)."""
        dialog = cls(entry, parent)
        return dialog.text.toPlainText().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ImportChoice(QDialog):
    """What the file's phone numbers are for, and the reason for rows that give none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import the suppression list"))
        self.channel = QComboBox()
        for key in CHANNELS[1:]:
            self.channel.addItem(channel_name(key), key)
        self.reason = QComboBox()
        for key in ("manual", "unsubscribed", "complained", "bounced"):
            self.reason.addItem(reason_name(key), key)
        note = QLabel(self.tr("E-mail addresses go to the e-mail list. A column “Channel” or “Reason” in the file "
                              "(as in Kaskad's export) is used where it is filled in."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Phone numbers are for:"), self.channel)
        form.addRow(self.tr("Reason, where the file has none:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, str] | None:
        """(channel for phone numbers, default reason), or None when cancelled (tests replace this)."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.channel.currentData(), dialog.reason.currentData()


class OpenPath:
    """Which file to open; None when the user cancels (tests replace this)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None
