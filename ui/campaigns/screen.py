"""The Campaigns section: the list of mailings, "New mailing", and the selected one's progress and report."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.workspace import Workspace
from ui.campaigns.backend import CampaignRow, overview
from ui.campaigns.labels import channel_name, status_name
from ui.campaigns.poller import Poller
from ui.campaigns.progress import ProgressView
from ui.campaigns.report import ReportView
from ui.engine_host import EngineHost, engine_host

__all__ = ["CampaignsScreen"]


class CampaignsScreen(QWidget):
    """Campaigns table on the left; the selected campaign's live view and report on the right.

    Attributes:
        host: the workspace's EngineHost (sending runs there).
        table: one row per campaign (name, channel, status, progress %, created).
        progress / report: the selected campaign's views.
        wizard: the last opened MailingWizard (None before one).
    """

    COLUMNS = 5

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 host: EngineHost | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.host = host or engine_host(workspace, parent.window() if parent is not None else None)
        self.wizard = None
        self.rows: list[CampaignRow] = []
        title = QLabel(self.tr("Mailings"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.new_button = QPushButton(self.tr("New mailing…"))
        self.new_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.new_button.clicked.connect(self.new_mailing)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Channel"), self.tr("Status"),
                                              self.tr("Progress"), self.tr("Created")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setWordWrap(False)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty = QLabel(self.tr("No mailings yet. Press “New mailing…” to send a message to a list or to "
                                    "all your contacts: you will see who gets it and what it costs before "
                                    "anything is sent."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        self.progress = ProgressView(workspace, self.host)
        self.report = ReportView(workspace)
        self.progress.status_read.connect(self.report.show_status)
        self.hint = QLabel(self.tr("Select a mailing to see its progress and report."))
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right_body = QWidget()
        right_layout = QVBoxLayout(right_body)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.report)
        right_layout.addStretch(1)
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.setWidget(right_body)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(420)
        splitter.setSizes([480, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.progress.hide()
        self.report.hide()
        self.poller = Poller(lambda: overview(workspace.engine), 2000, self)
        self.poller.result.connect(self._fill)
        self.poller.start()
        self.host.sync()

    # -- table --------------------------------------------------------------------------
    def _fill(self, rows: list[CampaignRow]) -> None:
        selected = self.selected_id()
        self.rows = rows
        locale = QLocale()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            created = row.created_at.astimezone() if row.created_at.tzinfo else row.created_at
            cells = [row.name, channel_name(row.channel), status_name(row.status),
                     f"{row.percent} %" if row.total else "—",
                     locale.toString(created, QLocale.FormatType.ShortFormat)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(index, column, item)
            if row.id == selected:
                self.table.selectRow(index)
        self.table.blockSignals(False)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def refresh(self) -> None:
        """Re-read the campaigns now."""
        self.poller.poll()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select_campaign(self, campaign_id: int) -> None:
        """Select the campaign (filling the table first when it is new)."""
        if all(r.id != campaign_id for r in self.rows):
            self._fill(overview(self.workspace.engine))
        for index, row in enumerate(self.rows):
            if row.id == campaign_id:
                self.table.selectRow(index)
                return

    def _selected(self) -> None:
        campaign_id = self.selected_id()
        self.hint.setVisible(campaign_id is None)
        self.progress.setVisible(campaign_id is not None)
        self.report.setVisible(campaign_id is not None)
        self.progress.set_campaign(campaign_id)

    # -- wizard -------------------------------------------------------------------------
    def new_mailing(self) -> None:
        """Open the wizard; the started campaign gets selected."""
        from ui.campaigns.wizard import MailingWizard

        self.wizard = MailingWizard(self.workspace, self.host, self)
        self.wizard.launched.connect(self.select_campaign)
        self.wizard.finished.connect(lambda _r: self.refresh())
        self.wizard.open()
