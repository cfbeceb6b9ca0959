"""Work the engine runs between sends besides the outbox: scenario journeys and the like.

A ticker does whatever is due at `now` (in small committed batches) and says whether more
is due right away; the engine's loop calls every ticker on each turn, so journeys and
campaigns share one engine, one lock and one clock, in the GUI and headless alike.

A ticker tells the engine about two kinds of future work. `next_wake` is real pending work
(events not yet scanned, an unfinished batch, a journey's timer): it keeps `run_until_idle`
running while it falls within the horizon. `next_poll` is a periodic check that may or may
not find something (a segment diff every minute, new events while they flow): it only
shortens the sleep of `run_forever`, so `run_until_idle` can end while scenarios are live.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.workspace import Workspace

__all__ = ["Ticker", "default_tickers", "next_poll"]


class Ticker(Protocol):
    """Periodic engine work."""

    async def tick(self, now: datetime) -> bool:
        """Run what is due at `now`; True when more work is due immediately."""

    def next_wake(self, now: datetime) -> float | None:
        """Seconds until this ticker next has real work, or None when it has none scheduled."""

    def next_poll(self, now: datetime) -> float | None:
        """Seconds until this ticker's next periodic check, or None; cheap (asked every turn)."""

    async def aclose(self) -> None:
        """Release resources when the engine stops."""


def next_poll(tickers: list[Ticker], now: datetime, longest: float) -> float:
    """Seconds until the first periodic check of any ticker, at most `longest` (never negative)."""
    polls = [p for t in tickers if (p := t.next_poll(now)) is not None]
    return max(0.0, min([longest, *polls]))


def default_tickers(workspace: Workspace) -> list[Ticker]:
    """The tickers every engine runs unless a test injects its own: the trigger ticker first
    (it walks the journeys it starts through the runner at once), then the runner (timers)."""
    from app.journeys.runner import JourneyTicker
    from app.journeys.triggers import TriggerTicker

    runner = JourneyTicker(workspace.engine)
    return [TriggerTicker(workspace.engine, runner=runner), runner]
