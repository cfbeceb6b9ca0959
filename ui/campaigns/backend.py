"""Plain-Python helpers the Campaigns screen needs beyond `app.campaigns` (no Qt here).

Kept small on purpose: discarding an unstarted draft, a test send through the real adapter
(outside the outbox and the audience), and one cheap overview query for the campaigns table.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.campaigns.model import get_campaign
from app.outbox.store import RenderInput
from app.outbox.tables import campaigns, outbox
from app.providers.base import Outcome, SendRequest, create_provider
from app.providers.store import check_account, load_config
from app.secrets import SecretStore
from app.workspace import Workspace

__all__ = ["CampaignRow", "TestResult", "check_provider", "discard_draft", "overview", "sample_contact", "send_test"]

_DONE = ("sent", "delivered", "read", "failed", "cancelled", "unknown", "skipped")


@dataclass(frozen=True)
class CampaignRow:
    """One line of the campaigns table."""

    id: int
    name: str
    channel: str
    status: str
    total: int
    done: int
    created_at: datetime

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0


def overview(engine: Engine) -> list[CampaignRow]:
    """Every campaign, newest first, with its message counts (one grouped query)."""
    done = sa.func.sum(sa.case((outbox.c.state.in_(_DONE), 1), else_=0))
    counts = (sa.select(outbox.c.campaign_id, sa.func.count().label("total"), done.label("done"))
              .where(outbox.c.campaign_id.is_not(None)).group_by(outbox.c.campaign_id).subquery())
    query = (sa.select(campaigns.c.id, campaigns.c.name, campaigns.c.channel, campaigns.c.status,
                       campaigns.c.created_at, counts.c.total, counts.c.done)
             .select_from(campaigns.outerjoin(counts, counts.c.campaign_id == campaigns.c.id))
             .order_by(campaigns.c.id.desc()))
    with engine.connect() as conn:
        return [CampaignRow(r.id, r.name, r.channel, r.status, int(r.total or 0), int(r.done or 0), r.created_at)
                for r in conn.execute(query)]


def discard_draft(engine: Engine, campaign_id: int) -> None:
    """Delete a campaign that was never started (the wizard re-creates it when choices change)."""
    with engine.begin() as conn:
        conn.execute(campaigns.delete().where(campaigns.c.id == campaign_id, campaigns.c.status == "draft",
                                              campaigns.c.materialised.is_(False)))


def sample_contact(engine: Engine, campaign_id: int) -> dict[str, Any]:
    """The first contact of the campaign's audience (personalises previews and the test send)."""
    from app.campaigns.audience import audience_condition
    from app.db.schema import contacts

    campaign = get_campaign(engine, campaign_id)
    condition = audience_condition(engine, campaign.audience)
    with engine.connect() as conn:
        row = conn.execute(sa.select(contacts).where(condition)
                           .order_by(contacts.c.id).limit(1)).mappings().first()
    return dict(row) if row is not None else {}


@dataclass(frozen=True)
class TestResult:
    """What the provider said about the test message."""

    ok: bool
    detail: str
    provider_message_id: str | None = None


def send_test(workspace: Workspace, campaign_id: int, address: str,
              store: SecretStore | None = None) -> TestResult:
    """Render the campaign for its first contact and send it to `address` through the real adapter.

    Blocking (runs its own short asyncio loop): call it from a worker thread. The message
    carries no unsubscribe token (no real contact is behind it) and never enters the outbox.
    """
    from app.campaigns.render import CampaignRenderer

    campaign = get_campaign(workspace.engine, campaign_id)
    contact = sample_contact(workspace.engine, campaign_id)
    field = "email" if campaign.channel == "email" else "phone"
    contact = {**contact, "id": None, field: address}
    renderer = CampaignRenderer(workspace.engine)
    message_id = uuid.uuid4().hex
    payload = renderer(RenderInput(campaign.id, campaign.channel, message_id, contact, campaign.transactional))
    if campaign.channel == "email" and payload.get("subject"):
        payload["subject"] = "[TEST] " + payload["subject"]
    request = SendRequest(0, message_id, campaign.channel, address, payload, campaign.sender or "",
                          campaign.transactional, None)
    config = load_config(workspace.engine, store or SecretStore(workspace.root), campaign.provider,
                         workspace.sandbox_dir)

    async def run() -> TestResult:
        provider = create_provider(config)
        try:
            result = (await provider.send([request]))[0]
        finally:
            await provider.aclose()
            http = getattr(provider, "http", None)
            if http is not None:
                await http.aclose()
        if result.outcome is Outcome.ACCEPTED:
            return TestResult(True, "", result.provider_message_id)
        return TestResult(False, result.error or result.outcome.value)

    return asyncio.run(run())


def check_provider(workspace: Workspace, name: str, store: SecretStore | None = None) -> str:
    """Run the adapter's connection test for account `name` (blocking; call from a worker)."""
    return asyncio.run(check_account(workspace.engine, store or SecretStore(workspace.root), name,
                                     workspace.sandbox_dir))
