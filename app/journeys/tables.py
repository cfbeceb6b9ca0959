"""Journey tables, registered on the shared `app.db.schema.metadata` (migrations 0007 and 0010).

A journey is one contact inside one published scenario version. It sits on one node at a
time; `wake_at` is its durable timer. Every step it takes is one `journey_steps` row with a
per-journey step number, which is also the idempotency key of any message the step queues
(outbox `step_ref` = "journey:<journey id>:step:<step>"), so re-running a step after a crash
finds the message already queued instead of queueing a second one.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = ["JOURNEY_STATES", "journey_of", "journey_steps", "journeys", "step_ref"]

#: active: runs at `wake_at` (now or a timer); waiting: wait-for-event (event or timeout at
#: `wake_at`); done: reached an end; exited: left by a goal, an exit node or a removed node;
#: failed: a step failed permanently (`outcome` says why).
JOURNEY_STATES = ("active", "waiting", "done", "exited", "failed")


journeys = sa.Table(
    "journeys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    # The scenario version the contact entered; it finishes on this version.
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("node_id", sa.String(64), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("wake_at", Timestamp),
    # Steps taken so far; the next step's number is step + 1.
    sa.Column("step", sa.Integer, nullable=False, server_default="0"),
    # The A/B/n branch key taken, for per-branch reports.
    sa.Column("branch", sa.String(32)),
    # The triggering event or context (properties usable in templates).
    sa.Column("context", sa.JSON),
    sa.Column("event_id", sa.Integer),
    sa.Column("outcome", sa.String(200)),
    sa.Column("converted_at", Timestamp),
    sa.Column("entered_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("finished_at", Timestamp),
    sa.CheckConstraint("state IN ('active', 'waiting', 'done', 'exited', 'failed')", name="state"),
    sa.Index("ix_journeys_due", "state", "wake_at"),
    sa.Index("ix_journeys_scenario_node", "scenario_id", "node_id", "state"),
    sa.Index("ix_journeys_contact", "contact_id", "scenario_id", "entered_at"),
)

journey_steps = sa.Table(
    "journey_steps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id", ondelete="CASCADE"), nullable=False),
    sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("node_id", sa.String(64), nullable=False),
    sa.Column("step", sa.Integer, nullable=False),
    # entered | passed | waiting | sent | skipped | yes | no | branch | converted | exited | failed
    sa.Column("outcome", sa.String(32), nullable=False),
    # The output port the journey left by (yes/no/A/timeout/...), if any.
    sa.Column("port", sa.String(32)),
    sa.Column("outbox_id", sa.Integer, sa.ForeignKey("outbox.id", ondelete="SET NULL")),
    sa.Column("detail", sa.Text),
    sa.Column("at", Timestamp, nullable=False),
    sa.UniqueConstraint("journey_id", "step", name="uq_journey_steps_journey_id_step"),
    sa.Index("ix_journey_steps_scenario_node", "scenario_id", "node_id", "outcome"),
    # Per-node "entered" counts (distinct journeys) for reports and the canvas read this index
    # alone instead of every step row (created by migration 0010).
    sa.Index("ix_journey_steps_scenario_node_journey", "scenario_id", "node_id", "journey_id"),
)


def step_ref(journey_id: int, step: int) -> str:
    """The outbox `step_ref` of a message queued by one journey step (its idempotency key)."""
    return f"journey:{journey_id}:step:{step}"


def journey_of(ref: str) -> int:
    """The journey id inside a `step_ref` ("journey:12:step:3…" → 12)."""
    return int(ref.split(":", 2)[1])
