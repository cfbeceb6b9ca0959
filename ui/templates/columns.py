"""The properties of a columns block: how many columns and the small blocks inside each one."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.templates.document import BLOCK_KINDS, new_block
from ui.templates.common import block_label, block_summary
from ui.templates.fields import ChoiceField
from ui.templates.properties import BlockForm

__all__ = ["ColumnsEditor", "edit_block_dialog"]

_INNER_KINDS = [k for k in BLOCK_KINDS if k not in ("columns", "footer", "logo")]


def edit_block_dialog(parent: QWidget, block: dict[str, Any]) -> dict[str, Any] | None:
    """Edit a block inside a column in a small dialog; the edited block, or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(block_label(block["kind"]))
    form = BlockForm(block)
    result = {"block": copy.deepcopy(block)}
    form.edited.connect(lambda edited: result.update(block=edited))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(form)
    layout.addWidget(buttons)
    dialog.resize(420, dialog.sizeHint().height())
    return result["block"] if dialog.exec() == QDialog.DialogCode.Accepted else None


class ColumnsEditor(QWidget):
    """Column count and, per column, its blocks (add, edit by double-click, remove).

    Signals:
        edited(block): the columns block with the change applied.
    """

    edited = Signal(dict)

    def __init__(self, block: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block = copy.deepcopy(block)
        self.count = ChoiceField([(2, self.tr("2 columns")), (3, self.tr("3 columns"))], len(self.block["columns"]))
        self.count.changed.connect(self._count_changed)
        top = QFormLayout()
        top.addRow(self.tr("Columns"), self.count)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        self.boxes: list[QWidget] = []
        self.lists: list[QListWidget] = []
        self._build_columns()

    def _build_columns(self) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes, self.lists = [], []
        for index, column in enumerate(self.block["columns"]):
            box = QGroupBox(self.tr("Column {0}").format(index + 1))
            listing = QListWidget()
            listing.setMaximumHeight(92)
            for inner in column:
                item = QListWidgetItem(f"{block_label(inner['kind'])}: {block_summary(inner)}")
                listing.addItem(item)
            listing.itemDoubleClicked.connect(lambda _item, index=index: self.edit_inner(index, self.lists[index].currentRow()))
            kinds = QComboBox()
            for kind in _INNER_KINDS:
                kinds.addItem(block_label(kind), kind)
            add = QPushButton(self.tr("Add"))
            add.clicked.connect(lambda _on=False, index=index, kinds=kinds: self.add_inner(index, kinds.currentData()))
            remove = QPushButton(self.tr("Remove"))
            remove.clicked.connect(lambda _on=False, index=index: self.remove_inner(index, self.lists[index].currentRow()))
            row = QHBoxLayout()
            row.addWidget(kinds, 1)
            row.addWidget(add)
            row.addWidget(remove)
            inner_layout = QVBoxLayout(box)
            inner_layout.addWidget(listing)
            inner_layout.addLayout(row)
            self._layout.addWidget(box)
            self.boxes.append(box)
            self.lists.append(listing)

    def _emit(self) -> None:
        self.edited.emit(copy.deepcopy(self.block))

    def _count_changed(self) -> None:
        wanted = int(self.count.value())
        columns = self.block["columns"]
        if wanted > len(columns):
            columns.extend([] for _ in range(wanted - len(columns)))
        else:
            # Blocks of a dropped column move into the last kept one rather than vanish.
            for extra in columns[wanted:]:
                columns[wanted - 1].extend(extra)
            del columns[wanted:]
        self._build_columns()
        self._emit()

    def add_inner(self, column: int, kind: str) -> None:
        """Append a new block of `kind` to `column`."""
        self.block["columns"][column].append(new_block(kind))
        self._build_columns()
        self._emit()

    def remove_inner(self, column: int, row: int) -> None:
        """Remove the block at `row` of `column`."""
        if 0 <= row < len(self.block["columns"][column]):
            del self.block["columns"][column][row]
            self._build_columns()
            self._emit()

    def edit_inner(self, column: int, row: int) -> None:
        """Open the block at `row` of `column` for editing."""
        if not 0 <= row < len(self.block["columns"][column]):
            return
        edited = edit_block_dialog(self, self.block["columns"][column][row])
        if edited is not None:
            self.block["columns"][column][row] = edited
            self._build_columns()
            self._emit()
