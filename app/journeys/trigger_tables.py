"""Durable trigger bookkeeping: cursors, segment snapshots, fired anniversaries, pending events.

Registered on the shared `app.db.schema.metadata` (migration 0010). The trigger ticker moves a
cursor and starts the journeys it covers in ONE transaction, so a crash neither starts a
journey twice nor skips one.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["segment_snapshots", "trigger_cursors", "trigger_fired", "trigger_pending"]


trigger_cursors = sa.Table(
    "trigger_cursors",
    metadata,
    # "events" (the shared event scan), "s<id>:events", "s<id>:<node>:list", ":segment", ":audience"...
    sa.Column("key", sa.String(160), primary_key=True),
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE")),
    # An id cursor (events, contacts) or the tie-breaker of a time cursor.
    sa.Column("position", sa.BigInteger, nullable=False, server_default="0"),
    # The last id to reach (one-off audience: the newest contact at publish).
    sa.Column("until", sa.BigInteger),
    # A time cursor (list additions) or when a periodic check last ran.
    sa.Column("at", Timestamp),
    # What the cursor is about (the segment or list name), to notice when a new version changes it.
    sa.Column("note", sa.String(200)),
    sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("updated_at", Timestamp, nullable=False),
)

segment_snapshots = sa.Table(
    "segment_snapshots",
    metadata,
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("node_id", sa.String(64), primary_key=True),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)

trigger_fired = sa.Table(
    "trigger_fired",
    metadata,
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("node_id", sa.String(64), primary_key=True),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    # The year of a date anniversary; "spell" for inactivity (one row, `at` moves on).
    sa.Column("period", sa.String(32), primary_key=True),
    sa.Column("at", Timestamp, nullable=False),
)

trigger_pending = sa.Table(
    "trigger_pending",
    metadata,
    # An anonymous visitor's event that matched a trigger: it starts the journey once the
    # visitor is linked to a contact (or expires).
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("node_id", sa.String(64), primary_key=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Index("ix_trigger_pending_created_at", "created_at"),
)
