"""The palette of node types, grouped by category and searchable; drag a type onto the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.scenarios.registry import CATEGORIES, NodeType, Registry, default_registry
from ui.scenarios.canvas import style
from ui.scenarios.canvas.texts import pick

__all__ = ["NODE_TYPE_MIME", "NodePalette", "type_icon"]

#: Drags carry the node type id as UTF-8 text under this MIME type.
NODE_TYPE_MIME = "application/x-kaskad-node-type"
_TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def type_icon(node_type: NodeType, size: int = 24) -> QIcon:
    """A coloured circle with the type's symbol, as on the canvas card."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(style.category_color(node_type.category)))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.55))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                     style.glyph_for(node_type.type_id, node_type.category))
    painter.end()
    return QIcon(pixmap)


class _TypeTree(QTreeWidget):
    """The tree that starts drags with the node-type MIME payload."""

    enter_pressed = Signal(QTreeWidgetItem, int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter adds the current type, like a double-click."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.enter_pressed.emit(self.currentItem(), 0)
            return
        super().keyPressEvent(event)

    def startDrag(self, actions: Qt.DropAction) -> None:
        """Drag the current type with its icon under the pointer."""
        item = self.currentItem()
        type_id = item.data(0, _TYPE_ROLE) if item is not None else None
        if not type_id:
            return
        data = QMimeData()
        data.setData(NODE_TYPE_MIME, str(type_id).encode("utf-8"))
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(item.icon(0).pixmap(QSize(28, 28)))
        drag.setHotSpot(QPointF(14, 14).toPoint())
        drag.exec(Qt.DropAction.CopyAction)


class NodePalette(QWidget):
    """Node types by category with a search box.

    Signals:
        type_activated(type_id): a type was double-clicked (or Enter pressed); the canvas adds it
        at the centre of the view.
    """

    type_activated = Signal(str)

    def __init__(self, registry: Registry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry or default_registry()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a step…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a step"))
        self.tree = _TypeTree()
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(22, 22))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setAccessibleName(self.tr("Scenario steps"))
        self.tree.setToolTip(self.tr("Drag a step onto the canvas, or double-click it"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.setMinimumWidth(220)
        self._fill()
        self.search.textChanged.connect(self._filter)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.enter_pressed.connect(self._activated)

    def _fill(self) -> None:
        self.tree.clear()
        categories = list(CATEGORIES) + [t.category for t in self.registry.types() if t.category not in CATEGORIES]
        bold = QFont()
        bold.setBold(True)
        for category in dict.fromkeys(categories):
            types = self.registry.types(category)
            if not types:
                continue
            titles = CATEGORIES.get(category, (category, category))
            group = QTreeWidgetItem(self.tree, [pick(*titles)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, bold)
            group.setForeground(0, QBrush(style.category_color(category)))
            for node_type in types:
                item = QTreeWidgetItem(group, [pick(node_type.title_ru, node_type.title_en)])
                item.setData(0, _TYPE_ROLE, node_type.type_id)
                item.setIcon(0, type_icon(node_type))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
                item.setToolTip(0, self.tr("Drag onto the canvas, or double-click to add"))
            group.setExpanded(True)

    def type_item(self, type_id: str) -> QTreeWidgetItem | None:
        """The palette row of a node type."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, _TYPE_ROLE) == type_id:
                    return group.child(i)
        return None

    def visible_type_ids(self) -> list[str]:
        """Type ids the current search shows."""
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            found += [group.child(i).data(0, _TYPE_ROLE) for i in range(group.childCount())
                      if not group.child(i).isHidden()]
        return found

    def mime_for(self, type_id: str) -> QMimeData:
        """The drag payload for a type (what a drag from the palette carries)."""
        data = QMimeData()
        data.setData(NODE_TYPE_MIME, type_id.encode("utf-8"))
        return data

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown = 0
            for i in range(group.childCount()):
                child = group.child(i)
                node_type = self.registry.get(child.data(0, _TYPE_ROLE))
                haystack = " ".join((node_type.title_ru, node_type.title_en, node_type.type_id)).casefold() \
                    if node_type else ""
                hidden = bool(needle) and needle not in haystack
                child.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        type_id = item.data(0, _TYPE_ROLE)
        if type_id:
            self.type_activated.emit(str(type_id))
