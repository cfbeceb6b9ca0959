"""A search field that reports what was typed after a short pause (debounced)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = ["SearchBox"]


class SearchBox(QLineEdit):
    """A QLineEdit with a clear button that emits once typing pauses.

    Signals:
        search_changed(str): the text, `delay_ms` after the last keystroke (at once on Enter).
    """

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 250) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._fire)

    def _fire(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.text())
