"""Tables of the suppression area: soft bounces counted per address, and removals kept as evidence.

Registered on the shared `app.db.schema.metadata` (imported at the end of that module).
Migration: `0011_soft_bounces.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["soft_bounces", "suppression_removals"]


#: One row per temporary bounce (DSN 4.x.x, an ESP's "soft bounce" event, an ESP's
#: "temporarily unavailable" entry). Enough of them within the window suppress the address.
soft_bounces = sa.Table(
    "soft_bounces",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("occurred_at", Timestamp, nullable=False),
    # What reported it ("mailbox", "ug: soft_bounced", ...) and the remote server's words.
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("detail", sa.Text),
    # Identifies the bounce so a redelivered callback or a re-read ESP list counts once:
    # our message id when known (one soft bounce per letter), else the provider's event.
    sa.Column("event_key", sa.String(250), nullable=False),
    sa.UniqueConstraint("channel", "address", "event_key", name="uq_soft_bounces_event"),
    sa.Index("ix_soft_bounces_address", "channel", "address", "occurred_at"),
)

#: A suppression someone lifted: what it was and why it was lifted (consent law asks for
#: the reason when an unsubscribe is undone).
suppression_removals = sa.Table(
    "suppression_removals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("reason", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("suppressed_at", Timestamp, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("removed_at", Timestamp, nullable=False),
    sa.Index("ix_suppression_removals_address", "channel", "address"),
)
