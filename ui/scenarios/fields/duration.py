"""A duration: a whole number and a unit (minutes, hours, days)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from app.scenarios.fields import DURATION_UNITS
from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.texts import unit_label

__all__ = ["DurationField"]


class DurationField(FieldWidget):
    """{"amount": N, "unit": "minutes" | "hours" | "days"}; empty (None) when the field is optional and off."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.amount = QSpinBox()
        self.amount.setRange(0 if not spec.required else 1, 100000)
        self.amount.setKeyboardTracking(False)
        if not spec.required:
            self.amount.setSpecialValueText(self.tr("no limit"))
        self.unit = QComboBox()
        for unit in DURATION_UNITS:
            self.unit.addItem(unit_label(unit), unit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.unit, 1)
        self.amount.valueChanged.connect(self._emit)
        self.unit.currentIndexChanged.connect(self._emit)

    def value(self) -> Any:
        if self.amount.value() == 0:
            return None
        return {"amount": self.amount.value(), "unit": self.unit.currentData()}

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        ok = isinstance(value, dict) and isinstance(value.get("amount"), int)
        self.amount.setValue(int(value["amount"]) if ok else (1 if self.spec.required else 0))
        index = self.unit.findData(value.get("unit") if isinstance(value, dict) else "days")
        self.unit.setCurrentIndex(index if index >= 0 else self.unit.findData("days"))
        self.blockSignals(False)
