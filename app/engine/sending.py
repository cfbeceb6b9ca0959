"""Group commit of `sending` for the engine: one durable transaction for the sends starting together."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime

from app.outbox.store import Claimed, Finish, OutboxStore

__all__ = ["SendingCommits"]


class SendingCommits:
    """Group commit of `sending`: sends that start together share one durable transaction.

    A send asks `mark(chunk)` right before its request; the commit runs `gather` seconds after
    the first ask, for every send that asked meanwhile (the fsync, not the rows, is the cost,
    so the busier the engine the bigger the groups). It runs on the loop's own thread: on a
    thread of its own it waited for the GIL at every SQLite step while the loop was busy.
    Sends cancelled before the commit are left out and their claims released (certainly
    unsent); `put_back` returns a committed but never sent row to `queued`.
    """

    def __init__(self, store: OutboxStore, now: Callable[[], datetime], epoch: int, *,
                 gather: float = 0.003) -> None:
        self.store = store
        self.now = now
        self.epoch = epoch
        self.gather = gather
        self._waiting: list[tuple[list[Claimed], asyncio.Future[set[int]]]] = []
        self._runner: asyncio.Task[None] | None = None

    async def mark(self, chunk: list[Claimed]) -> list[Claimed]:
        """The messages of `chunk` now committed as `sending` (paused or cancelled ones are left out)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[set[int]] = loop.create_future()
        self._waiting.append((chunk, future))
        if self._runner is None or self._runner.done():
            self._runner = loop.create_task(self._run())
        try:
            marked = await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                self.put_back([c for c in chunk if c.outbox_id in future.result()])
            raise
        return [c for c in chunk if c.outbox_id in marked]

    def put_back(self, claimed: list[Claimed]) -> None:
        """Committed as `sending` but stopped before the request: certainly unsent, queued again."""
        if not claimed:
            return
        now = self.now()
        self.store.finish([Finish(c.outbox_id, c.attempt_no, state="queued", outcome="interrupted",
                                  next_attempt_at=now, error="the engine stopped before sending it")
                           for c in claimed], now)

    async def _run(self) -> None:
        while self._waiting:
            await asyncio.sleep(self.gather)
            waiting, self._waiting = self._waiting, []
            live = [(chunk, fut) for chunk, fut in waiting if not fut.done()]
            dropped = [c.outbox_id for chunk, fut in waiting if fut.done() for c in chunk]
            try:
                marked = self.store.mark_sending([c for chunk, _ in live for c in chunk], self.now(), self.epoch)
                self.store.release(dropped)
            except Exception as exc:  # every waiting send learns of it (the engine then stops)
                for _chunk, fut in live:
                    fut.set_exception(exc)
                continue
            for _chunk, fut in live:
                fut.set_result(marked)

    async def drain(self) -> None:
        """Wait for the commit about to run (the engine is stopping)."""
        if self._runner is not None and not self._runner.done():
            with contextlib.suppress(Exception):
                await self._runner
