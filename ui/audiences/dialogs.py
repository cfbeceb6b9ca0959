"""Questions the Audiences screen asks, as `ask(...)` classmethods so tests can answer them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

__all__ = ["NameDialog", "UnsavedChanges"]


class NameDialog:
    """A name for a new, renamed, copied or frozen list or segment; None when cancelled."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        name = " ".join(name.split())
        return name if ok and name else None


class UnsavedChanges:
    """What to do with unsaved rule changes: "save", "discard" or "cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("AudienceDialogs", "Unsaved changes"))
        box.setText(QCoreApplication.translate("AudienceDialogs", "Segment “%1” has unsaved changes. Save them?")
                    .replace("%1", name))
        save = box.addButton(QCoreApplication.translate("AudienceDialogs", "Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("AudienceDialogs", "Don't save"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QCoreApplication.translate("AudienceDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"
