"""The WhatsApp template editor: Meta's template parts, parameter mapping, chat preview, JSON in/out."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.templates.whatsapp import CATEGORIES, new_whatsapp_document, render_whatsapp
from app.templates.whatsapp import validate_whatsapp as check_rules
from ui.templates._sms_contacts import SAMPLE_CONTACT, ContactChooser
from ui.templates._wa_buttons import ButtonsEditor
from ui.templates._wa_json import JsonFileError, read_template, write_template
from ui.templates._wa_params import FieldCombo, ParamTable
from ui.templates._wa_preview import ChatPreview
from ui.templates._wa_rules import explain
from ui.templates.variable_picker import picker_variables

__all__ = ["WhatsAppEditor"]

_PARAM = re.compile(r"\{\{\s*(\d+)\s*\}\}")
_LANGUAGES = ("ru", "en", "en_US", "uk", "kk", "uz", "de", "tr")
_HEADER_FORMATS = ("", "TEXT", "IMAGE", "DOCUMENT")


class WhatsAppEditor(QWidget):
    """Edits a `whatsapp` document (see `app.templates.whatsapp`); shows Meta's rule violations live.

    Signals:
        changed(): the user edited the document (not emitted by `set_template`).
    """

    changed = Signal()

    def __init__(self, engine: Engine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.template_id: int | None = None
        self._base: dict[str, Any] = new_whatsapp_document()
        self._loading = False
        variables = picker_variables(engine, "whatsapp")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("winter_sale")
        self.name_edit.setToolTip(self.tr("Lowercase Latin letters, digits and _ — as Meta requires"))
        self.language_combo = QComboBox()
        self.language_combo.setEditable(True)
        self.language_combo.addItems(list(_LANGUAGES))
        self.category_combo = QComboBox()
        for key, label in zip(CATEGORIES, (self.tr("Marketing"), self.tr("Utility"), self.tr("Authentication")),
                              strict=True):
            self.category_combo.addItem(label, key)
        self.header_combo = QComboBox()
        for key, label in zip(_HEADER_FORMATS, (self.tr("No header"), self.tr("Text"), self.tr("Image"),
                                                self.tr("Document")), strict=True):
            self.header_combo.addItem(label, key)
        self.header_text = QLineEdit()
        self.header_text.setMaxLength(60)
        self.header_text.setPlaceholderText(self.tr("Header text, up to 60 characters"))
        self.header_url = QLineEdit()
        self.header_url.setPlaceholderText(self.tr("https://… link to the image or PDF"))
        self.header_field = FieldCombo(variables)
        self.header_field.setToolTip(self.tr("The contact field that replaces {{1}} in the header"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setMinimumHeight(90)
        self.body_edit.setMaximumHeight(180)
        self.add_param_button = QPushButton(self.tr("+ Parameter"))
        self.add_param_button.setToolTip(self.tr("Insert the next positional parameter {{n}} at the cursor"))
        self.params_table = ParamTable(variables)
        self.footer_edit = QLineEdit()
        self.footer_edit.setMaxLength(60)
        self.footer_edit.setPlaceholderText(self.tr("Small grey text under the message, e.g. the shop name"))
        self.buttons_editor = ButtonsEditor(variables)
        self.status = QLabel()
        self.status.setObjectName("wa-status")
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.contact_chooser = ContactChooser(engine)
        self.preview = ChatPreview()
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self._build_layout()
        for signal in (self.name_edit.textEdited, self.language_combo.currentTextChanged,
                       self.category_combo.currentIndexChanged, self.header_combo.currentIndexChanged,
                       self.header_text.textEdited, self.header_url.textEdited,
                       self.header_field.currentIndexChanged, self.body_edit.textChanged,
                       self.footer_edit.textEdited, self.params_table.edited, self.buttons_editor.edited):
            signal.connect(self._edited)
        self.add_param_button.clicked.connect(self.insert_parameter)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.contact_chooser.contact_changed.connect(self.refresh)
        self._load(self._base)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Template name:"), self.name_edit)
        line = QHBoxLayout()
        line.addWidget(self.language_combo)
        line.addWidget(QLabel(self.tr("Category:")))
        line.addWidget(self.category_combo, 1)
        form.addRow(self.tr("Language:"), line)
        header = QHBoxLayout()
        header.addWidget(self.header_combo)
        header.addWidget(self.header_text, 2)
        header.addWidget(self.header_url, 2)
        header.addWidget(self.header_field, 1)
        form.addRow(self.tr("Header:"), header)
        body_tools = QHBoxLayout()
        body_tools.addStretch(1)
        body_tools.addWidget(self.add_param_button)
        form.addRow(self.tr("Message text:"), body_tools)
        form.addRow(self.body_edit)
        hint = QLabel(self.tr("Use {{1}}, {{2}}… for personal data; *bold*, _italic_."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        form.addRow(hint)
        form.addRow(QLabel(self.tr("What fills each parameter:")))
        form.addRow(self.params_table)
        form.addRow(self.tr("Footer:"), self.footer_edit)
        form.addRow(QLabel(self.tr("Buttons:")))
        form.addRow(self.buttons_editor)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        files.addStretch(1)
        form.addRow(self.status)
        form.addRow(files)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        preview = QGroupBox(self.tr("Preview"))
        preview.setMaximumWidth(400)
        right = QVBoxLayout(preview)
        right.addWidget(QLabel(self.tr("Contact:")))
        right.addWidget(self.contact_chooser)
        right.addWidget(self.preview, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(preview, 2)

    # -- the editor contract -------------------------------------------------------------------

    def set_template(self, template_id: int, document: dict) -> None:
        """Show a saved `whatsapp` document for editing (does not emit `changed`)."""
        self.template_id = template_id
        self._load(document)

    def document(self) -> dict:
        """The `whatsapp` document as the library stores it (it may break Meta's rules: see `problem`)."""
        doc = copy.deepcopy(self._base)
        old_header = doc.get("header") or {}
        fmt = self.header_combo.currentData()
        header: dict[str, Any] | None = None
        if fmt == "TEXT":
            header = {"format": "TEXT", "text": self.header_text.text().strip()}
            if _PARAM.search(header["text"]):
                kept = dict(old_header.get("param") or {"fallback": "", "example": ""})
                field = self.header_field.field()
                # Meta reviews a template only with an example for each parameter.
                example = kept.get("example") or str(SAMPLE_CONTACT.get(field) or "")
                header["param"] = {**kept, "field": field, "example": example}
        elif fmt:
            header = {"format": fmt, "url": self.header_url.text().strip(),
                      "filename": old_header.get("filename", ""), "handle": old_header.get("handle", "")}
        doc.update(name=self.name_edit.text().strip(), language=self.language_combo.currentText().strip(),
                   category=self.category_combo.currentData(), header=header, body=self.body_edit.toPlainText(),
                   params=self.params_table.params(), footer=self.footer_edit.text().strip(),
                   buttons=self.buttons_editor.buttons())
        return doc

    # -- loading, editing, checking ------------------------------------------------------------

    def _load(self, document: dict) -> None:
        self._base = copy.deepcopy(document)
        self._loading = True
        try:
            self.name_edit.setText(str(document.get("name") or ""))
            self.language_combo.setCurrentText(str(document.get("language") or "ru"))
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(document.get("category"))))
            header = document.get("header") or {}
            self.header_combo.setCurrentIndex(max(0, self.header_combo.findData(header.get("format", ""))))
            self.header_text.setText(str(header.get("text") or ""))
            self.header_url.setText(str(header.get("url") or ""))
            self.header_field.set_field(str((header.get("param") or {}).get("field") or ""))
            self.body_edit.setPlainText(str(document.get("body") or ""))
            self.params_table.set_params(list(document.get("params") or []))
            self.footer_edit.setText(str(document.get("footer") or ""))
            self.buttons_editor.set_buttons(list(document.get("buttons") or []))
        finally:
            self._loading = False
        self.refresh()

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        numbers = [int(n) for n in _PARAM.findall(self.body_edit.toPlainText())]
        if max(numbers, default=0) != self.params_table.rowCount():
            self.params_table.set_count(max(numbers, default=0))
        self._timer.start()
        self.changed.emit()

    def insert_parameter(self) -> None:
        """Insert `{{n}}` (the next free number) at the body's cursor."""
        numbers = [int(n) for n in _PARAM.findall(self.body_edit.toPlainText())]
        self.body_edit.textCursor().insertText(f"{{{{{max(numbers, default=0) + 1}}}}}")
        self.body_edit.setFocus()

    def problem(self) -> str | None:
        """The first of Meta's rules the template breaks, in the user's language, or None."""
        try:
            check_rules(self.document())
        except UserInputError as exc:
            return explain(exc)
        return None

    def refresh(self) -> None:
        """Show or hide header fields, check the rules and redraw the preview."""
        fmt = self.header_combo.currentData()
        self.header_text.setVisible(fmt == "TEXT")
        self.header_field.setVisible(fmt == "TEXT" and bool(_PARAM.search(self.header_text.text())))
        self.header_url.setVisible(fmt in ("IMAGE", "DOCUMENT"))
        problem = self.problem()
        if problem:
            self._say(problem, error=True)
            self.preview.show_error(problem)
            return
        doc = self.document()
        if any(not p.get("example") for p in doc["params"]):
            self._say(self.tr("Fill in an example for every parameter: Meta needs them to approve the template."),
                      error=True)
        else:
            self._say(self.tr("✓ The template follows WhatsApp's rules."), error=False)
        try:
            message = render_whatsapp(doc, self.contact_chooser.contact())
        except UserInputError as exc:
            self.preview.show_error(explain(exc))
            return
        media = {"IMAGE": self.tr("🖼 Image"), "DOCUMENT": self.tr("📄 Document")}.get(fmt or "", "")
        self.preview.show_message(message, fmt, f"{media}\n{self.header_url.text().strip()}")

    def _say(self, text: str, *, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if error else "color: #2e7d32;")

    # -- JSON in and out -----------------------------------------------------------------------

    def import_json(self, path: str | Path) -> bool:
        """Load a WhatsApp Business template JSON file; False with the reason shown when it cannot."""
        try:
            document = read_template(Path(path))
        except JsonFileError as exc:
            self._say(str(exc), error=True)
            return False
        self._load(document)
        self.changed.emit()
        return True

    def export_json(self, path: str | Path) -> bool:
        """Write the template as WhatsApp Business template JSON; False with the reason when it breaks a rule."""
        try:
            write_template(Path(path), self.document())
        except JsonFileError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Exported to %1.").replace("%1", str(path)), error=False)
        return True

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a WhatsApp template"), "",
                                              self.tr("JSON files (*.json);;All files (*)"))
        if path:
            self.import_json(path)

    def _choose_export(self) -> None:
        name = (self.name_edit.text().strip() or "template") + ".json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the WhatsApp template"), name,
                                              self.tr("JSON files (*.json)"))
        if path:
            self.export_json(path)
