"""The Contacts section: search and filters, the paged table, the detail panel, an empty state."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.contacts.query import Changes, ContactFilter, ContactsQuery
from app.workspace import Workspace
from ui.contacts.detail import DetailPanel
from ui.contacts.edit_dialog import EditDialog
from ui.contacts.empty_state import EmptyState
from ui.contacts.model import COLUMNS, ContactsTableModel
from ui.ops import OpHandle, change_bus, run_in_worker
from ui.widgets.dialogs import Confirm, ErrorDialog, SavePath
from ui.widgets.search_box import SearchBox

__all__ = ["ContactsScreen"]


class ContactsScreen(QWidget):
    """The contacts table over the whole base with search, list/tag filters and a detail panel.

    Attributes:
        model: the ContactsTableModel behind the table.
        last_operation: the most recent background operation (delete, export), for waiting on it.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.query = ContactsQuery(workspace.engine)
        self.model = ContactsTableModel(self.query, self)
        self.last_operation: OpHandle | None = None

        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search by phone, email or name"))
        self.search.setMinimumWidth(280)
        self.list_combo = QComboBox()
        self.tag_combo = QComboBox()
        for combo in (self.list_combo, self.tag_combo):
            combo.setMinimumWidth(170)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("contacts-count")
        self.count_label.setStyleSheet("font-weight: bold;")
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import contacts from a CSV or Excel file (Ctrl+I)"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(self.tr("List:")))
        bar.addWidget(self.list_combo)
        bar.addWidget(QLabel(self.tr("Tag:")))
        bar.addWidget(self.tag_combo)
        bar.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        bar.addWidget(self.import_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(COLUMNS, (220, 140, 190, 120, 90, 110, 120), strict=True):
            index = COLUMNS.index(column)
            self.table.setColumnWidth(index, max(width, header.sectionSizeHint(index) + 12))
        header.setSortIndicator(COLUMNS.index("created"), Qt.SortOrder.AscendingOrder)
        self._sort_indicator = (COLUMNS.index("created"), Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.detail = DetailPanel()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)  # the table takes any extra width, the panel keeps its own
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 320])
        self.splitter.setChildrenCollapsible(False)

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        self.bar_widget = QWidget()
        self.bar_widget.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar_widget)
        layout.addWidget(self.stack, 1)

        self.search.search_changed.connect(self._search_changed)
        self.list_combo.currentIndexChanged.connect(self._filters_changed)
        self.tag_combo.currentIndexChanged.connect(self._filters_changed)
        self.model.count_changed.connect(self._count_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.detail.edit_requested.connect(self.edit_selected)
        self.detail.delete_requested.connect(self.delete_selected)
        self.detail.export_requested.connect(self.export_selected)
        self.import_button.clicked.connect(self.open_import)
        self.empty.import_requested.connect(self.open_import)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        change_bus().changes_applied.connect(self._changes_applied)
        self._connect_window_import(parent)

        self._load_filters()
        self.model.set_filter(ContactFilter())

    # -- filters and counts -------------------------------------------------------------------
    def _load_filters(self) -> None:
        for combo, items, everything in (
            (self.list_combo, self.query.lists(), self.tr("All lists")),
            (self.tag_combo, self.query.tags(), self.tr("All tags")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)  # a reload is not a filter change
            combo.clear()
            combo.addItem(everything, None)
            for item in items:
                combo.addItem(f"{item.name} ({QLocale().toString(item.count)})", item.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _search_changed(self, text: str) -> None:
        self.model.set_filter(replace(self.model.filter, search=text))

    def _filters_changed(self, _index: int = 0) -> None:
        self.model.set_filter(replace(self.model.filter, list_id=self.list_combo.currentData(),
                                      tag_id=self.tag_combo.currentData()))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column] == "tags":  # not sortable: put the indicator back
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (column, order)
        self.model.sort(column, order)

    def _count_changed(self, count: int) -> None:
        if count < 0:
            self.count_label.setText(self.tr("searching…"))
            return
        self.count_label.setText(self.tr("%Ln contact(s)", "", count))
        flt = self.model.filter
        base_empty = count == 0 and not flt.search.strip() and flt.list_id is None and flt.tag_id is None
        self.stack.setCurrentWidget(self.empty if base_empty else self.splitter)
        self.bar_widget.setVisible(not base_empty)
        self._selection_changed()

    # -- selection and detail -----------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """Ids of the selected contacts, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.contact_id(r) for r in rows]

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            detail = self.query.detail(ids[0])
            if detail is not None:
                self.detail.show_contact(detail)
                return
        if len(ids) > 1:
            self.detail.show_many(len(ids))
        else:
            self.detail.show_nothing()

    # -- actions --------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        """Open the edit dialog for the selected contact."""
        ids = self.selected_ids()
        detail = self.query.detail(ids[0]) if len(ids) == 1 else None
        if detail is None:
            return
        dialog = EditDialog(self.query, detail, self)
        if dialog.exec() and dialog.changes is not None:
            change_bus().changes_applied.emit(dialog.changes, self)

    def delete_selected(self) -> None:
        """Delete the selected contacts after confirmation (in the background)."""
        ids = self.selected_ids()
        if not ids:
            return
        text = self.tr("Delete %n contact(s)? Their consents and list memberships are deleted too; "
                       "unsubscribes are kept.", "", len(ids))
        if not Confirm.ask(self, self.tr("Delete contacts"), text):
            return
        self.last_operation = run_in_worker(
            self.query.delete_contacts, ids,
            on_done=lambda changes: change_bus().changes_applied.emit(changes, self),
            on_error=lambda exc: ErrorDialog.ask(self, exc),
        )

    def export_selected(self) -> None:
        """Export the selected contacts to .xlsx or .csv."""
        ids = self.selected_ids()
        if not ids:
            return
        suggested = str(self.workspace.reports_dir / self.tr("contacts.xlsx"))
        path = SavePath.ask(self, self.tr("Export contacts"), suggested,
                            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"))
        if not path:
            return
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".xlsx"
        header = [self.tr("Last name"), self.tr("First name"), self.tr("Middle name"), self.tr("Phone"),
                  self.tr("Email"), self.tr("City"), self.tr("Birthday"), self.tr("Tags"), self.tr("Added")]
        status = self.window().statusBar() if hasattr(self.window(), "statusBar") else None
        self.last_operation = run_in_worker(
            self.query.export, path, header, ids,
            on_done=lambda written: status and status.showMessage(
                self.tr("Exported %n contact(s) to %1", "", len(ids)).replace("%1", str(written)), 10000),
            on_error=lambda exc: ErrorDialog.ask(self, exc),
        )

    def open_import(self) -> None:
        """Open the import wizard (the window's Import action, so Ctrl+I and drops behave the same)."""
        from ui import main_window

        window = self.window()
        if isinstance(window, main_window.MainWindow):
            window.open_import()
            return
        wizard = main_window.open_import(self, self.workspace)
        if wizard is not None:
            self._watch_import(wizard)

    def _connect_window_import(self, parent: QWidget | None) -> None:
        signal = getattr(parent, "import_opened", None)
        if signal is not None:
            signal.connect(self._watch_import)

    def _watch_import(self, wizard: QWidget) -> None:
        finished = getattr(wizard, "import_finished", None)
        if finished is not None:
            finished.connect(lambda _result: self._changes_applied(Changes(contacts=True, lists=True, tags=True), None))

    def _changes_applied(self, changes: Changes, initiator: object) -> None:
        if changes.lists or changes.tags:
            self._load_filters()
        if not changes.contacts:
            return
        selected = set(self.selected_ids())
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        self.table.verticalScrollBar().setValue(scroll)
        for cid in selected:  # keep the selection on contacts that still exist
            row = self.model.row_of(cid)
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    self.table.selectionModel().SelectionFlag.Select | self.table.selectionModel().SelectionFlag.Rows)
        self._selection_changed()
