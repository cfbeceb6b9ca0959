"""Property editors the designer's panels are made of: colour button, text, numbers, choices."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

__all__ = ["ChoiceField", "ColorField", "LineField", "NumberField", "TextField", "monospace_font"]


def monospace_font() -> QFont:
    """The system fixed-width font (for HTML source)."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class ColorField(QWidget):
    """A colour swatch button plus the hex code; empty allowed when `allow_empty`.

    Signals:
        changed(): the colour was picked or typed.
    """

    changed = Signal()

    def __init__(self, value: str = "", allow_empty: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.swatch = QPushButton()
        self.swatch.setFixedWidth(36)
        self.swatch.setToolTip(self.tr("Pick a colour"))
        self.code = QLineEdit()
        self.code.setMaxLength(7)
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance("#000000") + 18)
        self.code.setPlaceholderText(self.tr("brand colour") if allow_empty else "#1a73e8")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swatch)
        layout.addWidget(self.code, 1)
        self.swatch.clicked.connect(self._pick)
        self.code.editingFinished.connect(self._typed)
        self.set_value(value)

    def value(self) -> str:
        """The colour as #rrggbb ("" when empty is allowed and chosen)."""
        return self.code.text().strip()

    def set_value(self, value: str) -> None:
        """Show `value` without emitting `changed`."""
        self.code.setText(value or "")
        color = value or "#ffffff"
        self.swatch.setStyleSheet(f"QPushButton {{ background: {color}; border: 1px solid #8a94a6; }}")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.value() or "#1a73e8"), self, self.tr("Pick a colour"))
        if chosen.isValid():
            self.set_value(chosen.name())
            self.changed.emit()

    def _typed(self) -> None:
        text = self.code.text().strip()
        if (not text and self.allow_empty) or QColor.isValidColorName(text) and text.startswith("#"):
            self.set_value(QColor(text).name() if text else "")
            self.changed.emit()


class LineField(QLineEdit):
    """A one-line text property. Signals: changed()."""

    changed = Signal()

    def __init__(self, value: str = "", placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.setPlaceholderText(placeholder)
        self.textChanged.connect(lambda _text: self.changed.emit())

    def value(self) -> str:
        """The text."""
        return self.text()

    def set_value(self, value: str) -> None:
        """Show `value` without emitting `changed`."""
        self.blockSignals(True)
        self.setText(value)
        self.blockSignals(False)


class TextField(QPlainTextEdit):
    """A multi-line text property. Signals: changed()."""

    changed = Signal()

    def __init__(self, value: str = "", rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * rows + 14)
        self.textChanged.connect(self.changed.emit)

    def value(self) -> str:
        """The text."""
        return self.toPlainText()

    def set_value(self, value: str) -> None:
        """Show `value` without emitting `changed`."""
        self.blockSignals(True)
        self.setPlainText(value)
        self.blockSignals(False)


class NumberField(QSpinBox):
    """A whole-number property with a unit suffix. Signals: changed()."""

    changed = Signal()

    def __init__(self, value: int, lo: int, hi: int, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(lo, hi)
        self.setValue(int(value))
        if suffix:
            self.setSuffix(suffix)
        self.valueChanged.connect(lambda _value: self.changed.emit())

    def set_value(self, value: int) -> None:
        """Show `value` without emitting `changed`."""
        self.blockSignals(True)
        self.setValue(int(value))
        self.blockSignals(False)


class ChoiceField(QComboBox):
    """A choice among fixed values shown with labels. Signals: changed()."""

    changed = Signal()

    def __init__(self, choices: list[tuple[Any, str]], value: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for data, label in choices:
            self.addItem(label, data)
        self.set_value(value)
        self.activated.connect(lambda _index: self.changed.emit())

    def value(self) -> Any:
        """The chosen value."""
        return self.currentData()

    def set_value(self, value: Any) -> None:
        """Select `value` (the first choice when unknown) without emitting `changed`."""
        self.setCurrentIndex(max(0, self.findData(value)))
