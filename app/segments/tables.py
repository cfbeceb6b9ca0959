"""Table of saved segments, and the contact indexes that make segment counts fast.

Registered on the shared `app.db.schema.metadata` (imported at the end of that module).
Migration: `0005_events_segments.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import contacts, metadata

__all__ = ["segments"]

segments = sa.Table(
    "segments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    # The rule JSON of app.segments.rules (validated before it is stored).
    sa.Column("rule", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# "City is X" is the most common first condition; without an index a count scans every contact.
sa.Index("ix_contacts_city", contacts.c.city)
