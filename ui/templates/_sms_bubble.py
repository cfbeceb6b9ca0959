"""A phone-style SMS preview: the sender on top, the text in a grey bubble, the count below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

__all__ = ["PhoneBubble"]

_PHONE_CSS = """
QFrame#sms-phone { background: #ffffff; border: 10px solid #2b2b2b; border-radius: 26px; }
QLabel#sms-phone-sender { color: #222222; font-weight: bold; padding: 6px;
                          border-bottom: 1px solid #e0e0e0; }
QLabel#sms-bubble { background: #e9e9eb; color: #000000; border-radius: 14px; padding: 8px 10px; }
QLabel#sms-phone-note { color: #777777; font-size: 11px; }
QLabel#sms-phone-error { color: #b71c1c; }
"""


class PhoneBubble(QFrame):
    """The message as it arrives on a phone; `show_message` / `show_error` update it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sms-phone")
        self.setStyleSheet(_PHONE_CSS)
        self.setMinimumSize(260, 300)
        self.setMaximumWidth(340)
        self.sender_label = QLabel()
        self.sender_label.setObjectName("sms-phone-sender")
        self.sender_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bubble = QLabel()
        self.bubble.setObjectName("sms-bubble")
        self.bubble.setWordWrap(True)
        self.bubble.setTextFormat(Qt.TextFormat.PlainText)
        self.bubble.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bubble.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.note = QLabel()
        self.note.setObjectName("sms-phone-note")
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("sms-phone-error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.sender_label)
        layout.addSpacing(8)
        layout.addWidget(self.bubble)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def show_message(self, sender: str, text: str, note: str) -> None:
        """Show `text` from `sender` with a note under the bubble (e.g. the segment count)."""
        self.sender_label.setText(sender)
        self.bubble.setText(text)
        self.bubble.setVisible(bool(text))
        self.note.setText(note)
        self.error.hide()

    def show_error(self, sender: str, message: str) -> None:
        """The text cannot be rendered for this contact: say why instead of showing a bubble."""
        self.sender_label.setText(sender)
        self.bubble.hide()
        self.note.clear()
        self.error.setText(message)
        self.error.show()
