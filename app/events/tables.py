"""Tables of events (website, CRM, calls, purchases) and of anonymous visitors linked to contacts.

Registered on the shared `app.db.schema.metadata` (imported at the end of that module).
Migration: `0005_events_segments.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["events", "visitors"]


events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # NULL while the event belongs to an anonymous visitor not yet linked to anyone.
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE")),
    sa.Column("visitor_id", sa.String(64)),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("properties", sa.JSON, nullable=False, default=dict),
    sa.Column("occurred_at", Timestamp, nullable=False),
    sa.Column("received_at", Timestamp, nullable=False),
    # "api", "tracker", "import:<file>"...; with `key` it makes re-sent events harmless.
    sa.Column("source", sa.String(100), nullable=False),
    sa.Column("key", sa.String(200)),
    sa.UniqueConstraint("source", "key", name="uq_events_source_key"),
    # Segment conditions are "this contact has events of type T since D".
    sa.Index("ix_events_contact_type_time", "contact_id", "type", "occurred_at"),
    sa.Index("ix_events_visitor", "visitor_id"),
)

visitors = sa.Table(
    "visitors",
    metadata,
    # The tracker's random id kept in the browser's localStorage.
    sa.Column("visitor_id", sa.String(64), primary_key=True),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("linked_at", Timestamp, nullable=False),
)
