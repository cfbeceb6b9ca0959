"""A/B/n branches: a table of branch names and shares in percent, with the total shown (must be 100)."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["BranchesField"]


class BranchesField(FieldWidget):
    """[{"key": "A", "percent": 50}, ...]; each branch is one exit of the split node."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Branch"), self.tr("Share, %")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(self._emit_checked)
        self.total = QLabel()
        self.add_button = QPushButton(self.tr("+ Branch"))
        self.remove_button = QPushButton(self.tr("Remove last"))
        self.add_button.clicked.connect(self.add_branch)
        self.remove_button.clicked.connect(self.remove_last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _spin(self, percent: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, 100)
        spin.setSuffix(" %")
        spin.setKeyboardTracking(False)
        spin.setValue(percent)
        spin.valueChanged.connect(self._emit_checked)
        return spin

    def _append(self, key: str, percent: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setCellWidget(row, 1, self._spin(percent))

    def add_branch(self) -> None:
        """Add the next letter and share 100 % evenly again (the first branches take the remainder)."""
        used = {b["key"] for b in self.value()}
        key = next((c for c in string.ascii_uppercase if c not in used), f"X{self.table.rowCount() + 1}")
        self.table.blockSignals(True)
        self._append(key, 1)
        count = self.table.rowCount()
        for row in range(count):
            spin = self.table.cellWidget(row, 1)
            spin.blockSignals(True)
            spin.setValue(100 // count + (1 if row < 100 % count else 0))
            spin.blockSignals(False)
        self.table.blockSignals(False)
        self._emit_checked()

    def remove_last(self) -> None:
        """Drop the last branch (a split keeps at least two)."""
        if self.table.rowCount() > 2:
            self.table.removeRow(self.table.rowCount() - 1)
            self._emit_checked()

    def _show_total(self) -> None:
        total = sum(b["percent"] for b in self.value())
        self.total.setText(self.tr("Total: %1 %").replace("%1", str(total)))
        self.total.setStyleSheet("color: #2e7d32;" if total == 100 else "color: #c62828; font-weight: bold;")
        self.remove_button.setEnabled(self.table.rowCount() > 2)

    def _emit_checked(self, *_args: object) -> None:
        self._show_total()
        self._emit()

    def value(self) -> Any:
        branches = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            spin = self.table.cellWidget(row, 1)
            branches.append({"key": item.text().strip() if item else "",
                             "percent": spin.value() if isinstance(spin, QSpinBox) else 0})
        return branches

    def set_value(self, value: Any) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for branch in value if isinstance(value, list) else []:
            if isinstance(branch, dict):
                self._append(str(branch.get("key", "")), int(branch.get("percent") or 1))
        self.table.blockSignals(False)
        self._show_total()
