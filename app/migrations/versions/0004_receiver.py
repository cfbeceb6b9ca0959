"""receiver: ids of processed provider callback events

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('callback_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=100), nullable=False),
    sa.Column('event_id', sa.String(length=200), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callback_events')),
    sa.UniqueConstraint('account', 'event_id', name='uq_callback_events_account_event')
    )
    op.create_index('ix_callback_events_received', 'callback_events', ['received_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_callback_events_received', table_name='callback_events')
    op.drop_table('callback_events')
