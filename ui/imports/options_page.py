"""Wizard page 4: list, tags, duplicate policy, consent and phone region."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.importer.model import ImportOptions
from ui.imports.labels import CHANNELS, channel_label, duplicate_policies, regions
from ui.imports.sources import list_names

_HINT_STYLE = "color: #5f6368;"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(_HINT_STYLE)
    return label


class OptionsPage(QWizardPage):
    """What to do with the rows: where they go and how duplicates and consent are handled."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import options"))
        self.setSubTitle(self.tr("Where to put the contacts and what to do with those already in the base."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

        self.list_combo = QComboBox()
        self.list_combo.setEditable(True)
        self.list_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.list_combo.lineEdit().setPlaceholderText(self.tr("Do not add to a list"))
        self.list_combo.setMinimumContentsLength(24)
        self.list_combo.editTextChanged.connect(self._update_list_hint)
        self.list_hint = _hint("")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("for example: VIP, shop on Lenina"))
        self.region_combo = QComboBox()
        for code, label in regions():
            self.region_combo.addItem(label, code)
        where = QGroupBox(self.tr("Where to put the contacts"))
        form = QFormLayout(where)
        form.addRow(self.tr("Add to &list:"), self.list_combo)
        form.addRow("", self.list_hint)
        form.addRow(self.tr("Add &tags:"), self.tags_edit)
        form.addRow(self.tr("Phones without a country code are from:"), self.region_combo)

        self.duplicate_group = QButtonGroup(self)
        self.duplicate_buttons: dict[str, QRadioButton] = {}
        duplicates = QGroupBox(self.tr("Contacts already in the base (same phone or e-mail)"))
        dup_layout = QVBoxLayout(duplicates)
        dup_layout.setSpacing(2)
        for policy, title, explanation in duplicate_policies():
            button = QRadioButton(title)
            self.duplicate_group.addButton(button)
            self.duplicate_buttons[policy] = button
            dup_layout.addWidget(button)
            hint = _hint(explanation)
            hint.setContentsMargins(24, 0, 0, 6)
            dup_layout.addWidget(hint)
        self.duplicate_buttons["fill"].setChecked(True)

        consent = QGroupBox(self.tr("Consent to receive advertising"))
        consent_layout = QVBoxLayout(consent)
        consent_layout.addWidget(_hint(self.tr(
            "Tick the channels these people agreed to receive advertising through. The law on advertising "
            "(38-FZ, art. 18) allows such mailings only with prior consent, and the sender must prove it, "
            "so say where the consent was given.")))
        boxes = QHBoxLayout()
        self.consent_boxes: dict[str, QCheckBox] = {}
        for channel in CHANNELS:
            box = QCheckBox(channel_label(channel))
            box.toggled.connect(self._update_consent)
            self.consent_boxes[channel] = box
            boxes.addWidget(box)
        boxes.addStretch(1)
        consent_layout.addLayout(boxes)
        self.consent_source = QLineEdit()
        self.consent_source.setPlaceholderText(self.tr("for example: signed the loyalty form at the shop"))
        self.consent_source.textChanged.connect(self._update_consent)
        source_row = QHBoxLayout()
        self.consent_source_label = QLabel(self.tr("&Where consent was given:"))
        self.consent_source_label.setBuddy(self.consent_source)
        source_row.addWidget(self.consent_source_label)
        source_row.addWidget(self.consent_source, 1)
        consent_layout.addLayout(source_row)
        self.consent_problem = QLabel()
        self.consent_problem.setStyleSheet("color: #b00020;")
        consent_layout.addWidget(self.consent_problem)

        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(duplicates)
        layout.addWidget(consent)
        layout.addStretch(1)
        self._update_consent()

    def initializePage(self) -> None:
        wizard = self.wizard()
        typed = self.list_combo.currentText()
        self.list_combo.clear()
        self.list_combo.addItems(list_names(wizard.workspace.engine))
        self.list_combo.setEditText(typed)
        self._update_list_hint()

    def _update_list_hint(self) -> None:
        name = self.list_combo.currentText().strip()
        existing = [self.list_combo.itemText(i) for i in range(self.list_combo.count())]
        if not name:
            self.list_hint.setText(self.tr("Pick a list or type a new name; leave empty to skip."))
        elif name in existing:
            self.list_hint.setText(self.tr("The contacts are added to the existing list."))
        else:
            self.list_hint.setText(self.tr("A new list “{name}” will be created.").format(name=name))

    def consent_channels(self) -> list[str]:
        """The ticked consent channels."""
        return [channel for channel, box in self.consent_boxes.items() if box.isChecked()]

    def _update_consent(self) -> None:
        needed = bool(self.consent_channels())
        self.consent_source.setEnabled(needed)
        self.consent_source_label.setEnabled(needed)
        missing = needed and not self.consent_source.text().strip()
        self.consent_problem.setText(self.tr("Say where the consent was given.") if missing else "")
        self.consent_problem.setVisible(missing)
        self.completeChanged.emit()

    def tags(self) -> list[str]:
        """Tags typed by the user, comma-separated, without blanks and repeats."""
        seen: list[str] = []
        for tag in self.tags_edit.text().split(","):
            tag = tag.strip()
            if tag and tag not in seen:
                seen.append(tag)
        return seen

    def policy(self) -> str:
        """The chosen duplicate policy."""
        return next(policy for policy, button in self.duplicate_buttons.items() if button.isChecked())

    def build_options(self) -> ImportOptions:
        """The ImportOptions for the run, from every page's choices."""
        wizard = self.wizard()
        channels = self.consent_channels()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        wizard.workspace.reports_dir.mkdir(parents=True, exist_ok=True)
        return ImportOptions(
            source=wizard.preview.source_options(),
            mapping=dict(wizard.mapping),
            region=self.region_combo.currentData(),
            on_duplicate=self.policy(),
            list_name=self.list_combo.currentText().strip() or None,
            tags=self.tags(),
            consent_channels=channels,
            consent_source=self.consent_source.text().strip() if channels else None,
            errors_path=wizard.workspace.reports_dir / f"import-errors-{stamp}.xlsx",
        )

    def isComplete(self) -> bool:
        return not (self.consent_channels() and not self.consent_source.text().strip())

    def validatePage(self) -> bool:
        self.wizard().options = self.build_options()
        return True
