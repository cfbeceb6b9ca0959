"""Keyboard, wheel, pan, zoom and drop handling of the canvas view (a mixin of ScenarioCanvas).

Pan: middle or right drag, or Space + left drag; zoom: Ctrl+wheel around the pointer, +/-;
keys: Ctrl+A/C/V/Z/Y (and Shift+Ctrl+Z), Delete, arrows nudge by one grid step (Shift: five).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView

from app.errors import UserInputError
from ui.scenarios.canvas import style
from ui.scenarios.canvas.palette import NODE_TYPE_MIME

__all__ = ["CanvasInput"]

_PAN_BUTTONS = (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton)
_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


class CanvasInput:
    """Input handling, zoom and fit for ScenarioCanvas; relies on its edit methods and signals."""

    _pan_from: QPoint | None = None
    _space_down = False

    def _command_for(self, event: QKeyEvent) -> str | None:
        """The canvas action bound to a key press, if any."""
        standard = {QKeySequence.StandardKey.SelectAll: "select_all", QKeySequence.StandardKey.Copy: "copy",
                    QKeySequence.StandardKey.Paste: "paste", QKeySequence.StandardKey.Undo: "undo",
                    QKeySequence.StandardKey.Redo: "redo", QKeySequence.StandardKey.Delete: "delete"}
        for key, name in standard.items():
            if event.matches(key):
                return name
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_Y and modifiers == ctrl:
            return "redo"
        if event.key() == Qt.Key.Key_Z and modifiers == ctrl | Qt.KeyboardModifier.ShiftModifier:
            return "redo"
        if modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                return "delete"
            if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                return "zoom_in"
            if event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                return "zoom_out"
            if event.key() in _ARROWS and self.selected_node_ids():
                return "nudge"
        return None

    def event(self, event: QEvent) -> bool:
        """Claim our shortcuts while the canvas has focus, so window actions do not take them."""
        if event.type() == QEvent.Type.ShortcutOverride and self._command_for(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Run the bound action; Space starts hand panning."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        command = self._command_for(event)
        if command is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if command == "nudge":
            step = style.GRID * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            dx, dy = _ARROWS[Qt.Key(event.key())]
            self.nudge(dx * step, dy * step)
        elif command == "undo":
            if not self.read_only:
                self.undo_stack.undo()
        elif command == "redo":
            if not self.read_only:
                self.undo_stack.redo()
        else:
            {"select_all": self.select_all, "copy": self.copy_selected, "paste": self.paste,
             "delete": self.delete_selected, "zoom_in": self.zoom_in, "zoom_out": self.zoom_out}[command]()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Space released: back to rubber-band selection."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Middle or right button (or the left one with Space held) drags the canvas around."""
        if event.button() in _PAN_BUTTONS or (self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        self.setFocus()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Scroll by the pointer's movement while panning."""
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End panning."""
        if self._pan_from is not None:
            self._pan_from = None
            if self._space_down:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the pointer; the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * (1.15 ** steps), event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    # -- zoom -----------------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPoint | None = None) -> None:
        """Zoom to `scale`, kept within 0.2–3; the scene point at viewport point `anchor` stays put."""
        target = min(style.ZOOM_MAX, max(style.ZOOM_MIN, scale))
        factor = target / self.zoom()
        if abs(factor - 1) < 1e-6:
            return
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        drift = self.mapFromScene(fixed) - anchor
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self.set_zoom(self.zoom() / 1.25)

    def fit_to_view(self, *, readable: bool = False) -> None:
        """Show every node (never enlarged beyond 100 %).

        `readable` (used when a scenario opens) never shrinks below `style.ZOOM_READABLE`, where
        card text is still legible; a wider scenario then starts at its triggers and scrolls.
        """
        self._fit_pending = False
        if not self._scene.node_items:
            self.resetTransform()
            return
        rect = self._scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.zoom()
        floor = style.ZOOM_READABLE if readable else style.ZOOM_MIN
        clamped = max(floor, min(1.0, scale))
        if clamped != scale:
            self.resetTransform()
            self.scale(clamped, clamped)
        if clamped > scale:  # it does not all fit: show the start (left, top) rather than the middle
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.left() + visible.width() / 2, rect.top() + visible.height() / 2)
        else:
            self.centerOn(rect.center())

    def showEvent(self, event: QShowEvent) -> None:
        """Fit a scenario that was set while the canvas was hidden."""
        super().showEvent(event)
        if self._fit_pending:
            self.fit_to_view()

    # -- drops from the palette -------------------------------------------------------------------------
    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        return not self.read_only and event.mimeData().hasFormat(NODE_TYPE_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept node types from the palette (not on a read-only canvas)."""
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting while the type is dragged over the canvas."""
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Create the dropped type where it was dropped (one undo step)."""
        if not self._accepts(event):
            event.ignore()
            return
        type_id = bytes(event.mimeData().data(NODE_TYPE_MIME).data()).decode("utf-8", "replace").strip()
        try:
            self.add_node_of_type(type_id, self.mapToScene(event.position().toPoint()))
        except UserInputError as exc:
            self.message.emit(str(exc))
            event.ignore()
            return
        event.acceptProposedAction()
        self.setFocus()
