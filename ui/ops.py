"""Running long work off the GUI thread, with progress and cancel brought back to the GUI thread.

Two ways, same rules (work runs on a single-worker "write lane" executor by default, so
database writes never race each other; callbacks always run on the GUI thread):

    handle = run_in_worker(fn, *args, progress_cb=..., on_done=..., on_error=...)
    handle.cancel()                      # sets the CancelToken fn checks between batches

    result = await run_blocking(fn, *args, progress_cb=...)   # inside a qasync coroutine

`fn` is called as `fn(*args, **kwargs)`; when it declares a parameter named `progress`
and/or `cancel`, it also gets a thread-safe `ProgressCallback` and the handle's
`CancelToken`. A Cancelled error goes to `on_cancelled` (if given) instead of `on_error`.
Screens announce what they changed with `change_bus().changes_applied.emit(changes, initiator)`.
"""

from __future__ import annotations

import asyncio
import inspect
import queue
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.errors import Cancelled
from app.progress import CancelToken, ProgressCallback

__all__ = ["ChangeBus", "OpHandle", "active_operations", "change_bus", "run_blocking", "run_in_worker", "write_lane"]

_write_lane: ThreadPoolExecutor | None = None
_active: set[OpHandle] = set()
_bus: ChangeBus | None = None


def write_lane() -> ThreadPoolExecutor:
    """The single-worker executor long operations share (one writer at a time, as SQLite wants)."""
    global _write_lane
    if _write_lane is None:
        _write_lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-op")
    return _write_lane


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
          progress: ProgressCallback, token: CancelToken) -> Any:
    params = inspect.signature(fn).parameters
    if "progress" in params:
        kwargs = {**kwargs, "progress": progress}
    if "cancel" in params:
        kwargs = {**kwargs, "cancel": token}
    return fn(*args, **kwargs)


class OpHandle(QObject):
    """A running operation.

    Attributes:
        token: the CancelToken handed to the work.
        done: True once it finished, failed or was cancelled.

    Signals (emitted on the GUI thread):
        progressed(done, total or None, stage)
        succeeded(result)
        failed(exception)  -- Cancelled included
    """

    progressed = Signal(int, object, str)
    succeeded = Signal(object)
    failed = Signal(object)
    # The worker never sends Python objects through a queued signal: it puts them in a
    # thread-safe inbox and only wakes the GUI thread, which then emits the public signals.
    _posted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.token = CancelToken()
        self.done = False
        self._inbox: queue.SimpleQueue[tuple[str, tuple[Any, ...]]] = queue.SimpleQueue()
        self._posted.connect(self._drain)

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    def report(self, done: int, total: int | None, stage: str) -> None:
        """The thread-safe ProgressCallback given to the work."""
        self._post("progress", done, total, stage)

    def _post(self, kind: str, *payload: Any) -> None:
        self._inbox.put((kind, payload))
        self._posted.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                kind, payload = self._inbox.get_nowait()
            except queue.Empty:
                return
            if kind == "progress":
                self.progressed.emit(*payload)
                continue
            self.done = True
            _active.discard(self)
            (self.succeeded if kind == "result" else self.failed).emit(payload[0])


def run_in_worker(
    fn: Callable[..., Any],
    *args: Any,
    progress_cb: Callable[[int, int | None, str], None] | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    executor: Executor | None = None,
    **kwargs: Any,
) -> OpHandle:
    """Run `fn(*args, **kwargs)` on a worker thread; callbacks come back on the GUI thread.

    Call it from the GUI thread. Returns the handle at once; keep it to cancel.
    """
    handle = OpHandle()
    _active.add(handle)
    if progress_cb is not None:
        handle.progressed.connect(progress_cb)
    if on_done is not None:
        handle.succeeded.connect(on_done)

    def failed(exc: object) -> None:
        if isinstance(exc, Cancelled) and on_cancelled is not None:
            on_cancelled()
        elif on_error is not None:
            on_error(exc)  # type: ignore[arg-type]

    handle.failed.connect(failed)

    def work() -> None:
        try:
            result = _call(fn, args, kwargs, handle.report, handle.token)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            handle._post("error", exc)
        else:
            handle._post("result", result)

    (executor or write_lane()).submit(work)
    return handle


async def run_blocking(
    fn: Callable[..., Any],
    *args: Any,
    progress_cb: Callable[[int, int | None, str], None] | None = None,
    token: CancelToken | None = None,
    executor: Executor | None = None,
    **kwargs: Any,
) -> Any:
    """Await `fn(*args, **kwargs)` run in the executor from a coroutine on the qasync loop."""
    loop = asyncio.get_running_loop()
    token = token or CancelToken()

    def progress(done: int, total: int | None, stage: str) -> None:
        if progress_cb is not None:
            loop.call_soon_threadsafe(progress_cb, done, total, stage)

    return await loop.run_in_executor(executor or write_lane(), _call, fn, args, kwargs, progress, token)


def active_operations() -> list[OpHandle]:
    """Operations started with run_in_worker that have not finished yet."""
    return [h for h in _active if not h.done]


class ChangeBus(QObject):
    """Where operations announce what they changed.

    Signals:
        changes_applied(changes, initiator): `changes` is an app `Changes`; `initiator` the
            widget that caused it (it may skip redrawing), or None.
    """

    changes_applied = Signal(object, object)


def change_bus() -> ChangeBus:
    """The application-wide ChangeBus."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus
