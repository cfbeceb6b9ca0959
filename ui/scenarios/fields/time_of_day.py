"""A local time of day, HH:MM."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QTimeEdit, QWidget

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["TimeField"]


class TimeField(FieldWidget):
    """Hours and minutes ("10:00")."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setKeyboardTracking(False)
        self.edit.timeChanged.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> Any:
        return self.edit.time().toString("HH:mm")

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        parsed = QTime.fromString(str(value or ""), "HH:mm")
        self.edit.setTime(parsed if parsed.isValid() else QTime(10, 0))
        self.edit.blockSignals(False)
