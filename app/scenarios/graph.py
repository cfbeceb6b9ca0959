"""The scenario graph: a plain-Python model of nodes and edges that tells observers what changed.

The canvas mirrors this model and owns nothing; the validator and (later) the journey engine
read it headless. Every mutation goes through a `Scenario` method, which emits one event.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.errors import UserInputError

__all__ = ["ENTRY_MODES", "Edge", "EntryRule", "Event", "GraphError", "Node", "Port", "Scenario"]

#: How often one contact may enter a scenario: once ever, once per N days, or every time.
ENTRY_MODES = ("once", "once_per_days", "every_time")


class GraphError(UserInputError):
    """An edit the graph cannot hold (duplicate id, edge to a missing node...)."""


class Event:
    """A tiny observer list: `connect(fn)`, `disconnect(fn)`, `emit(*args)`."""

    def __init__(self) -> None:
        self._handlers: list[Callable[..., Any]] = []

    def connect(self, handler: Callable[..., Any]) -> None:
        """Call `handler(*args)` on every `emit`; connecting twice is a no-op."""
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable[..., Any]) -> None:
        """Stop calling `handler`; unknown handlers are ignored."""
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        """Call every handler in connection order (a copy: handlers may disconnect themselves)."""
        for handler in list(self._handlers):
            handler(*args)


@dataclass(frozen=True)
class Port:
    """A connection point of a node type.

    Attributes:
        name: stable key stored in edges ("in", "next", "yes", "timeout"...).
        title_ru / title_en: label shown on the canvas.
        multi: whether several edges may use this port (inputs usually; outputs never).
        required: an output that must be connected (a branch exit), checked by validation.
    """

    name: str
    title_ru: str = ""
    title_en: str = ""
    multi: bool = False
    required: bool = False


@dataclass
class Node:
    """One step of a scenario.

    Attributes:
        id: stable id, unique in the scenario, kept across saves (journeys point at it).
        type: node type id from the registry; an unknown type is kept as-is and reported.
        props: the type's field values (JSON-compatible).
        x, y: canvas position.
        title: optional label the user gave the node.
    """

    id: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    x: float = 0.0
    y: float = 0.0
    title: str = ""


@dataclass(frozen=True)
class Edge:
    """A connection from one node's output port to another node's input port."""

    id: str
    source: str
    source_port: str
    target: str
    target_port: str = "in"


@dataclass(frozen=True)
class EntryRule:
    """How often a contact may enter: `mode` in ENTRY_MODES; `days` for "once_per_days"."""

    mode: str = "once"
    days: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form ({"mode": ...} plus "days" when set)."""
        return {"mode": self.mode} if self.days is None else {"mode": self.mode, "days": self.days}


class Scenario:
    """A scenario graph with observer events.

    Attributes:
        name, description: shown in lists.
        entry: the EntryRule.
        nodes: id → Node, in insertion order (the canvas stacking order).
        edges: id → Edge.

    Events (arguments): node_added(node, index), node_removed(node), node_moved(node),
    node_changed(node) (props or title), edge_added(edge), edge_removed(edge),
    settings_changed(scenario) (name, description, entry rule).
    """

    def __init__(self, name: str = "", *, description: str = "", entry: EntryRule | None = None) -> None:
        self.name = name
        self.description = description
        self.entry = entry or EntryRule()
        self.nodes: dict[str, Node] = {}
        self.edges: dict[str, Edge] = {}
        self._edge_keys: set[tuple[str, str, str, str]] = set()
        self.node_added = Event()
        self.node_removed = Event()
        self.node_moved = Event()
        self.node_changed = Event()
        self.edge_added = Event()
        self.edge_removed = Event()
        self.settings_changed = Event()

    # -- settings -------------------------------------------------------------------------
    def set_settings(self, *, name: str | None = None, description: str | None = None,
                     entry: EntryRule | None = None) -> None:
        """Change the name, description and/or entry rule."""
        if name is not None:
            self.name = name
        if description is not None:
            self.description = description
        if entry is not None:
            self.entry = entry
        self.settings_changed.emit(self)

    # -- nodes ----------------------------------------------------------------------------
    def new_id(self, prefix: str = "n") -> str:
        """A fresh id not used by any node or edge ("n1", "n2"..., "e1"...)."""
        taken = set(self.nodes) | set(self.edges)
        number = len(taken) + 1
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"

    def add_node(self, node: Node, index: int | None = None) -> Node:
        """Insert `node` (at `index` in the order, for undo of a removal); ids must be unique."""
        if not node.id or node.id in self.nodes or node.id in self.edges:
            raise GraphError(f"node id {node.id!r} is empty or already used")
        position = len(self.nodes) if index is None else max(0, min(index, len(self.nodes)))
        if position == len(self.nodes):
            self.nodes[node.id] = node
        else:  # undo of a removal: rebuild to restore the stacking order
            items = list(self.nodes.items())
            items.insert(position, (node.id, node))
            self.nodes = dict(items)
        self.node_added.emit(node, position)
        return node

    def node(self, node_id: str) -> Node:
        """The node with `node_id` (GraphError if there is none)."""
        try:
            return self.nodes[node_id]
        except KeyError:
            raise GraphError(f"no node {node_id!r} in the scenario") from None

    def index_of(self, node_id: str) -> int:
        """Position of the node in the order (restored by undo)."""
        return list(self.nodes).index(self.node(node_id).id)

    def remove_node(self, node_id: str) -> list[Edge]:
        """Remove the node and its edges (edges first, each with its own event); returns the edges."""
        node = self.node(node_id)
        removed = [e for e in self.edges.values() if node_id in (e.source, e.target)]
        for edge in removed:
            self.remove_edge(edge.id)
        del self.nodes[node_id]
        self.node_removed.emit(node)
        return removed

    def move_node(self, node_id: str, x: float, y: float) -> None:
        """Set the canvas position."""
        node = self.node(node_id)
        node.x, node.y = float(x), float(y)
        self.node_moved.emit(node)

    def set_props(self, node_id: str, props: dict[str, Any], *, title: str | None = None) -> None:
        """Replace the node's field values (a deep copy is stored) and optionally its title."""
        node = self.node(node_id)
        node.props = copy.deepcopy(props)
        if title is not None:
            node.title = title
        self.node_changed.emit(node)

    # -- edges ----------------------------------------------------------------------------
    def add_edge(self, edge: Edge) -> Edge:
        """Add an edge between existing nodes; port rules are checked by `validate.can_connect`."""
        if not edge.id or edge.id in self.edges or edge.id in self.nodes:
            raise GraphError(f"edge id {edge.id!r} is empty or already used")
        for end in (edge.source, edge.target):
            self.node(end)
        key = (edge.source, edge.source_port, edge.target, edge.target_port)
        if key in self._edge_keys:
            raise GraphError(f"{edge.source}.{edge.source_port} is already connected to {edge.target}")
        self.edges[edge.id] = edge
        self._edge_keys.add(key)
        self.edge_added.emit(edge)
        return edge

    def connect(self, source: str, source_port: str, target: str, target_port: str = "in") -> Edge:
        """Add an edge with a fresh id."""
        return self.add_edge(Edge(self.new_id("e"), source, source_port, target, target_port))

    def remove_edge(self, edge_id: str) -> Edge:
        """Remove an edge; returns it (for undo)."""
        try:
            edge = self.edges.pop(edge_id)
        except KeyError:
            raise GraphError(f"no edge {edge_id!r} in the scenario") from None
        self._edge_keys.discard((edge.source, edge.source_port, edge.target, edge.target_port))
        self.edge_removed.emit(edge)
        return edge

    def edges_from(self, node_id: str, port: str | None = None) -> list[Edge]:
        """Edges leaving `node_id` (from `port` only, when given)."""
        return [e for e in self.edges.values() if e.source == node_id and (port is None or e.source_port == port)]

    def edges_to(self, node_id: str) -> list[Edge]:
        """Edges arriving at `node_id`."""
        return [e for e in self.edges.values() if e.target == node_id]

    def successors(self, node_id: str) -> Iterator[str]:
        """Target node ids of the edges leaving `node_id`."""
        return (e.target for e in self.edges.values() if e.source == node_id)
