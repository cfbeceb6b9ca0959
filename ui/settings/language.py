"""Settings group: the UI language (applied when Kaskad is next started)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from app.settings import get_language, set_language
from app.workspace import Workspace
from ui.i18n import system_language

__all__ = ["LanguageGroup"]


class LanguageGroup(QGroupBox):
    """Choose Russian, English or the system's language; stored in the workspace settings."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.workspace = workspace
        self.combo = QComboBox()
        system_name = "Русский" if system_language() == "ru" else "English"
        # Language names are shown in their own language, so anyone can find theirs.
        self.combo.addItem(self.tr("As in the system (%1)").replace("%1", system_name), "")
        self.combo.addItem("Русский", "ru")
        self.combo.addItem("English", "en")
        self.combo.setCurrentIndex(max(0, self.combo.findData(get_language(workspace.engine))))
        self.combo.currentIndexChanged.connect(self._changed)
        self.note = QLabel(self.tr("The new language is applied the next time Kaskad starts."))
        self.note.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Interface language:"), self.combo)
        layout.addRow(self.note)

    def _changed(self, _index: int) -> None:
        set_language(self.workspace.engine, self.combo.currentData())
        self.note.setText(self.tr("Saved. Restart Kaskad to see the interface in the chosen language."))
