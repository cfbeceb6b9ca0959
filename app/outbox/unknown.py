"""Messages with an unknown outcome: reconcile with the provider, or let the user decide.

An `unknown` row may have been delivered (a timeout after the request left, a crash between
the send and the commit). It is never resent on its own. Where the provider can look a
message up by *our* id (SMSC: the `id` we send), `reconcile` asks it: known → the row takes
the provider's status; "no such message" (after a safety delay) → certainly unsent, queued
again. Otherwise the user chooses: `mark_unknown(..., "sent")`, `"failed"`, or `resend_unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.outbox.statuses import apply_statuses
from app.outbox.tables import campaigns, outbox
from app.providers.base import DeliveryStatus, Provider

__all__ = ["mark_unknown", "reconcile", "resend_unknown"]


def mark_unknown(engine: Engine, outbox_ids: Sequence[int], state: str) -> int:
    """The user's verdict on unknown messages: "sent" or "failed"; returns rows changed."""
    if state not in ("sent", "failed"):
        raise UserInputError("an unknown message can be marked as sent or as failed")
    with engine.begin() as conn:
        return conn.execute(outbox.update().where(outbox.c.id.in_(outbox_ids), outbox.c.state == "unknown")
                            .values(state=state, updated_at=datetime.now(UTC),
                                    error=None if state == "sent" else "marked as failed by the user")).rowcount


def _reopen_campaigns(conn: sa.Connection, outbox_ids: Sequence[int]) -> None:
    # A campaign finished with unknowns runs again for the messages queued anew.
    owners = sa.select(outbox.c.campaign_id).where(outbox.c.id.in_(outbox_ids))
    conn.execute(campaigns.update().where(campaigns.c.id.in_(owners), campaigns.c.status == "finished")
                 .values(status="running", finished_at=None))


def resend_unknown(engine: Engine, outbox_ids: Sequence[int], now: datetime | None = None) -> int:
    """Queue unknown messages again at the user's explicit request (they may arrive twice)."""
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        count = conn.execute(outbox.update().where(outbox.c.id.in_(outbox_ids), outbox.c.state == "unknown")
                             .values(state="queued", next_attempt_at=now, updated_at=now,
                                     error="resent at the user's request after an unknown outcome")).rowcount
        _reopen_campaigns(conn, outbox_ids)
    return count


async def reconcile(engine: Engine, provider_name: str, provider: Provider, now: datetime, *,
                    older_than: timedelta = timedelta(minutes=2), limit: int = 500) -> tuple[int, int]:
    """Look unknown messages up by our id; returns (resolved from the provider's status, requeued)."""
    if not getattr(provider, "lookup_by_our_id", False):
        return 0, 0
    with engine.connect() as conn:
        rows = conn.execute(sa.select(outbox.c.id, outbox.c.address).where(
            outbox.c.provider == provider_name, outbox.c.state == "unknown",
            outbox.c.updated_at <= now - older_than).order_by(outbox.c.id).limit(limit)).all()
    if not rows:
        return 0, 0
    updates = await provider.fetch_statuses([(str(r.id), r.address or "") for r in rows])
    found = {u.provider_message_id: u for u in updates}
    missing = [r.id for r in rows if str(r.id) in found and found[str(r.id)].status is DeliveryStatus.UNKNOWN]
    known = [u for u in updates if u.status is not DeliveryStatus.UNKNOWN]
    with engine.begin() as conn:
        for update in known:  # the provider has it: it was sent; record its id and status
            conn.execute(outbox.update().where(outbox.c.id == int(update.provider_message_id),
                                               outbox.c.state == "unknown")
                         .values(state="sent", provider_message_id=update.provider_message_id, error=None,
                                 updated_at=now))
        if missing:
            conn.execute(outbox.update().where(outbox.c.id.in_(missing), outbox.c.state == "unknown")
                         .values(state="queued", next_attempt_at=now, updated_at=now,
                                 error="the provider has no record of it: sending again"))
            _reopen_campaigns(conn, missing)
    apply_statuses(engine, provider_name, known, now)
    return len(known), len(missing)
