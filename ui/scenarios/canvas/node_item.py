"""A node drawn as a rounded card: category strip, icon, title, summary, ports, problems and counters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem, QWidget

from app.scenarios.graph import Node, Port
from app.scenarios.registry import NodeType
from ui.scenarios.canvas import style
from ui.scenarios.canvas.port_item import PortItem
from ui.scenarios.canvas.texts import counter_label, node_title, pick, port_title, summary

__all__ = ["COUNTER_KEYS", "NodeItem"]

#: Counter chips in display order.
COUNTER_KEYS = ("entered", "waiting", "sent", "converted")
_BADGE_R = 10


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


_TITLE_FONT = _font(9.5, True)
_TEXT_FONT = _font(8.8)
_SMALL_FONT = _font(8.2)
_GLYPH_FONT = _font(11, True)


def _title_lines(title: str, width: float) -> list[str]:
    """The title on one line, or wrapped at a word onto two (the second elided)."""
    metrics = QFontMetricsF(_TITLE_FONT)
    if metrics.horizontalAdvance(title) <= width or " " not in title:
        return [metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)]
    words = title.split(" ")
    first = words[0]
    for count in range(1, len(words)):
        candidate = " ".join(words[:count + 1])
        if metrics.horizontalAdvance(candidate) > width:
            break
        first = candidate
    rest = title[len(first):].strip()
    return [metrics.elidedText(first, Qt.TextElideMode.ElideRight, width),
            metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class NodeItem(QGraphicsItem):
    """The canvas item of one `Node`; it draws the model and keeps no truth of its own.

    Attributes:
        node: the live model node (the scene swaps the item when the node object is replaced).
        node_type: its registry description, or None for an unknown type.
        input_port: the PortItem on the left, or None (triggers, goals).
        output_ports: exit name → PortItem on the right.
        problems / counters / highlighted / dimmed: what the screen asked to show.
    """

    def __init__(self, node: Node, node_type: NodeType | None) -> None:
        super().__init__()
        self.node = node
        self.node_type = node_type
        self.input_port: PortItem | None = None
        self.output_ports: dict[str, PortItem] = {}
        self.problems: list[str] = []
        self.counters: dict[str, int] = {}
        self.highlighted = False
        self.dimmed = False
        self.title = ""
        self.summary = ""
        self.port_labels: list[tuple[str, float]] = []
        self.height = float(style.NODE_H)
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        # Cards are drawn once per zoom level, then blitted while panning.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.setPos(node.x, node.y)
        self.refresh()

    @property
    def node_id(self) -> str:
        """The id of the model node."""
        return self.node.id

    @property
    def color(self) -> QColor:
        """The category colour."""
        return style.category_color(self.node_type.category if self.node_type else None)

    def outputs(self) -> tuple[Port, ...]:
        """The node's exits for its current props."""
        return self.node_type.output_ports(self.node.props) if self.node_type else ()

    def refresh(self) -> None:
        """Re-read title, summary and ports from the model (after a props change)."""
        self.prepareGeometryChange()
        self.title = node_title(self.node, self.node_type)
        self.summary = summary(self.node, self.node_type)
        outputs = self.outputs()
        names = [p.name for p in outputs]
        ys = style.output_port_ys(names)
        self.height = float(style.node_height(names))
        self._update_bounds()
        self.port_labels = [(port_title(p), y) for p, y in zip(outputs, ys, strict=True)] if style.labelled(names) else []
        has_input = self.node_type is None or bool(self.node_type.inputs)
        if has_input and self.input_port is None:
            self.input_port = PortItem(self.node_id, "in", False, style.EDGE, self)
        if self.input_port is not None:
            self.input_port.setPos(0, style.NODE_H / 2)
        for name in list(self.output_ports):
            if name not in names:
                port = self.output_ports.pop(name)
                port.setParentItem(None)
                if port.scene() is not None:
                    port.scene().removeItem(port)
        for name, y in zip(names, ys, strict=True):
            port = self.output_ports.get(name)
            if port is None:
                port = self.output_ports[name] = PortItem(self.node_id, name, True, self.color, self)
            port.setPos(style.NODE_W, y)
        tip = [self.title]
        if self.node_type is not None and self.node.title:
            tip.append(pick(self.node_type.title_ru, self.node_type.title_en))
        if self.summary:
            tip.append(self.summary)
        tip += [f"• {p}" for p in self.problems]
        self.setToolTip("\n".join(tip))
        self.update()

    def set_editable(self, editable: bool) -> None:
        """Movable with connectable exits, or (read-only) only selectable."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)
        for port in self.output_ports.values():
            port.setCursor(Qt.CursorShape.CrossCursor if editable else Qt.CursorShape.ArrowCursor)

    def port_scene_pos(self, name: str, is_output: bool) -> QPointF:
        """Where an edge attaches: the port's centre, or the card's edge when the port is gone."""
        port = self.output_ports.get(name) if is_output else self.input_port
        if port is not None:
            return port.scenePos()
        return self.mapToScene(QPointF(style.NODE_W if is_output else 0, style.NODE_H / 2))

    # -- what the screen shows on the card -----------------------------------------------------
    def set_problems(self, problems: list[str]) -> None:
        """Red outline, a badge with the count and the list in the tooltip; [] clears them."""
        if problems != self.problems:
            self.problems = list(problems)
            self.refresh()

    def set_counters(self, counters: dict[str, int]) -> None:
        """Chips under the card (entered, waiting, sent, converted); {} removes them."""
        if counters != self.counters:
            self.prepareGeometryChange()
            self.counters = dict(counters)
            self._update_bounds()
            self.update()

    def set_marks(self, *, highlighted: bool, dimmed: bool) -> None:
        """Path highlight (simulation) and dimming of the steps off the path."""
        if (highlighted, dimmed) != (self.highlighted, self.dimmed):
            self.highlighted, self.dimmed = highlighted, dimmed
            self.setOpacity(0.35 if dimmed else 1.0)
            self.update()

    def counter_rows(self) -> int:
        """Rows of counter chips under the card (two chips a row)."""
        shown = [k for k in COUNTER_KEYS if k in self.counters] + [k for k in self.counters if k not in COUNTER_KEYS]
        return (len(shown) + 1) // 2

    def card_rect(self) -> QRectF:
        """The card itself, in item coordinates."""
        return QRectF(0, 0, style.NODE_W, self.height)

    def footprint(self) -> tuple[float, float]:
        """Width and height the card takes on the canvas, counters included (for auto-layout)."""
        rows = self.counter_rows()
        return float(style.NODE_W), self.height + (rows * (style.CHIP_H + 4) + 4 if rows else 0)

    # -- QGraphicsItem -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        """Card plus ports, badge and counter chips."""
        return self._bounds

    def _update_bounds(self) -> None:
        width, height = self.footprint()
        self._bounds = QRectF(-style.PORT_R - 4, -_BADGE_R - 2, width + 2 * style.PORT_R + 8 + _BADGE_R,
                              height + _BADGE_R + 6)

    def shape(self) -> QPainterPath:
        """The rounded card (rubber-band selection and clicks)."""
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), style.CARD_RADIUS, style.CARD_RADIUS)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        """Snap to the grid while the user drags; keep the attached edges following."""
        scene = self.scene()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and getattr(scene, "snapping", False):
            grid = style.GRID
            return QPointF(round(value.x() / grid) * grid, round(value.y() / grid) * grid)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and scene is not None:
            scene.node_item_moved(self)
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Ask the screen to open the node's properties."""
        scene = self.scene()
        if scene is not None and event.button() == Qt.MouseButton.LeftButton:
            scene.node_double_clicked.emit(self.node_id)
        event.accept()

    def _border(self) -> QPen:
        if self.highlighted:
            return QPen(style.HIGHLIGHT, 3)
        if self.isSelected():
            return QPen(style.SELECTED, 2.5)
        if self.problems:
            return QPen(style.PROBLEM, 2.5)
        return QPen(style.CARD_BORDER, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Draw the card; far zoomed out only its shape and colours (text would be unreadable)."""
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect = self.card_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        painter.setPen(self._border())
        painter.setBrush(QBrush(style.CARD_BG))
        painter.drawRoundedRect(rect, style.CARD_RADIUS, style.CARD_RADIUS)
        painter.save()
        painter.setClipRect(QRectF(0, 0, 6, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.color))
        painter.drawRoundedRect(rect, style.CARD_RADIUS, style.CARD_RADIUS)
        painter.restore()
        if self.problems and self.isSelected():
            painter.setPen(QPen(style.PROBLEM, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), style.CARD_RADIUS + 3, style.CARD_RADIUS + 3)
        for port in (self.input_port, *self.output_ports.values()):
            if port is not None:
                port.draw(painter)
        if lod < 0.4:
            painter.setBrush(QBrush(self.color))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(QRectF(16, 24, rect.width() - 40, 16))
            self._paint_badge(painter)
            return
        self._paint_text(painter, rect)
        self._paint_badge(painter)
        self._paint_counters(painter, rect)

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.color))
        painter.drawEllipse(QRectF(16, 14, 26, 26))
        painter.setPen(QPen(QColor("white")))
        painter.setFont(_GLYPH_FONT)
        glyph = style.glyph_for(self.node.type, self.node_type.category if self.node_type else None)
        painter.drawText(QRectF(16, 14, 26, 26), Qt.AlignmentFlag.AlignCenter, glyph)
        left, right = 50.0, rect.width() - 10
        lines = _title_lines(self.title, right - left)
        top = 8.0 if len(lines) > 1 else 12.0
        painter.setFont(_TITLE_FONT)
        painter.setPen(QPen(style.TEXT))
        for line in lines:
            painter.drawText(QRectF(left, top, right - left, 18), Qt.AlignmentFlag.AlignVCenter, line)
            top += 17
        painter.setFont(_TEXT_FONT)
        painter.setPen(QPen(style.MUTED_TEXT))
        metrics = QFontMetricsF(_TEXT_FONT)
        text = metrics.elidedText(self.summary, Qt.TextElideMode.ElideRight, right - left)
        painter.drawText(QRectF(left, top + 1, right - left, 18), Qt.AlignmentFlag.AlignVCenter, text)
        if self.port_labels:
            painter.setPen(QPen(QColor("#e3e7ec"), 1))
            painter.drawLine(QPointF(8, style.PORT_TOP - 14), QPointF(rect.width() - 8, style.PORT_TOP - 14))
            painter.setFont(_SMALL_FONT)
            painter.setPen(QPen(style.TEXT))
            for label, y in self.port_labels:
                painter.drawText(QRectF(left, y - 10, rect.width() - left - 14, 20),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)

    def _paint_badge(self, painter: QPainter) -> None:
        if not self.problems:
            return
        centre = QPointF(style.NODE_W - 2, 0)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(style.BADGE))
        painter.drawEllipse(centre, _BADGE_R, _BADGE_R)
        painter.setFont(_SMALL_FONT)
        text = str(len(self.problems)) if len(self.problems) > 1 else "!"
        painter.drawText(QRectF(centre.x() - _BADGE_R, centre.y() - _BADGE_R, 2 * _BADGE_R, 2 * _BADGE_R),
                         Qt.AlignmentFlag.AlignCenter, text)

    def _paint_counters(self, painter: QPainter, rect: QRectF) -> None:
        if not self.counters:
            return
        keys = [k for k in COUNTER_KEYS if k in self.counters] + [k for k in self.counters if k not in COUNTER_KEYS]
        width = (rect.width() - 4) / 2
        painter.setFont(_SMALL_FONT)
        locale = QLocale()
        for i, key in enumerate(keys):
            chip = QRectF((i % 2) * (width + 4), rect.height() + 4 + (i // 2) * (style.CHIP_H + 4), width,
                          style.CHIP_H)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(style.CHIP_BG))
            painter.drawRoundedRect(chip, style.CHIP_H / 2, style.CHIP_H / 2)
            painter.setPen(QPen(style.TEXT))
            text = f"{counter_label(key)} {locale.toString(int(self.counters[key]))}"
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
