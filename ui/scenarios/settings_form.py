"""The scenario settings form: name, description and the entry rule (once / once per N days / every time)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.scenarios.graph import ENTRY_MODES, EntryRule, Scenario
from ui.scenarios.texts import entry_mode_label

__all__ = ["SettingsForm"]


class SettingsForm(QWidget):
    """Scenario name, description and entry rule.

    Signals:
        edited(): the user changed a setting (already written to the scenario).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario: Scenario | None = None
        heading = QLabel(self.tr("Scenario settings"))
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        hint = QLabel(self.tr("Click a step on the canvas to set it up. Drag steps from the left; connect an exit "
                              "(right dot) to the next step's entry (left dot)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.name = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.mode = QComboBox()
        for mode in ENTRY_MODES:
            self.mode.addItem(entry_mode_label(mode), mode)
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setSuffix(self.tr(" days"))
        self.days.setKeyboardTracking(False)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("A contact enters:"), self.mode)
        form.addRow(self.tr("No more often than every:"), self.days)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addStretch(1)
        self.name.editingFinished.connect(self._apply)
        self.description.textChanged.connect(self._apply)
        self.mode.currentIndexChanged.connect(self._apply)
        self.days.valueChanged.connect(self._apply)

    def show_scenario(self, scenario: Scenario) -> None:
        """Fill the form from `scenario`."""
        self.scenario = None
        self.name.setText(scenario.name)
        self.description.setPlainText(scenario.description)
        self.mode.setCurrentIndex(max(0, self.mode.findData(scenario.entry.mode)))
        self.days.setValue(scenario.entry.days or 30)
        self._days_visible()
        self.scenario = scenario

    def _days_visible(self) -> None:
        show = self.mode.currentData() == "once_per_days"
        self.days.setVisible(show)
        self.form.labelForField(self.days).setVisible(show)

    def _apply(self, *_args: object) -> None:
        self._days_visible()
        if self.scenario is None:
            return
        mode = self.mode.currentData()
        entry = EntryRule(mode, self.days.value() if mode == "once_per_days" else None)
        name = " ".join(self.name.text().split()) or self.scenario.name
        description = self.description.toPlainText().strip()
        if (name, description, entry) == (self.scenario.name, self.scenario.description, self.scenario.entry):
            return
        self.scenario.set_settings(name=name, description=description, entry=entry)
        self.edited.emit()
