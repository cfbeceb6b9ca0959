"""Event property filters: rows of property + operator + value (page URL contains, time on site ≥ N s...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["EventFiltersField", "op_label", "property_label"]

translate = QCoreApplication.translate
#: Properties the site tracker sends, in the order the picker offers them.
PROPERTIES = ("url", "seconds", "utm_source", "device")
OPS = ("contains", "not_contains", "eq", "ne", "starts_with", "matches", "gte", "gt", "lte", "lt")
_NUMERIC = ("gt", "gte", "lt", "lte")


def property_label(name: str) -> str:
    """An event property in plain words."""
    return {"url": translate("ScenarioFields", "Page URL"), "seconds": translate("ScenarioFields", "Time on site, s"),
            "utm_source": translate("ScenarioFields", "UTM source"),
            "device": translate("ScenarioFields", "Device (mobile / desktop)")}.get(name, name)


def op_label(op: str) -> str:
    """A filter operator in plain words."""
    return {"contains": translate("ScenarioFields", "contains"),
            "not_contains": translate("ScenarioFields", "does not contain"),
            "eq": translate("ScenarioFields", "is"), "ne": translate("ScenarioFields", "is not"),
            "starts_with": translate("ScenarioFields", "starts with"),
            "matches": translate("ScenarioFields", "matches the pattern"),
            "gte": "≥", "gt": ">", "lte": "≤", "lt": "<"}.get(op, op)


class _Row:
    """The widgets of one filter row."""

    def __init__(self, owner: EventFiltersField) -> None:
        self.prop = QComboBox()
        self.prop.setEditable(True)
        self.prop.setMinimumContentsLength(8)
        self.prop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for name in PROPERTIES:
            self.prop.addItem(property_label(name), name)
        self.op = QComboBox()
        self.op.setMinimumContentsLength(6)
        self.op.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for op in OPS:
            self.op.addItem(op_label(op), op)
        self.value = QLineEdit()
        self.value.setPlaceholderText(translate("EventFiltersField", "value"))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(translate("EventFiltersField", "Remove this condition"))
        self.prop.currentIndexChanged.connect(owner._emit)
        self.prop.lineEdit().editingFinished.connect(owner._emit)
        self.op.currentIndexChanged.connect(owner._emit)
        self.value.editingFinished.connect(owner._emit)
        self.remove.clicked.connect(lambda: owner.remove_row(self))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.prop, self.op, self.value, self.remove)

    def data(self) -> dict[str, Any]:
        text = self.prop.currentText().strip()
        index = self.prop.findText(text)
        prop = self.prop.itemData(index) if index >= 0 else text
        op = self.op.currentData()
        raw = self.value.text().strip()
        value: Any = raw
        if op in _NUMERIC:
            try:
                value = int(raw) if raw.lstrip("-").isdigit() else float(raw.replace(",", "."))
            except ValueError:
                value = raw  # kept as typed; validation names the row
        return {"property": prop, "op": op, "value": value}

    def show(self, item: dict[str, Any]) -> None:
        name = str(item.get("property", ""))
        index = self.prop.findData(name)
        if index < 0:
            self.prop.addItem(name, name)
            index = self.prop.count() - 1
        self.prop.setCurrentIndex(index)
        self.op.setCurrentIndex(max(0, self.op.findData(item.get("op"))))
        self.value.setText("" if item.get("value") is None else str(item.get("value")))


class EventFiltersField(FieldWidget):
    """A list of {property, op, value}; all must hold for the event to count."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.rows: list[_Row] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.empty = QLabel(self.tr("Any event of this type counts."))
        self.empty.setStyleSheet("color: #666;")
        self.add_button = QPushButton(self.tr("+ Condition on a property"))
        self.add_button.clicked.connect(self._add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)

    def _add_clicked(self) -> None:
        self.add_row({"property": "url", "op": "contains", "value": ""})
        self._emit()

    def add_row(self, item: dict[str, Any]) -> None:
        """Append a filter row showing `item` (no signal)."""
        row = _Row(self)
        for widget in row.widgets():
            widget.blockSignals(True)
        row.show(item)
        for widget in row.widgets():
            widget.blockSignals(False)
        self.rows.append(row)
        self._relayout()

    def remove_row(self, row: _Row) -> None:
        """Drop a filter row."""
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._relayout()
        self._emit()

    def _relayout(self) -> None:
        # Two lines per condition (property + operator, then the value): fits a narrow panel.
        for index, row in enumerate(self.rows):
            self.grid.addWidget(row.prop, index * 2, 0)
            self.grid.addWidget(row.op, index * 2, 1)
            self.grid.addWidget(row.remove, index * 2, 2)
            self.grid.addWidget(row.value, index * 2 + 1, 0, 1, 2)
        self.empty.setVisible(not self.rows)

    def value(self) -> Any:
        return [row.data() for row in self.rows]

    def set_value(self, value: Any) -> None:
        for row in list(self.rows):
            for widget in row.widgets():
                widget.deleteLater()
        self.rows.clear()
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                self.add_row(item)
        self._relayout()
