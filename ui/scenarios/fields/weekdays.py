"""Days of the week as seven toggles, Mon…Sun."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.texts import weekday_short

__all__ = ["WeekdaysField"]


class WeekdaysField(FieldWidget):
    """A list of day numbers 1 (Monday) … 7 (Sunday)."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        for day in range(1, 8):
            button = QToolButton()
            button.setText(weekday_short(day))
            button.setCheckable(True)
            button.setMinimumWidth(34)
            # Chosen days must stand out clearly from the others.
            button.setStyleSheet("QToolButton { padding: 3px; } "
                                 "QToolButton:checked { background: #1e88e5; color: white; border-radius: 3px; }")
            button.toggled.connect(self._emit)
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)

    def value(self) -> Any:
        return [day for day, button in enumerate(self.buttons, start=1) if button.isChecked()]

    def set_value(self, value: Any) -> None:
        days = set(value) if isinstance(value, list) else set()
        for day, button in enumerate(self.buttons, start=1):
            button.blockSignals(True)
            button.setChecked(day in days)
            button.blockSignals(False)
