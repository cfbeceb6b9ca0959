"""Editors for plain values: text, whole numbers, yes/no, URLs and fixed choices."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.texts import choice_label

__all__ = ["BoolField", "ChoiceField", "IntField", "TextField"]


def _row(widget: QWidget, owner: QWidget) -> None:
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)


class TextField(FieldWidget):
    """One line of text; the value is committed when editing finishes (one undo step per edit)."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.edit = QLineEdit()
        if spec.type == "url":
            self.edit.setPlaceholderText("https://…")
        self.edit.editingFinished.connect(self._finished)
        self._shown = ""
        _row(self.edit, self)

    def _finished(self) -> None:
        if self.edit.text() != self._shown:
            self._shown = self.edit.text()
            self._emit()

    def value(self) -> Any:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self._shown = "" if value is None else str(value)
        self.edit.setText(self._shown)


class IntField(FieldWidget):
    """A whole number with the field's minimum."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.spin = QSpinBox()
        self.spin.setRange(spec.minimum if spec.minimum is not None else -100000, 100000)
        self.spin.setKeyboardTracking(False)  # one change per finished number, not per digit
        self.spin.valueChanged.connect(self._emit)
        _row(self.spin, self)

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(int(value) if isinstance(value, int) else (self.spec.minimum or 0))
        self.spin.blockSignals(False)


class BoolField(FieldWidget):
    """A check box."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.box = QCheckBox()
        self.box.toggled.connect(self._emit)
        _row(self.box, self)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)


class ChoiceField(FieldWidget):
    """One of the field's fixed choices, shown with translated labels."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.combo = QComboBox()
        for choice in spec.choices:
            self.combo.addItem(choice_label(spec.name, choice), choice)
        self.combo.currentIndexChanged.connect(self._emit)
        _row(self.combo, self)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        self.combo.blockSignals(False)
