"""Starts `run_import` through ui.ops on the worker lane, with its progress thinned out."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from app.importer.job import run_import
from app.importer.model import ImportOptions, ImportResult
from app.progress import CancelToken, ProgressCallback
from app.workspace import Workspace
from ui.ops import OpHandle, run_in_worker

#: progress is forwarded at most this often, so a fast import cannot flood the event loop.
MIN_INTERVAL = 0.1


def throttled(progress: ProgressCallback, interval: float = MIN_INTERVAL) -> ProgressCallback:
    """A callback passing on the first, the last and at most one call per `interval` seconds."""
    last = [0.0]

    def report(done: int, total: int | None, stage: str) -> None:
        now = time.monotonic()
        if now - last[0] >= interval or (total is not None and done >= total):
            last[0] = now
            progress(done, total, stage)

    return report


def start_import(
    workspace: Workspace,
    path: str | Path,
    options: ImportOptions,
    *,
    on_progress: Callable[[int, int | None, str], None],
    on_done: Callable[[ImportResult], None],
    on_error: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
) -> OpHandle:
    """Run the import off the GUI thread; callbacks come back on the GUI thread.

    Exactly one of on_done / on_error / on_cancelled is called. `handle.cancel()` stops it
    between batches, and the base stays as it was.
    """

    def work(progress: ProgressCallback, cancel: CancelToken) -> ImportResult:
        return run_import(workspace, Path(path), options, throttled(progress), cancel)

    return run_in_worker(work, progress_cb=on_progress, on_done=on_done, on_error=on_error,
                         on_cancelled=on_cancelled)
