"""Scenario documents: versioned JSON ⇄ frozen intermediates ⇄ live `Scenario` objects.

Reading checks `schema_version` first (a newer one is refused), runs the upgrade steps one
version at a time, parses into frozen dataclasses and only then builds the live graph. Old
node type ids resolve through the registry's `replaces`; an unknown type is kept as-is and
passed to `error_handler`, so the document still opens and the problem is shown.

Format (version 1):
    {"schema_version": 1, "name": str, "description": str, "entry": {"mode": ..., "days"?: N},
     "nodes": [{"id", "type", "title", "position": {"x", "y"}, "props": {...}}],
     "edges": [{"id", "source", "source_port", "target", "target_port"}]}
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.scenarios.errors import ScenarioFileError, UnknownNodeType, UnsupportedScenarioVersion
from app.scenarios.graph import ENTRY_MODES, Edge, EntryRule, Node, Scenario
from app.scenarios.registry import Registry, default_registry

__all__ = [
    "SCHEMA_VERSION",
    "UPGRADES",
    "EdgeDoc",
    "NodeDoc",
    "ScenarioDoc",
    "dumps",
    "loads",
    "parse",
    "read_file",
    "scenario_from_dict",
    "to_dict",
    "upgrade",
    "write_file",
]

SCHEMA_VERSION = 1
ErrorHandler = Callable[[UnknownNodeType], None]


def upgrade_v0_to_v1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (early drafts) kept `x`/`y` on the node, `params` for props, `links` with from/to."""
    nodes = []
    for node in doc.get("nodes", []):
        node = dict(node)
        node["position"] = {"x": node.pop("x", 0), "y": node.pop("y", 0)}
        node["props"] = node.pop("params", {})
        nodes.append(node)
    edges = [{"id": link.get("id"), "source": link.get("from"), "source_port": link.get("port", "next"),
              "target": link.get("to"), "target_port": "in"} for link in doc.get("links", [])]
    rest = {k: v for k, v in doc.items() if k not in ("nodes", "links", "schema_version")}
    return {**rest, "schema_version": 1, "nodes": nodes, "edges": edges}


#: Upgrade steps: UPGRADES[n] turns a version-n document into version n + 1.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: upgrade_v0_to_v1}


@dataclass(frozen=True)
class NodeDoc:
    """A parsed node (props frozen as JSON text so the intermediate is truly immutable)."""

    id: str
    type: str
    title: str
    x: float
    y: float
    props_json: str


@dataclass(frozen=True)
class EdgeDoc:
    """A parsed edge."""

    id: str
    source: str
    source_port: str
    target: str
    target_port: str


@dataclass(frozen=True)
class ScenarioDoc:
    """A parsed, upgraded document before live objects exist."""

    name: str
    description: str
    entry: EntryRule
    nodes: tuple[NodeDoc, ...]
    edges: tuple[EdgeDoc, ...]


def _version(doc: dict[str, Any], path: object) -> int:
    # Documents without the key predate versioning: version 0.
    version = doc.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise UnsupportedScenarioVersion(f"schema_version must be a whole number, not {version!r}", path=path)
    if version > SCHEMA_VERSION:
        raise UnsupportedScenarioVersion(
            f"the scenario was saved by a newer Kaskad (schema version {version}; this one reads up to "
            f"{SCHEMA_VERSION}); update Kaskad to open it", path=path)
    return version


def upgrade(doc: dict[str, Any], *, path: object = None) -> dict[str, Any]:
    """The document brought up to SCHEMA_VERSION, one step at a time (the input is not changed)."""
    if not isinstance(doc, dict):
        raise ScenarioFileError("a scenario document is a JSON object", path=path)
    version = _version(doc, path)
    doc = copy.deepcopy(doc)
    while version < SCHEMA_VERSION:
        doc = UPGRADES[version](doc)
        version += 1
    return doc


def _text(value: Any, what: str, path: object, default: str | None = None) -> str:
    if value is None and default is not None:
        return default
    if not isinstance(value, str) or (default is None and not value):
        raise ScenarioFileError(f"{what} must be text, not {value!r}", path=path)
    return value


def _number(value: Any, what: str, path: object) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioFileError(f"{what} must be a number, not {value!r}", path=path)
    return value


def _entry(value: Any, path: object) -> EntryRule:
    value = value if value is not None else {"mode": "once"}
    mode = value.get("mode") if isinstance(value, dict) else None
    if mode not in ENTRY_MODES:
        raise ScenarioFileError(f"entry mode must be one of {', '.join(ENTRY_MODES)}, not {mode!r}", path=path)
    days = value.get("days")
    if mode == "once_per_days" and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
        raise ScenarioFileError(f"entry \"once_per_days\" needs days ≥ 1, not {days!r}", path=path)
    return EntryRule(mode, days if mode == "once_per_days" else None)


def parse(data: Any, *, registry: Registry | None = None, error_handler: ErrorHandler | None = None,
          path: object = None) -> ScenarioDoc:
    """Upgrade and parse a document; structural problems raise ScenarioFileError naming the spot."""
    registry = registry or default_registry()
    doc = upgrade(data, path=path)
    nodes: list[NodeDoc] = []
    ids: set[str] = set()
    raw_nodes = doc.get("nodes", [])
    if not isinstance(raw_nodes, list):
        raise ScenarioFileError("nodes must be a list", path=path)
    for i, raw in enumerate(raw_nodes):
        if not isinstance(raw, dict):
            raise ScenarioFileError(f"node {i + 1} is not an object", path=path)
        node_id = _text(raw.get("id"), f"node {i + 1}: id", path)
        if node_id in ids:
            raise ScenarioFileError(f"id {node_id!r} is used twice", path=path)
        ids.add(node_id)
        type_id = _text(raw.get("type"), f"node {node_id}: type", path)
        current = registry.resolve(type_id)
        if current is None and error_handler is not None:
            error_handler(UnknownNodeType(f"unknown node type {type_id!r}; the node is kept but cannot run",
                                          node_ids=[node_id]))
        props = raw.get("props", {})
        if not isinstance(props, dict):
            raise ScenarioFileError(f"node {node_id}: props must be an object", path=path)
        position = raw.get("position") or {}
        nodes.append(NodeDoc(node_id, current or type_id, _text(raw.get("title"), f"node {node_id}: title", path, ""),
                             _number(position.get("x"), f"node {node_id}: x", path),
                             _number(position.get("y"), f"node {node_id}: y", path),
                             json.dumps(props, ensure_ascii=False)))
    edges: list[EdgeDoc] = []
    node_ids = {n.id for n in nodes}
    raw_edges = doc.get("edges", [])
    if not isinstance(raw_edges, list):
        raise ScenarioFileError("edges must be a list", path=path)
    for i, raw in enumerate(raw_edges):
        if not isinstance(raw, dict):
            raise ScenarioFileError(f"edge {i + 1} is not an object", path=path)
        edge_id = _text(raw.get("id"), f"edge {i + 1}: id", path)
        if edge_id in ids:
            raise ScenarioFileError(f"id {edge_id!r} is used twice", path=path)
        ids.add(edge_id)
        ends = [_text(raw.get(k), f"edge {edge_id}: {k}", path) for k in ("source", "target")]
        for end in ends:
            if end not in node_ids:
                raise ScenarioFileError(f"edge {edge_id} points at node {end!r}, which does not exist", path=path)
        edges.append(EdgeDoc(edge_id, ends[0], _text(raw.get("source_port"), f"edge {edge_id}: source_port", path),
                             ends[1], _text(raw.get("target_port"), f"edge {edge_id}: target_port", path, "in")))
    return ScenarioDoc(_text(doc.get("name"), "name", path, ""), _text(doc.get("description"), "description", path, ""),
                       _entry(doc.get("entry"), path), tuple(nodes), tuple(edges))


def build(doc: ScenarioDoc) -> Scenario:
    """Live objects from a parsed document."""
    scenario = Scenario(doc.name, description=doc.description, entry=doc.entry)
    for n in doc.nodes:
        scenario.add_node(Node(n.id, n.type, json.loads(n.props_json), n.x, n.y, n.title))
    for e in doc.edges:
        scenario.add_edge(Edge(e.id, e.source, e.source_port, e.target, e.target_port))
    return scenario


def scenario_from_dict(data: Any, *, registry: Registry | None = None, error_handler: ErrorHandler | None = None,
                       path: object = None) -> Scenario:
    """A live Scenario from a JSON-compatible document (any supported version)."""
    return build(parse(data, registry=registry, error_handler=error_handler, path=path))


def loads(text: str, *, registry: Registry | None = None, error_handler: ErrorHandler | None = None,
          path: object = None) -> Scenario:
    """A live Scenario from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioFileError(f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}",
                                path=path) from exc
    return scenario_from_dict(data, registry=registry, error_handler=error_handler, path=path)


def read_file(path: str | Path, *, registry: Registry | None = None,
              error_handler: ErrorHandler | None = None) -> Scenario:
    """A live Scenario from a .json file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"cannot read the file: {getattr(exc, 'strerror', None) or exc}", path=file) from exc
    return loads(text, registry=registry, error_handler=error_handler, path=file)


def _position(value: float) -> float | int:
    # Whole coordinates are written as ints so a round trip keeps the file byte-identical.
    return int(value) if float(value).is_integer() else value


def to_dict(scenario: Scenario) -> dict[str, Any]:
    """The current-version document for `scenario` (props deep-copied)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "name": scenario.name,
        "description": scenario.description,
        "entry": scenario.entry.to_dict(),
        "nodes": [{"id": n.id, "type": n.type, "title": n.title,
                   "position": {"x": _position(n.x), "y": _position(n.y)}, "props": copy.deepcopy(n.props)}
                  for n in scenario.nodes.values()],
        "edges": [{"id": e.id, "source": e.source, "source_port": e.source_port, "target": e.target,
                   "target_port": e.target_port} for e in scenario.edges.values()],
    }


def dumps(scenario: Scenario) -> str:
    """Pretty JSON text (UTF-8 Cyrillic kept readable)."""
    return json.dumps(to_dict(scenario), ensure_ascii=False, indent=2) + "\n"


def write_file(scenario: Scenario, path: str | Path) -> Path:
    """Write the document atomically (a temporary file renamed over the target)."""
    file = Path(path)
    temp = file.with_name(f".{file.name}.tmp")
    try:
        temp.write_text(dumps(scenario), encoding="utf-8")
        temp.replace(file)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ScenarioFileError(f"cannot write the file: {exc.strerror or exc}", path=file) from exc
    return file
