"""The awaited event's type: the known site and CRM events by name, or any custom type typed in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from app.scenarios.registry import FieldSpec
from app.segments.catalog import EVENT_TYPES
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.texts import pick

__all__ = ["EventTypeField"]


class EventTypeField(FieldWidget):
    """An editable drop-down of event types (page view, time on site, form, lead, purchase...)."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        for key, ru, en in EVENT_TYPES:
            self.combo.addItem(pick(ru, en), key)
        self.combo.currentIndexChanged.connect(self._emit)
        self.combo.lineEdit().editingFinished.connect(self._emit_if_new)
        self._shown = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)

    def _emit_if_new(self) -> None:
        if self.value() != self._shown:
            self._shown = self.value()
            self._emit()

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        return self.combo.itemData(index) if index >= 0 else text

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        key = "" if value is None else str(value)
        index = self.combo.findData(key)
        if index < 0 and key:
            self.combo.addItem(key, key)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self._shown = key
        self.combo.blockSignals(False)
