"""Wizard page 5: the import running on a worker thread, with progress and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.contacts.edit import Changes
from app.errors import ImportFileError, KaskadError
from ui.imports.labels import describe_file_error, stage_label
from ui.imports.worker import start_import
from ui.ops import OpHandle, change_bus

IDLE, RUNNING, DONE, CANCELLED, FAILED = "idle", "running", "done", "cancelled", "failed"


class RunPage(QWizardPage):
    """Starts the import when shown; moves on to the summary when it completes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("You can keep working in Kaskad meanwhile. "
                                 "Cancelling leaves the base exactly as it was."))
        self.state = IDLE
        self.handle: OpHandle | None = None
        self._started = 0.0
        self._cancel_requested = False

        self.stage_label = QLabel(self.tr("Preparing…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.rate_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.request_cancel)
        self.retry_button = QPushButton(self.tr("Start again"))
        self.retry_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.rate_label)
        layout.addSpacing(12)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def initializePage(self) -> None:
        self.start()

    def is_running(self) -> bool:
        """True while the worker thread is importing."""
        return self.state == RUNNING

    def start(self) -> None:
        """Run the import with the options page's choices on a worker thread."""
        if self.is_running():
            return
        wizard = self.wizard()
        wizard.result = None
        self.state = RUNNING
        self._cancel_requested = False
        self._started = time.monotonic()
        self.stage_label.setText(self.tr("Preparing…"))
        self.progress_bar.setRange(0, 0)
        self.rate_label.clear()
        self.message_label.clear()
        self.message_label.setStyleSheet("")
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.retry_button.hide()
        self.handle = start_import(wizard.workspace, wizard.path, wizard.options,
                                   on_progress=self._on_progress, on_done=self._on_succeeded,
                                   on_error=self._on_failed, on_cancelled=self._on_cancelled)
        self._changed()

    def request_cancel(self) -> None:
        """Ask the running import to stop; the page says when it has."""
        if self.is_running() and self.handle is not None:
            self._cancel_requested = True
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int | None, stage: str) -> None:
        if self._cancel_requested:
            return
        self.stage_label.setText(stage_label(stage))
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        else:
            self.progress_bar.setRange(0, 0)
        elapsed = time.monotonic() - self._started
        locale = QLocale()
        text = self.tr("{done} rows").format(done=locale.toString(done)) if done else ""
        if total:
            text = self.tr("{done} of {total} rows").format(done=locale.toString(done), total=locale.toString(total))
        if done and elapsed > 0.2:
            text += " · " + self.tr("{rate} rows/s").format(rate=locale.toString(int(done / elapsed)))
        self.rate_label.setText(text)

    def _on_succeeded(self, result: object) -> None:
        self.state = DONE
        self.wizard().result = result
        # Screens showing contacts, lists or tags redraw now, not only when the wizard closes.
        change_bus().changes_applied.emit(Changes(contacts=True, lists=True, tags=True), self.wizard())
        self.stage_label.setText(self.tr("Import finished."))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.cancel_button.hide()
        self._changed()
        self.wizard().next()

    def _on_cancelled(self) -> None:
        self.state = CANCELLED
        self._finish_with(self.tr("Import cancelled. Nothing was imported: the base is exactly as it was."),
                          error=False)

    def _on_failed(self, exc: object) -> None:
        self.state = FAILED
        if isinstance(exc, ImportFileError):
            text = self.tr("The file cannot be imported. {problem}").format(problem=describe_file_error(exc))
        elif isinstance(exc, KaskadError):
            text = self.tr("The import failed: {reason}").format(reason=str(exc))
        else:
            text = self.tr("The import failed because of an internal error ({kind}: {reason}).").format(
                kind=type(exc).__name__, reason=str(exc))
        self._finish_with(text + " " + self.tr("Nothing was imported."), error=True)

    def _finish_with(self, text: str, *, error: bool) -> None:
        self.stage_label.setText(self.tr("Stopped."))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.rate_label.clear()
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.cancel_button.hide()
        self.retry_button.show()
        self._changed()

    def _changed(self) -> None:
        self.completeChanged.emit()
        # QWizard re-enables Back whenever it refreshes its buttons; keep it off while running.
        QTimer.singleShot(0, self, self._sync_back_button)

    def _sync_back_button(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not self.is_running())

    def isComplete(self) -> bool:
        return self.state == DONE

    def cleanupPage(self) -> None:
        # Going back while the import runs would leave it unattended; stop it instead.
        self.request_cancel()
