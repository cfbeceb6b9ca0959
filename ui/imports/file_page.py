"""Wizard page 1: pick a file with a dialog or drop it onto the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

#: file name endings the importer reads.
SUPPORTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")


def _local_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The single supported local file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if path.lower().endswith(SUPPORTED_SUFFIXES) else None


class FilePage(QWizardPage):
    """Choose the file to import: a path field, a Browse button and a drop area."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr(
            "A contact base saved from Excel, 1C or a CRM: CSV, TSV, TXT, XLSX, XLS or ODS."))
        self.setAcceptDrops(True)

        self.drop_area = QLabel(self.tr("Drag a file here\nor press “Browse…”"))
        self.drop_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_area.setMinimumHeight(180)
        self.drop_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_area.setStyleSheet("QLabel { border: 2px dashed palette(mid); border-radius: 8px;"
                                     " font-size: 15px; color: palette(dark); }")

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path to the file"))
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(self._on_text_changed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)

    def path(self) -> str:
        """The chosen path, stripped."""
        return self.path_edit.text().strip().strip('"')

    def set_path(self, path: str) -> None:
        """Put `path` into the field (the page validates it)."""
        self.path_edit.setText(path)

    def browse(self) -> None:
        """Open the file dialog filtered to the readable formats."""
        start = str(Path(self.path()).parent) if self.path() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a contact file"), start,
            self.tr("Tables (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;All files (*)"))
        if path:
            self.set_path(path)

    def _problem(self) -> str:
        path = self.path()
        if not path:
            return ""
        file = Path(path)
        if not file.is_file():
            return self.tr("There is no file at this path.")
        if file.suffix.lower() not in SUPPORTED_SUFFIXES:
            return self.tr("Kaskad reads CSV, TSV, TXT, XLSX, XLS and ODS files; this one is “{suffix}”."
                           ).format(suffix=file.suffix or "—")
        return ""

    def _on_text_changed(self) -> None:
        self.problem_label.setText(self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path()) and not self._problem()

    def validatePage(self) -> bool:
        self.wizard().path = self.path()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _local_file(event)
        if path:
            event.acceptProposedAction()
            self.set_path(path)
            if self.isComplete():
                self.wizard().next()
