"""Wizard page 2: the first rows as they will be read, with the reading options editable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)
from shiboken6 import isValid

from app.errors import ImportFileError, UserInputError
from app.importer.model import Preview, SourceOptions
from ui.imports.labels import delimiter_items, describe_file_error
from ui.imports.reading import ENCODINGS, Reading, canonical_codec, preview_lane, read_preview
from ui.ops import run_in_worker

_ERROR_STYLE = "color: #b00020;"
_BANNER_STYLE = ("QFrame { background: #fff4d6; border: 1px solid #e0b84a; border-radius: 4px; }"
                 " QLabel { border: none; background: transparent; }")


class PreviewPage(QWizardPage):
    """Shows the detected encoding, delimiter, header row and sheet; any change re-reads."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check how the file is read"))
        self.setSubTitle(self.tr("If the text looks garbled or columns are stuck together, "
                                 "change the encoding, delimiter or header row."))
        self.preview: Preview | None = None
        self.reading: Reading | None = None
        self.loading = False
        self._generation = 0
        self._loaded_path = ""
        self._header_chosen = False
        self._suggested_encoding: str | None = None

        self.encoding_combo = QComboBox()
        for codec, label in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.delimiter_combo = QComboBox()
        for delimiter, label in delimiter_items():
            self.delimiter_combo.addItem(label, delimiter)
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setToolTip(self.tr("Number of the row that holds the column names"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(12)

        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding_label.setBuddy(self.encoding_combo)
        self.delimiter_label = QLabel(self.tr("&Delimiter:"))
        self.delimiter_label.setBuddy(self.delimiter_combo)
        self.header_label = header_label = QLabel(self.tr("&Header row:"))
        header_label.setBuddy(self.header_spin)
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        controls = QHBoxLayout()
        for label, widget in ((self.sheet_label, self.sheet_combo), (self.encoding_label, self.encoding_combo),
                              (self.delimiter_label, self.delimiter_combo), (header_label, self.header_spin)):
            controls.addWidget(label)
            controls.addWidget(widget)
            controls.addSpacing(12)
        controls.addStretch(1)

        self.encoding_combo.activated.connect(self._reading_changed)
        self.delimiter_combo.activated.connect(self._reading_changed)
        self.sheet_combo.activated.connect(self._sheet_changed)
        self.header_spin.valueChanged.connect(self._header_changed)

        self.banner = QFrame()
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton()
        self.banner_button.clicked.connect(self._apply_suggestion)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.hide()

        self.loading_label = QLabel(self.tr("Reading the file…"))
        self.loading_label.hide()
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a5a00;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.banner)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings_label)

    # -- reading ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        path = self.wizard().path
        if path != self._loaded_path:
            self._loaded_path = path
            self._header_chosen = False
            self.load(SourceOptions())

    def load(self, options: SourceOptions) -> None:
        """Re-read the file's first rows with `options` (None fields are detected), off the GUI thread."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.loading_label.show()
        self.error_label.clear()
        for widget in self._controls():
            widget.setEnabled(False)
        self.completeChanged.emit()

        def done(reading: Reading) -> None:
            if isValid(self) and generation == self._generation:
                self._finish_loading(reading, "")

        def failed(exc: BaseException) -> None:
            if isValid(self) and generation == self._generation:
                self._finish_loading(None, self._error_text(exc))

        run_in_worker(read_preview, self._loaded_path, options, executor=preview_lane(),
                      on_done=done, on_error=failed)

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, ImportFileError):
            problem = describe_file_error(exc)
        elif isinstance(exc, UserInputError):
            problem = str(exc)
        elif isinstance(exc, OSError):
            problem = exc.strerror or str(exc)
        else:
            problem = f"{type(exc).__name__}: {exc}"
        return (self.tr("Cannot read the file. {problem}").format(problem=problem)
                + "\n" + self.tr("Press “< Back” to choose another file."))

    def _finish_loading(self, reading: Reading | None, error: str) -> None:
        self.loading = False
        self.loading_label.hide()
        self.reading = reading
        self.preview = reading.preview if reading else None
        self.error_label.setText(error)
        for widget in self._controls():
            widget.setEnabled(True)
        self._show()
        self.completeChanged.emit()

    def _controls(self) -> tuple:
        return (self.encoding_combo, self.delimiter_combo, self.header_spin, self.sheet_combo, self.banner_button)

    def current_options(self) -> SourceOptions:
        """The reading options as the controls show them."""
        spreadsheet = self.preview is not None and self.preview.format != "csv"
        return SourceOptions(
            encoding=None if spreadsheet else self.encoding_combo.currentData(),
            delimiter=None if spreadsheet else self.delimiter_combo.currentData(),
            header_row=self.header_spin.value() - 1 if self._header_chosen else None,
            sheet=self.sheet_combo.currentText() or None if spreadsheet else None,
        )

    def _reading_changed(self) -> None:
        self.load(self.current_options())

    def _sheet_changed(self) -> None:
        # Another sheet has its own title rows: detect its header row afresh.
        self._header_chosen = False
        self.load(self.current_options())

    def _header_changed(self) -> None:
        if self.header_spin.signalsBlocked():
            return
        self._header_chosen = True
        self.load(self.current_options())

    # -- showing ---------------------------------------------------------------------------

    def _show(self) -> None:
        preview = self.preview
        spreadsheet = preview is not None and preview.format != "csv"
        # Controls only make sense next to a reading they describe.
        for widget in (self.encoding_label, self.encoding_combo, self.delimiter_label, self.delimiter_combo):
            widget.setVisible(preview is not None and not spreadsheet)
        self.sheet_label.setVisible(spreadsheet)
        self.sheet_combo.setVisible(spreadsheet)
        self.header_label.setVisible(preview is not None)
        self.header_spin.setVisible(preview is not None)
        self.table.setVisible(preview is not None)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.banner.hide()
        if preview is None:
            self.info_label.clear()
            self.warnings_label.clear()
            return
        self._show_controls(preview)
        self.table.setColumnCount(len(preview.headers))
        self.table.setHorizontalHeaderLabels(preview.headers)
        self.table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(preview.headers)]):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        # Number data rows as the file does, so they match the header-row control.
        first = preview.header_row + 2
        self.table.setVerticalHeaderLabels([str(first + i) for i in range(len(preview.rows))])
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 260))
        self.info_label.setText(self._info_text(preview))
        self.warnings_label.setText("\n".join("⚠ " + w for w in preview.warnings))
        self.warnings_label.setVisible(bool(preview.warnings))
        self._show_garbled()

    def _show_controls(self, preview: Preview) -> None:
        for widget in (self.encoding_combo, self.delimiter_combo, self.header_spin, self.sheet_combo):
            widget.blockSignals(True)
        try:
            codec = canonical_codec(preview.encoding)
            index = next((i for i in range(self.encoding_combo.count())
                          if canonical_codec(self.encoding_combo.itemData(i)) == codec), -1)
            if index < 0 and codec:
                self.encoding_combo.addItem(codec, codec)
                index = self.encoding_combo.count() - 1
            self.encoding_combo.setCurrentIndex(max(index, 0))
            index = self.delimiter_combo.findData(preview.delimiter)
            if index < 0 and preview.delimiter:
                self.delimiter_combo.addItem(repr(preview.delimiter), preview.delimiter)
                index = self.delimiter_combo.count() - 1
            self.delimiter_combo.setCurrentIndex(max(index, 0))
            self.header_spin.setMaximum(max(len(preview.raw_rows), preview.header_row + 1, 1))
            self.header_spin.setValue(preview.header_row + 1)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(preview.sheets)
            if preview.sheet:
                self.sheet_combo.setCurrentText(preview.sheet)
        finally:
            for widget in (self.encoding_combo, self.delimiter_combo, self.header_spin, self.sheet_combo):
                widget.blockSignals(False)

    def _info_text(self, preview: Preview) -> str:
        text = self.tr("Columns: {columns}. The first {rows} data rows are shown.").format(
            columns=len(preview.headers), rows=len(preview.rows))
        skipped = [" ".join(cell for cell in row if cell).strip() for row in preview.raw_rows[: preview.header_row]]
        skipped = [row for row in skipped if row]
        if preview.header_row > 0:
            text += " " + self.tr("Rows above the header are skipped: {rows}.").format(
                rows="; ".join(f"«{row[:60]}»" for row in skipped[:3]) or self.tr("empty rows"))
        return text

    def _show_garbled(self) -> None:
        reading = self.reading
        if reading is None or not reading.garbled:
            return
        self._suggested_encoding = reading.suggestion
        if reading.suggestion:
            label = dict(ENCODINGS)[reading.suggestion]
            self.banner_label.setText(self.tr(
                "The text looks garbled: the file is probably in another encoding. "
                "With “{encoding}” it reads correctly.").format(encoding=label))
            self.banner_button.setText(self.tr("Switch to {encoding}").format(encoding=label))
            self.banner_button.show()
        else:
            self.banner_label.setText(self.tr(
                "The text looks garbled: try another encoding in the list above."))
            self.banner_button.hide()
        self.banner.show()

    def _apply_suggestion(self) -> None:
        if self._suggested_encoding:
            # With the right encoding the delimiter and header row may read differently too.
            self._header_chosen = False
            self.load(SourceOptions(encoding=self._suggested_encoding))

    # -- wizard ----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        return not self.loading and self.preview is not None and bool(self.preview.headers)

    def validatePage(self) -> bool:
        self.wizard().preview = self.preview
        return True

