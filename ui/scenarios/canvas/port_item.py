"""A node's connection point: a small circle on the card's left (input) or right (outputs) edge."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.scenarios.canvas import style

__all__ = ["PortItem"]

_HIT_R = 11  # generous hit area: the circle itself is small


class PortItem(QGraphicsItem):
    """An input or output port of a node item.

    Attributes:
        node_id: the owning node.
        name: the port name stored in edges ("in", "next", "yes", "A"...).
        is_output: exits on the right; the input on the left.
    """

    def __init__(self, node_id: str, name: str, is_output: bool, color: QColor, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.node_id = node_id
        self.name = name
        self.is_output = is_output
        self.color = color
        self.connected = False
        self.candidate = False  # a valid target while a new edge is dragged
        self.hovered = False
        self.setAcceptHoverEvents(True)
        # The node's cached card draws the port; this item is only the hit area.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(2)
        if is_output:
            self.setCursor(Qt.CursorShape.CrossCursor)

    def boundingRect(self) -> QRectF:
        """The hit area around the circle."""
        return QRectF(-_HIT_R, -_HIT_R, 2 * _HIT_R, 2 * _HIT_R)

    def shape(self) -> QPainterPath:
        """A circle larger than the drawn one, so ports are easy to grab."""
        path = QPainterPath()
        path.addEllipse(self.boundingRect())
        return path

    def set_state(self, *, connected: bool | None = None, candidate: bool | None = None) -> None:
        """Change how the port is drawn; repaints only when something changed."""
        changed = False
        if connected is not None and connected != self.connected:
            self.connected, changed = connected, True
        if candidate is not None and candidate != self.candidate:
            self.candidate, changed = candidate, True
        if changed:
            self._repaint()

    def hoverEnterEvent(self, event: object) -> None:
        """Grow a little under the pointer."""
        self.hovered = True
        self._repaint()

    def hoverLeaveEvent(self, event: object) -> None:
        """Back to normal size."""
        self.hovered = False
        self._repaint()

    def _repaint(self) -> None:
        parent = self.parentItem()
        if parent is not None:
            parent.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Nothing: the owning node draws the port (see `draw`)."""

    def draw(self, painter: QPainter) -> None:
        """A ring, filled when connected; green and larger when it accepts the edge being drawn.

        Called by the node with the painter in the node's coordinates.
        """
        centre = self.pos()
        radius = style.PORT_R + (2 if self.hovered or self.candidate else 0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QColor("#2e9d4f") if self.candidate else self.color
        painter.setPen(QPen(ring, 2))
        fill = ring if (self.connected or self.candidate or self.hovered) else style.CARD_BG
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(centre, radius, radius)
