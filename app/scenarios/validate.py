"""Scenario validation: collect every problem as a typed error naming its nodes and edges.

Entry rule (documented): a scenario has exactly one trigger, except that several
"event received" triggers may be combined — any of those events starts the journey.
With a database `engine`, named templates, provider accounts and saved segments are
looked up too; without one only the graph and the values are checked.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Engine

from app.errors import NotFoundError, UserInputError
from app.scenarios.errors import (
    BadConnection,
    BadFieldValue,
    CycleWithoutWait,
    MissingProvider,
    MissingTemplate,
    NoEntryTrigger,
    ScenarioError,
    ScenarioInvalid,
    TooManyTriggers,
    UnconnectedBranch,
    UnknownNodeType,
    UnreachableNode,
)
from app.scenarios.fields import check_fields
from app.scenarios.graph import ENTRY_MODES, Edge, Node, Scenario
from app.scenarios.registry import NodeType, Registry, default_registry

__all__ = ["MULTI_TRIGGER_TYPES", "can_connect", "check", "validate"]

#: Trigger types that may appear several times in one scenario (an "any of" set).
MULTI_TRIGGER_TYPES = ("trigger.event",)


def validate(scenario: Scenario, *, registry: Registry | None = None, engine: Engine | None = None) -> list[ScenarioError]:
    """Every problem in `scenario`, graph problems first, then node values, in node order."""
    registry = registry or default_registry()
    types = {n.id: registry.get(n.type) for n in scenario.nodes.values()}
    problems: list[ScenarioError] = [
        UnknownNodeType(f"unknown node type {n.type!r}; the node is kept but cannot run", node_ids=[n.id])
        for n in scenario.nodes.values() if types[n.id] is None]
    problems += _entry(scenario)
    problems += _triggers(scenario, types)
    problems += _edges(scenario, types)
    problems += _unreachable(scenario, types)
    problems += _unconnected(scenario, types)
    problems += _cycles(scenario, types)
    for node in scenario.nodes.values():
        node_type = types[node.id]
        if node_type is not None:
            problems += check_fields(node, node_type)
            if engine is not None:
                problems += _references(node, node_type, engine)
    return problems


def check(scenario: Scenario, *, registry: Registry | None = None, engine: Engine | None = None) -> None:
    """Raise ScenarioInvalid listing every problem, if there is any."""
    problems = validate(scenario, registry=registry, engine=engine)
    if problems:
        raise ScenarioInvalid(scenario.name, problems)


def can_connect(scenario: Scenario, source: str, source_port: str, target: str, target_port: str = "in", *,
                registry: Registry | None = None) -> ScenarioError | None:
    """Why an edge from `source.source_port` to `target.target_port` may not be drawn, or None if it may.

    The canvas calls this while a new edge is dragged, to highlight the ports that accept it.
    """
    registry = registry or default_registry()
    if source not in scenario.nodes or target not in scenario.nodes:
        return BadConnection("both ends of a connection must be nodes of the scenario")
    if source == target:
        return BadConnection("a node cannot be connected to itself", node_ids=[source])
    types = {n.id: registry.get(n.type) for n in scenario.nodes.values()}
    probe = Edge("(new)", source, source_port, target, target_port)
    problems = _edge_problems(scenario, probe, types, _by_port([*scenario.edges.values(), probe]))
    if problems:
        return problems[0]
    existing = [e for e in scenario.edges.values()
                if (e.source, e.source_port, e.target, e.target_port) == (source, source_port, target, target_port)]
    if existing:
        return BadConnection("these ports are already connected", edge_ids=[existing[0].id])
    cycles = _cycles(scenario, types, extra=[probe])
    return cycles[0] if cycles else None


def _title(node: Node, node_type: NodeType | None) -> str:
    return f"{node_type.title_en if node_type else node.type} ({node.id})"


def _entry(scenario: Scenario) -> list[ScenarioError]:
    entry = scenario.entry
    if entry.mode not in ENTRY_MODES:
        return [BadFieldValue(f"entry rule {entry.mode!r} is not one of {', '.join(ENTRY_MODES)}", field="entry")]
    if entry.mode == "once_per_days" and (not isinstance(entry.days, int) or isinstance(entry.days, bool)
                                          or entry.days < 1):
        return [BadFieldValue(f"entry \"once per N days\" needs N of at least 1, not {entry.days!r}", field="entry")]
    return []


def _triggers(scenario: Scenario, types: dict[str, NodeType | None]) -> list[ScenarioError]:
    triggers = [nid for nid, t in types.items() if t is not None and t.is_trigger]
    if not triggers:
        return [NoEntryTrigger("the scenario has no trigger: add one so contacts can enter")]
    kinds = {types[nid].type_id for nid in triggers}  # type: ignore[union-attr]
    if len(triggers) > 1 and not kinds <= set(MULTI_TRIGGER_TYPES):
        return [TooManyTriggers(f"the scenario has {len(triggers)} triggers; keep exactly one "
                                "(only \"event received\" triggers may be combined)", node_ids=triggers)]
    return []


def _by_port(edges: Iterable[Edge]) -> dict[tuple[str, str], list[str]]:
    """Edge ids per (source node, exit port), in edge order."""
    found: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        found.setdefault((edge.source, edge.source_port), []).append(edge.id)
    return found


def _edge_problems(scenario: Scenario, edge: Edge, types: dict[str, NodeType | None],
                   by_port: dict[tuple[str, str], list[str]]) -> list[ScenarioError]:
    source, target = scenario.nodes.get(edge.source), scenario.nodes.get(edge.target)
    if source is None or target is None:
        return [BadConnection("the edge points at a node that does not exist", edge_ids=[edge.id])]
    source_type, target_type = types[source.id], types[target.id]
    problems: list[ScenarioError] = []
    if source_type is not None:
        ports = {p.name: p for p in source_type.output_ports(source.props)}
        port = ports.get(edge.source_port)
        if port is None:
            have = ", ".join(ports) or "none"
            problems.append(BadConnection(f"{_title(source, source_type)} has no exit {edge.source_port!r} "
                                          f"(exits: {have})", node_ids=[source.id], edge_ids=[edge.id]))
        elif not port.multi:
            twins = by_port.get((source.id, port.name), [])
            if len(twins) > 1 and twins[0] != edge.id:
                problems.append(BadConnection(f"exit {port.name!r} of {_title(source, source_type)} already "
                                              "leads elsewhere", node_ids=[source.id], edge_ids=[edge.id]))
    if target_type is not None and edge.target_port not in {p.name for p in target_type.inputs}:
        problems.append(BadConnection(f"{_title(target, target_type)} has no input {edge.target_port!r}",
                                      node_ids=[target.id], edge_ids=[edge.id]))
    return problems


def _edges(scenario: Scenario, types: dict[str, NodeType | None]) -> list[ScenarioError]:
    problems: list[ScenarioError] = []
    by_port = _by_port(scenario.edges.values())
    for edge in scenario.edges.values():
        problems += _edge_problems(scenario, edge, types, by_port)
    return problems


def _unreachable(scenario: Scenario, types: dict[str, NodeType | None]) -> list[ScenarioError]:
    successors: dict[str, list[str]] = {}
    for edge in scenario.edges.values():
        successors.setdefault(edge.source, []).append(edge.target)
    seen = [nid for nid, t in types.items() if t is not None and t.is_trigger]
    reached = set(seen)
    while seen:
        for nxt in successors.get(seen.pop(), ()):
            if nxt not in reached:
                reached.add(nxt)
                seen.append(nxt)
    problems: list[ScenarioError] = []
    for node in scenario.nodes.values():
        node_type = types[node.id]
        # Nodes without inputs (a goal) are not steps of the path; unknown nodes count as steps.
        if node.id not in reached and (node_type is None or node_type.inputs):
            problems.append(UnreachableNode(f"{_title(node, node_type)} cannot be reached from the trigger",
                                            node_ids=[node.id]))
    return problems


def _unconnected(scenario: Scenario, types: dict[str, NodeType | None]) -> list[ScenarioError]:
    problems: list[ScenarioError] = []
    used = {(e.source, e.source_port) for e in scenario.edges.values()}
    for node in scenario.nodes.values():
        node_type = types[node.id]
        if node_type is None:
            continue
        for port in node_type.output_ports(node.props):
            if (port.required or node_type.is_trigger) and (node.id, port.name) not in used:
                problems.append(UnconnectedBranch(f"exit {port.name!r} of {_title(node, node_type)} leads nowhere",
                                                  node_ids=[node.id]))
    return problems


def _cycles(scenario: Scenario, types: dict[str, NodeType | None], extra: Iterable[Edge] = ()) -> list[ScenarioError]:
    """Loops among non-waiting nodes (Tarjan's strongly connected components, iterative)."""
    edges = [e for e in (*scenario.edges.values(), *extra)
             if e.source in scenario.nodes and e.target in scenario.nodes
             and not _waits(types[e.source]) and not _waits(types[e.target])]
    graph: dict[str, list[str]] = {nid: [] for nid in scenario.nodes}
    for edge in edges:
        graph[edge.source].append(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    problems: list[ScenarioError] = []
    self_loops = {e.source for e in edges if e.source == e.target}
    for component in components:
        if len(component) == 1 and component[0] not in self_loops:
            continue
        members = set(component)
        inside = [e.id for e in edges if e.source in members and e.target in members]
        if inside:
            ordered = [nid for nid in scenario.nodes if nid in members]
            problems.append(CycleWithoutWait("these steps form a loop with no wait: a contact would go round it "
                                             "without pause", node_ids=ordered, edge_ids=inside))
    return problems


def _waits(node_type: NodeType | None) -> bool:
    return node_type is not None and node_type.waits


def _references(node: Node, node_type: NodeType, engine: Engine) -> list[ScenarioError]:
    """Named templates, provider accounts and saved segments must exist in the workspace."""
    from app.providers.store import get_provider
    from app.segments.service import get_segment, segment_condition
    from app.templates.library import find_template

    title = _title(node, node_type)
    problems: list[ScenarioError] = []
    template = node.props.get("template")
    if node_type.template_kind and isinstance(template, str) and template.strip():
        try:
            info = find_template(engine, template)
        except NotFoundError:
            problems.append(MissingTemplate(f"{title}: no template named {template!r} in the library",
                                            node_ids=[node.id], field="template"))
        else:
            if info.kind != node_type.template_kind:
                problems.append(MissingTemplate(f"{title}: template {template!r} is a {info.kind} template, "
                                                f"this step needs a {node_type.template_kind} one",
                                                node_ids=[node.id], field="template"))
    provider = node.props.get("provider")
    if node_type.channel and isinstance(provider, str) and provider.strip():
        try:
            account = get_provider(engine, provider)
        except NotFoundError:
            problems.append(MissingProvider(f"{title}: no provider account named {provider!r}",
                                            node_ids=[node.id], field="provider"))
        else:
            if account.channel != node_type.channel:
                problems.append(MissingProvider(f"{title}: provider {provider!r} sends {account.channel}, "
                                                f"not {node_type.channel}", node_ids=[node.id], field="provider"))
    for spec in node_type.fields:
        name = node.props.get(spec.name)
        if spec.type == "segment" and isinstance(name, str) and name.strip():
            try:
                get_segment(engine, name)
            except NotFoundError:
                problems.append(BadFieldValue(f"{title}: no saved segment named {name!r}", node_ids=[node.id],
                                              field=spec.name))
        if spec.type == "segment_rule" and isinstance(name, dict) and not check_fields(node, node_type):
            # Compiling resolves the lists and saved segments the rule names.
            try:
                segment_condition(engine, name)
            except UserInputError as exc:
                problems.append(BadFieldValue(f"{title}: {exc}", node_ids=[node.id], field=spec.name))
    return problems
