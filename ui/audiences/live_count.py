"""The live count: debounced, computed off the GUI thread, only the latest rule's result is shown."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.segments.service import count_segment, preview_segment, validate_rule
from ui.ops import OpHandle, run_in_worker

__all__ = ["LiveCounter", "PREVIEW_LIMIT", "read_lane"]

PREVIEW_LIMIT = 50
_reads: ThreadPoolExecutor | None = None


def read_lane() -> ThreadPoolExecutor:
    """The single-worker executor for counts."""
    # Counts only read: their own lane, so a count never waits behind an import or a send.
    global _reads
    if _reads is None:
        _reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-count")
    return _reads


def _count_and_preview(engine: Engine, rule: dict[str, Any], today: dt.date | None) -> tuple[int, list[dict[str, Any]]]:
    return (count_segment(engine, rule, today=today),
            preview_segment(engine, rule, limit=PREVIEW_LIMIT, today=today))


class LiveCounter(QObject):
    """Counts the contacts a rule matches ~300 ms after the last edit.

    At most one count runs at a time; edits made meanwhile coalesce into one next count, and a
    result that no longer matches the latest rule is dropped.

    Signals:
        started(): a count began (show "counting…").
        counted(count, preview_rows): the latest rule's result.
        invalid(error): the rule does not validate (a RuleError with `.path`, or a UserInputError).
        failed(error): the count itself failed.
    """

    started = Signal()
    counted = Signal(int, list)
    invalid = Signal(object)
    failed = Signal(object)

    def __init__(self, engine: Engine, parent: QObject | None = None, *, delay_ms: int = 300) -> None:
        super().__init__(parent)
        self.engine = engine
        self.today: dt.date | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self._rule: dict[str, Any] | None = None
        self._generation = 0
        self._running: OpHandle | None = None
        self._queued: tuple[int, dict[str, Any]] | None = None

    @property
    def busy(self) -> bool:
        """True while a count is waiting, running or queued."""
        return self._timer.isActive() or self._running is not None or self._queued is not None

    def request(self, rule: dict[str, Any]) -> None:
        """Count `rule` once the user pauses."""
        self._rule = rule
        self._generation += 1  # anything already running is now stale
        self._timer.start()

    def _fire(self) -> None:
        rule = self._rule
        if rule is None:
            return
        try:
            validate_rule(rule)
        except UserInputError as exc:
            self._queued = None
            self.invalid.emit(exc)
            return
        self.started.emit()
        if self._running is not None:
            self._queued = (self._generation, rule)
        else:
            self._launch(self._generation, rule)

    def _launch(self, generation: int, rule: dict[str, Any]) -> None:
        self._running = run_in_worker(
            _count_and_preview, self.engine, rule, self.today, executor=read_lane(),
            on_done=lambda result: self._finished(generation, result, None),
            on_error=lambda exc: self._finished(generation, None, exc))

    def _finished(self, generation: int, result: tuple[int, list[dict[str, Any]]] | None,
                  error: BaseException | None) -> None:
        self._running = None
        if self._queued is not None:
            generation_next, rule = self._queued
            self._queued = None
            self._launch(generation_next, rule)
            return
        if generation != self._generation:
            return  # the rule changed since: a newer count is coming
        if error is not None:
            (self.invalid if isinstance(error, UserInputError) else self.failed).emit(error)
        elif result is not None:
            self.counted.emit(*result)
