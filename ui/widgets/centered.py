"""A fixed-width column of widgets centred on its page (wrapped labels get their full height)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

__all__ = ["centered_column"]


def centered_column(page: QWidget, widgets: list[QWidget], width: int = 600) -> None:
    """Lay `widgets` out top to bottom in a `width`-wide column centred on `page`."""
    card = QWidget()
    card.setFixedWidth(width)
    column = QVBoxLayout(card)
    column.setSpacing(12)
    for widget in widgets:
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            widget.ensurePolished()  # style-sheet fonts count in the height below
            # Centred layouts size by sizeHint, not heightForWidth: reserve the wrapped height.
            widget.setMinimumHeight(widget.heightForWidth(width - 2 * column.contentsMargins().left()))
            column.addWidget(widget)
        else:
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
