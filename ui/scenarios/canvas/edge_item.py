"""An edge drawn as a cubic curve from an exit to an input, with an arrowhead and a branch label."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.scenarios.graph import Edge
from ui.scenarios.canvas import style

__all__ = ["EdgeItem", "TempEdgeItem", "curve"]

_ARROW = 9.0
_LABEL_POINTS = 8.2


def _label_font() -> QFont:
    # Built on use, not at import: a QFont outliving the application crashes Qt at exit.
    font = QFont()
    font.setPointSizeF(_LABEL_POINTS)
    return font


def curve(start: QPointF, end: QPointF) -> QPainterPath:
    """A left-to-right S curve; backward edges bulge out so they stay readable."""
    dx = max(60.0, abs(end.x() - start.x()) / 2)
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx - _ARROW, end.y()),
                 QPointF(end.x() - _ARROW, end.y()))
    return path


class EdgeItem(QGraphicsItem):
    """The canvas item of one `Edge`.

    Attributes:
        edge: the model edge (immutable; an edge is only added or removed).
        label: the exit's label for branch exits ("Да", "Ветка A"), else "".
    """

    def __init__(self, edge: Edge, label: str = "") -> None:
        super().__init__()
        self.edge = edge
        self.label = label
        self.highlighted = False
        self.dimmed = False
        self.start = QPointF()
        self.end = QPointF()
        self.path = QPainterPath()
        self._shape = QPainterPath()
        self._arrow = QPolygonF()
        self._label = QRectF()
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)

    @property
    def edge_id(self) -> str:
        """The id of the model edge."""
        return self.edge.id

    def set_ends(self, start: QPointF, end: QPointF) -> None:
        """Re-route the curve between these scene points (geometry is computed here, not per paint)."""
        if start == self.start and end == self.end and not self.path.isEmpty():
            return
        self.prepareGeometryChange()
        self.start, self.end = QPointF(start), QPointF(end)
        self.path = curve(start, end)
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        self._shape = stroker.createStroke(self.path)
        near = self.path.pointAtPercent(0.97)
        angle = math.atan2(end.y() - near.y(), end.x() - near.x())
        back = QPointF(end.x() - _ARROW * math.cos(angle), end.y() - _ARROW * math.sin(angle))
        normal = QPointF(-math.sin(angle) * _ARROW * 0.55, math.cos(angle) * _ARROW * 0.55)
        self._arrow = QPolygonF([QPointF(end), back + normal, back - normal])
        self._label = self._label_rect()
        bounds = self.path.boundingRect().adjusted(-_ARROW - 2, -_ARROW - 2, _ARROW + 2, _ARROW + 2)
        self._bounds = bounds.united(self._label) if not self._label.isEmpty() else bounds

    def set_label(self, label: str) -> None:
        """Change the branch label (the source node's exits were renamed)."""
        if label != self.label:
            self.prepareGeometryChange()
            self.label = label
            self._label = self._label_rect()
            if not self._label.isEmpty():
                self._bounds = self._bounds.united(self._label)
            self.update()

    def set_marks(self, *, highlighted: bool, dimmed: bool) -> None:
        """Path highlight (simulation) and dimming of the edges off the path."""
        if (highlighted, dimmed) != (self.highlighted, self.dimmed):
            self.highlighted, self.dimmed = highlighted, dimmed
            self.setOpacity(0.3 if dimmed else 1.0)
            self.update()

    def _label_rect(self) -> QRectF:
        # On a short edge the label would cover the cards; the exit is labelled on the card anyway.
        if not self.label or self.path.length() < 150:
            return QRectF()
        metrics = QFontMetricsF(_label_font())
        width = metrics.horizontalAdvance(self.label) + 12
        centre = self.path.pointAtPercent(0.5)
        return QRectF(centre.x() - width / 2, centre.y() - 9, width, 18)

    def boundingRect(self) -> QRectF:
        """The curve, arrowhead and label."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band around the curve, so a thin edge is easy to click."""
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """The curve, the arrowhead at the input and the branch label on a pill."""
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        if self.highlighted:
            color, width = style.HIGHLIGHT, 3.0
        elif self.isSelected():
            color, width = style.EDGE_SELECTED, 2.5
        else:
            color, width = style.EDGE, 1.6
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawPolygon(self._arrow)
        rect = self._label
        if not rect.isEmpty() and lod >= 0.4:
            painter.setPen(QPen(color, 1))
            painter.setBrush(QBrush(QColor("white")))
            painter.drawRoundedRect(rect, 9, 9)
            painter.setFont(_label_font())
            painter.setPen(QPen(style.TEXT))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)


class TempEdgeItem(QGraphicsItem):
    """The dashed curve that follows the pointer while a new edge is dragged."""

    def __init__(self, start: QPointF) -> None:
        super().__init__()
        self.start = QPointF(start)
        self.end = QPointF(start)
        self.valid = False
        self.path = curve(self.start, self.end)
        self.setZValue(5)

    def set_end(self, end: QPointF, valid: bool) -> None:
        """Follow the pointer; solid green over a port that accepts the edge."""
        self.prepareGeometryChange()
        self.end, self.valid = QPointF(end), valid
        self.path = curve(self.start, self.end)

    def boundingRect(self) -> QRectF:
        """The curve plus the pen width."""
        return self.path.boundingRect().adjusted(-_ARROW - 3, -_ARROW - 3, _ARROW + 3, _ARROW + 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """A dashed grey curve, or a solid green one over a valid target."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#2e9d4f") if self.valid else style.EDGE, 2)
        if not self.valid:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPath(self.path)
