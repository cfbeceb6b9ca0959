"""ui.ops: work off the GUI thread with progress, cancel and errors coming back to the GUI thread."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import QThread

from app.errors import UserInputError
from ui.ops import active_operations, run_blocking, run_in_worker


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    gui = QThread.currentThread()
    seen: list[tuple[int, object, str, bool]] = []
    results: list[object] = []

    def work(count: int, progress) -> int:
        assert threading.current_thread() is not threading.main_thread()
        for i in range(count):
            progress(i + 1, count, "rows")
        return count * 2

    handle = run_in_worker(work, 3, progress_cb=lambda d, t, s: seen.append((d, t, s, QThread.currentThread() is gui)),
                           on_done=lambda r: results.append((r, QThread.currentThread() is gui)))
    qtbot.wait_until(lambda: handle.done, timeout=3000)
    assert results == [(6, True)]
    assert seen == [(1, 3, "rows", True), (2, 3, "rows", True), (3, 3, "rows", True)]
    assert handle not in active_operations()


def test_errors_and_cancel_are_reported(qtbot) -> None:
    errors: list[BaseException] = []
    handle = run_in_worker(lambda: (_ for _ in ()).throw(UserInputError("файл пуст")), on_error=errors.append)
    qtbot.wait_until(lambda: handle.done, timeout=3000)
    assert [str(e) for e in errors] == ["файл пуст"]

    started = threading.Event()

    def endless(cancel) -> None:
        started.set()
        while True:
            cancel.raise_if_cancelled()
            started.wait(0.005)

    cancelled: list[bool] = []
    handle = run_in_worker(endless, on_cancelled=lambda: cancelled.append(True), on_error=errors.append)
    assert started.wait(3)
    assert handle in active_operations()
    handle.cancel()
    qtbot.wait_until(lambda: handle.done, timeout=3000)
    assert cancelled == [True] and len(errors) == 1


def test_run_blocking_awaits_work_in_the_executor() -> None:
    seen: list[tuple[int, bool]] = []

    def work(n: int, progress, cancel) -> str:
        assert threading.current_thread() is not threading.main_thread()
        cancel.raise_if_cancelled()
        progress(n, n, "done")
        return "ok" * n

    async def main() -> str:
        result = await run_blocking(work, 2, progress_cb=lambda d, t, s: seen.append(
            (d, threading.current_thread() is threading.main_thread())))
        await asyncio.sleep(0)  # the progress callback was scheduled onto this loop
        return result

    # The same coroutine runs on the qasync loop in the app (see test_shell's real launch).
    assert asyncio.run(main()) == "okok"
    assert seen == [(2, True)]
