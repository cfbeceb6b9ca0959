"""Room for the arrow on tool buttons that open a menu: Fusion draws it over the text otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

__all__ = ["leave_room_for_arrow"]


def leave_room_for_arrow(button: QToolButton) -> None:
    """Pad the button's right side so its menu arrow sits beside the text, not on it."""
    button.setStyleSheet("QToolButton { padding-right: 16px; }")
