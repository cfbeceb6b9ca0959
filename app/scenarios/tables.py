"""Scenario tables, registered on the shared `app.db.schema.metadata` (migration 0006)."""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["SCENARIO_STATUSES", "scenario_versions", "scenarios"]

#: Lifecycle: draft (never published) → published (running) ⇄ paused → archived.
SCENARIO_STATUSES = ("draft", "published", "paused", "archived")


scenarios = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("status", sa.String(16), nullable=False),
    # The published version new journeys enter; journeys already inside keep their own.
    sa.Column("live_version", sa.Integer),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.CheckConstraint("status IN ('draft', 'published', 'paused', 'archived')", name="status"),
)

scenario_versions = sa.Table(
    "scenario_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # The scenario JSON document (app.scenarios.readwrite); never changed once published_at is set.
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("published_at", Timestamp),
    sa.UniqueConstraint("scenario_id", "version", name="uq_scenario_versions_scenario_id_version"),
)
