"""The report tab: per step and per A/B branch — contacts, messages by status, conversions and rate; .xlsx export."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.exports import write_table
from app.scenarios import store
from app.scenarios.graph import Scenario
from app.scenarios.registry import default_registry
from ui.audiences.live_count import read_lane
from ui.ops import OpHandle, run_in_worker
from ui.scenarios.report_data import ReportData, ReportLine, read_report
from ui.scenarios.texts import node_label
from ui.widgets.dialogs import ErrorDialog, SavePath

__all__ = ["ReportView"]


class ReportView(QWidget):
    """Two tables (steps, branches) and totals, read off the GUI thread.

    Attributes:
        data: the ReportData shown (None before the first load); last_operation: the latest read.
    """

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.registry = default_registry()
        self.scenario_id: int | None = None
        self.scenario: Scenario | None = None
        self.data: ReportData | None = None
        self.last_operation: OpHandle | None = None
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 14px;")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.nodes = self._table([self.tr("Step"), self.tr("Contacts"), self.tr("Waiting now"), self.tr("Sent"),
                                  self.tr("Delivered"), self.tr("Failed or skipped"), self.tr("Converted"),
                                  self.tr("Conversion")])
        self.branches = self._table([self.tr("A/B branch"), self.tr("Contacts"), self.tr("Sent"), self.tr("Delivered"),
                                     self.tr("Failed or skipped"), self.tr("Converted"), self.tr("Conversion")])
        self.branches_title = QLabel(self.tr("A/B branches"))
        self.branches_title.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        steps_title = QLabel(self.tr("By step"))
        steps_title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(steps_title)
        layout.addWidget(self.nodes, 2)
        layout.addWidget(self.branches_title)
        layout.addWidget(self.branches, 1)

    def _table(self, header: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(header))
        table.setHorizontalHeaderLabels(header)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(header)):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def load(self, scenario_id: int) -> None:
        """Show the report of a scenario (step names from its live version, else the newest)."""
        self.scenario_id = scenario_id
        info = store.get_scenario(self.engine, scenario_id)
        self.scenario = store.load_scenario(self.engine, scenario_id, info.live_version)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the numbers."""
        if self.scenario_id is None:
            return
        self.summary.setText(self.tr("Counting…"))
        self.last_operation = run_in_worker(read_report, self.engine, self.scenario_id, executor=read_lane(),
                                            on_done=self.show_data, on_error=lambda exc: self.summary.setText(str(exc)))

    def _label(self, key: str) -> str:
        node = self.scenario.nodes.get(key) if self.scenario else None
        return node_label(node, self.registry) if node is not None else self.tr("%1 (removed step)").replace("%1", key)

    def _rows(self, data: ReportData) -> tuple[list[list[object]], list[list[object]]]:
        order = list(self.scenario.nodes) if self.scenario else []
        lines = sorted(data.nodes, key=lambda n: order.index(n.key) if n.key in order else len(order))
        nodes = [[self._label(n.key), n.contacts, n.waiting, n.sent, n.delivered, n.failed, n.converted, n.rate]
                 for n in lines]
        branches = [[b.key, b.contacts, b.sent, b.delivered, b.failed, b.converted, b.rate] for b in data.branches]
        return nodes, branches

    def show_data(self, data: ReportData) -> None:
        """Fill the tables."""
        self.data = data
        nodes, branches = self._rows(data)
        self._fill(self.nodes, nodes)
        self._fill(self.branches, branches)
        self.branches.setVisible(bool(branches))
        self.branches_title.setVisible(bool(branches))
        total: ReportLine = data.total
        self.summary.setText(self.tr("Entered: %1 · inside now: %2 · messages sent: %3 · converted: %4 (%5)")
                             .replace("%1", self._num(total.contacts)).replace("%2", self._num(total.waiting))
                             .replace("%3", self._num(total.sent)).replace("%4", self._num(total.converted))
                             .replace("%5", self._rate(total.rate)))

    def _num(self, value: int) -> str:
        return QLocale().toString(int(value))

    def _rate(self, rate: float | None) -> str:
        return "—" if rate is None else QLocale().toString(rate, "f", 1) + " %"

    def _fill(self, table: QTableWidget, rows: list[list[object]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                last = c == len(row) - 1
                text = self._rate(value) if last else (self._num(value) if isinstance(value, int) else str(value))
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    def cell(self, table: QTableWidget, row: int, column: int) -> str:
        """The text of a cell (tests read the tables)."""
        item = table.item(row, column)
        return item.text() if item else ""

    def export(self) -> None:
        """Save both tables to .xlsx (or .csv) with plain numbers."""
        if self.data is None:
            return
        path = SavePath.ask(self, self.tr("Export the report"), self.tr("scenario report.xlsx"),
                            self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        nodes, branches = self._rows(self.data)
        header = [self.tr("Step or branch"), self.tr("Contacts"), self.tr("Waiting now"), self.tr("Sent"),
                  self.tr("Delivered"), self.tr("Failed or skipped"), self.tr("Converted"), self.tr("Conversion, %")]
        rows = [[*n[:7], round(n[7], 1) if n[7] is not None else None] for n in nodes]
        rows += [[self.tr("Branch %1").replace("%1", str(b[0])), b[1], None, *b[2:6],
                  round(b[6], 1) if b[6] is not None else None] for b in branches]
        try:
            write_table(path, header, rows, sheet=self.tr("Report"))
        except (OSError, ValueError) as exc:
            ErrorDialog.ask(self, exc)
            return
        self.summary.setText(self.summary.text() + "\n" + self.tr("Saved to %1").replace("%1", path))
