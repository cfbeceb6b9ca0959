"""events, visitors and saved segments; index on contacts.city for segment counts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('rule', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments')),
    sa.UniqueConstraint('name', name=op.f('uq_segments_name'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('visitor_id', sa.String(length=64), nullable=True),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_events_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('source', 'key', name='uq_events_source_key')
    )
    op.create_index('ix_events_contact_type_time', 'events', ['contact_id', 'type', 'occurred_at'], unique=False)
    op.create_index('ix_events_visitor', 'events', ['visitor_id'], unique=False)
    op.create_table('visitors',
    sa.Column('visitor_id', sa.String(length=64), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_visitors_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visitor_id', name=op.f('pk_visitors'))
    )
    op.create_index(op.f('ix_visitors_contact_id'), 'visitors', ['contact_id'], unique=False)
    op.create_index('ix_contacts_city', 'contacts', ['city'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_contacts_city', table_name='contacts')
    op.drop_index(op.f('ix_visitors_contact_id'), table_name='visitors')
    op.drop_table('visitors')
    op.drop_index('ix_events_visitor', table_name='events')
    op.drop_index('ix_events_contact_type_time', table_name='events')
    op.drop_table('events')
    op.drop_table('segments')
