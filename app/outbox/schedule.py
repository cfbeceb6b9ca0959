"""Outbox queries the engine schedules by: what is due, progress, pausing, rate-limit history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.journeys.tables import journeys
from app.outbox.tables import campaigns, outbox, outbox_attempts
from app.scenarios.tables import scenarios

__all__ = ["OutboxQueries", "scenario_running", "utc"]


def utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; every stored time is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def scenario_running() -> sa.ColumnElement[bool]:
    """A scenario's message leaves only while its scenario is published: pausing holds it."""
    return sa.or_(outbox.c.journey_id.is_(None), sa.exists().where(
        journeys.c.id == outbox.c.journey_id, scenarios.c.id == journeys.c.scenario_id,
        scenarios.c.status == "published"))


class OutboxQueries:
    """Short read queries and campaign-level writes; `OutboxStore` adds claims and results."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> Connection:
        conn = self.engine.connect()
        return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(self.engine) else conn

    def due_providers(self, now: datetime) -> list[str]:
        """Providers with a message due now (in running campaigns or outside campaigns)."""
        with self.engine.connect() as conn:
            return [p for (p,) in conn.execute(
                sa.select(outbox.c.provider).distinct()
                .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.state.in_(("queued", "held")), outbox.c.next_attempt_at <= now,
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"), scenario_running()))]

    def next_due(self, states: tuple[str, ...] = ("queued",)) -> datetime | None:
        """The earliest next_attempt_at among runnable rows in `states`."""
        with self.engine.connect() as conn:
            return utc(conn.execute(
                sa.select(sa.func.min(outbox.c.next_attempt_at))
                .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.state.in_(states),
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"), scenario_running())).scalar())

    def finish_campaigns(self, now: datetime) -> list[int]:
        """Mark running campaigns with no active rows left as finished (R6: from row counts)."""
        active = sa.select(outbox.c.id).where(outbox.c.campaign_id == campaigns.c.id,
                                              outbox.c.state.in_(("queued", "sending", "held")))
        with self._write() as conn, conn.begin():
            done = [i for (i,) in conn.execute(sa.select(campaigns.c.id).where(
                campaigns.c.status == "running", campaigns.c.materialised.is_(True), ~sa.exists(active)))]
            if done:
                conn.execute(campaigns.update().where(campaigns.c.id.in_(done))
                             .values(status="finished", finished_at=now))
        return done

    def pause_campaigns_of(self, provider: str, reason: str) -> list[int]:
        """Pause every running campaign with messages waiting on `provider`."""
        with self._write() as conn, conn.begin():
            ids = [i for (i,) in conn.execute(sa.select(outbox.c.campaign_id).distinct().where(
                outbox.c.provider == provider, outbox.c.state.in_(("queued", "held", "sending")),
                outbox.c.campaign_id.is_not(None)))]
            if ids:
                conn.execute(campaigns.update().where(campaigns.c.id.in_(ids), campaigns.c.status == "running")
                             .values(status="paused", pause_reason=reason))
        return ids

    def sent_in_last(self, provider: str, seconds: float, now: datetime) -> int:
        """Messages handed to `provider` in the last `seconds` (seeds the rate limiter, R9)."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(outbox_attempts).where(
                outbox_attempts.c.provider == provider,
                outbox_attempts.c.started_at >= now - timedelta(seconds=seconds))).scalar() or 0)

    def has_due(self, provider: str, now: datetime) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(outbox.c.id).select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.provider == provider, outbox.c.state.in_(("queued", "held")),
                       outbox.c.next_attempt_at <= now,
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"), scenario_running()).limit(1)).first() is not None

    def pause_all(self, reason: str) -> None:
        """Pause every running campaign (a restored database must be checked by a person)."""
        with self._write() as conn, conn.begin():
            conn.execute(campaigns.update().where(campaigns.c.status == "running")
                         .values(status="paused", pause_reason=reason))

    def counts(self, campaign_id: int | None = None) -> dict[str, int]:
        """Messages per state (of one campaign, or of the whole outbox)."""
        query = sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state)
        if campaign_id is not None:
            query = query.where(outbox.c.campaign_id == campaign_id)
        with self.engine.connect() as conn:
            return {state: int(n) for state, n in conn.execute(query)}

    def providers_with_sent(self) -> list[str]:
        with self.engine.connect() as conn:
            return [p for (p,) in conn.execute(sa.select(outbox.c.provider).distinct()
                                               .where(outbox.c.state.in_(("sent", "unknown"))))]

