"""Soft bounces: temporary delivery failures counted per address; enough of them suppress it.

A hard bounce suppresses an address at once. A temporary one (DSN 4.x.x, an ESP's
"soft bounce" / "deferred" / temporary failure, an ESP's "temporarily unavailable" list
entry) only counts: after `threshold` of them within `days` (setting `suppression.soft_bounce`,
default 3 in 30 days) the address is suppressed as `bounced`, the source saying why.
Each bounce carries an event key so a redelivered callback or a re-read ESP list counts once;
callers key a letter's bounces by our message id, so one letter counts at most once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import settings as settings_table
from app.errors import UserInputError
from app.providers.base import DeliveryStatus
from app.providers.webhook.inbound import CallbackStatus
from app.settings import set_setting
from app.suppression.store import insert_missing
from app.suppression.tables import soft_bounces

__all__ = ["SETTING_KEY", "SoftBounce", "SoftBouncePolicy", "is_soft_bounce", "load_policy", "load_policy_in",
           "record_soft_bounces", "record_soft_bounces_in", "save_policy", "soft_bounce_count"]

SETTING_KEY = "suppression.soft_bounce"


@dataclass(frozen=True)
class SoftBouncePolicy:
    """How many soft bounces (`threshold`) within how many `days` suppress an address."""

    threshold: int = 3
    days: int = 30

    def check(self) -> None:
        """UserInputError when the numbers make no sense."""
        if not 1 <= self.threshold <= 100:
            raise UserInputError("the number of soft bounces must be between 1 and 100")
        if not 1 <= self.days <= 365:
            raise UserInputError("the period must be between 1 and 365 days")


@dataclass(frozen=True)
class SoftBounce:
    """One temporary failure of an address (already normalised: lower-case email or E.164)."""

    channel: str
    address: str
    at: datetime
    source: str
    event_key: str
    detail: str = ""


def load_policy_in(conn: Connection) -> SoftBouncePolicy:
    """The policy read inside an open transaction (the caller may hold the write lock)."""
    value = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == SETTING_KEY)).scalar()
    if not isinstance(value, dict):
        return SoftBouncePolicy()
    try:
        policy = SoftBouncePolicy(int(value.get("threshold", 3)), int(value.get("days", 30)))
        policy.check()
    except (TypeError, ValueError, UserInputError):
        return SoftBouncePolicy()
    return policy


def load_policy(engine: Engine) -> SoftBouncePolicy:
    """The saved policy, or the default (3 in 30 days)."""
    with engine.connect() as conn:
        return load_policy_in(conn)


def save_policy(engine: Engine, policy: SoftBouncePolicy) -> None:
    """Store the policy (checked first)."""
    policy.check()
    set_setting(engine, SETTING_KEY, {"threshold": policy.threshold, "days": policy.days})


def is_soft_bounce(status: CallbackStatus) -> bool:
    """Whether an ESP status callback reports a temporary failure of the address.

    Unisender Go `soft_bounced`; SendGrid's `bounce` of type "blocked" (the adapter does not
    suppress it); Mailgun `failed` with severity temporary (its adapter keeps those `sent`).
    SendGrid's `deferred` is not one: it is still retrying and usually delivers.
    """
    code = status.code.lower()
    if code == "soft_bounced":
        return True
    if code == "bounce" and not status.suppress:
        return True
    return code.startswith("failed") and status.status == DeliveryStatus.SENT


def soft_bounce_count(engine: Engine, channel: str, address: str, *, policy: SoftBouncePolicy | None = None,
                      now: datetime | None = None) -> int:
    """Soft bounces of the address within the policy's window."""
    policy = policy or load_policy(engine)
    since = (now or datetime.now(UTC)) - timedelta(days=policy.days)
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(soft_bounces).where(
            soft_bounces.c.channel == channel, soft_bounces.c.address == address,
            soft_bounces.c.occurred_at >= since)).scalar() or 0)


def record_soft_bounces_in(conn: Connection, bounces: Iterable[SoftBounce], policy: SoftBouncePolicy,
                           now: datetime) -> int:
    """Count the bounces inside `conn`'s transaction; returns how many addresses became suppressed."""
    touched: dict[tuple[str, str], SoftBounce] = {}
    for bounce in bounces:
        key = bounce.event_key[:250]
        exists = conn.execute(sa.select(soft_bounces.c.id).where(
            soft_bounces.c.channel == bounce.channel, soft_bounces.c.address == bounce.address,
            soft_bounces.c.event_key == key)).first()
        if exists is not None:
            continue  # the same bounce reported again
        conn.execute(soft_bounces.insert().values(
            channel=bounce.channel, address=bounce.address, occurred_at=bounce.at, source=bounce.source[:200],
            detail=bounce.detail[:1000] or None, event_key=key))
        touched[(bounce.channel, bounce.address)] = bounce
    since = now - timedelta(days=policy.days)
    suppress = []
    for (channel, address), last in touched.items():
        where = (soft_bounces.c.channel == channel, soft_bounces.c.address == address)
        # Older bounces no longer count; keeping them would only grow the table.
        conn.execute(soft_bounces.delete().where(*where, soft_bounces.c.occurred_at < since))
        count = conn.execute(sa.select(sa.func.count()).select_from(soft_bounces).where(*where)).scalar() or 0
        if count >= policy.threshold:
            why = f"{count} soft bounces in {policy.days} days; last: {last.source}"
            suppress.append((channel, address, "bounced", (why + (f" ({last.detail})" if last.detail else ""))[:500]))
    return insert_missing(conn, suppress, now) if suppress else 0


def record_soft_bounces(engine: Engine, bounces: Iterable[SoftBounce], *, now: datetime | None = None) -> int:
    """Count the bounces in one transaction; returns how many addresses became suppressed."""
    items = list(bounces)
    if not items:
        return 0
    conn = engine.connect()
    if is_sqlite(engine):
        conn = conn.execution_options(**BEGIN_IMMEDIATE)
    with conn, conn.begin():
        return record_soft_bounces_in(conn, items, load_policy_in(conn), now or datetime.now(UTC))
