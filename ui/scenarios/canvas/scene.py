"""The scene mirrors a `Scenario`: it listens to the model's events and keeps one item per node and edge.

It owns no truth: user gestures (a finished drag, a new connection) are reported as signals
and the view turns them into undo commands on the model, whose events update the items.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent, QToolTip

from app.scenarios.errors import ScenarioError
from app.scenarios.graph import Edge, Node, Scenario
from app.scenarios.registry import Registry
from app.scenarios.validate import can_connect
from ui.scenarios.canvas import style
from ui.scenarios.canvas.edge_item import EdgeItem, TempEdgeItem
from ui.scenarios.canvas.node_item import NodeItem
from ui.scenarios.canvas.port_item import PortItem
from ui.scenarios.canvas.texts import port_title, refusal

__all__ = ["NewEdge", "ScenarioScene"]


class NewEdge:
    """The "drag a new edge from an exit" interaction: start, follow the pointer, end or cancel."""

    def __init__(self, scene: ScenarioScene, port: PortItem) -> None:
        self.scene = scene
        self.port = port
        self.temp = TempEdgeItem(port.scenePos() + QPointF(style.PORT_R, 0))
        scene.addItem(self.temp)
        # Light up every input that would accept the edge; refused targets stay plain.
        self.valid: set[str] = set()
        for item in scene.node_items.values():
            if item.input_port is not None and scene.check_connect(port.node_id, port.name, item.node_id) is None:
                self.valid.add(item.node_id)
                item.input_port.set_state(candidate=True)

    def move(self, pos: QPointF) -> None:
        """Follow the pointer; snap to an accepting input under it."""
        target = self.scene.target_at(pos)
        if target is not None and target.node_id in self.valid and target.input_port is not None:
            self.temp.set_end(target.input_port.scenePos() - QPointF(style.PORT_R, 0), True)
        else:
            self.temp.set_end(pos, False)

    def end(self, pos: QPointF, screen_pos: object) -> None:
        """Connect when dropped on an accepting step; otherwise say why not."""
        target = self.scene.target_at(pos)
        self.cancel()
        if target is None or target.node_id == self.port.node_id:
            return  # released in empty space or back on its own card: nothing was meant
        problem = self.scene.check_connect(self.port.node_id, self.port.name, target.node_id)
        if problem is None:
            self.scene.connect_requested.emit(self.port.node_id, self.port.name, target.node_id, "in")
            return
        message = refusal(problem, self.scene.scenario, self.scene.registry, self.port.node_id, self.port.name,
                          target.node_id)
        self.scene.last_refusal = message
        self.scene.refused.emit(message)
        if screen_pos is not None:
            QToolTip.showText(screen_pos, message)

    def cancel(self) -> None:
        """Remove the temporary curve and the highlights."""
        for node_id in self.valid:
            item = self.scene.node_items.get(node_id)
            if item is not None and item.input_port is not None:
                item.input_port.set_state(candidate=False)
        if self.temp.scene() is not None:
            self.scene.removeItem(self.temp)
        self.scene.interaction = None


class ScenarioScene(QGraphicsScene):
    """Items for one scenario, kept in sync with the model's events.

    Signals:
        node_double_clicked(node_id), connect_requested(source, port, target, target_port),
        nodes_dragged(old, new) positions by node id after a drag, refused(message).
    """

    node_double_clicked = Signal(str)
    connect_requested = Signal(str, str, str, str)
    nodes_dragged = Signal(dict, dict)
    refused = Signal(str)

    def __init__(self, registry: Registry, parent: object = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.scenario = Scenario()
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        self._edges_at: dict[str, set[str]] = {}
        self.read_only = False
        self.snapping = False
        self.interaction: NewEdge | None = None
        self.last_refusal = ""
        self._press_positions: dict[str, QPointF] = {}
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(style.CANVAS_BG)

    # -- model <-> items ------------------------------------------------------------------------
    def set_scenario(self, scenario: Scenario) -> None:
        """Show `scenario` (the previous one is no longer observed)."""
        self._observe(self.scenario, False)
        if self.interaction is not None:
            self.interaction.cancel()
        # Forget the items before deleting them: clear() reports the lost selection.
        self.node_items.clear()
        self.edge_items.clear()
        self._edges_at.clear()
        self.clear()
        self.scenario = scenario
        for node in scenario.nodes.values():
            self._on_node_added(node, None)
        for edge in scenario.edges.values():
            self._on_edge_added(edge)
        self._observe(scenario, True)
        self.update_scene_rect()

    def _observe(self, scenario: Scenario, on: bool) -> None:
        pairs = ((scenario.node_added, self._on_node_added), (scenario.node_removed, self._on_node_removed),
                 (scenario.node_moved, self._on_node_moved), (scenario.node_changed, self._on_node_changed),
                 (scenario.edge_added, self._on_edge_added), (scenario.edge_removed, self._on_edge_removed))
        for event, handler in pairs:
            (event.connect if on else event.disconnect)(handler)

    def _on_node_added(self, node: Node, index: int | None) -> None:
        item = NodeItem(node, self.registry.get(node.type))
        item.set_editable(not self.read_only)
        self.node_items[node.id] = item
        self.addItem(item)

    def _on_node_removed(self, node: Node) -> None:
        item = self.node_items.pop(node.id, None)
        if item is not None:
            self.removeItem(item)
        self._edges_at.pop(node.id, None)

    def _on_node_moved(self, node: Node) -> None:
        item = self.node_items.get(node.id)
        if item is not None and (item.pos().x(), item.pos().y()) != (node.x, node.y):
            item.setPos(node.x, node.y)

    def _on_node_changed(self, node: Node) -> None:
        item = self.node_items.get(node.id)
        if item is not None:
            item.node = node
            item.refresh()
            self.node_item_moved(item)

    def _on_edge_added(self, edge: Edge) -> None:
        item = EdgeItem(edge, self._edge_label(edge))
        self.edge_items[edge.id] = item
        for end in (edge.source, edge.target):
            self._edges_at.setdefault(end, set()).add(edge.id)
        self.addItem(item)
        self._route(item)
        self._mark_ports(edge)

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edge_items.pop(edge.id, None)
        if item is not None:
            self.removeItem(item)
        for end in (edge.source, edge.target):
            self._edges_at.get(end, set()).discard(edge.id)
        self._mark_ports(edge)

    def _edge_label(self, edge: Edge) -> str:
        source = self.node_items.get(edge.source)
        if source is None or len(source.outputs()) < 2:
            return ""
        port = next((p for p in source.outputs() if p.name == edge.source_port), None)
        return port_title(port) if port is not None else edge.source_port

    def _mark_ports(self, edge: Edge) -> None:
        source, target = self.node_items.get(edge.source), self.node_items.get(edge.target)
        if source is not None and edge.source_port in source.output_ports:
            used = bool(self.scenario.edges_from(edge.source, edge.source_port))
            source.output_ports[edge.source_port].set_state(connected=used)
        if target is not None and target.input_port is not None:
            target.input_port.set_state(connected=any(e.target == edge.target for e in self.scenario.edges.values()))

    def _route(self, item: EdgeItem) -> None:
        edge = item.edge
        source, target = self.node_items.get(edge.source), self.node_items.get(edge.target)
        if source is None or target is None:
            return
        start = source.port_scene_pos(edge.source_port, True) + QPointF(style.PORT_R, 0)
        end = target.port_scene_pos(edge.target_port, False) - QPointF(style.PORT_R, 0)
        item.set_ends(start, end)

    def node_item_moved(self, item: NodeItem) -> None:
        """Re-route the edges of a node that moved or changed shape."""
        for edge_id in self._edges_at.get(item.node_id, ()):
            edge_item = self.edge_items.get(edge_id)
            if edge_item is not None:
                self._route(edge_item)
                edge_item.set_label(self._edge_label(edge_item.edge))

    def update_scene_rect(self) -> None:
        """Room around the cards to pan into (scroll bars follow it)."""
        rect = self.itemsBoundingRect() if self.node_items else QRectF(0, 0, 800, 600)
        self.setSceneRect(rect.adjusted(-1500, -1000, 1500, 1000))

    # -- connection rules ---------------------------------------------------------------------------
    def check_connect(self, source: str, port: str, target: str) -> ScenarioError | None:
        """None when the edge may be drawn, else the ScenarioError saying why not."""
        return can_connect(self.scenario, source, port, target, "in", registry=self.registry)

    def target_at(self, pos: QPointF) -> NodeItem | None:
        """The node whose card or input port is under `pos`."""
        for item in self.items(pos):
            if isinstance(item, PortItem) and not item.is_output:
                return self.node_items.get(item.node_id)
            if isinstance(item, NodeItem):
                return item
        return None

    # -- mouse ----------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """An exit starts a new edge; a card press remembers positions for the move command."""
        if event.button() == Qt.MouseButton.LeftButton and not self.read_only:
            port = next((i for i in self.items(event.scenePos()) if isinstance(i, PortItem)), None)
            if port is not None and port.is_output:
                self.interaction = NewEdge(self, port)
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.read_only:
            self._press_positions = {i.node_id: i.pos() for i in self.selected_node_items()}
            self.snapping = bool(self._press_positions)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Follow the pointer with the new edge, or let Qt move the selected cards."""
        if self.interaction is not None:
            self.interaction.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Finish the new edge, or report the finished drag as one move."""
        if self.interaction is not None and event.button() == Qt.MouseButton.LeftButton:
            self.interaction.end(event.scenePos(), event.screenPos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.snapping = False
            old, new = {}, {}
            for node_id, before in self._press_positions.items():
                item = self.node_items.get(node_id)
                if item is not None and item.pos() != before:
                    old[node_id] = (before.x(), before.y())
                    new[node_id] = (item.pos().x(), item.pos().y())
            self._press_positions = {}
            if new:
                self.nodes_dragged.emit(old, new)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc cancels a new edge being drawn."""
        if event.key() == Qt.Key.Key_Escape and self.interaction is not None:
            self.interaction.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def selected_node_items(self) -> list[NodeItem]:
        """Selected cards in model order."""
        return [i for i in self.node_items.values() if i.isSelected()]

    def selected_edge_items(self) -> list[EdgeItem]:
        """Selected edges."""
        return [i for i in self.edge_items.values() if i.isSelected()]

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """Plain background with grid dots (skipped when zoomed far out)."""
        super().drawBackground(painter, rect)
        scale = painter.worldTransform().m11()
        if scale < 0.5:
            return
        step = style.GRID * (4 if scale < 1 else 2)
        painter.setPen(style.GRID_DOT)
        left = int(rect.left()) - int(rect.left()) % step
        top = int(rect.top()) - int(rect.top()) % step
        points = [QPointF(x, y) for x in range(left, int(rect.right()) + 1, step)
                  for y in range(top, int(rect.bottom()) + 1, step)]
        painter.drawPoints(QPolygonF(points))
