"""Reading counts off the GUI thread: one read in flight at a time, result delivered on the GUI thread."""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

__all__ = ["Poller"]

# Reads only: they run beside the shared write lane, so a long import never delays progress.
_READER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kaskad-campaign-read")


class Poller(QObject):
    """Calls `fn()` every `interval_ms` on a reader thread while started.

    Signals:
        result(object): the value `fn` returned (GUI thread).
        error(str): `fn` raised; the text says why (polling goes on).
    """

    result = Signal(object)
    error = Signal(str)
    _posted = Signal()

    def __init__(self, fn: Callable[[], Any], interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self._busy = False
        self._inbox: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._posted.connect(self._drain)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Poll now and then every interval."""
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def poll(self) -> None:
        """Read once now unless a read is still running."""
        if self._busy:
            return
        self._busy = True
        fn = self.fn

        def work() -> None:
            try:
                value: tuple[bool, Any] = (True, fn())
            except Exception as exc:  # noqa: BLE001 - reported, polling continues
                value = (False, str(exc))
            self._inbox.put(value)
            try:
                self._posted.emit()
            except RuntimeError:  # the view was closed while reading
                pass

        _READER.submit(work)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                ok, value = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._busy = False
            (self.result if ok else self.error).emit(value)
