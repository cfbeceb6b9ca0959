"""A campaign's report: counts by status, skipped by reason, failure reasons, cost, export to .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.campaigns.status import export_report
from app.workspace import Workspace
from ui.campaigns.labels import EXCLUSIONS, STATES, label, state_name
from ui.ops import run_in_worker
from ui.widgets.dialogs import ErrorDialog, SavePath

__all__ = ["ReportView"]


class ReportView(QGroupBox):
    """The report of the campaign the progress view reads (fed with its `campaign_status`).

    Attributes:
        exported: the path of the last export (None before one).
        export_note: says where the export went (or that it is running).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Report"), parent)
        self.workspace = workspace
        self.campaign_id: int | None = None
        self.exported: Path | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.states = QTableWidget(0, 2)
        self.states.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Messages")])
        self.failures = QTableWidget(0, 2)
        self.failures.setHorizontalHeaderLabels([self.tr("Why it was not delivered"), self.tr("Messages")])
        for table in (self.states, self.failures):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            table.setMinimumHeight(150)
        self.no_failures = QLabel(self.tr("No failures."))
        self.export_button = QPushButton(self.tr("Export to Excel (.xlsx)…"))
        self.export_button.clicked.connect(self.export)
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)
        tables = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("By status")))
        left.addWidget(self.states)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Failure reasons")))
        right.addWidget(self.failures)
        right.addWidget(self.no_failures)
        right.addStretch(1)
        tables.addLayout(left, 1)
        tables.addLayout(right, 1)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.export_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tables)
        layout.addLayout(row)
        self.setEnabled(False)

    def show_status(self, data: dict[str, Any]) -> None:
        """Fill the report from a `campaign_status` result."""
        if data["id"] != self.campaign_id:
            self.export_note.clear()
        self.campaign_id = data["id"]
        self.setEnabled(True)
        locale = QLocale()
        rows: list[tuple[str, int]] = []
        for state in STATES:
            count = data["states"].get(state, 0)
            if state == "skipped":
                rows += [(self.tr("Skipped: %1").replace("%1", label(EXCLUSIONS, reason)), n)
                         for reason, n in data["skipped"].items() if n]
            elif count:
                rows.append((state_name(state), count))
        _fill(self.states, [(text, locale.toString(n)) for text, n in rows])
        failures = [(f["error"] or self.tr("No reason given"), locale.toString(f["count"])) for f in data["failures"]]
        _fill(self.failures, failures)
        self.failures.setVisible(bool(failures))
        self.no_failures.setVisible(not failures)
        cost = data.get("cost")
        cost_text = (self.tr("Cost reported by the provider: %1 ₽").replace("%1", locale.toString(cost, "f", 2))
                     if cost is not None else self.tr("The provider reported no cost."))
        self.summary.setText(self.tr("%1 messages in this mailing. %2").replace("%1", locale.toString(data["total"]))
                             .replace("%2", cost_text))

    def export(self) -> None:
        """Ask where, then write one row per message off the GUI thread."""
        if self.campaign_id is None:
            return
        suggested = str(self.workspace.reports_dir / f"campaign-{self.campaign_id}.xlsx")
        path = SavePath.ask(self, self.tr("Export the report"), suggested, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.export_button.setEnabled(False)
        self.export_note.setText(self.tr("Exporting…"))
        run_in_worker(export_report, self.workspace.engine, self.campaign_id, path,
                      on_done=self._exported, on_error=self._failed)

    def _exported(self, path: Path) -> None:
        self.exported = Path(path)
        self.export_button.setEnabled(True)
        self.export_note.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_note.clear()
        ErrorDialog.ask(self, exc)


def _fill(table: QTableWidget, rows: list[tuple[str, str]]) -> None:
    table.setRowCount(len(rows))
    for index, (text, count) in enumerate(rows):
        item = QTableWidgetItem(text)
        item.setToolTip(text)  # long provider errors are cut in the cell
        table.setItem(index, 0, item)
        table.setItem(index, 1, QTableWidgetItem(count))
