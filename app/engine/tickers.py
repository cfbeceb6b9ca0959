"""Work the engine runs between sends besides the outbox: scenario journeys and the like.

A ticker does whatever is due at `now` (in small committed batches) and says whether more
is due right away; the engine's loop calls every ticker on each turn, so journeys and
campaigns share one engine, one lock and one clock, in the GUI and headless alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.workspace import Workspace

__all__ = ["Ticker", "default_tickers"]


class Ticker(Protocol):
    """Periodic engine work."""

    async def tick(self, now: datetime) -> bool:
        """Run what is due at `now`; True when more work is due immediately."""

    def next_wake(self, now: datetime) -> float | None:
        """Seconds until this ticker next has work, or None when it has none scheduled."""

    async def aclose(self) -> None:
        """Release resources when the engine stops."""


def default_tickers(workspace: Workspace) -> list[Ticker]:
    """The tickers every engine runs unless a test injects its own."""
    return []
