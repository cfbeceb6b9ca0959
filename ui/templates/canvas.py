"""The designer's block palette and canvas: drag a kind onto the canvas, reorder cards by dragging."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.templates.document import BLOCK_KINDS, iter_blocks, new_block
from ui.templates.common import block_label, block_summary

__all__ = ["BLOCK_MIME", "BlockCanvas", "BlockPalette", "copy_block"]

BLOCK_MIME = "application/x-kaskad-block-kind"
_BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
_KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def copy_block(block: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of a block with fresh ids (inner column blocks too), for Duplicate."""
    twin = copy.deepcopy(block)
    for inner in iter_blocks([twin]):
        inner["id"] = uuid.uuid4().hex[:8]
    return twin


class BlockPalette(QListWidget):
    """The block kinds to add: drag one onto the canvas, or double-click it.

    Signals:
        add_requested(kind): the user double-clicked (or pressed Enter on) a kind.
    """

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSpacing(2)
        for key in BLOCK_KINDS:
            item = QListWidgetItem(block_label(key))
            item.setData(_KIND_ROLE, key)
            item.setToolTip(self.tr("Drag onto the letter or double-click to add"))
            self.addItem(item)
        self.itemDoubleClicked.connect(lambda item: self.add_requested.emit(item.data(_KIND_ROLE)))
        self.setMinimumWidth(self.sizeHintForColumn(0) + 24)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter adds the highlighted kind, like a double-click."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.add_requested.emit(self.currentItem().data(_KIND_ROLE))
            return
        super().keyPressEvent(event)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt override
        """Drag payload: the block kind."""
        data = QMimeData()
        if items:
            data.setData(BLOCK_MIME, QByteArray(items[0].data(_KIND_ROLE).encode()))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        """The one payload type the palette offers."""
        return [BLOCK_MIME]


class _CardDelegate(QStyledItemDelegate):
    """Paints a block as a card: coloured kind strip, kind name, what it holds."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return QSize(100, 2 * option.fontMetrics.height() + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        block = index.data(_BLOCK_ROLE) or {}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#1a73e8") if selected else QColor("#c9ced6"), 2 if selected else 1))
        painter.setBrush(QColor("#eef4fe") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), QColor("#1a73e8"))
        text_rect = rect.adjusted(14, 5, -8, -5)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f2933"))
        line = option.fontMetrics.height()
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, block_label(block.get("kind", "")))
        painter.setFont(option.font)
        painter.setPen(QColor("#52606d"))
        summary = option.fontMetrics.elidedText(block_summary(block), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(QRect(text_rect.left(), text_rect.top() + line + 4, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, summary)
        painter.restore()


class BlockCanvas(QListWidget):
    """The letter as a list of block cards, top to bottom; the order is the letter's order.

    Signals:
        blocks_changed(): blocks were added, removed, moved or edited.
        block_selected(block id or ""): the current card changed.
    """

    blocks_changed = Signal()
    block_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_CardDelegate(self))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setStyleSheet("QListWidget { background: #f2f4f7; }")
        self.model().rowsMoved.connect(lambda *_args: self.blocks_changed.emit())
        self.currentItemChanged.connect(self._current_changed)

    # -- content --------------------------------------------------------------------------
    def set_blocks(self, blocks: list[dict[str, Any]]) -> None:
        """Show `blocks` (deep-copied; the canvas owns its copies)."""
        self.blockSignals(True)
        self.clear()
        for block in blocks:
            self.addItem(self._item(copy.deepcopy(block)))
        self.blockSignals(False)
        self.block_selected.emit("")

    def blocks(self) -> list[dict[str, Any]]:
        """The blocks in canvas order."""
        return [copy.deepcopy(self.item(row).data(_BLOCK_ROLE)) for row in range(self.count())]

    def block_at(self, row: int) -> dict[str, Any]:
        """The block shown at `row`."""
        return self.item(row).data(_BLOCK_ROLE)

    def row_of(self, block_id: str) -> int:
        """The row of the block with `block_id` (a block inside columns maps to its columns row); -1 if none."""
        for row in range(self.count()):
            if any(b.get("id") == block_id for b in iter_blocks([self.block_at(row)])):
                return row
        return -1

    def current_block(self) -> dict[str, Any] | None:
        """The selected block, or None."""
        item = self.currentItem()
        return copy.deepcopy(item.data(_BLOCK_ROLE)) if item is not None else None

    def add_block(self, kind: str, row: int | None = None) -> dict[str, Any]:
        """Insert a new block of `kind` at `row` (default: after the selection, else at the end)."""
        return self.insert_block(new_block(kind), row)

    def insert_block(self, block: dict[str, Any], row: int | None = None) -> dict[str, Any]:
        """Insert `block` at `row` and select it."""
        if row is None:
            current = self.currentRow()
            row = current + 1 if current >= 0 else self.count()
        self.insertItem(row, self._item(block))
        self.setCurrentRow(row)
        self.blocks_changed.emit()
        return block

    def update_block(self, block: dict[str, Any]) -> None:
        """Replace the stored block with the same id (properties were edited)."""
        row = self.row_of(block["id"])
        if row >= 0:
            self.item(row).setData(_BLOCK_ROLE, copy.deepcopy(block))
            self.blocks_changed.emit()

    def remove_current(self) -> None:
        """Delete the selected block."""
        row = self.currentRow()
        if row >= 0:
            self.takeItem(row)
            self.blocks_changed.emit()

    def duplicate_current(self) -> None:
        """Put a copy of the selected block right under it."""
        block = self.current_block()
        if block is not None:
            self.insert_block(copy_block(block), self.currentRow() + 1)

    def move_block(self, source: int, target: int) -> None:
        """Move the card at `source` to `target` (what a drag does; also for keyboard moves)."""
        if source == target or not (0 <= source < self.count()) or not (0 <= target < self.count()):
            return
        item = self.takeItem(source)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.blocks_changed.emit()

    def _item(self, block: dict[str, Any]) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(_BLOCK_ROLE, block)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, block_label(block.get("kind", "")))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        return item

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.block_selected.emit(current.data(_BLOCK_ROLE)["id"] if current is not None else "")

    # -- drag and drop ---------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        """Accept palette kinds besides our own internal moves."""
        return [*super().mimeTypes(), BLOCK_MIME]

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Palette drags are copies; internal drags are moves."""
        if event.mimeData().hasFormat(BLOCK_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Keep accepting a palette drag while it moves over the cards."""
        if event.mimeData().hasFormat(BLOCK_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def drop_row(self, y: int) -> int:
        """Where a drop at height `y` inserts: before the card under it, or after the last card."""
        item = self.itemAt(8, y)
        if item is None:
            return self.count()
        row = self.row(item)
        rect = self.visualItemRect(item)
        return row + 1 if y > rect.center().y() else row

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """A palette kind dropped: a new block where it fell. Otherwise a reorder."""
        data = event.mimeData()
        if data.hasFormat(BLOCK_MIME):
            kind = bytes(data.data(BLOCK_MIME).data()).decode()
            if kind in BLOCK_KINDS:
                self.add_block(kind, self.drop_row(int(event.position().y())))
                event.acceptProposedAction()
            return
        super().dropEvent(event)
