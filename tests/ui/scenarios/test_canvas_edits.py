"""Canvas edits driven like a user: drop, connect, move, delete, copy/paste, each with undo/redo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.scenarios.graph import Node
from tests.ui.scenarios.canvas_helpers import card_point, drag, make_canvas, port_point, press, small_scenario
from ui.scenarios.canvas import NodePalette, ScenarioCanvas


def drop_type(canvas: ScenarioCanvas, mime: QMimeData, pos: QPoint) -> QDropEvent:
    """Deliver a palette drag (enter, move, drop) to the canvas at a viewport point."""
    viewport = canvas.viewport()
    actions = Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, actions, mime, left, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, actions, mime, left, none))
    drop = QDropEvent(QPointF(pos), actions, mime, left, none)
    QApplication.sendEvent(viewport, drop)
    return drop


def test_drop_from_the_palette_creates_a_node_there_and_undo_removes_it(qtbot) -> None:
    canvas = make_canvas(qtbot)
    palette = NodePalette()
    qtbot.addWidget(palette)
    changes = []
    canvas.changed.connect(lambda: changes.append(1))
    target = QPoint(400, 500)
    drop = drop_type(canvas, palette.mime_for("flow.wait"), target)
    assert drop.isAccepted()
    added = [n for n in canvas.scenario.nodes.values() if n.id not in small_scenario().nodes]
    assert len(added) == 1 and added[0].type == "flow.wait"
    node = added[0]
    assert node.props == {"duration": {"amount": 1, "unit": "days"}}
    assert node.x % 20 == 0 and node.y % 20 == 0
    # The card is centred under the drop point (within one grid step).
    centre = canvas.mapToScene(target)
    item = canvas.scene().node_items[node.id]
    assert abs(item.sceneBoundingRect().center().x() - centre.x()) < 40
    assert canvas.selected_node_ids() == [node.id]
    assert changes
    canvas.undo_stack.undo()
    assert node.id not in canvas.scenario.nodes and node.id not in canvas.scene().node_items
    canvas.undo_stack.redo()
    assert canvas.scenario.nodes[node.id].type == "flow.wait"


def test_drop_of_something_else_is_ignored(qtbot) -> None:
    canvas = make_canvas(qtbot)
    other = QMimeData()
    other.setText("flow.wait")
    drop_type(canvas, other, QPoint(300, 500))
    assert len(canvas.scenario.nodes) == 5


def test_connect_by_dragging_from_an_exit_to_a_card(qtbot) -> None:
    scenario = small_scenario()
    scenario.remove_edge(next(e.id for e in scenario.edges.values() if e.source == "c" and e.source_port == "no"))
    canvas = make_canvas(qtbot, scenario)
    drag(canvas, port_point(canvas, "c", "no"), card_point(canvas, "x"))
    edges = canvas.scenario.edges_from("c", "no")
    assert [(e.target, e.target_port) for e in edges] == [("x", "in")]
    item = canvas.scene().edge_items[edges[0].id]
    assert item.label == "No"
    assert canvas.scene().node_items["x"].input_port.connected
    canvas.undo_stack.undo()
    assert canvas.scenario.edges_from("c", "no") == []
    assert edges[0].id not in canvas.scene().edge_items


def test_a_refused_connection_is_not_drawn_and_says_why(qtbot) -> None:
    canvas = make_canvas(qtbot)
    messages = []
    canvas.message.connect(messages.append)
    before = dict(canvas.scenario.edges)
    # The trigger has no input: nothing can lead into it.
    drag(canvas, port_point(canvas, "s", "next"), card_point(canvas, "t"))
    assert canvas.scenario.edges == before
    assert messages and "nothing can lead into it" in messages[-1]
    # An exit that already leads somewhere is refused too, with its own reason.
    drag(canvas, port_point(canvas, "c", "yes"), card_point(canvas, "x"))
    assert canvas.scenario.edges == before
    assert "already leads" in messages[-1]
    assert canvas.undo_stack.count() == 0


def test_while_dragging_only_accepting_inputs_light_up(qtbot) -> None:
    canvas = make_canvas(qtbot)
    scene = canvas.scene()
    press(canvas, port_point(canvas, "s", "next"))
    assert scene.interaction is not None
    assert scene.node_items["x"].input_port.candidate  # sms → exit is fine
    assert not scene.node_items["s"].input_port.candidate  # not to itself
    assert scene.node_items["t"].input_port is None  # triggers have no input at all
    scene.interaction.cancel()
    assert not scene.node_items["x"].input_port.candidate


def test_move_snaps_to_the_grid_and_undo_redo_restore_it(qtbot) -> None:
    canvas = make_canvas(qtbot)
    start = card_point(canvas, "w")
    drag(canvas, start, start + QPoint(93, 47))
    node = canvas.scenario.nodes["w"]
    assert (node.x, node.y) == (400, 40)
    assert canvas.scene().node_items["w"].pos() == QPointF(400, 40)
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert (canvas.scenario.nodes["w"].x, canvas.scenario.nodes["w"].y) == (300, 0)
    assert canvas.scene().node_items["w"].pos() == QPointF(300, 0)
    canvas.undo_stack.redo()
    assert (canvas.scenario.nodes["w"].x, canvas.scenario.nodes["w"].y) == (400, 40)


def test_edges_follow_a_moved_node(qtbot) -> None:
    canvas = make_canvas(qtbot)
    edge_id = canvas.scenario.edges_from("t")[0].id
    before = canvas.scene().edge_items[edge_id].end
    canvas.scenario.move_node("w", 300, 200)  # any change of the model, not only the canvas's own
    after = canvas.scene().edge_items[edge_id].end
    assert after.y() - before.y() == 200


def test_delete_and_undo_restore_the_node_and_its_edges(qtbot) -> None:
    canvas = make_canvas(qtbot)
    original_edges = dict(canvas.scenario.edges)
    order = list(canvas.scenario.nodes)
    canvas.select_node("c")
    canvas.delete_selected()
    assert "c" not in canvas.scenario.nodes
    assert all("c" not in (e.source, e.target) for e in canvas.scenario.edges.values())
    assert len(canvas.scene().edge_items) == 1
    canvas.undo_stack.undo()
    assert list(canvas.scenario.nodes) == order
    assert canvas.scenario.edges.keys() == original_edges.keys()
    assert all(canvas.scenario.edges[k] == v for k, v in original_edges.items())
    assert set(canvas.scene().edge_items) == set(original_edges)
    canvas.undo_stack.redo()
    assert "c" not in canvas.scene().node_items


def test_a_selected_edge_alone_can_be_deleted(qtbot) -> None:
    canvas = make_canvas(qtbot)
    edge = canvas.scenario.edges_from("c", "no")[0]
    canvas.scene().edge_items[edge.id].setSelected(True)
    canvas.delete_selected()
    assert edge.id not in canvas.scenario.edges and len(canvas.scenario.nodes) == 5
    canvas.undo_stack.undo()
    assert canvas.scenario.edges[edge.id] == edge


def test_copy_paste_gets_new_ids_and_keeps_inner_edges(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas._select(["w", "c"])
    canvas.copy_selected()
    canvas.paste()
    new_ids = [n for n in canvas.scenario.nodes if n not in small_scenario().nodes]
    assert len(new_ids) == 2
    pasted = [canvas.scenario.nodes[n] for n in new_ids]
    assert sorted(n.type for n in pasted) == ["flow.condition", "flow.wait"]
    assert all(n.x % 20 == 0 for n in pasted)
    wait = next(n for n in pasted if n.type == "flow.wait")
    assert (wait.x, wait.y) == (340, 40)  # shifted off the original
    inner = [e for e in canvas.scenario.edges.values() if e.source in new_ids or e.target in new_ids]
    assert len(inner) == 1 and inner[0].source == wait.id and inner[0].target in new_ids
    assert sorted(canvas.selected_node_ids()) == sorted(new_ids)
    canvas.paste()  # a second paste lands further away, with other ids again
    assert len(canvas.scenario.nodes) == 9
    canvas.undo_stack.undo()
    canvas.undo_stack.undo()
    assert set(canvas.scenario.nodes) == set(small_scenario().nodes)
    assert len(canvas.scenario.edges) == 4


def test_changing_split_branches_drops_edges_of_removed_branches_undoably(qtbot) -> None:
    scenario = small_scenario()
    scenario.add_node(Node("ab", "flow.split", {"branches": [{"key": "A", "percent": 50},
                                                             {"key": "B", "percent": 50}]}, 300, 300))
    scenario.connect("ab", "A", "s")
    scenario.connect("ab", "B", "x")
    canvas = make_canvas(qtbot, scenario)
    item = canvas.scene().node_items["ab"]
    assert set(item.output_ports) == {"A", "B"} and item.summary == "A 50 % / B 50 %"
    canvas.set_node_props("ab", {"branches": [{"key": "A", "percent": 100}]})
    assert set(item.output_ports) == {"A"}
    assert [e.source_port for e in canvas.scenario.edges_from("ab")] == ["A"]
    canvas.undo_stack.undo()
    assert set(item.output_ports) == {"A", "B"}
    assert sorted(e.source_port for e in canvas.scenario.edges_from("ab")) == ["A", "B"]
