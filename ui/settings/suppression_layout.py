"""Sizing help for the groups with wrapped notes (stop list, mailbox) on the scrolling Settings page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QGroupBox, QScrollArea, QWidget

__all__ = ["NotesGroup", "grow_page"]


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


class NotesGroup(QGroupBox):
    """A group box whose minimum height counts its wrapped notes at the group's own width."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        # The page would size the group for its own (wider) width, where wrapped notes are
        # shorter, and squeeze the table; minimumSizeHint counts them at the group's width.
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        width = min(self.maximumWidth(), max(self.width(), hint.width()))
        return QSize(hint.width(), max(hint.height(), self.layout().totalHeightForWidth(width)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSizeHint().expandedTo(QSize(super().sizeHint().width(), 0))
