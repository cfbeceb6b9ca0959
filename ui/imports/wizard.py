"""The import wizard: a non-modal QWizard that walks a file into the contact base."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.importer.model import ImportOptions, ImportResult, Preview
from app.workspace import Workspace
from ui.imports.file_page import FilePage
from ui.imports.mapping_page import MappingPage
from ui.imports.options_page import OptionsPage
from ui.imports.preview_page import PreviewPage
from ui.imports.run_page import RunPage
from ui.imports.summary_page import SummaryPage

__all__ = ["ImportWizard", "open_import_wizard"]


class ImportWizard(QWizard):
    """File → preview → mapping → options → run → summary.

    Pages share their state through the wizard's attributes: `path`, `preview`,
    `mapping`, `options`, `result`.

    Signals:
        import_finished(ImportResult): emitted once when the wizard closes after an import
            that ran to the end, so the contacts screen can refresh.
    """

    import_finished = Signal(object)

    FILE, PREVIEW, MAPPING, OPTIONS, RUN, SUMMARY = range(6)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.path: str = ""
        self.preview: Preview | None = None
        self.mapping: dict[str, str] = {}
        self.options: ImportOptions | None = None
        self.result: ImportResult | None = None
        self._announced = False

        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Done"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(920, 680)
        self.setMinimumSize(800, 640)

        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.options_page = OptionsPage(self)
        self.run_page = RunPage(self)
        self.summary_page = SummaryPage(self)
        for page_id, page in (
            (self.FILE, self.file_page),
            (self.PREVIEW, self.preview_page),
            (self.MAPPING, self.mapping_page),
            (self.OPTIONS, self.options_page),
            (self.RUN, self.run_page),
            (self.SUMMARY, self.summary_page),
        ):
            self.setPage(page_id, page)

    def open_file(self, path: str) -> None:
        """Start from `path`: fill the file page and move on to its preview."""
        if self.run_page.is_running():
            return  # a running import keeps the wizard; the file can be imported after it
        if self.currentId() != self.FILE:
            self.restart()
        self.file_page.set_path(path)
        if self.file_page.isComplete():
            self.next()

    def reject(self) -> None:
        """Cancel: while an import runs, stop it first (the base stays unchanged)."""
        if self.run_page.is_running():
            self.run_page.request_cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close; announce a completed import whichever way the wizard is closed."""
        if self.result is not None and not self._announced:
            self._announced = True
            self.import_finished.emit(self.result)
        super().done(result)


def open_import_wizard(parent: QWidget | None, workspace: Workspace, path: str | None = None) -> ImportWizard:
    """Show the import wizard non-modally (optionally already on `path`) and return it."""
    wizard = ImportWizard(workspace, parent)
    wizard.setWindowModality(Qt.WindowModality.NonModal)
    wizard.show()
    if path:
        wizard.open_file(path)
    return wizard
