"""The preview table: the first matching contacts with name, phone, e-mail, city and birthday."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.contacts.format import format_phone

__all__ = ["PreviewModel", "PreviewTable"]

_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Contact rows (dicts with the contacts table's columns) shown read-only."""

    KEYS = ("name", "phone", "email", "city", "birthday")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.titles = (self.tr("Name"), self.tr("Phone"), self.tr("Email"), self.tr("City"), self.tr("Birthday"))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these contacts."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.KEYS[index.column()]
        if key == "name":
            return " ".join(p for p in (row.get("last_name"), row.get("first_name"), row.get("middle_name")) if p)
        value = row.get(key)
        if key == "phone":  # the same "+7 912 345-67-89" as the Contacts table
            return format_phone(value)
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        return "" if value is None else str(value)


class PreviewTable(QTableView):
    """A compact read-only table over a PreviewModel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewModel(self)
        self.setModel(self.preview)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        for column, width in enumerate((0, 130, 190, 130, 120)):
            if width:
                self.setColumnWidth(column, max(width, header.sectionSizeHint(column) + 12))
