"""Single sender per database, crash recovery at start, rate limiter, backoff and breaker."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.campaigns.status import campaign_status
from app.db.schema import settings
from app.engine.engine import Engine
from app.engine.limits import Backoff, Breaker, RateLimiter
from app.errors import WorkspaceLocked
from app.outbox.tables import outbox, outbox_attempts
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, daytime_clock, launch, rows, sms_campaign


def test_a_second_engine_refuses_with_workspace_locked(workspace: Workspace) -> None:
    async def run() -> None:
        async with Engine(workspace):
            with pytest.raises(WorkspaceLocked, match="already sending"):
                await Engine(workspace).start()
        async with Engine(workspace):  # released on close
            pass
    asyncio.run(run())


def test_rows_left_sending_by_a_crash_become_unknown_at_start(workspace: Workspace) -> None:
    add_contacts(workspace, 3)
    clock = daytime_clock()
    add_provider(workspace.engine, SecretStore(workspace.root), "box", "sandbox-sms")
    campaign = sms_campaign(workspace, "box")
    launch(workspace, campaign, clock())
    first = rows(workspace, campaign)[0]["id"]
    with workspace.engine.begin() as conn:  # what a kill -9 between intent and result leaves
        conn.execute(outbox.update().where(outbox.c.id == first).values(state="sending", attempts=1))
        conn.execute(outbox_attempts.insert().values(outbox_id=first, attempt_no=1, provider="box",
                                                     started_at=clock()))
    asyncio.run(Engine(workspace, now=clock).run_until_idle(horizon=0))
    states = [r["state"] for r in rows(workspace, campaign)]
    assert states == ["unknown", "sent", "sent"]
    with workspace.engine.connect() as conn:
        outcome = conn.execute(sa.select(outbox_attempts.c.outcome).where(outbox_attempts.c.outbox_id == first)
                               .order_by(outbox_attempts.c.id)).scalars().all()
    assert outcome == ["interrupted"]


def test_a_database_restored_from_an_older_copy_pauses_running_campaigns(workspace: Workspace) -> None:
    async def start_and_stop() -> None:
        async with Engine(workspace):
            pass
    asyncio.run(start_and_stop())
    asyncio.run(start_and_stop())  # epoch 2 in the database and in the lock file
    add_contacts(workspace, 2)
    campaign = sms_campaign(workspace, add_provider(workspace.engine, SecretStore(workspace.root), "box",
                                                    "sandbox-sms").name)
    launch(workspace, campaign)
    with workspace.engine.begin() as conn:  # the database file goes back to an older state
        conn.execute(settings.update().where(settings.c.key == "engine.epoch").values(value=1))
    asyncio.run(Engine(workspace).run_until_idle(horizon=0))
    status = campaign_status(workspace.engine, campaign)
    assert status["status"] == "paused" and "restored" in status["pause_reason"]
    assert status["states"]["queued"] == 2


def test_rate_limiter_keeps_the_configured_rate() -> None:
    limiter = RateLimiter(per_second=50, now=0.0)
    now, sent = 0.0, 0
    while now < 10.0:
        sent += limiter.take(10, now)
        now += 0.003
    assert 495 <= sent <= 506  # 50/s over 10 s, burst at most a tenth of a second


def test_rate_limiter_per_minute_counts_sends_before_a_restart() -> None:
    limiter = RateLimiter(per_minute=100, already_sent_last_minute=90, now=0.0)
    assert limiter.take(50, 1.0) == 10
    assert limiter.take(1, 2.0) == 0 and limiter.wait(2.0) == pytest.approx(58.0)
    assert limiter.take(100, 60.5) == 90  # the 10 sent at t=1 are still inside the minute
    assert limiter.take(100, 61.5) == 10


def test_backoff_is_full_jitter_and_honours_retry_after() -> None:
    policy = Backoff(base=2, cap=900)
    rng = random.Random(1)
    delays = [policy.delay("sms", 4, rng=rng) for _ in range(200)]
    assert 0 <= min(delays) and max(delays) <= 16 and max(delays) > 12
    assert policy.delay("sms", 1, retry_after=30, rng=rng) >= 30
    assert policy.delay("sms", 30, rng=rng) <= 900
    assert policy.delay("email", 1, rng=rng) <= 60


def test_breaker_opens_half_opens_and_closes() -> None:
    breaker = Breaker(threshold=3, reset_after=10)
    for _ in range(2):
        breaker.failure(0.0, "503")
    assert breaker.allow(0.0) is None
    breaker.failure(1.0, "503")
    assert breaker.is_open and breaker.allow(5.0) == 0 and breaker.retry_in(5.0) == 6.0
    assert breaker.allow(11.0) == 1 and breaker.blocked(11.5)  # one probe at a time
    breaker.failure(12.0, "503")  # the probe failed: open again
    assert breaker.allow(13.0) == 0
    assert breaker.allow(22.5) == 1
    breaker.success()
    assert not breaker.is_open and breaker.allow(23.0) is None


def test_engine_never_exceeds_the_rate_limit(workspace: Workspace) -> None:
    add_contacts(workspace, 100)
    add_provider(workspace.engine, SecretStore(workspace.root), "slow", "sandbox-sms",
                 options={"rate_per_second": 50})
    campaign = sms_campaign(workspace, "slow", transactional=True)
    launch(workspace, campaign, datetime.now(UTC))
    asyncio.run(Engine(workspace).run_until_idle(horizon=0))
    with workspace.engine.connect() as conn:
        starts = sorted(conn.execute(sa.select(outbox_attempts.c.started_at)).scalars())
    rate = (len(starts) - 5) / (starts[-1] - starts[0]).total_seconds()  # the first 5 are the burst
    # Never faster than the limit; slower only when the shared machine starves the process.
    assert 35 <= rate <= 52.5
    seconds = [(t - starts[0]).total_seconds() for t in starts]
    busiest = max(sum(1 for t in seconds if a <= t < a + 1.0) for a in seconds)
    assert busiest <= 50 + 5  # any one-second window: the rate plus the small burst
