"""Copy and paste of canvas fragments, written by the same serializer as scenario files."""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from app.errors import UserInputError
from app.scenarios.graph import Edge, Node, Scenario
from app.scenarios.readwrite import scenario_from_dict, to_dict
from app.scenarios.registry import Registry

__all__ = ["FRAGMENT_MIME", "fragment", "fragment_from_mime", "fragment_to_mime", "paste_plan", "release_clipboard"]

FRAGMENT_MIME = "application/x-kaskad-scenario-fragment+json"


def fragment(scenario: Scenario, node_ids: list[str]) -> dict[str, Any]:
    """A scenario document holding these nodes and the edges between them."""
    part = Scenario(scenario.name)
    chosen = set(node_ids)
    for node_id in scenario.nodes:
        if node_id in chosen:
            part.add_node(copy.deepcopy(scenario.nodes[node_id]))
    for edge in scenario.edges.values():
        if edge.source in chosen and edge.target in chosen:
            part.add_edge(edge)
    return to_dict(part)


def fragment_to_mime(doc: dict[str, Any]) -> QMimeData:
    """Clipboard data: the fragment MIME type plus the same JSON as text."""
    data = QMimeData()
    text = json.dumps(doc, ensure_ascii=False)
    data.setData(FRAGMENT_MIME, text.encode("utf-8"))
    data.setText(text)
    return data


def fragment_from_mime(data: QMimeData | None) -> dict[str, Any] | None:
    """The fragment on the clipboard, or None when it holds something else."""
    if data is None or not data.hasFormat(FRAGMENT_MIME):
        return None
    try:
        doc = json.loads(bytes(data.data(FRAGMENT_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def _fresh(prefix: str, taken: set[str]) -> str:
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    taken.add(f"{prefix}{number}")
    return f"{prefix}{number}"


def paste_plan(target: Scenario, doc: dict[str, Any], registry: Registry,
               offset: tuple[float, float]) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges to add for a pasted fragment: fresh ids, inner edges kept, positions shifted.

    Raises UserInputError (ScenarioFileError) when the fragment is not a valid document.
    """
    part = scenario_from_dict(doc, registry=registry, error_handler=lambda problem: None)
    taken = set(target.nodes) | set(target.edges)
    ids: dict[str, str] = {}
    nodes = []
    for node in part.nodes.values():
        ids[node.id] = _fresh("n", taken)
        nodes.append(Node(ids[node.id], node.type, copy.deepcopy(node.props), node.x + offset[0],
                          node.y + offset[1], node.title))
    edges = [Edge(_fresh("e", taken), ids[e.source], e.source_port, ids[e.target], e.target_port)
             for e in part.edges.values() if e.source in ids and e.target in ids]
    if not nodes:
        raise UserInputError("the clipboard holds no scenario steps")
    return nodes, edges


def release_clipboard() -> None:
    """Take back steps this program left on the clipboard, before the application goes away.

    Qt deletes the clipboard's data in its own exit handlers, after Python has shut down, and a
    Python-made QMimeData there crashes the process; another program's clipboard content is
    left alone.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData() if clipboard is not None else None
    if data is not None and data.hasFormat(FRAGMENT_MIME):
        clipboard.clear()
