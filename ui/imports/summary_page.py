"""Wizard page 6: what the import did, with the error report one click away."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from app.importer.model import ImportResult


class SummaryPage(QWizardPage):
    """Counts of created / updated / merged / rejected / skipped / conflicting rows."""

    COUNTS = ("total_rows", "created", "updated", "merged", "rejected", "skipped", "conflicts")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import complete"))
        self.setFinalPage(True)
        titles = {
            "total_rows": self.tr("Rows in the file:"),
            "created": self.tr("New contacts:"),
            "updated": self.tr("Existing contacts updated:"),
            "merged": self.tr("Duplicate rows merged:"),
            "rejected": self.tr("Rows rejected:"),
            "skipped": self.tr("Rows skipped (already in the base):"),
            "conflicts": self.tr("Conflicts (phone and e-mail of different contacts):"),
        }
        self.count_labels: dict[str, QLabel] = {}
        counts = QGroupBox(self.tr("Result"))
        form = QFormLayout(counts)
        bold = QFont()
        bold.setBold(True)
        for key in self.COUNTS:
            value = QLabel("0")
            value.setFont(bold)
            self.count_labels[key] = value
            form.addRow(titles[key], value)

        self.rejected_hint = QLabel()
        self.rejected_hint.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Open error report"))
        self.report_button.clicked.connect(self.open_report)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_button)
        report_row.addStretch(1)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a5a00;")

        self.conflicts_box = QGroupBox(self.tr("Conflicts to check by hand"))
        self.conflicts_text = QPlainTextEdit()
        self.conflicts_text.setReadOnly(True)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(QLabel(self.tr(
            "These rows were not merged into a contact automatically, so no one gets someone else's data:")))
        conflicts_layout.addWidget(self.conflicts_text)

        layout = QVBoxLayout(self)
        layout.addWidget(counts)
        layout.addWidget(self.rejected_hint)
        layout.addLayout(report_row)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.conflicts_box, 1)
        layout.addStretch()

    def initializePage(self) -> None:
        result: ImportResult = self.wizard().result
        locale = QLocale()
        for key, label in self.count_labels.items():
            label.setText(locale.toString(int(getattr(result, key))))
        self.setSubTitle(self.tr("Done in {seconds} s. The contacts are already in the base.").format(
            seconds=locale.toString(result.seconds, "f", 1)))
        has_report = result.rejected > 0 and result.error_report is not None
        self.report_button.setVisible(has_report)
        self.rejected_hint.setVisible(result.rejected > 0)
        self.rejected_hint.setText(self.tr(
            "Rejected rows were not imported. The error report lists each of them with the reason; "
            "fix them in the file and import it again.") if has_report else self.tr(
            "Rejected rows were not imported."))
        warnings = list(getattr(result, "warnings", []) or [])
        self.warnings_label.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings_label.setVisible(bool(warnings))
        self.conflicts_box.setVisible(bool(result.conflict_samples))
        self.conflicts_text.setPlainText("\n".join(result.conflict_samples))

    def open_report(self) -> bool:
        """Open the rejected-rows report (.xlsx) in the system's spreadsheet program."""
        result: ImportResult = self.wizard().result
        if result is None or result.error_report is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.error_report)))
