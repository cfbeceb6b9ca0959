"""Delivery statuses: polling providers for sent messages and storing every status with its time."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.outbox.tables import delivery_events, outbox
from app.providers.base import DeliveryStatus, Provider, StatusUpdate

__all__ = ["apply_statuses", "poll_provider_statuses"]

_NEW_STATE = {DeliveryStatus.DELIVERED: "delivered", DeliveryStatus.READ: "read", DeliveryStatus.FAILED: "failed"}
_BATCH = 500


def apply_statuses(engine: Engine, provider: str, updates: list[StatusUpdate], now: datetime, *,
                   source: str = "poll") -> int:
    """Store `updates` as delivery events and move rows to delivered / read / failed."""
    if not updates:
        return 0
    changed = 0
    conn = engine.connect()
    if is_sqlite(engine):
        conn = conn.execution_options(**BEGIN_IMMEDIATE)
    with conn, conn.begin():
        ids = {u.provider_message_id for u in updates}
        rows = conn.execute(sa.select(outbox.c.id, outbox.c.provider_message_id, outbox.c.address, outbox.c.state)
                            .where(outbox.c.provider == provider, outbox.c.provider_message_id.in_(ids))).all()
        by_pid: dict[str, list] = {}
        for row in rows:
            by_pid.setdefault(row.provider_message_id, []).append(row)
        for update in updates:
            for row in by_pid.get(update.provider_message_id, []):
                if update.phone and row.address and row.address.lstrip("+") != update.phone.lstrip("+"):
                    continue
                conn.execute(delivery_events.insert().values(outbox_id=row.id, status=update.status.value,
                                                             at=update.at, code=update.code or None,
                                                             detail=update.detail or None, source=source))
                new = _NEW_STATE.get(update.status)
                # Only forward: sent → delivered → read; a late "failed" never overrides delivered.
                allowed = {"delivered": ("sent", "unknown"), "read": ("sent", "delivered", "unknown"),
                           "failed": ("sent", "unknown")}
                if new and row.state in allowed[new]:
                    values = {"state": new, "updated_at": now}
                    if new == "failed":
                        values["error"] = f"not delivered (provider status {update.code}: {update.detail})".strip()
                    conn.execute(outbox.update().where(outbox.c.id == row.id).values(values))
                    changed += 1
    return changed


async def poll_provider_statuses(engine: Engine, provider_name: str, provider: Provider, now: datetime,
                                 older_than: timedelta, *, start_after: int = 0, max_rows: int = 2000,
                                 max_age: timedelta = timedelta(days=3)) -> tuple[int, int]:
    """Poll up to `max_rows` sent messages (sent within `max_age`, ids after `start_after`).

    Returns (rows changed, id to continue after; 0 when the end was reached), so a caller
    polling periodically walks through a large campaign a slice at a time.
    """
    changed, last_id, seen = 0, start_after, 0
    while seen < max_rows:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(outbox.c.id, outbox.c.provider_message_id, outbox.c.address)
                .where(outbox.c.provider == provider_name, outbox.c.state == "sent", outbox.c.id > last_id,
                       outbox.c.provider_message_id.is_not(None), outbox.c.sent_at <= now - older_than,
                       outbox.c.sent_at >= now - max_age)
                .order_by(outbox.c.id).limit(min(_BATCH, max_rows - seen))).all()
        if not rows:
            return changed, 0
        seen += len(rows)
        last_id = rows[-1].id
        updates = await provider.fetch_statuses([(r.provider_message_id, r.address or "") for r in rows])
        changed += apply_statuses(engine, provider_name, updates, now)
    return changed, last_id
