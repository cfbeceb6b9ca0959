"""Progress reporting and cancellation for long operations, without Qt.

The UI passes a callback and a token; `app/` calls the callback from whatever thread it
runs on (the UI marshals it back to the GUI thread) and checks the token between batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import Cancelled

__all__ = ["CancelToken", "ProgressCallback", "no_progress"]

#: called as progress(done, total, stage); total is None while unknown.
ProgressCallback = Callable[[int, int | None, str], None]


def no_progress(done: int, total: int | None, stage: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """A thread-safe flag the user sets to stop a long operation between batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled by the user")
