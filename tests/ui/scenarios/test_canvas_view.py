"""Canvas view: keys, zoom and pan, auto-layout, what the screen shows on nodes, read-only mode."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.errors import UserInputError
from app.scenarios.starters import STARTER_KEYS, load_starter
from tests.ui.scenarios.canvas_helpers import (
    card_point,
    click,
    drag,
    make_canvas,
    port_point,
    press,
    small_scenario,
    view_point,
)
from tests.ui.scenarios.test_canvas_edits import drop_type
from ui.scenarios.canvas import NodePalette

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_keyboard_select_all_delete_undo_redo(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_A, CTRL)
    assert sorted(canvas.selected_node_ids()) == sorted(small_scenario().nodes)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert canvas.scenario.nodes == {} and canvas.scenario.edges == {}
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    assert len(canvas.scenario.nodes) == 5 and len(canvas.scenario.edges) == 4
    qtbot.keyClick(canvas, Qt.Key.Key_Y, CTRL)
    assert canvas.scenario.nodes == {}
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, CTRL | SHIFT)
    assert canvas.scenario.nodes == {}


def test_arrow_nudges_are_one_undo_step(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    canvas.select_node("w")
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, SHIFT)
    assert (canvas.scenario.nodes["w"].x, canvas.scenario.nodes["w"].y) == (360, 100)
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert (canvas.scenario.nodes["w"].x, canvas.scenario.nodes["w"].y) == (300, 0)


def test_keyboard_copy_paste(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    canvas.select_node("s")
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(canvas, Qt.Key.Key_V, CTRL)
    assert len(canvas.scenario.nodes) == 6
    (new_id,) = canvas.selected_node_ids()
    assert new_id != "s" and canvas.scenario.nodes[new_id].props == canvas.scenario.nodes["s"].props


def test_zoom_keys_wheel_and_limits(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom() == pytest.approx(1.25)
    for _ in range(20):
        canvas.zoom_in()
    assert canvas.zoom() == pytest.approx(3.0)
    for _ in range(30):
        qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.zoom() == pytest.approx(0.2)
    canvas.set_zoom(1.0)
    # Ctrl+wheel zooms around the pointer: the scene point under it stays put.
    at = QPoint(300, 200)
    before = canvas.mapToScene(at)
    wheel = QWheelEvent(QPointF(at), QPointF(canvas.viewport().mapToGlobal(at)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.zoom() == pytest.approx(1.15)
    after = canvas.mapToScene(at)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2


def test_middle_and_right_drag_pan_without_editing(qtbot) -> None:
    canvas = make_canvas(qtbot)
    for button in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
        before = canvas.mapToScene(QPoint(600, 350))
        start = card_point(canvas, "w")
        drag(canvas, start, start + QPoint(-120, -60), button=button)
        after = canvas.mapToScene(QPoint(600, 350))
        assert after.x() - before.x() == pytest.approx(120, abs=1)
        assert after.y() - before.y() == pytest.approx(60, abs=1)
    assert canvas.undo_stack.count() == 0


def test_fit_to_view_shows_every_node(qtbot) -> None:
    canvas = make_canvas(qtbot, load_starter("new_lead"))
    canvas.set_zoom(3.0)
    canvas.fit_to_view()
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for item in canvas.scene().node_items.values():
        assert visible.contains(item.sceneBoundingRect())
    assert 0.2 <= canvas.zoom() <= 1.0


def test_opening_fit_keeps_cards_readable_and_starts_at_the_trigger(qtbot) -> None:
    canvas = make_canvas(qtbot, load_starter("new_lead"))
    canvas.resize(600, 500)  # too narrow for the whole cascade at a legible size
    canvas.fit_to_view(readable=True)
    assert canvas.zoom() == pytest.approx(0.75)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.contains(canvas.scene().node_items["trigger"].sceneBoundingRect())


@pytest.mark.parametrize("key", STARTER_KEYS)
def test_auto_layout_has_no_overlaps_and_is_one_undo_step(qtbot, key: str) -> None:
    scenario = load_starter(key)
    for node in scenario.nodes.values():
        node.x, node.y = 0.0, 0.0  # everything piled up on one spot
    canvas = make_canvas(qtbot, scenario)
    canvas.set_counters({n: {"entered": 10, "waiting": 2, "sent": 5, "converted": 1} for n in scenario.nodes})
    canvas.auto_layout()
    items = canvas.scene().node_items
    rects = {n: i.sceneBoundingRect() for n, i in items.items()}
    for (a, ra), (b, rb) in combinations(rects.items(), 2):
        assert not ra.intersects(rb), (a, b)
    # Left to right: the starters have no loops, so every edge leads to a later column.
    for edge in scenario.edges.values():
        assert scenario.nodes[edge.target].x > scenario.nodes[edge.source].x, edge
    assert all(n.x % 20 == 0 and n.y % 20 == 0 for n in scenario.nodes.values())
    assert canvas.undo_stack.count() == 1
    canvas.undo_stack.undo()
    assert all((n.x, n.y) == (0, 0) for n in scenario.nodes.values())


def test_problems_counters_and_highlight_show_on_items(qtbot) -> None:
    canvas = make_canvas(qtbot)
    items = canvas.scene().node_items
    canvas.set_problems({"s": ["No template chosen", "No provider"]})
    assert items["s"].problems == ["No template chosen", "No provider"]
    assert "No provider" in items["s"].toolTip()
    assert items["w"].problems == []
    height = items["w"].boundingRect().height()
    canvas.set_counters({"w": {"entered": 1204, "waiting": 30, "sent": 0, "converted": 7}})
    assert items["w"].counters["entered"] == 1204
    assert items["w"].boundingRect().height() > height  # the chips take room under the card
    canvas.set_problems({})
    assert items["s"].problems == [] and "No provider" not in items["s"].toolTip()
    canvas.highlight_path(["t", "w", "c", "s"])
    edges = canvas.scene().edge_items
    on_path = {e.id for e in canvas.scenario.edges.values() if e.target != "x"}
    assert {e for e, i in edges.items() if i.highlighted} == on_path
    assert items["x"].dimmed and items["x"].opacity() < 1 and items["s"].highlighted
    canvas.clear_highlight()
    assert not any(i.highlighted or i.dimmed for i in [*items.values(), *edges.values()])


def test_read_only_views_and_selects_but_refuses_edits(qtbot) -> None:
    scenario = small_scenario()
    scenario.remove_edge(scenario.edges_from("c", "no")[0].id)
    canvas = make_canvas(qtbot, scenario)
    canvas.set_read_only(True)
    start = card_point(canvas, "w")
    drag(canvas, start, start + QPoint(100, 100))
    assert (scenario.nodes["w"].x, scenario.nodes["w"].y) == (300, 0)
    assert canvas.selected_node_ids() == ["w"]  # selecting still works
    drag(canvas, port_point(canvas, "c", "no"), card_point(canvas, "x"))
    assert scenario.edges_from("c", "no") == []
    canvas.delete_selected()
    canvas.select_all()
    canvas.copy_selected()
    canvas.paste()
    canvas.auto_layout()
    with pytest.raises(UserInputError):
        canvas.add_node_of_type("flow.wait")
    with pytest.raises(UserInputError):
        canvas.set_node_props("w", {"duration": {"amount": 1, "unit": "hours"}})
    drop = drop_type(canvas, NodePalette().mime_for("flow.wait"), QPoint(300, 500))
    assert not drop.isAccepted()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(scenario.nodes) == 5 and len(scenario.edges) == 3
    assert canvas.undo_stack.count() == 0
    canvas.set_read_only(False)
    canvas.delete_selected()
    assert scenario.nodes == {}


def test_set_scenario_clears_undo_and_stops_observing_the_old_model(qtbot) -> None:
    canvas = make_canvas(qtbot)
    old = canvas.scenario
    canvas.add_node_of_type("flow.exit")
    changes = []
    canvas.changed.connect(lambda: changes.append(1))
    fresh = small_scenario()
    canvas.set_scenario(fresh)
    assert canvas.undo_stack.count() == 0 and changes == []
    old.move_node("w", 1000, 1000)
    assert canvas.scene().node_items["w"].pos() == QPointF(300, 0)
    assert canvas.scenario is fresh


def test_double_click_activates_and_selection_is_reported(qtbot) -> None:
    canvas = make_canvas(qtbot)
    selections = []
    canvas.selection_changed.connect(selections.append)
    click(canvas, card_point(canvas, "c"))
    assert selections[-1] == ["c"]
    with qtbot.waitSignal(canvas.node_activated) as blocker:
        qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=card_point(canvas, "c"))
    assert blocker.args == ["c"]


def test_rubber_band_selects_the_cards_it_touches(qtbot) -> None:
    canvas = make_canvas(qtbot)
    items = canvas.scene().node_items
    top_left = view_point(canvas, items["w"].sceneBoundingRect().topLeft() + QPointF(-30, -30))
    bottom_right = view_point(canvas, items["c"].mapToScene(QPointF(100, 40)))
    drag(canvas, top_left, bottom_right)
    assert sorted(canvas.selected_node_ids()) == ["c", "w"]
    assert canvas.undo_stack.count() == 0


def test_space_and_drag_pans_and_escape_cancels_a_new_edge(qtbot) -> None:
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    before = canvas.mapToScene(QPoint(600, 350))
    start = card_point(canvas, "w")
    drag(canvas, start, start + QPoint(-100, 0))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    after = canvas.mapToScene(QPoint(600, 350))
    assert after.x() - before.x() == pytest.approx(100, abs=1)
    assert (canvas.scenario.nodes["w"].x, canvas.scenario.nodes["w"].y) == (300, 0)  # panned, not moved
    press(canvas, port_point(canvas, "s", "next"))
    assert canvas.scene().interaction is not None
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.scene().interaction is None
    assert not canvas.scene().node_items["x"].input_port.candidate
