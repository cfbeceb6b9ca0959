"""The graph model: edits emit one event each, ids stay unique, removal is undoable."""

from __future__ import annotations

import pytest

from app.scenarios.graph import Edge, EntryRule, Event, GraphError, Node, Scenario
from tests.app.scenarios.helpers import linear


def test_event_calls_handlers_in_order_and_disconnects() -> None:
    event, seen = Event(), []
    first, second = (lambda v: seen.append(("1", v))), (lambda v: seen.append(("2", v)))
    event.connect(first)
    event.connect(second)
    event.connect(first)  # twice is once
    event.emit(5)
    event.disconnect(first)
    event.emit(6)
    assert seen == [("1", 5), ("2", 5), ("2", 6)]


def test_edits_emit_events_for_observers() -> None:
    s = Scenario("x")
    log: list[tuple[str, str]] = []
    s.node_added.connect(lambda n, i: log.append(("added", f"{n.id}@{i}")))
    s.node_moved.connect(lambda n: log.append(("moved", f"{n.id}:{n.x},{n.y}")))
    s.node_changed.connect(lambda n: log.append(("changed", n.title)))
    s.edge_added.connect(lambda e: log.append(("edge+", e.id)))
    s.edge_removed.connect(lambda e: log.append(("edge-", e.id)))
    s.node_removed.connect(lambda n: log.append(("removed", n.id)))
    s.settings_changed.connect(lambda sc: log.append(("settings", sc.entry.mode)))
    s.add_node(Node("a", "flow.wait"))
    s.add_node(Node("b", "flow.exit"))
    edge = s.connect("a", "next", "b")
    s.move_node("a", 10, 20)
    s.set_props("a", {"duration": {"amount": 2, "unit": "hours"}}, title="Два часа")
    s.remove_node("b")
    s.set_settings(entry=EntryRule("every_time"))
    assert log == [("added", "a@0"), ("added", "b@1"), ("edge+", edge.id), ("moved", "a:10.0,20.0"),
                   ("changed", "Два часа"), ("edge-", edge.id), ("removed", "b"),
                   ("settings", "every_time")]
    assert s.edges == {}


def test_remove_node_returns_edges_and_undo_restores_order() -> None:
    s = linear()
    order = list(s.nodes)
    index = s.index_of("c")
    node = s.nodes["c"]
    removed = s.remove_node("c")
    assert {(e.source, e.target) for e in removed} == {("w", "c"), ("c", "a"), ("c", "x")}
    s.add_node(node, index)
    for edge in removed:
        s.add_edge(edge)
    assert list(s.nodes) == order and len(s.edges) == 5


def test_ids_are_unique_and_edges_need_nodes() -> None:
    s = linear()
    with pytest.raises(GraphError, match="already used"):
        s.add_node(Node("t", "flow.exit"))
    with pytest.raises(GraphError, match="no node 'zz'"):
        s.add_edge(Edge("e99", "t", "next", "zz"))
    with pytest.raises(GraphError, match="already connected"):
        s.connect("t", "next", "w")
    new = s.new_id()
    assert new not in s.nodes and new not in s.edges
    with pytest.raises(GraphError):
        s.remove_edge("nope")


def test_set_props_stores_a_copy() -> None:
    s = linear()
    props = {"duration": {"amount": 3, "unit": "days"}}
    s.set_props("w", props)
    props["duration"]["amount"] = 99
    assert s.nodes["w"].props["duration"]["amount"] == 3
