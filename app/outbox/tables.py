"""Tables of the sending side: providers, campaigns, the outbox, attempts and delivery events.

Registered on the shared `app.db.schema.metadata` (imported at the end of that module), so
the migrations test compares them too. Migrations: `0003_outbox.py`, `0008_outbox_claims.py`.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.db.schema import Timestamp, metadata

__all__ = [
    "ACTIVE_STATES",
    "CAMPAIGN_STATUSES",
    "OUTBOX_STATES",
    "SKIP_REASONS",
    "TERMINAL_STATES",
    "campaigns",
    "delivery_events",
    "outbox",
    "outbox_attempts",
    "outbox_claims",
    "providers",
]


#: Message states. `skipped` carries a `skip_reason`; `unknown` = fate unknown (never auto-resent).
OUTBOX_STATES = ("queued", "sending", "sent", "delivered", "read", "failed", "held", "cancelled",
                 "unknown", "skipped")
#: States a message can still leave on its own (the engine works on these).
ACTIVE_STATES = ("queued", "sending", "held")
TERMINAL_STATES = tuple(s for s in OUTBOX_STATES if s not in ACTIVE_STATES)
SKIP_REASONS = ("no_consent", "suppressed", "capped", "no_address")
CAMPAIGN_STATUSES = ("draft", "running", "paused", "cancelled", "finished")

providers = sa.Table(
    "providers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("type", sa.String(50), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("base_url", sa.String(500)),
    # Non-secret settings only; credentials live in app.secrets (keyring / encrypted file).
    sa.Column("options", sa.JSON, nullable=False, default=dict),
    sa.Column("is_default", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", Timestamp, nullable=False),
)

campaigns = sa.Table(
    "campaigns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    # A template and its pinned version, or inline content ({"subject", "text", "html"}).
    sa.Column("template_id", sa.Integer, sa.ForeignKey("templates.id", ondelete="RESTRICT")),
    sa.Column("template_version", sa.Integer),
    sa.Column("content", sa.JSON),
    # {"lists": [ids]} or {"all": true}
    sa.Column("audience", sa.JSON, nullable=False),
    sa.Column("provider", sa.String(100), nullable=False),
    sa.Column("fallback_provider", sa.String(100)),
    sa.Column("sender", sa.String(320)),
    sa.Column("transactional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
    sa.Column("pause_reason", sa.Text),
    sa.Column("materialised", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("started_at", Timestamp),
    sa.Column("finished_at", Timestamp),
    sa.CheckConstraint("status IN ('draft', 'running', 'paused', 'cancelled', 'finished')", name="status"),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Stable per-message id (uuid4 hex): idempotency key / client reference / Message-ID.
    sa.Column("message_id", sa.String(32), nullable=False, unique=True),
    sa.Column("campaign_id", sa.Integer, sa.ForeignKey("campaigns.id", ondelete="CASCADE")),
    # A scenario journey step's reference ("journey:<id>:step:<n>", app.journeys.tables.step_ref).
    sa.Column("step_ref", sa.String(200)),
    # The scenario journey that queued it (no foreign key: journeys reference the outbox);
    # the claim holds it while that scenario is paused, archive cancels it.
    sa.Column("journey_id", sa.Integer),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL")),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("provider", sa.String(100), nullable=False),
    # The address at materialisation time (phone E.164 or email).
    sa.Column("address", sa.String(320)),
    sa.Column("state", sa.String(16), nullable=False, server_default="queued"),
    sa.Column("skip_reason", sa.String(16)),
    sa.Column("transactional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", Timestamp, nullable=False),
    # When the last attempt started (frequency caps count these).
    sa.Column("sent_at", Timestamp),
    sa.Column("provider_message_id", sa.String(200)),
    sa.Column("error", sa.Text),
    sa.Column("error_code", sa.String(50)),
    sa.Column("cost", sa.Float),
    sa.Column("segments", sa.Integer),
    # Rendered at claim time; zlib-compressed JSON when payload_zip.
    sa.Column("payload", sa.LargeBinary),
    sa.Column("payload_zip", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("claim_epoch", sa.Integer),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.UniqueConstraint("campaign_id", "contact_id", "channel", name="uq_outbox_campaign_contact_channel"),
    sa.UniqueConstraint("step_ref", "contact_id", "channel", name="uq_outbox_step_contact_channel"),
    sa.Index("ix_outbox_due", "state", "provider", "next_attempt_at", "id"),
    sa.Index("ix_outbox_campaign_state", "campaign_id", "state"),
    sa.Index("ix_outbox_contact_sent", "contact_id", "channel", "sent_at"),
    sa.Index("ix_outbox_provider_message_id", "provider_message_id"),
    sa.Index("ix_outbox_journey", "journey_id"),
    sa.CheckConstraint(
        "state IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'held', 'cancelled', "
        "'unknown', 'skipped')", name="state"),
)

outbox_attempts = sa.Table(
    "outbox_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("outbox_id", sa.Integer, sa.ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("attempt_no", sa.Integer, nullable=False),
    sa.Column("provider", sa.String(100), nullable=False),
    sa.Column("epoch", sa.Integer),
    sa.Column("started_at", Timestamp, nullable=False),
    sa.Column("finished_at", Timestamp),
    # Outcome vocabulary of app.providers.base.Outcome, or "interrupted".
    sa.Column("outcome", sa.String(16)),
    sa.Column("code", sa.String(50)),
    sa.Column("error", sa.Text),
    sa.Column("provider_message_id", sa.String(200)),
)

delivery_events = sa.Table(
    "delivery_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("outbox_id", sa.Integer, sa.ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("code", sa.String(50)),
    sa.Column("detail", sa.Text),
    sa.Column("source", sa.String(16), nullable=False),
)

# Rows the engine has claimed ahead of sending: gated and rendered, but certainly not on the
# wire yet (the row itself stays `queued`). A row leaves this table when it is committed as
# `sending` right before its request; after a crash every claim is dropped, so claimed rows
# are simply queued again — never `unknown`. Tagged with the engine epoch for audits.
outbox_claims = sa.Table(
    "outbox_claims",
    metadata,
    sa.Column("outbox_id", sa.Integer, sa.ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("provider", sa.String(100), nullable=False),
    sa.Column("epoch", sa.Integer, nullable=False),
    sa.Column("claimed_at", Timestamp, nullable=False),
)
