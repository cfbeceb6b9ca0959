"""The engine and its tickers: real work (`next_wake`) keeps `run_until_idle` running, periodic
checks (`next_poll`) only make `run_forever` come back sooner."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime

from app.engine.engine import Engine
from app.workspace import Workspace


class _Counting:
    """A ticker with `work` turns of real work left and a periodic check every `poll` seconds."""

    def __init__(self, work: int = 0, poll: float | None = None) -> None:
        self.work = work
        self.poll = poll
        self.ticks = 0

    async def tick(self, now: datetime) -> bool:
        self.ticks += 1
        self.work = max(0, self.work - 1)
        return False

    def next_wake(self, now: datetime) -> float | None:
        return 0.0 if self.work else None

    def next_poll(self, now: datetime) -> float | None:
        return self.poll

    async def aclose(self) -> None:
        return None


def test_run_until_idle_does_the_work_and_ignores_the_polls(workspace: Workspace) -> None:
    ticker = _Counting(work=3, poll=0.01)
    started = time.monotonic()
    asyncio.run(asyncio.wait_for(Engine(workspace, tickers=[ticker]).run_until_idle(horizon=30), 10))
    assert ticker.work == 0 and ticker.ticks <= 5 and time.monotonic() - started < 5


def test_run_forever_wakes_for_the_polls(workspace: Workspace) -> None:
    async def run(poll: float | None) -> int:
        ticker = _Counting(poll=poll)
        engine = Engine(workspace, tickers=[ticker])
        task = asyncio.create_task(engine.run_forever())
        await asyncio.sleep(1.0)
        engine.request_stop()
        await asyncio.wait_for(task, 10)
        return ticker.ticks

    quiet, polled = asyncio.run(run(None)), asyncio.run(run(0.02))
    assert quiet <= 3  # nothing to do: the engine sleeps up to a second at a time
    assert polled >= 10  # a ticker polling every 20 ms is called about that often
