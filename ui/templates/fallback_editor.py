"""A plain editor for a template document's JSON, used for a kind whose own editor is not installed."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.errors import UserInputError
from ui.templates.fields import monospace_font

__all__ = ["JsonEditor"]


class JsonEditor(QWidget):
    """The document as indented JSON text (editor contract: set_template/document/changed)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template_id: int | None = None
        note = QLabel(self.tr("This kind of template is edited as text here. Keep the structure; change the texts."))
        note.setWordWrap(True)
        self.source = QPlainTextEdit()
        self.source.setFont(monospace_font())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addWidget(self.source, 1)
        self.source.textChanged.connect(self.changed.emit)

    def set_template(self, template_id: int | None, document: dict[str, Any]) -> None:
        """Show `document`."""
        self.template_id = template_id
        self.source.blockSignals(True)
        self.source.setPlainText(json.dumps(document, ensure_ascii=False, indent=2))
        self.source.blockSignals(False)

    def document(self) -> dict[str, Any]:
        """The edited document; UserInputError naming the line and column when the JSON is broken."""
        try:
            value = json.loads(self.source.toPlainText())
        except json.JSONDecodeError as exc:
            raise UserInputError(f"the template text is not valid JSON: line {exc.lineno}, column {exc.colno}: "
                                 f"{exc.msg}") from exc
        if not isinstance(value, dict):
            raise UserInputError("the template text must be a JSON object { ... }")
        return value
