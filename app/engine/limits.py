"""Rate limits, backoff and the circuit breaker, one set per provider account.

Times are `time.monotonic()` seconds, passed in so tests control them.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass

__all__ = ["Backoff", "Breaker", "RateLimiter"]


class RateLimiter:
    """Messages per second (token bucket with a small burst) and per minute (sliding window).

    `take(n, now)` grants up to `n` messages now; `wait(now)` says how long until one more
    would be granted. The burst is a tenth of a second's worth, so a measured rate stays
    close to the configured one even over short runs.
    """

    def __init__(self, per_second: float | None = None, per_minute: int | None = None,
                 *, already_sent_last_minute: int = 0, now: float = 0.0) -> None:
        self.per_second = per_second if per_second and per_second > 0 else None
        self.per_minute = per_minute if per_minute and per_minute > 0 else None
        self.capacity = max(1.0, (self.per_second or 0) / 10)
        self.tokens = self.capacity
        self.stamp = now
        self.window: deque[tuple[float, int]] = deque()
        if self.per_minute and already_sent_last_minute:
            # After a restart the sends of the last minute still count (R9).
            self.window.append((now, already_sent_last_minute))
        self.window_total = already_sent_last_minute if self.per_minute else 0

    def _refill(self, now: float) -> None:
        if self.per_second:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now
        while self.window and self.window[0][0] <= now - 60:
            self.window_total -= self.window.popleft()[1]

    def take(self, n: int, now: float) -> int:
        self._refill(now)
        grant = n
        if self.per_second:
            grant = min(grant, int(self.tokens))
        if self.per_minute:
            grant = min(grant, self.per_minute - self.window_total)
        grant = max(grant, 0)
        if grant:
            if self.per_second:
                self.tokens -= grant
            if self.per_minute:
                self.window.append((now, grant))
                self.window_total += grant
        return grant

    def give_back(self, n: int) -> None:
        """Return tokens granted but not used (fewer rows were due than granted)."""
        if n <= 0:
            return
        if self.per_second:
            self.tokens = min(self.capacity, self.tokens + n)
        if self.per_minute and self.window:
            when, count = self.window.pop()
            if count > n:
                self.window.append((when, count - n))
            self.window_total -= min(n, count)

    def wait(self, now: float) -> float:
        self._refill(now)
        delays = [0.0]
        if self.per_second and self.tokens < 1:
            delays.append((1 - self.tokens) / self.per_second)
        if self.per_minute and self.window_total >= self.per_minute and self.window:
            delays.append(self.window[0][0] + 60 - now)
        return max(delays)


@dataclass(frozen=True)
class Backoff:
    """Capped exponential backoff with full jitter (AWS), never shorter than Retry-After.

    Defaults from the reliability notes: SMS/WhatsApp/webhooks base 2 s, cap 15 min;
    email via a relay base 60 s, cap 1 h; at most `max_attempts` attempts.
    """

    base: float = 2.0
    cap: float = 900.0
    email_base: float = 60.0
    email_cap: float = 3600.0
    max_attempts: int = 8

    def delay(self, channel: str, attempt: int, retry_after: float | None = None,
              rng: random.Random | None = None) -> float:
        base, cap = (self.email_base, self.email_cap) if channel == "email" else (self.base, self.cap)
        upper = min(cap, base * 2 ** max(attempt - 1, 0))
        delay = (rng or random).uniform(0, upper)
        if retry_after is not None:
            delay = max(delay, min(max(retry_after, 1.0), 3600.0))
        return delay


class Breaker:
    """Closed → open → half-open, per provider account.

    Opens after `threshold` consecutive transient failures, or at once on an account-level
    error; while open nothing is claimed for the account. After `reset_after` seconds one
    probe request is let through (half-open); its success closes the breaker.
    """

    def __init__(self, threshold: int = 5, reset_after: float = 30.0) -> None:
        self.threshold = threshold
        self.reset_after = reset_after
        self.failures = 0
        self.opened_at: float | None = None
        self.reason = ""
        self.probing = False

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None

    def blocked(self, now: float) -> bool:
        """True while nothing may be sent (open, or a probe is already out)."""
        return self.opened_at is not None and (self.probing or now - self.opened_at < self.reset_after)

    def allow(self, now: float) -> int | None:
        """How many requests may go now: None = no limit, 0 = none, 1 = one probe."""
        if self.opened_at is None:
            return None
        if self.probing or now - self.opened_at < self.reset_after:
            return 0
        self.probing = True
        return 1

    def retry_in(self, now: float) -> float:
        """Seconds until a probe is allowed (for the UI's "retry in" display)."""
        if self.opened_at is None:
            return 0.0
        return max(0.0, self.opened_at + self.reset_after - now)

    def success(self) -> None:
        self.failures = 0
        self.opened_at = None
        self.probing = False
        self.reason = ""

    def failure(self, now: float, reason: str) -> None:
        self.failures += 1
        if self.probing or self.failures >= self.threshold:
            self.trip(now, reason)

    def trip(self, now: float, reason: str) -> None:
        self.opened_at = now
        self.probing = False
        self.reason = reason
