"""The database schema as SQLAlchemy Core tables.

Core, not ORM classes: the hot paths (import of a million rows, the outbox) are bulk SQL,
and the tables are the single source of truth the Alembic migrations must match
(`tests/app/test_migrations.py` checks that they do).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "CHANNELS",
    "CONSENT_STATUSES",
    "SUPPRESSION_REASONS",
    "consents",
    "contact_tags",
    "contacts",
    "import_jobs",
    "list_members",
    "lists",
    "metadata",
    "saved_mappings",
    "settings",
    "suppressions",
    "tags",
]

# Named constraints so SQLite batch migrations can alter them later (Alembic docs).
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: Channels a contact can be reached on; consent and suppression are kept per channel.
CHANNELS = ("email", "sms", "whatsapp", "calls")
CONSENT_STATUSES = ("granted", "withdrawn", "denied")
SUPPRESSION_REASONS = ("unsubscribed", "bounced", "complained", "manual")

# Timestamps are timezone-aware UTC everywhere (every area's tables use this type).
Timestamp = sa.DateTime(timezone=True)

import_jobs = sa.Table(
    "import_jobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("sheet", sa.String(200)),
    sa.Column("status", sa.String(16), nullable=False, server_default="running"),
    sa.Column("options", sa.JSON, nullable=False, default=dict),
    sa.Column("mapping", sa.JSON, nullable=False, default=dict),
    sa.Column("total_rows", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("merged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("error_report", sa.String(1000)),
    sa.Column("consent_source", sa.Text),
    sa.Column("error", sa.Text),
    sa.Column("started_at", Timestamp, nullable=False),
    sa.Column("finished_at", Timestamp),
)

contacts = sa.Table(
    "contacts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Identities: E.164 phone and lower-cased email, each unique when present.
    sa.Column("phone", sa.String(20), unique=True),
    sa.Column("email", sa.String(320), unique=True),
    sa.Column("external_id", sa.String(200), index=True),
    sa.Column("first_name", sa.String(200)),
    sa.Column("last_name", sa.String(200), index=True),
    sa.Column("middle_name", sa.String(200)),
    sa.Column("gender", sa.String(1)),
    sa.Column("city", sa.String(200)),
    sa.Column("birthday", sa.Date),
    sa.Column("timezone", sa.String(64)),
    # Every column of an imported file that maps to no field survives here.
    sa.Column("custom", sa.JSON, nullable=False, default=dict),
    sa.Column("source", sa.String(500)),
    # Lower-cased "last first middle email phone-digits city" for quick search.
    sa.Column("search_text", sa.Text, nullable=False, server_default=""),
    sa.Column("import_job_id", sa.Integer, sa.ForeignKey("import_jobs.id", ondelete="SET NULL"), index=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
)

contact_tags = sa.Table(
    "contact_tags",
    metadata,
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

consents = sa.Table(
    "consents",
    metadata,
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("channel", sa.String(16), primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    # What proves the consent: "signed the loyalty form at the shop", a web form URL...
    sa.Column("source", sa.Text),
    sa.Column("recorded_at", Timestamp, nullable=False),
    sa.Column("import_job_id", sa.Integer, sa.ForeignKey("import_jobs.id", ondelete="SET NULL")),
    sa.CheckConstraint("status IN ('granted', 'withdrawn', 'denied')", name="status"),
)

suppressions = sa.Table(
    "suppressions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    # The normalised address (E.164 phone or lower-cased email): kept even when the
    # contact is deleted, so re-importing the person never reaches them again.
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("reason", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.UniqueConstraint("channel", "address", name="uq_suppressions_channel_address"),
    sa.CheckConstraint("reason IN ('unsubscribed', 'bounced', 'complained', 'manual')", name="reason"),
)

lists = sa.Table(
    "lists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("description", sa.Text),
    sa.Column("created_at", Timestamp, nullable=False),
)

list_members = sa.Table(
    "list_members",
    metadata,
    sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    sa.Column("added_at", Timestamp, nullable=False),
)

saved_mappings = sa.Table(
    "saved_mappings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    # {"source column header": "field name" | "custom:<key>" | "consent:<channel>" | "skip"}
    sa.Column("mapping", sa.JSON, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("value", sa.JSON),
)
from app.events import tables as _events_tables  # noqa: E402,F401
from app.journeys import tables as _journeys_tables  # noqa: E402,F401
from app.journeys import trigger_tables as _trigger_tables  # noqa: E402,F401
from app.outbox import tables as _outbox_tables  # noqa: E402,F401  (registers the sending tables)
from app.receiver import tables as _receiver_tables  # noqa: E402,F401
from app.scenarios import tables as _scenarios_tables  # noqa: E402,F401
from app.segments import tables as _segments_tables  # noqa: E402,F401
from app.suppression import tables as _suppression_tables  # noqa: E402,F401
from app.templates import tables as _templates_tables  # noqa: E402,F401
