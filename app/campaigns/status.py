"""Campaign progress from row counts (never from a cursor), and the .xlsx report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.campaigns.model import get_campaign
from app.exports import write_table
from app.outbox.tables import OUTBOX_STATES, SKIP_REASONS, outbox

__all__ = ["campaign_status", "export_report"]

_DONE = ("sent", "delivered", "read", "failed", "cancelled", "unknown", "skipped")


def campaign_status(engine: Engine, campaign_id: int) -> dict[str, Any]:
    """Counts per state and skip reason, progress, cost, the top failure reasons."""
    campaign = get_campaign(engine, campaign_id)
    with engine.connect() as conn:
        states = dict.fromkeys(OUTBOX_STATES, 0)
        for state, n in conn.execute(sa.select(outbox.c.state, sa.func.count())
                                     .where(outbox.c.campaign_id == campaign_id).group_by(outbox.c.state)):
            states[state] = int(n)
        skipped = dict.fromkeys(SKIP_REASONS, 0)
        for reason, n in conn.execute(sa.select(outbox.c.skip_reason, sa.func.count())
                                      .where(outbox.c.campaign_id == campaign_id, outbox.c.state == "skipped")
                                      .group_by(outbox.c.skip_reason)):
            skipped[reason or "other"] = int(n)
        cost = conn.execute(sa.select(sa.func.sum(outbox.c.cost)).where(outbox.c.campaign_id == campaign_id)).scalar()
        failures = [{"error": e, "count": int(n)} for e, n in conn.execute(
            sa.select(outbox.c.error, sa.func.count().label("n"))
            .where(outbox.c.campaign_id == campaign_id, outbox.c.state.in_(("failed", "unknown")))
            .group_by(outbox.c.error).order_by(sa.desc("n")).limit(10))]
    total = sum(states.values())
    done = sum(states[s] for s in _DONE)
    return {"id": campaign.id, "name": campaign.name, "channel": campaign.channel, "status": campaign.status,
            "pause_reason": campaign.pause_reason, "total": total, "done": done, "states": states,
            "skipped": skipped, "cost": float(cost) if cost is not None else None, "failures": failures}


def export_report(engine: Engine, campaign_id: int, path: str | Path) -> Path:
    """Write one row per message (state, reason, provider id, cost, times) to .xlsx or .csv."""
    get_campaign(engine, campaign_id)
    header = ["message id", "contact id", "address", "state", "skip reason", "attempts", "provider",
              "provider message id", "error", "cost", "segments", "sent at", "updated at"]

    def rows() -> Any:
        last = 0
        while True:
            with engine.connect() as conn:
                batch = conn.execute(sa.select(
                    outbox.c.id, outbox.c.message_id, outbox.c.contact_id, outbox.c.address, outbox.c.state,
                    outbox.c.skip_reason, outbox.c.attempts, outbox.c.provider, outbox.c.provider_message_id,
                    outbox.c.error, outbox.c.cost, outbox.c.segments, outbox.c.sent_at, outbox.c.updated_at)
                    .where(outbox.c.campaign_id == campaign_id, outbox.c.id > last)
                    .order_by(outbox.c.id).limit(5000)).all()
            if not batch:
                return
            last = batch[-1].id
            for r in batch:
                yield [r.message_id, r.contact_id, r.address, r.state, r.skip_reason, r.attempts, r.provider,
                       r.provider_message_id, r.error, r.cost, r.segments,
                       r.sent_at.replace(tzinfo=None) if r.sent_at else None,
                       r.updated_at.replace(tzinfo=None) if r.updated_at else None]

    return write_table(path, header, rows(), sheet="Report")
