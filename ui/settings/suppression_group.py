"""Settings group "Suppression list": browse, add, remove, import, export, sync from the e-mail services."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import Cancelled, KaskadError
from app.suppression.soft import SoftBouncePolicy, load_policy, save_policy
from app.suppression.store import SuppressionEntry, add_suppression, remove_suppression
from app.suppression.sync import SyncResult, sync_now
from app.suppression.transfer import SuppressionImport, export_suppressions, import_suppressions
from app.workspace import Workspace
from ui.campaigns.labels import channel_name
from ui.ops import OpHandle, run_in_worker
from ui.settings.providers_store import secret_store
from ui.settings.suppression_dialogs import (
    CONSENT_REASONS,
    AddDialog,
    ImportChoice,
    OpenPath,
    RemovalReason,
    reason_name,
)
from ui.settings.suppression_layout import NotesGroup, grow_page
from ui.settings.suppression_table import SuppressionTable
from ui.widgets.dialogs import Confirm, ErrorDialog, SavePath

__all__ = ["SuppressionGroup"]

_OK, _BAD = "color: #1b7f3b;", "color: #b00020;"


class SuppressionGroup(NotesGroup):
    """Addresses never messaged again on a channel, and the soft-bounce rule.

    Attributes:
        list: the table with its filters and pages.
        result: the outcome of the last action, in plain words.
        operation: the running import / export / sync, if any.
        dialog: the last AddDialog (tests fill it in).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Suppression list"), parent)
        self.workspace = workspace
        self.operation: OpHandle | None = None
        self.dialog: AddDialog | None = None
        note = QLabel(self.tr("Nobody on this list receives messages on that channel: people who unsubscribed or "
                              "complained about spam, addresses that do not accept mail, and those you added. "
                              "Mailings skip them automatically."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.list = SuppressionTable(workspace)
        self.list.selection_changed.connect(self._selection)
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.sync_button = QPushButton(self.tr("Sync with e-mail services"))
        self.sync_button.setToolTip(self.tr("Copy the unsubscribes, bounces and complaints that SendGrid, Mailgun "
                                            "and Unisender Go recorded themselves"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.sync_button.clicked.connect(self.sync)
        self.cancel_button.clicked.connect(lambda: self.operation.cancel() if self.operation else None)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(_BAD)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setVisible(False)
        self.result.setVisible(False)
        policy = load_policy(workspace.engine)
        self.soft_threshold = QSpinBox()
        self.soft_threshold.setRange(1, 100)
        self.soft_threshold.setValue(policy.threshold)
        self.soft_days = QSpinBox()
        self.soft_days.setRange(1, 365)
        self.soft_days.setValue(policy.days)
        for spin in (self.soft_threshold, self.soft_days):
            spin.valueChanged.connect(self._save_policy)
        soft = QHBoxLayout()
        soft.addWidget(QLabel(self.tr("Add an address after")))
        soft.addWidget(self.soft_threshold)
        soft.addWidget(QLabel(self.tr("temporary delivery failures within")))
        soft.addWidget(self.soft_days)
        soft.addWidget(QLabel(self.tr("days")))
        soft.addStretch(1)
        soft_note = QLabel(self.tr("A temporary failure is a full mailbox or a server that is down for a while. "
                                   "An address that does not exist is added at once."))
        soft_note.setWordWrap(True)
        soft_note.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(busy)
        layout.addWidget(self.result)
        layout.addWidget(self.problems)
        layout.addLayout(soft)
        layout.addWidget(soft_note)
        self._selection()

    def _selection(self) -> None:
        self.remove_button.setEnabled(self.list.selected() is not None and self.operation is None)

    def _say(self, text: str, ok: bool = True, problems: str = "") -> None:
        self.result.setStyleSheet(_OK if ok else _BAD)
        self.result.setText(text)
        self.result.setVisible(bool(text))
        self.problems.setText(problems)
        self.problems.setVisible(bool(problems))
        grow_page(self)

    def _save_policy(self) -> None:
        save_policy(self.workspace.engine, SoftBouncePolicy(self.soft_threshold.value(), self.soft_days.value()))

    # -- add / remove ----------------------------------------------------------------------
    def add(self) -> None:
        self.dialog = AddDialog(self.list.channel.currentData(), self)
        self.dialog.accepted.connect(self._added)
        self.dialog.open()

    def _added(self) -> None:
        if self.dialog is None or self.dialog.entry is None:
            return
        channel, address, reason, note = self.dialog.entry
        source = self.tr("by hand") + (f": {note}" if note else "")
        if add_suppression(self.workspace.engine, channel, address, reason, source):
            self._say(self.tr("%1 added: no more messages on the channel “%2”.").replace("%1", address)
                      .replace("%2", channel_name(channel)))
        else:
            self._say(self.tr("%1 is already on the list; the earlier entry is kept.").replace("%1", address))
        self.list.reload()

    def remove(self) -> None:
        """Lift the selected suppression; an unsubscribe or complaint asks why (consent law)."""
        entry = self.list.selected()
        if entry is None:
            return
        if entry.reason in CONSENT_REASONS:
            note = RemovalReason.ask(self, entry)
            if note is None:
                return
        else:
            if not Confirm.ask(self, self.tr("Remove from the list"),
                               self.tr("Allow messages to %1 on the channel “%2” again? (%3)")
                               .replace("%1", entry.address).replace("%2", channel_name(entry.channel))
                               .replace("%3", reason_name(entry.reason))):
                return
            note = ""
        remove_suppression(self.workspace.engine, entry.channel, entry.address, note=note)
        self._say(self.tr("%1 removed: messages on the channel “%2” are allowed again.")
                  .replace("%1", entry.address).replace("%2", channel_name(entry.channel)))
        self.list.reload()

    # -- long operations -------------------------------------------------------------------
    def _start(self, stage: str, cancellable: bool = False) -> None:
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button,
                       self.sync_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(True)
        self.cancel_button.setVisible(cancellable)
        self._say(stage)

    def _progressed(self, done: int, total: object, _stage: str) -> None:
        if isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finish(self) -> None:
        self.operation = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.add_button, self.import_button, self.export_button, self.sync_button):
            button.setEnabled(True)
        self.list.reload()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self._say(self.tr("Cancelled: nothing was changed."), ok=False)
        elif isinstance(exc, KaskadError):
            self._say(self.tr("Did not work: %1").replace("%1", str(exc)), ok=False)
        else:
            self._say(self.tr("Something went wrong inside Kaskad; nothing was changed."), ok=False)
            ErrorDialog.ask(self, exc)

    def import_file(self) -> None:
        path = OpenPath.ask(self, self.tr("Import the suppression list"),
                            self.tr("Tables (*.xlsx *.xls *.ods *.csv *.txt)"))
        if not path:
            return
        choice = ImportChoice.ask(self)
        if choice is None:
            return
        self._start(self.tr("Reading %1…").replace("%1", Path(path).name), cancellable=True)
        self.operation = run_in_worker(import_suppressions, self.workspace.engine, path, channel=choice[0],
                                       reason=choice[1], progress_cb=self._progressed, on_done=self._imported,
                                       on_error=self._failed)

    def _imported(self, result: SuppressionImport) -> None:
        self._finish()
        text = self.tr("Imported. New: %1, already on the list: %2.").replace("%1", str(result.added)) \
            .replace("%2", str(result.already))
        problems = ""
        if result.refused:
            lines = [self.tr("row %1: “%2”").replace("%1", str(n)).replace("%2", value or "—")
                     for n, value, _why in result.problems[:10]]
            problems = self.tr("Rows not accepted (not an address, or a phone number without a channel): "
                               "%1.").replace("%1", str(result.refused)) + "\n" + "\n".join(lines)
        self._say(text, problems=problems)

    def export_file(self) -> None:
        suggested = f"suppressions-{datetime.now():%Y-%m-%d}.xlsx"
        path = SavePath.ask(self, self.tr("Export the suppression list"), suggested,
                            self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".xlsx"
        header = [self.tr("Channel"), self.tr("Address"), self.tr("Reason"), self.tr("Source"), self.tr("Date")]

        def describe(entry: SuppressionEntry) -> list[object]:
            # Runs on the worker thread: only pure functions of the entry (translations are thread-safe).
            return [channel_name(entry.channel), entry.address, reason_name(entry.reason), entry.source,
                    entry.created_at.astimezone().strftime("%d.%m.%Y %H:%M")]

        self._start(self.tr("Writing %1…").replace("%1", Path(path).name))
        self.operation = run_in_worker(export_suppressions, self.workspace.engine, path, header, describe,
                                       progress_cb=self._progressed, on_error=self._failed,
                                       on_done=lambda count: self._exported(path, count),
                                       **self.list.filters())

    def _exported(self, path: str, count: int) -> None:
        self._finish()
        self._say(self.tr("Saved to %2. Addresses: %1.").replace("%1", str(count)).replace("%2", path))

    def sync(self) -> None:
        """Read the suppression lists of every e-mail service account, off the GUI thread."""
        store = secret_store(self.workspace, self)
        if store is None:
            return
        self._start(self.tr("Asking the e-mail services for their lists…"))
        self.operation = run_in_worker(sync_now, self.workspace, store, progress_cb=self._synced_some,
                                       on_done=self._synced, on_error=self._failed)

    def _synced_some(self, done: int, total: object, account: str) -> None:
        self._progressed(done, total, account)
        if account:
            self._say(self.tr("Reading the list of “%1”…").replace("%1", account))

    def _synced(self, result: SyncResult) -> None:
        self._finish()
        if not result.accounts and not result.errors:
            self._say(self.tr("No e-mail service account keeps its own list (SendGrid, Mailgun or Unisender Go): "
                              "nothing to sync."))
            return
        lines = [self.tr("New addresses added to the list: %1.").replace("%1", str(result.added))]
        lines += [self.tr("“%1”: addresses checked: %2.").replace("%1", name).replace("%2", str(count))
                  for name, count in result.accounts.items()]
        why = {"auth": self.tr("the service did not accept the API key; check the account in “Sending: provider "
                               "accounts”"),
               "unavailable": self.tr("the service did not answer; try again later"),
               "answer": self.tr("the service answered something unexpected")}
        problems = [self.tr("“%1”: could not read the list — %2.").replace("%1", name)
                    .replace("%2", why.get(result.error_kinds.get(name, ""), why["answer"]))
                    + "\n    " + self.tr("Details: %1").replace("%1", error)
                    for name, error in result.errors.items()]
        self._say("\n".join(lines), problems="\n".join(problems))
