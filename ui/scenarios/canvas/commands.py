"""Undoable canvas edits: each command changes the `Scenario` model; the scene follows its events.

Compound edits (delete, paste, props that drop an exit) are a `Compound` holding its steps,
run in order on redo and in reverse on undo. The steps are kept as Python objects rather than
Qt child commands, so their Python overrides stay alive as long as the stack holds the compound.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.scenarios.graph import Edge, Node, Scenario

translate = QCoreApplication.translate

__all__ = ["AddEdge", "AddNode", "Compound", "MoveNodes", "RemoveEdge", "RemoveNode", "SetNodeProps"]

#: QUndoCommand ids for merging: consecutive nudges of the same selection become one step.
NUDGE_ID = 1001


class Compound(QUndoCommand):
    """Several commands as one undo step (`add` them before pushing)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.steps: list[QUndoCommand] = []

    def add(self, step: QUndoCommand) -> QUndoCommand:
        """Append a step; returns it."""
        self.steps.append(step)
        return step

    def redo(self) -> None:
        """Run every step in order."""
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        """Undo every step in reverse order."""
        for step in reversed(self.steps):
            step.undo()


class AddNode(QUndoCommand):
    """Insert a node (a copy of `node`, so redo always re-adds the same state)."""

    def __init__(self, scenario: Scenario, node: Node) -> None:
        super().__init__(translate("ScenarioCanvas", "Add step"))
        self.scenario = scenario
        self.node = copy.deepcopy(node)

    def redo(self) -> None:
        """Add the node."""
        self.scenario.add_node(copy.deepcopy(self.node))

    def undo(self) -> None:
        """Remove it again (its edges were added by later commands and are already undone)."""
        self.scenario.remove_node(self.node.id)


class RemoveNode(QUndoCommand):
    """Remove a node whose edges are already gone; undo puts it back at its old place in the order."""

    def __init__(self, scenario: Scenario, node_id: str) -> None:
        super().__init__(translate("ScenarioCanvas", "Delete step"))
        self.scenario = scenario
        self.node_id = node_id
        self.node: Node | None = None
        self.index = 0

    def redo(self) -> None:
        """Remember the node and its position in the order, then remove it."""
        self.node = copy.deepcopy(self.scenario.node(self.node_id))
        self.index = self.scenario.index_of(self.node_id)
        self.scenario.remove_node(self.node_id)

    def undo(self) -> None:
        """Re-insert the node where it was."""
        assert self.node is not None
        self.scenario.add_node(copy.deepcopy(self.node), self.index)


class AddEdge(QUndoCommand):
    """Connect an output port to an input port."""

    def __init__(self, scenario: Scenario, edge: Edge) -> None:
        super().__init__(translate("ScenarioCanvas", "Connect steps"))
        self.scenario = scenario
        self.edge = edge

    def redo(self) -> None:
        """Add the edge."""
        self.scenario.add_edge(self.edge)

    def undo(self) -> None:
        """Remove the edge."""
        self.scenario.remove_edge(self.edge.id)


class RemoveEdge(QUndoCommand):
    """Remove one edge."""

    def __init__(self, scenario: Scenario, edge: Edge) -> None:
        super().__init__(translate("ScenarioCanvas", "Delete connection"))
        self.scenario = scenario
        self.edge = edge

    def redo(self) -> None:
        """Remove the edge."""
        self.scenario.remove_edge(self.edge.id)

    def undo(self) -> None:
        """Put the edge back."""
        self.scenario.add_edge(self.edge)


class MoveNodes(QUndoCommand):
    """Move nodes from `old` to `new` positions (a drag, a nudge or an auto-layout)."""

    def __init__(self, scenario: Scenario, old: dict[str, tuple[float, float]],
                 new: dict[str, tuple[float, float]], text: str | None = None, *, merge: bool = False) -> None:
        super().__init__(text or translate("ScenarioCanvas", "Move steps"))
        self.scenario = scenario
        self.old = dict(old)
        self.new = dict(new)
        self.merge = merge

    def id(self) -> int:
        """Nudges merge with each other; other moves never merge."""
        return NUDGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next nudge of the same nodes (arrow keys held down are one step)."""
        if not isinstance(other, MoveNodes) or not other.merge or set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True

    def _apply(self, positions: dict[str, tuple[float, float]]) -> None:
        for node_id, (x, y) in positions.items():
            if node_id in self.scenario.nodes:
                self.scenario.move_node(node_id, x, y)

    def redo(self) -> None:
        """Put the nodes at their new positions."""
        self._apply(self.new)

    def undo(self) -> None:
        """Put the nodes back."""
        self._apply(self.old)


class SetNodeProps(QUndoCommand):
    """Replace a node's props and (optionally) its title."""

    def __init__(self, scenario: Scenario, node_id: str, props: dict[str, Any], title: str | None = None) -> None:
        super().__init__(translate("ScenarioCanvas", "Change step settings"))
        node = scenario.node(node_id)
        self.scenario = scenario
        self.node_id = node_id
        self.old = (copy.deepcopy(node.props), node.title)
        self.new = (copy.deepcopy(props), node.title if title is None else title)

    def redo(self) -> None:
        """Apply the new values."""
        self.scenario.set_props(self.node_id, self.new[0], title=self.new[1])

    def undo(self) -> None:
        """Restore the old values."""
        self.scenario.set_props(self.node_id, self.old[0], title=self.old[1])
