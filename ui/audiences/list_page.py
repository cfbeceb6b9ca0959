"""The right side when a static list is picked: its name, size, export button and first members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.audiences.live_count import PREVIEW_LIMIT
from ui.audiences.preview import PreviewTable

__all__ = ["ListPage", "WelcomePage"]


class ListPage(QWidget):
    """A static list at a glance.

    Signals:
        export_requested()
    """

    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_id: int | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-size: 15px; font-weight: bold; color: #1d5fa8;")
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.hint = QLabel(self.tr("A static list keeps the contacts put into it: by import, by hand in Contacts, "
                                   "or by freezing a segment. It does not change by itself."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b7a;")
        self.preview_title = QLabel(self.tr("First %n member(s)", "", PREVIEW_LIMIT))
        self.preview_title.setStyleSheet("font-weight: bold;")
        self.preview = PreviewTable()
        for label in (self.title, self.count_label):
            label.setMinimumWidth(80)  # a long name never widens the window
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.count_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 1)
        self.export_button.clicked.connect(self.export_requested)

    def show_list(self, list_id: int, name: str, members: int, rows: list[dict[str, Any]]) -> None:
        """Show a list with its member count and first members."""
        self.list_id = list_id
        self.title.setText(name)
        self.count_label.setText(self.tr("%Ln contact(s)", "", members))
        self.preview.preview.set_rows(rows)


class WelcomePage(QWidget):
    """What the right side says before anything is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self.tr(
            "<h3>Audiences</h3><p>A <b>segment</b> is a rule: “women from Kazan with a birthday this week who "
            "bought more than 5,000 ₽”. It is counted live and always up to date.</p><p>A <b>static list</b> "
            "keeps exactly the contacts put into it.</p><p>Pick one on the left, or create a new segment.</p>"))
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.new_segment_button = QPushButton(self.tr("+ New segment"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(self.new_segment_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        layout.setContentsMargins(40, 0, 40, 0)
