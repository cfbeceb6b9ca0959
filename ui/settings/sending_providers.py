"""Settings group: provider accounts (add, edit, delete, test connection, default per channel)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.errors import KaskadError
from app.providers.store import ProviderInfo, add_provider, list_providers
from app.workspace import Workspace
from ui.campaigns.backend import check_provider
from ui.campaigns.labels import channel_name
from ui.ops import run_in_worker
from ui.settings.providers_dialog import ProviderDialog
from ui.settings.providers_fields import type_name
from ui.settings.providers_store import delete_account, secret_store
from ui.widgets.dialogs import Confirm, ErrorDialog

__all__ = ["ProvidersGroup"]


class ProvidersGroup(QGroupBox):
    """The accounts messages are sent through; the sandbox (test mode) is always available.

    Attributes:
        accounts: the listed accounts, in table order.
        result: the last connection test's outcome text.
        dialog: the last opened ProviderDialog (tests fill it in).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sending: provider accounts"), parent)
        self.workspace = workspace
        self.accounts: list[ProviderInfo] = []
        self.dialog: ProviderDialog | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Service"), self.tr("Channel"),
                                              self.tr("Default")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(160)
        self.table.itemSelectionChanged.connect(self._selection)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.default_button = QPushButton(self.tr("Make default"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.test_button.clicked.connect(self.test)
        self.default_button.clicked.connect(self.make_default)
        self.result = QLabel()
        self.result.setWordWrap(True)
        note = QLabel(self.tr("Without an account, mailings run in test mode: messages are saved on this computer "
                              "(Kaskad's sandbox folder) and nobody receives them."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.test_button, self.default_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.reload()

    def reload(self) -> None:
        """Re-read the accounts."""
        self.accounts = list_providers(self.workspace.engine)
        self.table.setRowCount(len(self.accounts))
        for row, info in enumerate(self.accounts):
            # The built-in test account's own name ("sandbox-sms") means nothing to a shop owner.
            name = self.tr("Test mode") if info.name == info.type and info.type.startswith("sandbox-") else info.name
            cells = [name, type_name(info.type), channel_name(info.channel), "✔" if info.is_default else ""]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selection()

    def selected(self) -> ProviderInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for row, info in enumerate(self.accounts):
            if info.name == name:
                self.table.selectRow(row)

    def _selection(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.delete_button, self.test_button, self.default_button):
            button.setEnabled(chosen)

    # -- actions ------------------------------------------------------------------------
    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        info = self.selected()
        if info is not None:
            self._open(info)

    def _open(self, info: ProviderInfo | None) -> None:
        store = secret_store(self.workspace, self)
        if store is None:
            return
        self.dialog = ProviderDialog(self.workspace, store, info, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def _saved(self) -> None:
        saved = self.dialog.saved if self.dialog else None
        self.reload()
        if saved is not None:
            self.select(saved.name)
            self.result.setText(self.tr("Saved “%1”.").replace("%1", saved.name))

    def delete(self) -> None:
        info = self.selected()
        if info is None or not Confirm.ask(self, self.tr("Delete the account"),
                                           self.tr("Delete “%1” and its saved password?").replace("%1", info.name)):
            return
        try:
            delete_account(self.workspace, secret_store(self.workspace, self, ask=False), info.name)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return
        self.reload()
        self.result.setText(self.tr("Deleted “%1”.").replace("%1", info.name))

    def make_default(self) -> None:
        info = self.selected()
        if info is None:
            return
        store = secret_store(self.workspace, self, ask=False)
        add_provider(self.workspace.engine, store, info.name, info.type, base_url=info.base_url,  # type: ignore[arg-type]
                     options=info.options, default=True)
        self.reload()
        self.select(info.name)

    def test(self) -> None:
        """Run the adapter's connection test off the GUI thread."""
        info = self.selected()
        if info is None:
            return
        store = secret_store(self.workspace, self)
        if store is None:
            return
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Connecting to “%1”…").replace("%1", info.name))
        run_in_worker(check_provider, self.workspace, info.name, store,
                      on_done=lambda text: self._tested(info.name, True, str(text)),
                      on_error=lambda exc: self._tested(info.name, False, str(exc)))

    def _tested(self, name: str, ok: bool, text: str) -> None:
        self.test_button.setEnabled(self.selected() is not None)
        self.result.setStyleSheet("color: #1b7f3b;" if ok else "color: #b00020;")
        prefix = self.tr("Connection works: %1") if ok else self.tr("Connection failed: %1")
        self.result.setText(prefix.replace("%1", text))
