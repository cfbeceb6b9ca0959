"""Questions the Scenarios screen asks, as `ask(...)` classmethods so tests can answer them."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.scenarios.starters import list_starters

__all__ = ["NewScenario", "NewScenarioDialog", "OpenPath", "UnsavedChanges"]

translate = QCoreApplication.translate


@dataclass(frozen=True)
class NewScenario:
    """What the user chose: a name and a starter key (None: a blank canvas)."""

    name: str
    starter: str | None


class NewScenarioDialog(QDialog):
    """Blank or one of the starters (each with a short description), and a name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New scenario"))
        self.resize(620, 480)
        self.starters = QListWidget()
        self.starters.setWordWrap(True)
        self.starters.setSpacing(3)
        self._add(self.tr("Blank canvas"), self.tr("Start from scratch: add a trigger, then steps and actions."), None)
        for starter in list_starters():
            self._add(starter.title, starter.description, starter.key)
        self.starters.setCurrentRow(0)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Welcome series for new leads"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.starters.currentItemChanged.connect(self._suggest)
        self.starters.itemDoubleClicked.connect(lambda _item: self.accept())
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Start from a ready scenario for a common case, or from a blank canvas:")))
        layout.addWidget(self.starters, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._suggested = ""

    def _add(self, title: str, description: str, key: str | None) -> None:
        """One choice: the title in bold over its description."""
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        label = QLabel(f"<b>{html.escape(title)}</b><br>{html.escape(description)}")
        label.setWordWrap(True)
        label.setContentsMargins(6, 4, 6, 4)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.starters.addItem(item)
        self.starters.setItemWidget(item, label)
        # The list is about 580 px wide in the 620 px dialog: wrap the description to that.
        item.setSizeHint(QSize(560, label.heightForWidth(560) + 6))

    def _suggest(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if current is None:
            return
        title = current.data(Qt.ItemDataRole.AccessibleTextRole) if current.data(Qt.ItemDataRole.UserRole) else ""
        if not self.name.text().strip() or self.name.text() == self._suggested:
            self.name.setText(title)
            self._suggested = title

    def choice(self) -> NewScenario | None:
        """The choice, or None when the name is empty."""
        name = " ".join(self.name.text().split())
        item = self.starters.currentItem()
        if not name or item is None:
            return None
        return NewScenario(name, item.data(Qt.ItemDataRole.UserRole))

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewScenario | None:
        """Show the dialog; None when cancelled or left without a name."""
        dialog = cls(parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class OpenPath:
    """A file to open; None when the user cancels."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None


class UnsavedChanges:
    """What to do with unsaved scenario changes: "save", "discard" or "cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("ScenarioDialogs", "Unsaved changes"))
        box.setText(translate("ScenarioDialogs", "Scenario “%1” has unsaved changes. Save them?").replace("%1", name))
        save = box.addButton(translate("ScenarioDialogs", "Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("ScenarioDialogs", "Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("ScenarioDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"
