"""Questions asked through `ask(...)` classmethods, so tests can replace them (pytest-qt "note_dialogs")."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import KaskadError

__all__ = ["Confirm", "ErrorDialog", "SavePath"]


class Confirm:
    """A yes/no question."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class SavePath:
    """Where to save a file; None when the user cancels."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None


class ErrorDialog:
    """The one standard way to report a failure: plain words for known errors, details for bugs."""

    @classmethod
    def ask(cls, parent: QWidget | None, exc: BaseException) -> None:
        box = QMessageBox(parent)
        if isinstance(exc, KaskadError):
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Cannot do that"))
            box.setText(str(exc))
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
            box.setText(QCoreApplication.translate(
                "ErrorDialog", "Something went wrong inside Kaskad. Nothing was lost; please send the details below "
                "to support."))
            box.setDetailedText("".join(traceback.format_exception(exc)))
        box.exec()
