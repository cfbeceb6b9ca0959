"""What an empty contact base shows: a welcome and a big "Import contacts" button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.widgets.centered import centered_column

__all__ = ["EmptyState"]


class EmptyState(QWidget):
    """The welcome page of an empty base.

    Signals:
        import_requested(): the Import contacts button was pressed.
    """

    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Kaskad!"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        text = QLabel(self.tr("Your contact base is empty. Bring in your customers from an Excel or CSV file — "
                              "an export from your CRM, 1C or a list you keep by hand. Kaskad cleans up phones "
                              "and emails and skips duplicates."))
        text.setStyleSheet("font-size: 11pt;")
        self.button = QPushButton(self.tr("Import contacts…"))
        self.button.setMinimumHeight(44)
        self.button.setStyleSheet("font-size: 12pt; padding: 6px 24px;")
        self.button.clicked.connect(self.import_requested)
        hint = QLabel(self.tr("You can also drop a file onto this window, or press Ctrl+I."))
        hint.setStyleSheet("color: palette(placeholder-text);")
        centered_column(self, [title, text, self.button, hint])
