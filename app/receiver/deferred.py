"""Retrying callback statuses that overtook the engine's own write of the send result.

A provider may report "delivered" before the engine has stored the provider's message id or
moved the row out of `sending` (the answer and the callback race). Such statuses wait here
in memory and are retried every second for up to `DEFER_SECONDS`; after that they are stored
as far as possible (the event for a known row) or logged as unknown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import defaultdict
from dataclasses import dataclass

from app.providers.webhook.inbound import CallbackStatus
from app.receiver.record import record_statuses
from app.receiver.routes import ReceiverContext

__all__ = ["DEFER_SECONDS", "DeferredStatuses"]

log = logging.getLogger(__name__)

DEFER_SECONDS = 120.0
_INTERVAL = 1.0


@dataclass(frozen=True)
class _Item:
    first_seen: float
    account: str
    channel: str | None
    status: CallbackStatus


class DeferredStatuses:
    """An in-memory retry queue, drained by a task on the receiver's loop."""

    def __init__(self, ctx: ReceiverContext, *, max_age: float = DEFER_SECONDS, interval: float = _INTERVAL) -> None:
        self.ctx = ctx
        self.max_age = max_age
        self.interval = interval
        self._items: list[_Item] = []
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self._items)

    def add(self, account: str, channel: str | None, statuses: list[CallbackStatus], first_seen: float | None = None) -> None:
        seen = time.monotonic() if first_seen is None else first_seen
        self._items.extend(_Item(seen, account, channel, s) for s in statuses)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="receiver-deferred")

    async def close(self) -> None:
        """Stop retrying and store what can be stored now."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush(final=True)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.flush()
            except Exception:  # the database may be busy; the items stay queued
                log.exception("retrying deferred callback statuses failed")

    async def flush(self, *, final: bool = False) -> None:
        """One retry round; `final` stores without deferring again."""
        if not self._items:
            return
        items, self._items = self._items, []
        now = time.monotonic()
        groups: dict[tuple[str, str | None, bool], list[_Item]] = defaultdict(list)
        for item in items:
            groups[(item.account, item.channel, not final and now - item.first_seen < self.max_age)].append(item)
        for (account, channel, defer), group in groups.items():
            try:
                result = await self.ctx.db(record_statuses, self.ctx.workspace.engine, account,
                                           [i.status for i in group], channel=channel, defer=defer)
            except Exception:
                self._items.extend(group)
                raise
            first = {id(i.status): i.first_seen for i in group}
            for status in result.deferred:
                self._items.append(_Item(first.get(id(status), now), account, channel, status))
            if result.unmatched:
                log.info("callback to %s: no message for %s", account, result.unmatched_ids[:5])
