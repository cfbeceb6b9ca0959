"""ScenarioCanvas: the view the scenario editor embeds; every edit it makes is an undo command."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from app.errors import UserInputError
from app.scenarios.graph import Edge, Node, Scenario
from app.scenarios.registry import Registry, default_registry
from ui.scenarios.canvas import style
from ui.scenarios.canvas.clipboard import fragment, fragment_from_mime, fragment_to_mime, paste_plan
from ui.scenarios.canvas.commands import (
    AddEdge,
    AddNode,
    Compound,
    MoveNodes,
    RemoveEdge,
    RemoveNode,
    SetNodeProps,
)
from ui.scenarios.canvas.interactions import CanvasInput
from ui.scenarios.canvas.layout import layered_layout
from ui.scenarios.canvas.scene import ScenarioScene

__all__ = ["ScenarioCanvas"]


def _snap(value: float) -> float:
    return float(round(value / style.GRID) * style.GRID)


class ScenarioCanvas(CanvasInput, QGraphicsView):
    """The scenario canvas: shows a `Scenario`, edits it through its undo stack.

    Signals:
        selection_changed(list[str]): selected node ids.
        node_activated(str): a node was double-clicked.
        changed(): the model was edited (after an undo command ran, was undone or redone).
        message(str): a short explanation for the status bar (a refused connection, a refused edit).
    """

    selection_changed = Signal(list)
    node_activated = Signal(str)
    changed = Signal()
    message = Signal(str)

    def __init__(self, registry: Registry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry or default_registry()
        self._scene = ScenarioScene(self.registry, self)
        self.setScene(self._scene)
        self._undo = QUndoStack(self)
        self._read_only = False
        self._quiet = False
        self._paste_count = 0
        self._fit_pending = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Scenario canvas"))
        self._scene.selectionChanged.connect(self._selection_changed)
        self._scene.node_double_clicked.connect(self.node_activated)
        self._scene.connect_requested.connect(self._connect)
        self._scene.nodes_dragged.connect(self._dragged)
        self._scene.refused.connect(self.message)
        self._undo.indexChanged.connect(self._stack_changed)

    # -- the model ----------------------------------------------------------------------------------
    def set_scenario(self, scenario: Scenario) -> None:
        """Show `scenario` (edited in place from now on) and forget the undo history."""
        self._quiet = True
        try:
            self._undo.clear()
            self._scene.set_scenario(scenario)
        finally:
            self._quiet = False
        self._paste_count = 0
        if self.isVisible():
            self.fit_to_view()
        else:
            self._fit_pending = True

    @property
    def scenario(self) -> Scenario:
        """The live model shown on the canvas."""
        return self._scene.scenario

    @property
    def undo_stack(self) -> QUndoStack:
        """The stack every edit goes through (its clean state marks unsaved changes)."""
        return self._undo

    @property
    def read_only(self) -> bool:
        """Whether edits are refused (a published version)."""
        return self._read_only

    def _stack_changed(self, index: int) -> None:
        self._scene.update_scene_rect()
        if not self._quiet:
            self.changed.emit()

    def _selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_node_ids())

    def _push(self, command: QUndoCommand) -> None:
        self._undo.push(command)

    def _refuse_edit(self) -> NoReturn:
        raise UserInputError(self.tr("This version is published: it can be viewed but not changed."))

    # -- edits ----------------------------------------------------------------------------------------
    def add_node_of_type(self, type_id: str, pos: QPointF | None = None) -> str:
        """Add a node of `type_id` centred at scene point `pos` (the view centre when None); returns its id."""
        if self._read_only:
            self._refuse_edit()
        node_type = self.registry.get(type_id)
        if node_type is None:
            raise UserInputError(self.tr("Unknown step type: %1").replace("%1", type_id))
        centre = pos if pos is not None else self.mapToScene(self.viewport().rect().center())
        x, y = _snap(centre.x() - style.NODE_W / 2), _snap(centre.y() - style.NODE_H / 2)
        if pos is None:  # added from the palette by keyboard or double-click: don't stack on a card
            y = self._free_row(x, y)
        node = Node(self.scenario.new_id("n"), node_type.type_id, node_type.default_props(), x, y)
        self._push(AddNode(self.scenario, node))
        self.select_node(node.id)
        return node.id

    def _free_row(self, x: float, y: float) -> float:
        """The first `y` at or below the given one where a card at `x` overlaps no other card."""
        cards = [(n.x, n.y) for n in self.scenario.nodes.values()]
        step = style.NODE_H + 2 * style.GRID
        while any(abs(cx - x) < style.NODE_W and abs(cy - y) < style.NODE_H + style.GRID for cx, cy in cards):
            y += step
        return y

    def set_node_props(self, node_id: str, props: dict, title: str | None = None) -> None:
        """Replace a node's props (and title); edges from exits that no longer exist go too."""
        if self._read_only:
            self._refuse_edit()
        node = self.scenario.node(node_id)
        node_type = self.registry.get(node.type)
        gone: list[Edge] = []
        if node_type is not None:
            kept = {p.name for p in node_type.output_ports(props)}
            gone = [e for e in self.scenario.edges_from(node_id) if e.source_port not in kept]
        if not gone:
            self._push(SetNodeProps(self.scenario, node_id, props, title))
            return
        parent = Compound(self.tr("Change step settings"))
        parent.add(SetNodeProps(self.scenario, node_id, props, title))
        for edge in gone:
            parent.add(RemoveEdge(self.scenario, edge))
        self._push(parent)

    def delete_selected(self) -> None:
        """Delete the selected nodes with their edges, and the selected edges (one undo step)."""
        if self._read_only:
            return
        node_ids = self.selected_node_ids()
        edges = {i.edge_id: i.edge for i in self._scene.selected_edge_items()}
        for edge in self.scenario.edges.values():
            if edge.source in node_ids or edge.target in node_ids:
                edges[edge.id] = edge
        if not node_ids and not edges:
            return
        parent = Compound(self.tr("Delete"))
        for edge in edges.values():
            parent.add(RemoveEdge(self.scenario, edge))
        for node_id in node_ids:
            parent.add(RemoveNode(self.scenario, node_id))
        self._push(parent)

    def copy_selected(self) -> None:
        """Put the selected nodes and the edges between them on the clipboard."""
        node_ids = self.selected_node_ids()
        if node_ids:
            QApplication.clipboard().setMimeData(fragment_to_mime(fragment(self.scenario, node_ids)))
            self._paste_count = 0

    def paste(self) -> None:
        """Add the clipboard's nodes with fresh ids, shifted so they do not cover the originals."""
        if self._read_only:
            return
        doc = fragment_from_mime(QApplication.clipboard().mimeData())
        if doc is None:
            return
        self._paste_count += 1
        shift = 2 * style.GRID * self._paste_count
        try:
            nodes, edges = paste_plan(self.scenario, doc, self.registry, (shift, shift))
        except UserInputError as exc:
            self.message.emit(str(exc))
            return
        parent = Compound(self.tr("Paste"))
        for node in nodes:
            parent.add(AddNode(self.scenario, node))
        for edge in edges:
            parent.add(AddEdge(self.scenario, edge))
        self._push(parent)
        self._select([n.id for n in nodes])

    def auto_layout(self) -> None:
        """Arrange the nodes left to right by their order in the journey (one undo step)."""
        if self._read_only or not self.scenario.nodes:
            return
        items = self._scene.node_items

        def port_y(node_id: str, port: str) -> float:
            item = items[node_id]
            return item.port_scene_pos(port, True).y() - item.pos().y()

        def is_trigger(node_id: str) -> bool:
            node_type = items[node_id].node_type
            return node_type is not None and node_type.is_trigger

        new = layered_layout(self.scenario, lambda n: items[n].footprint(), port_y=port_y, input_y=style.NODE_H / 2,
                             is_trigger=is_trigger, grid=style.GRID)
        old = {n: (node.x, node.y) for n, node in self.scenario.nodes.items()}
        moved = {n: pos for n, pos in new.items() if pos != old[n]}
        if moved:
            self._push(MoveNodes(self.scenario, {n: old[n] for n in moved}, moved, self.tr("Arrange automatically")))
        if self.isVisible():
            self.fit_to_view()

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected nodes by (dx, dy); repeated nudges are one undo step."""
        items = self._scene.selected_node_items()
        if self._read_only or not items:
            return
        old = {i.node_id: (i.node.x, i.node.y) for i in items}
        new = {n: (x + dx, y + dy) for n, (x, y) in old.items()}
        self._push(MoveNodes(self.scenario, old, new, merge=True))

    def _connect(self, source: str, port: str, target: str, target_port: str) -> None:
        if not self._read_only:
            self._push(AddEdge(self.scenario, Edge(self.scenario.new_id("e"), source, port, target, target_port)))

    def _dragged(self, old: dict, new: dict) -> None:
        self._push(MoveNodes(self.scenario, old, new))

    # -- selection ----------------------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        """Ids of the selected nodes, in model order."""
        return [i.node_id for i in self._scene.selected_node_items()]

    def select_all(self) -> None:
        """Select every node."""
        self._select(list(self._scene.node_items))

    def select_node(self, node_id: str) -> None:
        """Select only this node and scroll it into view."""
        self._select([node_id])
        item = self._scene.node_items.get(node_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)

    def _select(self, node_ids: Iterable[str]) -> None:
        wanted = set(node_ids)
        self._scene.blockSignals(True)
        try:
            self._scene.clearSelection()
            for node_id in wanted:
                item = self._scene.node_items.get(node_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._scene.blockSignals(False)
        self._selection_changed()

    # -- what the screen shows ------------------------------------------------------------------------
    def set_problems(self, problems: dict[str, list[str]]) -> None:
        """Mark nodes with problems (red outline, badge, tooltip); nodes not named are cleared."""
        for node_id, item in self._scene.node_items.items():
            item.set_problems(list(problems.get(node_id, [])))

    def set_counters(self, counters: dict[str, dict[str, int]]) -> None:
        """Live counter chips under the nodes; nodes not named lose theirs."""
        for node_id, item in self._scene.node_items.items():
            item.set_counters(dict(counters.get(node_id, {})))
        self._scene.update_scene_rect()

    def highlight_path(self, node_ids: list[str], edge_ids: Iterable[str] = ()) -> None:
        """Emphasise a journey's path and dim the rest; without edge ids, edges between consecutive nodes."""
        on_path = set(node_ids)
        edges = set(edge_ids)
        if not edges:
            pairs = set(zip(node_ids, node_ids[1:], strict=False))
            edges = {e.id for e in self.scenario.edges.values() if (e.source, e.target) in pairs}
        for node_id, item in self._scene.node_items.items():
            item.set_marks(highlighted=node_id in on_path, dimmed=node_id not in on_path)
        for edge_id, item in self._scene.edge_items.items():
            item.set_marks(highlighted=edge_id in edges, dimmed=edge_id not in edges)

    def clear_highlight(self) -> None:
        """Remove the path highlight."""
        for item in [*self._scene.node_items.values(), *self._scene.edge_items.values()]:
            item.set_marks(highlighted=False, dimmed=False)

    def set_read_only(self, read_only: bool) -> None:
        """Published versions: view and select only; moves, connections, drops and deletes are refused."""
        self._read_only = read_only
        self._scene.read_only = read_only
        for item in self._scene.node_items.values():
            item.set_editable(not read_only)
