"""The suppression list as a searchable, filtered table read one page at a time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.schema import CHANNELS
from app.suppression.store import REASONS, SuppressionEntry, count_suppressions, list_suppressions
from app.workspace import Workspace
from ui.campaigns.labels import channel_name
from ui.contacts.format import format_source
from ui.settings.suppression_dialogs import reason_name
from ui.widgets.search_box import SearchBox

__all__ = ["SuppressionTable"]


class SuppressionTable(QWidget):
    """Search box, channel and reason filters, the table and page buttons.

    Attributes:
        entries: the rows on the current page.
        total: how many entries match the filters.
        page: 0-based page number.

    Signals:
        selection_changed(): the selected row changed.
    """

    PAGE_SIZE = 50
    selection_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.entries: list[SuppressionEntry] = []
        self.total = 0
        self.page = 0
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search by address or phone"))
        self.search.search_changed.connect(lambda _text: self.reload(first_page=True))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("All channels"), None)
        for key in CHANNELS:
            self.channel.addItem(channel_name(key), key)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("All reasons"), None)
        for key in REASONS:
            self.reason.addItem(reason_name(key), key)
        for combo in (self.channel, self.reason):
            combo.currentIndexChanged.connect(lambda _index: self.reload(first_page=True))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Address"), self.tr("Reason"),
                                              self.tr("Source"), self.tr("Date")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.previous_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        self.position = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.channel)
        filters.addWidget(self.reason)
        pages = QHBoxLayout()
        pages.addWidget(self.position, 1)
        pages.addWidget(self.previous_button)
        pages.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(pages)
        self.reload()

    def filters(self) -> dict[str, str | None]:
        """The current filters as keyword arguments of the store functions."""
        return {"channel": self.channel.currentData(), "reason": self.reason.currentData(),
                "search": self.search.text().strip() or None}

    def go(self, page: int) -> None:
        """Show another page (clamped to the existing ones)."""
        last = max(0, (self.total - 1) // self.PAGE_SIZE)
        self.page = min(max(0, page), last)
        self.reload()

    def reload(self, *, first_page: bool = False) -> None:
        """Re-read the current page (a LIMIT query: quick even for a long list)."""
        if first_page:
            self.page = 0
        engine = self.workspace.engine
        self.total = count_suppressions(engine, **self.filters())
        self.page = min(self.page, max(0, (self.total - 1) // self.PAGE_SIZE))
        self.entries = list_suppressions(engine, limit=self.PAGE_SIZE, offset=self.page * self.PAGE_SIZE,
                                         **self.filters())
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [channel_name(entry.channel), entry.address, reason_name(entry.reason), format_source(entry.source),
                     entry.created_at.astimezone().strftime("%d.%m.%Y %H:%M")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        first = self.page * self.PAGE_SIZE
        if self.total:
            self.position.setText(self.tr("%1–%2 of %3").replace("%1", str(first + 1))
                                  .replace("%2", str(first + len(self.entries))).replace("%3", str(self.total)))
        else:
            self.position.setText(self.tr("Nothing found") if any(self.filters().values())
                                  else self.tr("The list is empty: nobody has unsubscribed yet"))
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(first + len(self.entries) < self.total)
        self.selection_changed.emit()

    def selected(self) -> SuppressionEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None
