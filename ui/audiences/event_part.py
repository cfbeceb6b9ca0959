"""The event condition: type, how many times, how recently, sum of a property, and property filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.audiences.context import BuilderContext
from ui.audiences.labels import event_filter_ops, kind_ops
from ui.audiences.parts import ConditionPart, combo_of, days_spin, select
from ui.audiences.values import parse_number

__all__ = ["EventPart", "PropertyFilterRow"]


class PropertyFilterRow(QWidget):
    """One "property op value" filter of an event condition.

    Signals:
        changed(), remove_requested()
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prop = QLineEdit()
        self.prop.setPlaceholderText(self.tr("property, e.g. url"))
        self.prop.setMinimumWidth(150)
        self.op = combo_of(event_filter_ops())
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("value"))
        self.value.setMinimumWidth(150)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this filter"))
        box = QHBoxLayout(self)
        box.setContentsMargins(24, 0, 0, 0)
        box.addWidget(QLabel(self.tr("where")))
        for widget in (self.prop, self.op, self.value, remove):
            box.addWidget(widget)
        box.addStretch(1)
        self.prop.textChanged.connect(self.changed)
        self.value.textChanged.connect(self.changed)
        self.op.currentIndexChanged.connect(self.changed)
        remove.clicked.connect(self.remove_requested)

    def rule(self) -> dict[str, Any]:
        """The filter as rule JSON; numbers typed for a comparison become numbers."""
        op = self.op.currentData()
        value: Any = self.value.text().strip()
        if op in ("eq", "ne", "gt", "gte", "lt", "lte"):
            number = parse_number(value)
            value = value if number is None else number
        return {"property": self.prop.text().strip(), "op": op, "value": value}

    def set_rule(self, flt: dict[str, Any]) -> None:
        """Show a filter read from a saved rule."""
        self.prop.setText(str(flt.get("property", "")))
        select(self.op, flt.get("op"))
        self.value.setText("" if flt.get("value") is None else str(flt.get("value")))


class EventPart(ConditionPart):
    """Had / had no event of a type, at least N times, in the last N days, with filters and a sum."""

    def __init__(self, ctx: BuilderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op = combo_of(kind_ops("event"))
        self.event_type = combo_of(ctx.event_types, editable=True, width=170)
        self.event_type.setToolTip(self.tr("Pick a type or type the name of your own event"))
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.count.setPrefix(self.tr("at least "))
        self.count.setSuffix(self.tr(" time(s)"))
        self.count.setMinimumWidth(self.count.sizeHint().width())
        self.within = days_spin(self.tr("any time"))
        self.within.setPrefix(self.tr("in the last "))
        self.within.setSuffix(self.tr(" days"))
        self.within.setMinimumWidth(self.within.sizeHint().width())
        self.use_sum = QCheckBox(self.tr("sum of"))
        self.sum_property = QLineEdit("amount")
        self.sum_property.setMaximumWidth(120)
        self.sum_gte = QDoubleSpinBox()
        self.sum_gte.setRange(0, 1e12)
        self.sum_gte.setDecimals(2)
        self.sum_gte.setGroupSeparatorShown(True)
        self.sum_gte.setPrefix("≥ ")
        self.sum_gte.setMinimumWidth(130)
        self.add_filter = QToolButton()
        self.add_filter.setText(self.tr("+ Property filter"))
        self.filters: list[PropertyFilterRow] = []

        first = QHBoxLayout()
        for widget in (self.op, self.event_type, self.count):
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        for widget in (self.within, self.use_sum, self.sum_property, self.sum_gte):
            second.addWidget(widget)
        second.addStretch(1)
        third = QHBoxLayout()
        third.addWidget(self.add_filter)
        third.addStretch(1)
        self.lines = QVBoxLayout()
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.lines.setSpacing(4)
        self.lines.addLayout(first)
        self.lines.addLayout(second)
        self.lines.addLayout(third)
        self.box.addLayout(self.lines, 1)

        for combo in (self.op, self.event_type):
            combo.currentIndexChanged.connect(self.changed)
        self.event_type.editTextChanged.connect(self.changed)
        for spin in (self.count, self.within):
            spin.valueChanged.connect(self.changed)
        self.sum_gte.valueChanged.connect(self.changed)
        self.sum_property.textChanged.connect(self.changed)
        self.use_sum.toggled.connect(self._sum_toggled)
        self.add_filter.clicked.connect(lambda: self.add_filter_row())
        self._sum_toggled(False)

    def _sum_toggled(self, on: bool) -> None:
        self.sum_property.setEnabled(on)
        self.sum_gte.setEnabled(on)
        self.changed.emit()

    def add_filter_row(self, flt: dict[str, Any] | None = None) -> PropertyFilterRow:
        """Add a property filter (empty, or showing `flt`)."""
        row = PropertyFilterRow()
        if flt is not None:
            row.set_rule(flt)
        row.changed.connect(self.changed)
        row.remove_requested.connect(lambda: self._remove_filter(row))
        self.filters.append(row)
        self.lines.insertWidget(self.lines.count() - 1, row)  # above the "+ filter" button
        self.changed.emit()
        return row

    def _remove_filter(self, row: PropertyFilterRow) -> None:
        self.filters.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def _type_key(self) -> str:
        # An item picked from the list carries its key; a typed name is a custom event.
        index = self.event_type.currentIndex()
        text = self.event_type.currentText().strip()
        if index >= 0 and self.event_type.itemText(index) == text:
            return str(self.event_type.itemData(index))
        return text

    def rule(self) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "event", "event_type": self._type_key(), "op": self.op.currentData(),
                                "count_gte": self.count.value(), "within_days": self.within.value() or None}
        if self.filters:
            node["filters"] = [row.rule() for row in self.filters]
        if self.use_sum.isChecked():
            total = self.sum_gte.value()
            node["sum_property"] = self.sum_property.text().strip()
            node["sum_gte"] = int(total) if float(total).is_integer() else total
        return node

    def set_rule(self, node: dict[str, Any]) -> None:
        select(self.op, node.get("op"))
        select(self.event_type, node.get("event_type"))
        self.count.setValue(int(node.get("count_gte") or 1))
        self.within.setValue(int(node.get("within_days") or 0))
        if node.get("sum_property") is not None:
            self.use_sum.setChecked(True)
            self.sum_property.setText(str(node["sum_property"]))
            self.sum_gte.setValue(float(node.get("sum_gte") or 0))
        for flt in node.get("filters") or []:
            self.add_filter_row(flt)
