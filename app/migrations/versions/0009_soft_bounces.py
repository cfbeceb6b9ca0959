"""soft bounces counted per address, and lifted suppressions kept as evidence

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "soft_bounces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("event_key", sa.String(length=250), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_soft_bounces")),
        sa.UniqueConstraint("channel", "address", "event_key", name="uq_soft_bounces_event"),
    )
    op.create_index("ix_soft_bounces_address", "soft_bounces", ["channel", "address", "occurred_at"])
    op.create_table(
        "suppression_removals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("suppressed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppression_removals")),
    )
    op.create_index("ix_suppression_removals_address", "suppression_removals", ["channel", "address"])


def downgrade() -> None:
    op.drop_index("ix_suppression_removals_address", table_name="suppression_removals")
    op.drop_table("suppression_removals")
    op.drop_index("ix_soft_bounces_address", table_name="soft_bounces")
    op.drop_table("soft_bounces")
