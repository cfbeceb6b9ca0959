"""The list of scenarios: a table with status, versions and contacts inside, actions, and an explaining empty state."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.scenarios.backend import ScenarioRow
from ui.scenarios.texts import status_label

__all__ = ["ScenarioListPage"]

_STATUS_COLOURS = {"published": "#2e7d32", "paused": "#b26a00", "draft": "#555555", "archived": "#888888"}


class ScenarioListPage(QWidget):
    """Scenarios with New / Open / Rename / Duplicate / Import / Export / Archive buttons.

    Signals:
        open_requested(int): a row was double-clicked or Open pressed.
    """

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ScenarioRow] = []
        title = QLabel(self.tr("Trigger scenarios"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.new_button = QPushButton(self.tr("New scenario…"))
        self.new_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.show_archived = QCheckBox(self.tr("Show archived"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.rename_button, self.duplicate_button,
                       self.import_button, self.export_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Status"), self.tr("Running version"),
                                              self.tr("Unpublished draft"), self.tr("Contacts inside"),
                                              self.tr("Changed")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_requested.emit(self.rows[row].id))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self._open_clicked)
        self.empty = self._empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self._selection_changed()

    def _empty_state(self) -> QWidget:
        box = QWidget()
        text = QLabel(self.tr(
            "<h3>No scenarios yet</h3>"
            "<p>A scenario works for you automatically: <b>who</b> (an audience) → <b>what they do</b> (an "
            "awaited event) → <b>what Kaskad does</b> (an action).</p>"
            "<p>For example: a visitor spent 3 minutes on the prices page and left — an SMS with an offer half an "
            "hour later. A lead came from a form — a letter to the manager at once, a welcome letter to the "
            "client, a WhatsApp reminder two days later unless a deal appeared.</p>"
            "<p>Each contact goes through a scenario once (or as often as you allow), even after restarts.</p>"))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setFixedWidth(620)  # a fixed width lets the wrapped text get its full height
        self.empty_new_button = QPushButton(self.tr("Create the first scenario…"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return box

    def set_rows(self, rows: list[ScenarioRow], keep: int | None = None) -> None:
        """Show `rows`, re-selecting the scenario `keep` when it is still there."""
        self.rows = rows
        locale = QLocale()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            changed = QDateTime.fromSecsSinceEpoch(int(row.updated_at.timestamp())).toLocalTime()
            values = [row.name, status_label(row.status),
                      str(row.live_version) if row.live_version is not None else "—",
                      self.tr("version %1").replace("%1", str(row.draft_version))
                      if row.draft_version is not None and row.live_version is not None else "—",
                      locale.toString(row.inside), locale.toString(changed, QLocale.FormatType.ShortFormat)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setForeground(QBrush(QColor(_STATUS_COLOURS.get(row.status, "#000000"))))
                if c in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.stack.setCurrentWidget(self.table if rows or self.show_archived.isChecked() else self.empty)
        if keep is not None:
            self.select(keep)
        self._selection_changed()

    def select(self, scenario_id: int) -> None:
        """Select the row of a scenario."""
        for r, row in enumerate(self.rows):
            if row.id == scenario_id:
                self.table.selectRow(r)
                return

    def current(self) -> ScenarioRow | None:
        """The selected scenario."""
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def _selection_changed(self) -> None:
        row = self.current()
        for button in (self.open_button, self.rename_button, self.duplicate_button, self.export_button):
            button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None and row.status != "archived")

    def _open_clicked(self) -> None:
        row = self.current()
        if row is not None:
            self.open_requested.emit(row.id)

