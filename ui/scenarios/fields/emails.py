"""Manager e-mail addresses, one per line, checked as they are typed."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["EmailsField"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class EmailsField(FieldWidget):
    """A list of addresses; wrong lines are named under the box (and still kept, so nothing is lost)."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("one address per line, e.g. sales@shop.ru"))
        self.edit.setFixedHeight(80)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self._shown: list[str] = []
        self.edit.textChanged.connect(self._check)

    def _lines(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().replace(",", "\n").splitlines() if line.strip()]

    def _check(self) -> None:
        bad = [line for line in self._lines() if not _EMAIL.match(line)]
        self.error.setVisible(bool(bad))
        self.error.setText(self.tr("Not an e-mail address: %1").replace("%1", ", ".join(bad)))
        if self._lines() != self._shown:
            self._shown = self._lines()
            self._emit()

    def value(self) -> Any:
        return self._lines()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self._shown = [str(v) for v in value] if isinstance(value, list) else []
        self.edit.setPlainText("\n".join(self._shown))
        self.edit.blockSignals(False)
        bad = [line for line in self._shown if not _EMAIL.match(line)]
        self.error.setVisible(bool(bad))
        self.error.setText(self.tr("Not an e-mail address: %1").replace("%1", ", ".join(bad)))
