"""The email template editor: the designer on the left, the live preview and the checks on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget
from sqlalchemy.engine import Engine

from app.templates.fields import known_names
from ui.templates.email_designer import EmailDesigner
from ui.templates.lint_panel import LintPanel
from ui.templates.preview import PreviewPane, PreviewResult

__all__ = ["EmailEditor"]


class EmailEditor(QWidget):
    """Designer + preview + lint for one email template (editor contract: set_template/document/changed)."""

    changed = Signal()

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.designer = EmailDesigner()
        self.preview = PreviewPane(engine, known_names(engine, "email"))
        self.lint = LintPanel(engine)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.lint)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.designer)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._attach_variable_picker()

        self.designer.changed.connect(self._edited)
        self.preview.result_ready.connect(self._previewed)
        self.lint.block_requested.connect(self.designer.select_block)
        self.lint.check_button.clicked.connect(self.check_audience)

    def _attach_variable_picker(self) -> None:
        try:
            from ui.templates.variable_picker import VariablePicker
        except ImportError:
            return
        picker = VariablePicker(self.engine, "email")
        picker.attach(self.designer.subject, self.designer.preheader, self.designer.source)
        self.designer.head_options.addWidget(picker)
        self.picker = picker

    def set_template(self, template_id: int | None, document: dict[str, Any]) -> None:
        """Edit `document` and preview it at once."""
        self.designer.set_template(template_id, document)
        self.preview.set_document(self.designer.document(), "email", at_once=True)

    def document(self) -> dict[str, Any]:
        """The document as edited."""
        return self.designer.document()

    def check_audience(self) -> None:
        """Render the letter for every contact of the chosen audience (in a worker)."""
        self.lint.start_check(self.document(), self.preview.list_id())

    def _edited(self) -> None:
        self.preview.set_document(self.designer.document(), "email")
        self.changed.emit()

    def _previewed(self, result: PreviewResult) -> None:
        self.lint.set_issues(result.issues)
