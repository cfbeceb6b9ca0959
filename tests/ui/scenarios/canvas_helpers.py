"""Helpers for canvas tests: a shown canvas with a small scenario, and real mouse gestures."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.scenarios.graph import Node, Scenario
from ui.scenarios.canvas import ScenarioCanvas


def small_scenario() -> Scenario:
    """trigger → wait → condition (yes → sms, no → exit), laid out on the grid."""
    scenario = Scenario("Test")
    scenario.add_node(Node("t", "trigger.event", {"event_type": "page_view", "filters": []}, 0, 0))
    scenario.add_node(Node("w", "flow.wait", {"duration": {"amount": 3, "unit": "days"}}, 300, 0))
    scenario.add_node(Node("c", "flow.condition", {"rule": {"all": []}}, 600, 0))
    scenario.add_node(Node("s", "action.sms", {"template": "Hello", "sms_kind": "trigger"}, 900, -120))
    scenario.add_node(Node("x", "flow.exit", {}, 900, 160))
    scenario.connect("t", "next", "w")
    scenario.connect("w", "next", "c")
    scenario.connect("c", "yes", "s")
    scenario.connect("c", "no", "x")
    return scenario


def make_canvas(qtbot, scenario: Scenario | None = None) -> ScenarioCanvas:
    """A shown 1200×700 canvas at 100 % showing `scenario` (the small one by default)."""
    canvas = ScenarioCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1200, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_scenario(scenario or small_scenario())
    canvas.set_zoom(1.0)
    canvas.centerOn(450, 40)
    return canvas


def view_point(canvas: ScenarioCanvas, scene_pos: QPointF) -> QPoint:
    """Viewport coordinates of a scene point."""
    return canvas.mapFromScene(scene_pos)


def _send(canvas: ScenarioCanvas, kind: QMouseEvent.Type, pos: QPoint, button: Qt.MouseButton,
          buttons: Qt.MouseButton, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = canvas.viewport()
    global_pos = QPointF(viewport.mapToGlobal(pos))
    event = QMouseEvent(kind, QPointF(pos), global_pos, button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def drag(canvas: ScenarioCanvas, start: QPoint, end: QPoint, *, button: Qt.MouseButton = Qt.MouseButton.LeftButton,
         steps: int = 6) -> None:
    """Press at `start`, move in steps with the button held, release at `end` (viewport coordinates)."""
    _send(canvas, QMouseEvent.Type.MouseButtonPress, start, button, button)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        _send(canvas, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, button)
    _send(canvas, QMouseEvent.Type.MouseButtonRelease, end, button, Qt.MouseButton.NoButton)


def press(canvas: ScenarioCanvas, pos: QPoint) -> None:
    """Press (and hold) the left button at a viewport point."""
    left = Qt.MouseButton.LeftButton
    _send(canvas, QMouseEvent.Type.MouseButtonPress, pos, left, left)


def click(canvas: ScenarioCanvas, pos: QPoint, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A left click at a viewport point."""
    left = Qt.MouseButton.LeftButton
    _send(canvas, QMouseEvent.Type.MouseButtonPress, pos, left, left, modifiers)
    _send(canvas, QMouseEvent.Type.MouseButtonRelease, pos, left, Qt.MouseButton.NoButton, modifiers)


def port_point(canvas: ScenarioCanvas, node_id: str, port: str) -> QPoint:
    """Viewport point of a node's port ("in" for the input)."""
    item = canvas.scene().node_items[node_id]
    port_item = item.input_port if port == "in" else item.output_ports[port]
    return view_point(canvas, port_item.scenePos())


def card_point(canvas: ScenarioCanvas, node_id: str) -> QPoint:
    """Viewport point in the middle of a node's card (clear of its ports)."""
    item = canvas.scene().node_items[node_id]
    return view_point(canvas, item.mapToScene(item.card_rect().center()))
