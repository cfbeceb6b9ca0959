"""trigger state: cursors, segment snapshots, fired anniversaries, pending anonymous events; step counts index

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ts = sa.DateTime(timezone=True)


def _scenario_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["scenario_id"], ["scenarios.id"], name=op.f(f"fk_{table}_scenario_id_scenarios"),
                                   ondelete="CASCADE")


def _contact_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name=op.f(f"fk_{table}_contact_id_contacts"),
                                   ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "trigger_cursors",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("until", sa.BigInteger(), nullable=True),
        sa.Column("at", _ts, nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("updated_at", _ts, nullable=False),
        _scenario_fk("trigger_cursors"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_trigger_cursors")),
    )
    op.create_table(
        "segment_snapshots",
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        _scenario_fk("segment_snapshots"),
        _contact_fk("segment_snapshots"),
        sa.PrimaryKeyConstraint("scenario_id", "node_id", "contact_id", name=op.f("pk_segment_snapshots")),
    )
    op.create_table(
        "trigger_fired",
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("at", _ts, nullable=False),
        _scenario_fk("trigger_fired"),
        _contact_fk("trigger_fired"),
        sa.PrimaryKeyConstraint("scenario_id", "node_id", "contact_id", "period", name=op.f("pk_trigger_fired")),
    )
    op.create_table(
        "trigger_pending",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", _ts, nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_trigger_pending_event_id_events"),
                                ondelete="CASCADE"),
        _scenario_fk("trigger_pending"),
        sa.PrimaryKeyConstraint("event_id", "scenario_id", "node_id", name=op.f("pk_trigger_pending")),
    )
    op.create_index("ix_trigger_pending_created_at", "trigger_pending", ["created_at"])
    op.create_index("ix_journey_steps_scenario_node_journey", "journey_steps", ["scenario_id", "node_id", "journey_id"])


def downgrade() -> None:
    op.drop_index("ix_journey_steps_scenario_node_journey", table_name="journey_steps")
    op.drop_table("trigger_pending")
    op.drop_table("trigger_fired")
    op.drop_table("segment_snapshots")
    op.drop_table("trigger_cursors")
