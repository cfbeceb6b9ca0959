"""Questions the Templates screen asks, as `ask(...)` classmethods so tests can answer them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

__all__ = ["AskText", "Inform", "UnsavedChanges"]


class AskText:
    """A one-line answer (a name); None when cancelled."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None


class Inform:
    """A plain message the user acknowledges."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class UnsavedChanges:
    """Save, discard or stay: "save" | "discard" | "cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChanges", "Unsaved changes"))
        box.setText(QCoreApplication.translate("UnsavedChanges", "The template “{0}” has changes that are not saved.").format(name))
        box.setInformativeText(QCoreApplication.translate("UnsavedChanges", "Save them as a new version?"))
        save = box.addButton(QCoreApplication.translate("UnsavedChanges", "Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("UnsavedChanges", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QCoreApplication.translate("UnsavedChanges", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"
