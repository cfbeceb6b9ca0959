"""The render child processes the preview and the audience check use (a stuck template can be killed).

A Python thread cannot be stopped, so personalising runs in `app.templates.isolation.RenderWorker`
processes with a wall-clock limit. The preview and the audience check each get their own
process, so a long check never delays the preview; both stop when the application quits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.templates.isolation import RenderWorker

__all__ = ["check_worker", "preview_worker", "shutdown_workers"]

_workers: dict[str, RenderWorker] = {}


def _worker(name: str) -> RenderWorker:
    worker = _workers.get(name)
    if worker is None:
        worker = _workers[name] = RenderWorker()
        app = QCoreApplication.instance()
        if app is not None and len(_workers) == 1:
            app.aboutToQuit.connect(shutdown_workers)
    return worker


def preview_worker() -> RenderWorker:
    """The process that renders previews and lints."""
    return _worker("preview")


def check_worker() -> RenderWorker:
    """The process that renders the audience check, batch by batch."""
    return _worker("check")


def shutdown_workers() -> None:
    """Stop the render processes (they are started again when next needed)."""
    for worker in _workers.values():
        worker.close()
