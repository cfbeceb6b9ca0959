"""Typed scenario problems: each names the nodes and edges the canvas should highlight."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.errors import UserInputError

__all__ = [
    "BadConnection",
    "BadFieldValue",
    "CycleWithoutWait",
    "MissingProvider",
    "MissingTemplate",
    "NoEntryTrigger",
    "ScenarioError",
    "ScenarioFileError",
    "ScenarioInvalid",
    "TooManyTriggers",
    "UnconnectedBranch",
    "UnknownNodeType",
    "UnreachableNode",
    "UnsupportedScenarioVersion",
]


class ScenarioError(UserInputError):
    """One problem in a scenario graph.

    Attributes:
        code: stable machine name of the problem kind (class attribute).
        reason: plain-language explanation.
        node_ids / edge_ids: what to highlight on the canvas.
        field: the node property at fault, when there is one.
    """

    code = "scenario"

    def __init__(self, reason: str, *, node_ids: Sequence[str] = (), edge_ids: Sequence[str] = (),
                 field: str | None = None) -> None:
        self.reason = reason
        self.node_ids = tuple(node_ids)
        self.edge_ids = tuple(edge_ids)
        self.field = field
        where = ", ".join([*(f"node {n}" for n in self.node_ids), *(f"edge {e}" for e in self.edge_ids)])
        super().__init__(f"{where}: {reason}" if where else reason)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for `--json` output and the canvas."""
        return {"code": self.code, "message": str(self), "reason": self.reason, "nodes": list(self.node_ids),
                "edges": list(self.edge_ids), "field": self.field}


class NoEntryTrigger(ScenarioError):
    """The scenario has no trigger, so nobody can enter it."""

    code = "no_entry_trigger"


class TooManyTriggers(ScenarioError):
    """More than one entry trigger, and they are not all "event received" triggers."""

    code = "too_many_triggers"


class UnknownNodeType(ScenarioError):
    """A node's type is not in the registry (kept as-is so nothing is lost)."""

    code = "unknown_node_type"


class UnreachableNode(ScenarioError):
    """No path from a trigger leads to this node."""

    code = "unreachable_node"


class UnconnectedBranch(ScenarioError):
    """An exit that must lead somewhere (yes/no, a split branch, a trigger's start) is unconnected."""

    code = "unconnected_branch"


class BadConnection(ScenarioError):
    """An edge uses a port the node does not have, or a single port twice."""

    code = "bad_connection"


class CycleWithoutWait(ScenarioError):
    """A loop with no waiting step would spin a contact forever."""

    code = "cycle_without_wait"


class MissingTemplate(ScenarioError):
    """An action has no template, or the named template is not in the library (or has the wrong kind)."""

    code = "missing_template"


class MissingProvider(ScenarioError):
    """An action names a provider account that does not exist or serves another channel."""

    code = "missing_provider"


class BadFieldValue(ScenarioError):
    """A node property is missing or invalid (duration not positive, split not summing to 100...)."""

    code = "bad_field_value"


class ScenarioInvalid(UserInputError):
    """Raised when a scenario with problems is published; `problems` lists them all."""

    def __init__(self, name: str, problems: Sequence[ScenarioError]) -> None:
        self.problems = list(problems)
        listed = "; ".join(str(p) for p in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"scenario {name!r} has {len(self.problems)} problem(s): {listed}{more}")


class ScenarioFileError(UserInputError):
    """A scenario document cannot be read: names the file (if any) and why.

    Attributes:
        path: the file, or None for in-memory documents.
        reason: plain-language reason.
    """

    def __init__(self, reason: str, *, path: object = None) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class UnsupportedScenarioVersion(ScenarioFileError):
    """The document was written by a newer Kaskad (or its version is not a number)."""
