"""The manager-email editor: a notification to the sales team over `lead.*`, `event.*`, `contact.*`, `manager.*`."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.templates.document import SCHEMA_VERSION
from app.templates.render import render_manager
from ui.templates._sms_contacts import SAMPLE_CONTACT
from ui.templates._sms_errors import template_error_text
from ui.templates.variable_picker import VariablePicker

__all__ = ["SAMPLE_EVENT", "SAMPLE_LEAD", "SAMPLE_MANAGER", "ManagerEditor"]

#: Made-up data the preview fills the template with (the names `app.templates.fields` lists).
SAMPLE_LEAD: dict[str, Any] = {"name": "Иван Петров", "phone": "+79123456789", "email": "ivan.petrov@example.ru",
                               "comment": "Перезвоните после 18:00, пожалуйста"}
SAMPLE_EVENT: dict[str, Any] = {"type": "Заявка с сайта", "page": "https://shop.example.ru/akciya",
                                "at": dt.datetime(2026, 2, 1, 14, 30)}
SAMPLE_MANAGER: dict[str, Any] = {"name": "Ольга Смирнова", "email": "olga@shop.example.ru"}


class ManagerEditor(QWidget):
    """Edits a `manager` document (subject and text) with a preview over sample lead data.

    Signals:
        changed(): the user edited the document (not emitted by `set_template`).
    """

    changed = Signal()

    def __init__(self, engine: Engine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.template_id: int | None = None
        self._base: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "type": "manager",
                                      "subject": "", "text": "", "html": ""}
        self._loading = False
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("e.g. New lead: {{ lead.name }}"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("e.g. Name: {{ lead.name }}, phone: {{ lead.phone }}, "
                                                  "page: {{ event.page }}"))
        self.picker = VariablePicker(engine, "manager")
        self.picker.attach(self.body_edit, self.subject_edit)
        self.html_note = QLabel(self.tr("This template also has an HTML version; it is kept as it is."))
        self.html_note.setWordWrap(True)
        self.html_note.hide()
        self.preview = QTextBrowser()
        self.preview.setObjectName("manager-preview")
        self.preview.setOpenLinks(False)
        self.error = QLabel()
        self.error.setObjectName("manager-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.update_preview)

        form = QFormLayout()
        form.addRow(self.tr("Subject:"), self.subject_edit)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Message to the manager:")), 1)
        tools.addWidget(self.picker)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(tools)
        left.addWidget(self.body_edit, 1)
        left.addWidget(self.html_note)
        box = QGroupBox(self.tr("Preview with sample lead data"))
        right = QVBoxLayout(box)
        right.addWidget(self.preview, 1)
        right.addWidget(self.error)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(box, 1)
        self.subject_edit.textChanged.connect(self._edited)
        self.body_edit.textChanged.connect(self._edited)
        self.update_preview()

    def set_template(self, template_id: int, document: dict) -> None:
        """Show a saved `manager` document for editing (does not emit `changed`)."""
        self.template_id = template_id
        self._base = copy.deepcopy(document)
        self._loading = True
        try:
            self.subject_edit.setText(str(document.get("subject") or ""))
            self.body_edit.setPlainText(str(document.get("text") or ""))
        finally:
            self._loading = False
        self.html_note.setVisible(bool(document.get("html")))
        self.update_preview()

    def document(self) -> dict:
        """The `manager` document as the library stores it: `subject`, `text` (and a kept `html`)."""
        doc = copy.deepcopy(self._base)
        doc.update(schema_version=SCHEMA_VERSION, type="manager", subject=self.subject_edit.text(),
                   text=self.body_edit.toPlainText())
        doc.setdefault("html", "")
        return doc

    def _edited(self) -> None:
        self._timer.start()
        if not self._loading:
            self.changed.emit()

    def update_preview(self) -> None:
        """Render subject and text with the sample lead, event, contact and manager."""
        doc = self.document()
        if not (doc["text"].strip() or doc["html"].strip()):
            self.preview.setPlainText(self.tr("Write the message to see it with sample data."))
            self.error.clear()
            return
        try:
            email = render_manager(doc, lead=SAMPLE_LEAD, event=SAMPLE_EVENT, contact=SAMPLE_CONTACT,
                                   manager=SAMPLE_MANAGER)
        except UserInputError as exc:
            self.error.setText(self.tr("Cannot fill the template: %1").replace("%1", template_error_text(exc)))
            return
        self.error.clear()
        self.preview.setPlainText(self.tr("Subject: %1").replace("%1", email.subject) + "\n\n" + email.text)
