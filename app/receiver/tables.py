"""Table of the receiver: provider event ids already processed (redelivered callbacks are dropped).

Registered on the shared `app.db.schema.metadata` (imported at the end of that module).
Migration: `0004_receiver.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import metadata

__all__ = ["callback_events"]

callback_events = sa.Table(
    "callback_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # The provider account the callback came to (/callbacks/{account}).
    sa.Column("account", sa.String(100), nullable=False),
    sa.Column("event_id", sa.String(200), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("account", "event_id", name="uq_callback_events_account_event"),
    sa.Index("ix_callback_events_received", "received_at"),
)
