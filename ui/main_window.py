"""The main window: section navigation on the left, the section's page on the right, a status bar.

The engine host starts with the window, so a campaign left running resumes when the app
opens. Switching sections asks the current page first: a page may define
`may_leave() -> bool` (ask about unsaved work; False keeps the user there).
"""

from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.workspace import Workspace
from ui.engine_host import EngineHost, engine_host
from ui.ops import active_operations
from ui.sections import SECTIONS, title_of
from ui.widgets.dialogs import Confirm

__all__ = ["MainWindow", "open_import"]

#: Files the import wizard reads; others dropped on the window are refused.
IMPORTABLE = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def open_import(parent: QWidget, workspace: Workspace, path: str | None = None) -> QWidget | None:
    """Open the import wizard (imported lazily: it is a separate area), optionally on `path`."""
    try:
        from ui.imports.wizard import open_import_wizard
    except ImportError:
        QMessageBox.information(parent, QApplication.translate("MainWindow", "Import"),
                                QApplication.translate("MainWindow", "The import wizard is not available in this build."))
        return None
    if path is not None and "path" in inspect.signature(open_import_wizard).parameters:
        return open_import_wizard(parent, workspace, path=path)
    return open_import_wizard(parent, workspace)


class MainWindow(QMainWindow):
    """Kaskad's main window; section pages are built the first time they are opened.

    Signals:
        import_opened(QWidget): the import wizard was opened (screens refresh when it finishes).
        closed(): the window was closed (after any confirmation).
    """

    import_opened = Signal(object)
    closed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Kaskad — %1").replace("%1", str(workspace.root)))
        self.setAcceptDrops(True)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; } "
                               "QListWidget#navigation::item { padding: 6px 8px; }")
        self.pages = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        self._row = -1
        for entry in SECTIONS:
            item = QListWidgetItem(self.style().standardIcon(entry.icon), title_of(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.nav.addItem(item)
            self.pages.addWidget(QWidget())  # placeholder until the section is first opened
        self.nav.setFixedWidth(max(190, self.nav.sizeHintForColumn(0) + 40))
        self.nav.currentRowChanged.connect(self._show_section)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self.statusBar().showMessage(self.tr("Workspace: %1").replace("%1", str(workspace.root)))
        self.resize(1280, 820)
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        self.engine_host: EngineHost = engine_host(workspace, self)
        self.engine_host.warning.connect(lambda text: self.statusBar().showMessage(text))
        self.engine_host.problem.connect(lambda text: self.statusBar().showMessage(text))
        QTimer.singleShot(0, self.engine_host.sync)  # resume a running campaign now, not at the first tick

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import contacts…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.open_import())
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def page(self, section_id: str) -> QWidget:
        """The section's page, built on first use."""
        if section_id not in self._built:
            index = next(i for i, e in enumerate(SECTIONS) if e.id == section_id)
            widget = SECTIONS[index].factory(self.workspace, self)
            old = self.pages.widget(index)
            self.pages.insertWidget(index, widget)
            self.pages.removeWidget(old)
            old.deleteLater()
            self._built[section_id] = widget
        return self._built[section_id]

    def show_section(self, section_id: str) -> QWidget:
        """Switch to a section and return its page."""
        index = next(i for i, e in enumerate(SECTIONS) if e.id == section_id)
        self.nav.setCurrentRow(index)
        return self.page(section_id)

    def may_leave_section(self) -> bool:
        """Whether the current page lets the user go elsewhere (pages without `may_leave` always do)."""
        current = self.pages.currentWidget()
        may_leave = getattr(current, "may_leave", None)
        return True if may_leave is None else bool(may_leave())

    def _show_section(self, row: int) -> None:
        if row < 0 or row == self._row:
            return
        if self._row >= 0 and not self.may_leave_section():
            self.nav.blockSignals(True)  # stay: put the selection back without re-entering here
            self.nav.setCurrentRow(self._row)
            self.nav.blockSignals(False)
            return
        self._row = row
        widget = self.page(SECTIONS[row].id)
        self.pages.setCurrentWidget(widget)

    def open_import(self, path: str | None = None) -> QWidget | None:
        """Open the import wizard; the contacts screen refreshes when it finishes."""
        wizard = open_import(self, self.workspace, path)
        if wizard is not None:
            self.import_opened.emit(wizard)
        return wizard

    # Dropping a file anywhere on the window starts an import of it.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_import(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.may_leave_section():  # unsaved work on the current page (a scenario, a template)
            event.ignore()
            return
        running = active_operations()
        if running and not Confirm.ask(self, self.tr("Work in progress"),
                                       self.tr("An operation is still running. Stop it and quit?")):
            event.ignore()
            return
        for handle in running:
            handle.cancel()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
        self.closed.emit()

    def _restore_geometry(self) -> None:
        saved = QSettings().value("main_window/geometry")
        if isinstance(saved, QByteArray | bytes) and saved:
            self.restoreGeometry(QByteArray(saved))


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in IMPORTABLE else None
