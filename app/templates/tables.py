"""The template library tables, registered on the shared `app.db.schema.metadata`."""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["TEMPLATE_KINDS", "template_versions", "templates"]

#: What a template is for; each kind has its own document type (see `app.templates.document`).
TEMPLATE_KINDS = ("email", "sms", "whatsapp", "manager")


templates = sa.Table(
    "templates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # Archived instead of deleted when a campaign pins one of its versions.
    sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("kind IN ('email', 'sms', 'whatsapp', 'manager')", name="kind"),
)

template_versions = sa.Table(
    "template_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("template_id", sa.Integer, sa.ForeignKey("templates.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # The versioned JSON document; immutable once written (every save is a new row).
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.UniqueConstraint("template_id", "version", name="uq_template_versions_template_id_version"),
)
