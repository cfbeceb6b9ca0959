"""Wizard page 3: what each column of the file becomes, pre-filled from the guess."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import UserInputError
from app.importer.mapping import load_mappings, save_mapping
from app.importer.model import Preview
from ui.imports.labels import fixed_targets, target_label

_CONFLICT = QColor("#ffd6d6")
HEADER_COL, SAMPLES_COL, TARGET_COL = range(3)


def _samples(preview: Preview, column: int, limit: int = 3) -> list[str]:
    seen: list[str] = []
    for row in preview.rows:
        value = row[column].strip() if column < len(row) else ""
        if value and value not in seen:
            seen.append(value)
            if len(seen) == limit:
                break
    return seen


class MappingPage(QWizardPage):
    """One row per source column: its header, sample values and a target combo."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Choose what each column of the file becomes. Columns left as "
                                 "“Custom field” are kept with the contact under their own name."))
        self._headers: list[str] = []
        self._combos: list[QComboBox] = []
        self._prepared_for: Preview | None = None

        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumContentsLength(20)
        self.saved_combo.activated.connect(self._apply_saved)
        saved_label = QLabel(self.tr("Sa&ved mapping:"))
        saved_label.setBuddy(self.saved_combo)
        self.save_button = QPushButton(self.tr("Save mapping as…"))
        self.save_button.clicked.connect(self._ask_save)
        top = QHBoxLayout()
        top.addWidget(saved_label)
        top.addWidget(self.saved_combo)
        top.addStretch(1)
        top.addWidget(self.save_button)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Sample values"), self.tr("Import as")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HEADER_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SAMPLES_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TARGET_COL, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(TARGET_COL, 280)
        # Room around each row's combo box, so rows do not look glued together.
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 10)

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)

    # -- filling ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        preview = self.wizard().preview
        if preview is not self._prepared_for:
            # A new reading of the file (other header row, sheet...): start from its guess.
            self._prepared_for = preview
            self._fill(preview)
        self._reload_saved()
        self._validate()

    def _fill(self, preview: Preview) -> None:
        self._headers = list(preview.headers)
        self._combos = []
        self.table.setRowCount(len(self._headers))
        for row, name in enumerate(self._headers):
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.table.setItem(row, HEADER_COL, item)
            samples = _samples(preview, row)
            sample_item = QTableWidgetItem("  ·  ".join(samples) if samples else self.tr("(empty)"))
            sample_item.setToolTip("\n".join(samples))
            if not samples:
                sample_item.setForeground(QBrush(QColor("gray")))
            self.table.setItem(row, SAMPLES_COL, sample_item)
            combo = self._target_combo(name)
            self._combos.append(combo)
            self.table.setCellWidget(row, TARGET_COL, combo)
            self.set_target(name, preview.mapping.get(name) or f"custom:{name}")
            # Connected after the guess is in, so validation only ever sees whole rows.
            combo.currentIndexChanged.connect(self._validate)

    def _target_combo(self, header: str) -> QComboBox:
        combo = QComboBox()
        for target in fixed_targets():
            combo.addItem(target_label(target), target)
        combo.insertSeparator(combo.count())
        combo.addItem(target_label("custom:"), f"custom:{header}")
        combo.addItem(target_label("skip"), "skip")
        return combo

    # -- state -----------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        """header → target as currently chosen."""
        return {name: combo.currentData() for name, combo in zip(self._headers, self._combos, strict=True)}

    def target_combo(self, header: str) -> QComboBox:
        """The target combo of the column named `header`."""
        return self._combos[self._headers.index(header)]

    def set_target(self, header: str, target: str) -> None:
        """Choose `target` for the column `header` (custom fields keep their own name)."""
        combo = self.target_combo(header)
        if target == "custom:":
            target = f"custom:{header}"
        index = combo.findData(target)
        if index < 0:
            combo.addItem(target_label(target) if not target.startswith("custom:")
                          else self.tr("Custom field “{name}”").format(name=target[7:]), target)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def problems(self) -> list[str]:
        """What stops the import with the current mapping, in plain words."""
        mapping = self.mapping()
        found: list[str] = []
        if not {"phone", "email"} & set(mapping.values()):
            found.append(self.tr("Choose the column with phones or e-mails: a contact needs at least one."))
        for target, headers in self._duplicates(mapping).items():
            found.append(self.tr("“{target}” is chosen for several columns: {columns}. Keep it for one.").format(
                target=target_label(target), columns=", ".join(f"«{h}»" for h in headers)))
        return found

    @staticmethod
    def _duplicates(mapping: dict[str, str]) -> dict[str, list[str]]:
        by_target: dict[str, list[str]] = {}
        for header, target in mapping.items():
            if target != "skip":
                by_target.setdefault(target, []).append(header)
        return {target: headers for target, headers in by_target.items() if len(headers) > 1}

    def _validate(self) -> None:
        duplicated = {h for headers in self._duplicates(self.mapping()).values() for h in headers}
        for row, name in enumerate(self._headers):
            color = _CONFLICT if name in duplicated else QColor(0, 0, 0, 0)
            for col in (HEADER_COL, SAMPLES_COL):
                item = self.table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush(color))
        self.problem_label.setText("\n".join(self.problems()))
        self.completeChanged.emit()

    # -- saved mappings --------------------------------------------------------------------

    def _reload_saved(self) -> None:
        self._saved = load_mappings(self.wizard().workspace.engine)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("— not chosen —"), None)
        for name in sorted(self._saved):
            self.saved_combo.addItem(name, name)

    def _apply_saved(self) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.apply_mapping(self._saved[name])

    def apply_mapping(self, saved: dict[str, str]) -> None:
        """Use a saved mapping for every column it names; other columns keep their choice."""
        for header in self._headers:
            if header in saved:
                self.set_target(header, saved[header])
        self._validate()

    def save_as(self, name: str) -> None:
        """Store the current mapping under `name` and select it."""
        save_mapping(self.wizard().workspace.engine, name, self.mapping())
        self._reload_saved()
        self.saved_combo.setCurrentIndex(self.saved_combo.findData(name))

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name of the mapping:"))
        if not ok or not name.strip():
            return
        try:
            self.save_as(name.strip())
        except UserInputError as exc:
            QMessageBox.warning(self, self.tr("Save mapping"), str(exc))

    # -- wizard ----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        return bool(self._headers) and not self.problems()

    def validatePage(self) -> bool:
        self.wizard().mapping = self.mapping()
        return True
