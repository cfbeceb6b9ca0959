"""The SMS template editor: text with a live segment counter, costly characters marked, sender, preview."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.templates.document import SCHEMA_VERSION
from app.templates.render import render_sms
from app.templates.sms import SmsCount, count_sms, replace_unsafe, transliterate, validate_sender
from ui.templates._sms_audience import AudiencePanel
from ui.templates._sms_bubble import PhoneBubble
from ui.templates._sms_contacts import ContactChooser
from ui.templates._sms_errors import template_error_text
from ui.templates._sms_highlight import SmsHighlighter, blank_tags, char_kind
from ui.templates.variable_picker import VariablePicker

__all__ = ["SmsEditor"]

_SHOWN = 12  # characters listed by name before "and N more"


class SmsEditor(QWidget):
    """Edits an `sms` document: sender name and text; counts, marks costly characters, previews.

    Signals:
        changed(): the user edited the document (not emitted by `set_template`).
    """

    changed = Signal()

    def __init__(self, engine: Engine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.template_id: int | None = None
        self._base: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "type": "sms", "text": "", "sender": ""}
        self._loading = False
        self.count: SmsCount = count_sms("")

        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText(self.tr("e.g. Romashka"))
        self.sender_edit.setMaxLength(15)
        self.sender_status = QLabel()
        self.sender_status.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("Text of the SMS, e.g. Hello, {{ first_name }}! …"))
        self.text_edit.setMinimumHeight(140)
        self.highlighter = SmsHighlighter(self.text_edit.document())
        self.picker = VariablePicker(engine, "sms")
        self.picker.attach(self.text_edit)
        self.replace_button = QPushButton(self.tr("Replace typographic characters"))
        self.replace_button.setToolTip(self.tr("« » “ ” → \", — – → -, … → ..., № → N: keeps the cheap GSM-7 encoding"))
        self.translit_button = QPushButton(self.tr("Transliterate"))
        self.translit_button.setToolTip(self.tr("Write Russian in Latin letters: 160 characters per SMS instead of 70"))
        self.counter = QLabel()
        self.counter.setObjectName("sms-counter")
        self.counter.setStyleSheet("font-weight: bold;")
        self.flagged = QLabel()
        self.flagged.setObjectName("sms-flagged")
        self.flagged.setWordWrap(True)
        self.audience = AudiencePanel(engine)
        self.contact_chooser = ContactChooser(engine)
        self.phone = PhoneBubble()
        self._preview_timer = QTimer(self, singleShot=True, interval=200)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build_layout()

        self.text_edit.textChanged.connect(self._text_changed)
        self.sender_edit.textChanged.connect(self._sender_changed)
        self.replace_button.clicked.connect(lambda: self._rewrite(replace_unsafe))
        self.translit_button.clicked.connect(lambda: self._rewrite(transliterate))
        self.contact_chooser.contact_changed.connect(self.update_preview)
        self._update_counter()
        self._check_sender()
        self.update_preview()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Sender name:"), self.sender_edit)
        form.addRow("", self.sender_status)
        tools = QHBoxLayout()
        tools.addWidget(self.picker)
        tools.addWidget(self.replace_button)
        tools.addWidget(self.translit_button)
        tools.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("Message text:")))
        left.addLayout(tools)
        left.addWidget(self.text_edit, 1)
        left.addWidget(self.counter)
        left.addWidget(self.flagged)
        left.addWidget(self.audience)
        preview = QGroupBox(self.tr("Preview"))
        right = QVBoxLayout(preview)
        right.addWidget(QLabel(self.tr("Contact:")))
        right.addWidget(self.contact_chooser)
        right.addWidget(self.phone)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(preview, 2)

    # -- the editor contract -------------------------------------------------------------------

    def set_template(self, template_id: int, document: dict) -> None:
        """Show a saved `sms` document for editing (does not emit `changed`)."""
        self.template_id = template_id
        self._base = copy.deepcopy(document)
        self._loading = True
        try:
            self.sender_edit.setText(str(document.get("sender") or ""))
            self.text_edit.setPlainText(str(document.get("text") or ""))
        finally:
            self._loading = False
        self._update_counter()
        self._check_sender()
        self.update_preview()

    def document(self) -> dict:
        """The `sms` document as the library stores it: `text` and `sender`."""
        doc = copy.deepcopy(self._base)
        doc.update(schema_version=SCHEMA_VERSION, type="sms", text=self.text_edit.toPlainText(),
                   sender=self.sender_edit.text().strip())
        return doc

    # -- reactions -----------------------------------------------------------------------------

    def _text_changed(self) -> None:
        self._update_counter()
        self._preview_timer.start()
        if not self._loading:
            self.changed.emit()

    def _sender_changed(self) -> None:
        self._check_sender()
        self._preview_timer.start()
        if not self._loading:
            self.changed.emit()

    def _rewrite(self, convert: Any) -> None:
        """Replace the whole text in one undoable step."""
        old = self.text_edit.toPlainText()
        new = convert(old)
        if new == old:
            return
        cursor = self.text_edit.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(new)
        cursor.endEditBlock()

    def _update_counter(self) -> None:
        """The live "N characters · encoding · M SMS" line and the list of costly characters."""
        text = self.text_edit.toPlainText()
        self.count = count = count_sms(text)
        parts = [self.tr("%n character(s)", "", count.characters), count.encoding,
                 self.tr("%n SMS", "", count.segments)]
        if count.segments:
            parts.append(self.tr("%1 left").replace("%1", str(count.remaining)))
        self.counter.setText(" · ".join(parts))
        self.flagged.setText(self._flag_text(text))
        self.replace_button.setEnabled(any(char_kind(ch) == "replaceable" for _, ch in count.chars_forcing_ucs2))

    def _flag_text(self, text: str) -> str:
        lines = []
        forcing = list(dict.fromkeys(ch for ch in blank_tags(text) if char_kind(ch) in ("ucs2", "replaceable")))
        replaceable = [ch for ch in forcing if char_kind(ch) == "replaceable"]
        other = [ch for ch in forcing if char_kind(ch) != "replaceable"]
        cyrillic = [ch for ch in other if "\u0400" <= ch <= "\u04ff"]
        rest = [ch for ch in other if ch not in cyrillic]
        if replaceable:
            lines.append(self.tr("Typographic characters force UCS-2 (70 characters per SMS): %1 — "
                                 "press “Replace typographic characters”.").replace("%1", _listing(replaceable)))
        if cyrillic:
            lines.append(self.tr("Russian letters use UCS-2 (70 characters per SMS); "
                                 "“Transliterate” fits 160."))
        if rest:
            lines.append(self.tr("Also force UCS-2: %1").replace("%1", _listing(rest)))
        ext = list(dict.fromkeys(ch for ch in blank_tags(text) if char_kind(ch) == "ext"))
        if ext:
            lines.append(self.tr("Count as two characters: %1").replace("%1", _listing(ext)))
        if "{{" in text or "{%" in text:
            lines.append(self.tr("Personal data changes the length: see the preview and the audience count."))
        return "\n".join(lines)

    def _check_sender(self) -> bool:
        name = self.sender_edit.text().strip()
        problem = self._sender_problem(name)
        if problem is None:
            self.sender_status.setText(self.tr("Leave empty to use the provider's default sender.") if not name
                                       else self.tr("✓ The sender name looks right."))
            self.sender_status.setStyleSheet("color: #555555;" if not name else "color: #2e7d32;")
            return True
        self.sender_status.setText(problem)
        self.sender_status.setStyleSheet("color: #b71c1c;")
        return False

    def _sender_problem(self, name: str) -> str | None:
        """A translated reason the sender name is refused (the rules of `validate_sender`), or None."""
        if not name:
            return None
        try:
            validate_sender(name)
        except UserInputError as exc:
            if name.isdigit():
                return self.tr("A numeric sender has at most 15 digits.")
            bad = sorted({ch for ch in name if not (ch.isascii() and (ch.isalnum() or ch in " ._-!&"))})
            if bad:
                return self.tr("Only Latin letters, digits, spaces and . _ - ! & are allowed; not: %1").replace(
                    "%1", " ".join(bad))
            if len(name) > 11:
                return self.tr("At most 11 characters; this one has %1.").replace("%1", str(len(name)))
            if not any(ch.isalpha() for ch in name):
                return self.tr("The sender name needs at least one letter.")
            return str(exc)
        return None

    def sender_valid(self) -> bool:
        """True when the sender name is empty or acceptable to operators."""
        return self._sender_problem(self.sender_edit.text().strip()) is None

    def update_preview(self) -> None:
        """Render the text with the chosen contact's data into the phone bubble; update the audience panel."""
        doc = self.document()
        self.audience.document = doc
        sender = doc["sender"] or self.tr("Sender")
        if not doc["text"].strip():
            self.phone.show_message(sender, "", self.tr("Type the text to see it here."))
            return
        try:
            sms = render_sms(doc, self.contact_chooser.contact())
        except UserInputError as exc:
            self.phone.show_error(sender, self.tr("Cannot personalise the text: %1").replace("%1", template_error_text(exc)))
            return
        count = sms.count
        note = " · ".join([self.tr("%n character(s)", "", count.characters), count.encoding,
                           self.tr("%n SMS", "", count.segments)])
        self.phone.show_message(sender, sms.text, note)


def _listing(chars: list[str]) -> str:
    shown = " ".join(_visible(ch) for ch in chars[:_SHOWN])
    return shown + (f" … (+{len(chars) - _SHOWN})" if len(chars) > _SHOWN else "")


def _visible(ch: str) -> str:
    """Invisible characters (nbsp, zero-width) by their code, the rest as themselves."""
    return ch if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"
