"""A WhatsApp-like chat preview: the template message in a green bubble, its buttons under it."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.templates.whatsapp import RenderedWhatsApp

__all__ = ["ChatPreview", "whatsapp_markup"]

_CSS = """
QFrame#wa-chat { background: #efeae2; border: 1px solid #d0d0d0; border-radius: 8px; }
QFrame#wa-bubble { background: #d9fdd3; border-radius: 10px; }
QLabel { background: transparent; color: #111b21; }
QLabel#wa-media { background: #b9c8b5; color: #31412e; border-radius: 6px; padding: 18px 8px; }
QLabel#wa-header { font-weight: bold; }
QLabel#wa-footer { color: #667781; font-size: 11px; }
QLabel#wa-time { color: #667781; font-size: 10px; }
QLabel#wa-button { background: #ffffff; color: #027eb5; border-radius: 8px; padding: 7px; }
QLabel#wa-error { background: #ffebee; color: #b71c1c; border-radius: 6px; padding: 8px; }
"""
_BOLD = re.compile(r"\*([^*\n]+)\*")
_ITALIC = re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)")
_STRIKE = re.compile(r"~([^~\n]+)~")


def whatsapp_markup(text: str) -> str:
    """WhatsApp's *bold*, _italic_ and ~strike~ as safe HTML (everything else escaped)."""
    out = html.escape(text)
    out = _BOLD.sub(r"<b>\1</b>", out)
    out = _ITALIC.sub(r"<i>\1</i>", out)
    out = _STRIKE.sub(r"<s>\1</s>", out)
    return out.replace("\n", "<br>")


class ChatPreview(QFrame):
    """The message as a customer sees it in WhatsApp; `show_message` / `show_error` update it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wa-chat")
        self.setStyleSheet(_CSS)
        self.setMinimumWidth(300)
        self.bubble = QFrame()
        self.bubble.setObjectName("wa-bubble")
        self.media = QLabel()
        self.media.setObjectName("wa-media")
        self.media.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.media.setWordWrap(True)
        self.header = QLabel()
        self.header.setObjectName("wa-header")
        self.header.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("wa-body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.footer = QLabel()
        self.footer.setObjectName("wa-footer")
        self.footer.setWordWrap(True)
        self.time = QLabel("12:00")
        self.time.setObjectName("wa-time")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight)
        inner = QVBoxLayout(self.bubble)
        inner.setContentsMargins(9, 7, 9, 5)
        inner.setSpacing(4)
        for widget in (self.media, self.header, self.body, self.footer, self.time):
            inner.addWidget(widget)
        self.button_box = QVBoxLayout()
        self.button_box.setSpacing(3)
        self.error = QLabel()
        self.error.setObjectName("wa-error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 40, 14)
        layout.setSpacing(3)
        layout.addWidget(self.bubble)
        layout.addLayout(self.button_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.buttons: list[QLabel] = []

    def show_message(self, message: RenderedWhatsApp, header_format: str | None, media_label: str) -> None:
        """Show a rendered template; `media_label` describes an image/document header."""
        self.error.hide()
        self.bubble.show()
        self.media.setVisible(header_format in ("IMAGE", "DOCUMENT"))
        self.media.setText(media_label)
        self.header.setVisible(bool(message.header_text))
        self.header.setText(message.header_text)
        self.body.setText(whatsapp_markup(message.body))
        self.footer.setVisible(bool(message.footer))
        self.footer.setText(message.footer)
        self._set_buttons([_button_text(b) for b in message.buttons])

    def show_error(self, text: str) -> None:
        """The message cannot be shown: say why."""
        self.bubble.hide()
        self._set_buttons([])
        self.error.setText(text)
        self.error.show()

    def _set_buttons(self, texts: list[str]) -> None:
        for label in self.buttons:
            label.deleteLater()
        self.buttons = []
        for text in texts:
            label = QLabel(text)
            label.setObjectName("wa-button")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.button_box.addWidget(label)
            self.buttons.append(label)


def _button_text(button: dict) -> str:
    icon = {"QUICK_REPLY": "↩", "URL": "↗", "PHONE_NUMBER": "✆"}.get(button.get("type", ""), "")
    return f"{icon} {button.get('text', '')}".strip()
