"""Sizing help for the suppression and mailbox groups on the scrolling Settings page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QScrollArea, QWidget

__all__ = ["grow_page"]


def grow_page(group: QWidget) -> None:
    """After a group's text grew, make the scrolling page re-read its size.

    The page's scroll area sizes its content only when it is itself asked to lay out, not
    when a group inside changes its minimum size; without this the taller group is squeezed
    and its rows overlap.
    """
    group.updateGeometry()
    parent = group.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        QCoreApplication.postEvent(parent, QEvent(QEvent.Type.LayoutRequest))
