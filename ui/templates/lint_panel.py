"""The lint panel: what is wrong with the letter, and which contacts it cannot be made for."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.templates.lint import LintIssue
from app.templates.render import DryRunReport
from ui.ops import OpHandle, run_in_worker
from ui.templates.audience import Audience
from ui.templates.common import ui_is_russian
from ui.templates.preview import PREVIEW_UNSUBSCRIBE
from ui.templates.workers import check_worker
from ui.widgets.dialogs import ErrorDialog

__all__ = ["LintPanel"]

_BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
_CODE_ROLE = Qt.ItemDataRole.UserRole + 2


def _icon(severity: str) -> Any:
    pixmap = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
              "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}.get(severity,
                                                                         QStyle.StandardPixmap.SP_MessageBoxInformation)
    return QApplication.style().standardIcon(pixmap)


_BATCH = 500
_BATCH_TIMEOUT = 60.0
_KEEP = 1000


def _audience_check(document: dict[str, Any], engine: Engine, list_id: int | None, progress: Any,
                    cancel: Any) -> DryRunReport:
    """Dry-run `document` over the audience in the check process, a batch at a time (progress, cancel)."""
    audience = Audience(engine, list_id)
    total = audience.count()
    report = DryRunReport()
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        part = check_worker().run("dry_run", document, batch, unsubscribe_url=PREVIEW_UNSUBSCRIBE,
                                  timeout=_BATCH_TIMEOUT)
        report.total += part.total
        report.ok += part.ok
        report.fallbacks += part.fallbacks[: _KEEP - len(report.fallbacks)]
        report.errors += part.errors[: _KEEP - len(report.errors)]
        batch.clear()
        progress(report.total, total, "render")

    for contact in audience.iter_contacts():
        cancel.raise_if_cancelled()
        batch.append(contact)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    return report


class LintPanel(QWidget):
    """Lint results (click one to select its block) and the audience check.

    Signals:
        block_requested(block id): the user clicked a problem that belongs to a block.
        check_finished(DryRunReport): the audience check finished.
    """

    block_requested = Signal(str)
    check_finished = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.operation: OpHandle | None = None
        self.report: DryRunReport | None = None

        self.title = QLabel(self.tr("Checks"))
        self.title.setStyleSheet("font-weight: bold;")
        self.issues = QListWidget()
        self.issues.setWordWrap(True)
        self.issues.setAlternatingRowColors(True)
        self.check_button = QPushButton(self.tr("Check with every contact of the audience"))
        self.check_button.setToolTip(self.tr("Makes the letter for every contact without sending anything and lists "
                                             "the contacts whose data is missing"))
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.check_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.issues, 2)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.issues.itemClicked.connect(self._clicked)
        self.cancel_button.clicked.connect(self.cancel_check)

    # -- lint ------------------------------------------------------------------------------------
    def set_issues(self, issues: list[LintIssue]) -> None:
        """Show lint results, errors first, in the UI language."""
        self.issues.clear()
        russian = ui_is_russian()
        ordered = sorted(issues, key=lambda i: (i.severity != "error", i.severity != "warning"))
        for issue in ordered:
            item = QListWidgetItem(_icon(issue.severity), issue.message_ru if russian else issue.message_en)
            item.setData(_BLOCK_ROLE, issue.block_id or "")
            item.setData(_CODE_ROLE, issue.code)
            if issue.block_id:
                item.setToolTip(self.tr("Click to select the block"))
            self.issues.addItem(item)
        if not issues:
            item = QListWidgetItem(_icon("info"), self.tr("No problems found"))
            self.issues.addItem(item)
        errors = sum(1 for i in issues if i.severity == "error")
        self.title.setText(self.tr("Checks — errors: {0}, warnings: {1}").format(errors, len(issues) - errors)
                           if issues else self.tr("Checks"))

    def codes(self) -> list[str]:
        """The codes of the problems listed (for tests and the status line)."""
        return [self.issues.item(row).data(_CODE_ROLE) for row in range(self.issues.count())
                if self.issues.item(row).data(_CODE_ROLE)]

    def _clicked(self, item: QListWidgetItem) -> None:
        block_id = item.data(_BLOCK_ROLE)
        if block_id:
            self.block_requested.emit(block_id)

    # -- audience check ------------------------------------------------------------------------
    def start_check(self, document: dict[str, Any], list_id: int | None) -> OpHandle:
        """Render `document` for every contact of the audience in a worker; results show when done."""
        self.cancel_check()
        self.check_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.show()
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Checking…"))
        self.problems.clear()
        self.problems.hide()
        self.operation = run_in_worker(_audience_check, document, self.engine, list_id,
                                       progress_cb=self._progressed, on_done=self._checked,
                                       on_error=self._check_failed, on_cancelled=self._check_cancelled)
        return self.operation

    def cancel_check(self) -> None:
        """Stop a running audience check."""
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()

    def _progressed(self, done: int, total: object, _stage: str) -> None:
        if isinstance(total, int) and total > 0 and shiboken6.isValid(self):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finish(self) -> bool:
        """Back to idle; False when the panel was closed meanwhile (the result has nowhere to go)."""
        if not shiboken6.isValid(self):
            return False
        self.check_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()
        return True

    def _check_cancelled(self) -> None:
        if not self._finish():
            return
        self.summary.setText(self.tr("The check was stopped."))

    def _check_failed(self, exc: BaseException) -> None:
        if not self._finish():
            return
        self.summary.setText("")
        ErrorDialog.ask(self, exc)

    def _checked(self, report: DryRunReport) -> None:
        if not self._finish():
            return
        self.report = report
        self.summary.setText(self.tr("Checked {0} contacts: {1} fine, {2} get a default value, {3} fail.").format(
            report.total, report.ok, len(report.fallbacks), len(report.errors)))
        self.problems.clear()
        for problem in [*report.errors, *report.fallbacks]:
            severity = "error" if problem.status == "error" else "warning"
            text = (self.tr("{0}: cannot be made — {1}") if problem.status == "error"
                    else self.tr("{0}: default used for {1}")).format(problem.label, problem.detail)
            self.problems.addItem(QListWidgetItem(_icon(severity), text))
        self.problems.setVisible(self.problems.count() > 0)
        self.check_finished.emit(report)
