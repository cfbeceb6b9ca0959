"""Value widgets of a field condition, one per operator value kind: text, number, date, days, range, list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

__all__ = ["ValueEditor", "make_value_editor", "parse_number"]

_ISO = "yyyy-MM-dd"


def parse_number(text: str) -> float | int | str | None:
    """A number typed the Russian or English way ("5 000,5", "5000.5"); the text itself when it is not one."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    return int(number) if number.is_integer() and "." not in cleaned else number


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumWidth(120)
    return edit


def _to_qdate(value: Any) -> QDate:
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    parsed = QDate.fromString(str(value or ""), _ISO)
    return parsed if parsed.isValid() else QDate.currentDate()


class ValueEditor(QWidget):
    """The value part of a condition row.

    Signals:
        changed(): the value was edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(6)

    def value(self) -> Any:
        """The value as the rule JSON holds it."""
        return None

    def set_value(self, value: Any) -> None:
        """Show a value read from a saved rule."""


class TextValue(ValueEditor):
    """Free text; with `placeholder` saying what to type."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(180)
        self.edit.textChanged.connect(self.changed)
        self.box.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class ListValue(TextValue):
    """Several values separated by commas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.edit.setPlaceholderText(self.tr("values separated by commas"))

    def value(self) -> Any:
        return [part.strip() for part in self.edit.text().split(",") if part.strip()]

    def set_value(self, value: Any) -> None:
        self.edit.setText(", ".join(str(v) for v in value) if isinstance(value, list) else str(value or ""))


class ChoiceValue(ValueEditor):
    """One of a field's fixed choices."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(160)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.currentIndexChanged.connect(self.changed)
        self.box.addWidget(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


class NumberValue(ValueEditor):
    """A number in a spin box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(-1e12, 1e12)
        self.spin.setDecimals(2)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setMinimumWidth(140)
        self.spin.valueChanged.connect(self.changed)
        self.box.addWidget(self.spin)

    def value(self) -> Any:
        number = self.spin.value()
        return int(number) if float(number).is_integer() else number

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float):
            self.spin.setValue(float(value))


class DateValue(ValueEditor):
    """A date with a calendar popup, stored as "YYYY-MM-DD"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = _date_edit()
        self.date.dateChanged.connect(self.changed)
        self.box.addWidget(self.date)

    def value(self) -> Any:
        return self.date.date().toString(_ISO)

    def set_value(self, value: Any) -> None:
        self.date.setDate(_to_qdate(value))


class DaysValue(ValueEditor):
    """A number of days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, 36500)
        self.spin.setValue(7)
        self.spin.setSuffix(self.tr(" days"))
        self.spin.setMinimumWidth(100)
        self.spin.valueChanged.connect(self.changed)
        self.box.addWidget(self.spin)

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        if isinstance(value, int):
            self.spin.setValue(value)


class NumberRange(ValueEditor):
    """From–to numbers; an empty end means "no limit"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = QLineEdit(), QLineEdit()
        for edit, hint in ((self.low, self.tr("from")), (self.high, self.tr("to"))):
            edit.setPlaceholderText(hint)
            edit.setMaximumWidth(110)
            edit.textChanged.connect(self.changed)
        self.box.addWidget(self.low)
        self.box.addWidget(QLabel("—"))
        self.box.addWidget(self.high)

    def value(self) -> Any:
        return [parse_number(self.low.text()), parse_number(self.high.text())]

    def set_value(self, value: Any) -> None:
        if isinstance(value, list) and len(value) == 2:
            for edit, end in zip((self.low, self.high), value, strict=True):
                edit.setText("" if end is None else QLocale().toString(end) if isinstance(end, int) else str(end))


class DateRange(ValueEditor):
    """From–to dates, both included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = _date_edit(), _date_edit()
        self.low.setDate(QDate.currentDate().addDays(-30))
        for edit in (self.low, self.high):
            edit.dateChanged.connect(self.changed)
        self.box.addWidget(self.low)
        self.box.addWidget(QLabel("—"))
        self.box.addWidget(self.high)

    def value(self) -> Any:
        return [self.low.date().toString(_ISO), self.high.date().toString(_ISO)]

    def set_value(self, value: Any) -> None:
        if isinstance(value, list) and len(value) == 2:
            self.low.setDate(_to_qdate(value[0]))
            self.high.setDate(_to_qdate(value[1]))


def make_value_editor(value_kind: str, field_type: str, choices: list[tuple[str, str]]) -> ValueEditor:
    """The widget fit for an operator's value kind on a field of `field_type`."""
    if value_kind == "text":
        return ChoiceValue(choices) if choices else TextValue()
    if value_kind == "number":
        return NumberValue()
    if value_kind == "date":
        return DateValue()
    if value_kind == "days":
        return DaysValue()
    if value_kind == "range":
        return DateRange() if field_type == "date" else NumberRange()
    if value_kind == "list":
        return ListValue()
    return ValueEditor()
