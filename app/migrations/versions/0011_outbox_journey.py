"""outbox_journey: the journey a scenario message belongs to, so pausing its scenario holds it

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("journey_id", sa.Integer(), nullable=True))
    op.create_index("ix_outbox_journey", "outbox", ["journey_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_journey", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("journey_id")
