"""Materialising a campaign's audience into outbox rows, and the pre-flight check.

Materialisation is INSERT ... SELECT in contact-id ranges (one transaction per range), with
ON CONFLICT DO NOTHING on UNIQUE(campaign, contact, channel): a contact in two lists gets one
row, and re-running after a crash simply continues. Nothing is loaded into Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app.campaigns.model import get_campaign
from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import consents, contacts, list_members, suppressions
from app.engine.gates import load_policy
from app.outbox.tables import campaigns, outbox
from app.progress import CancelToken, ProgressCallback, no_progress
from app.settings import SMS_PRICE_KEY, get_decimal

__all__ = ["Preflight", "audience_condition", "materialise", "preflight"]

BATCH = 5000


def _address_column(channel: str) -> Any:
    return contacts.c.email if channel == "email" else contacts.c.phone


def audience_condition(engine: Engine, audience: dict[str, Any]) -> Any:
    """The audience as a WHERE condition on contacts: all, lists, or a saved segment's rule.

    A started campaign carries the segment's rule and date frozen in its audience (see
    `app.campaigns.model.start_campaign`), so a resumed materialisation selects the same people."""
    if audience.get("all"):
        return sa.true()
    if audience.get("segment") is not None:
        from app.segments.service import get_segment, segment_condition

        rule = audience.get("rule") or get_segment(engine, int(audience["segment"])).rule
        today = date.fromisoformat(audience["today"]) if audience.get("today") else None
        return segment_condition(engine, rule, today=today)
    return sa.exists(sa.select(list_members.c.contact_id).where(
        list_members.c.contact_id == contacts.c.id, list_members.c.list_id.in_(audience.get("lists") or [])))


def _id_range(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        low, high = conn.execute(sa.select(sa.func.min(contacts.c.id), sa.func.max(contacts.c.id))).one()
    return int(low or 0), int(high or 0)


def materialise(engine: Engine, campaign_id: int, *, now: datetime | None = None, batch: int = BATCH,
                progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> int:
    """Create the campaign's outbox rows; returns how many rows it has. Idempotent."""
    campaign = get_campaign(engine, campaign_id)
    now = now or datetime.now(UTC)
    address = _address_column(campaign.channel)
    if is_sqlite(engine):
        new_id = sa.func.lower(sa.func.hex(sa.func.randomblob(16)))
        insert = sqlite.insert
    else:
        new_id = sa.func.replace(sa.cast(sa.func.gen_random_uuid(), sa.String), "-", "")
        insert = postgresql.insert
    audience = audience_condition(engine, campaign.audience)
    low, high = _id_range(engine)
    done = 0
    for start in range(low - 1, high, batch):
        if cancel is not None:
            cancel.raise_if_cancelled()
        select = sa.select(
            new_id, sa.literal(campaign_id), contacts.c.id, sa.literal(campaign.channel),
            sa.literal(campaign.provider), address,
            sa.case((address.is_(None), "skipped"), else_="queued"),
            sa.case((address.is_(None), "no_address"), else_=None),
            sa.literal(campaign.transactional), sa.literal(0), sa.literal(now, sa.DateTime(timezone=True)),
            sa.literal(now, sa.DateTime(timezone=True)), sa.literal(now, sa.DateTime(timezone=True)),
        ).where(contacts.c.id > start, contacts.c.id <= start + batch, audience)
        stmt = insert(outbox).from_select(
            ["message_id", "campaign_id", "contact_id", "channel", "provider", "address", "state", "skip_reason",
             "transactional", "attempts", "next_attempt_at", "created_at", "updated_at"], select,
        ).on_conflict_do_nothing()
        conn = engine.connect()
        if is_sqlite(engine):
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
        with conn, conn.begin():
            conn.execute(stmt)
        done = min(start + batch, high) - low + 1
        progress(done, high - low + 1, "materialise")
    with engine.begin() as conn:
        conn.execute(campaigns.update().where(campaigns.c.id == campaign_id).values(materialised=True))
        return int(conn.execute(sa.select(sa.func.count()).where(outbox.c.campaign_id == campaign_id)).scalar() or 0)


@dataclass
class Preflight:
    """What a campaign would reach now.

    Attributes:
        total: contacts in the audience.
        reachable: those who would get the message.
        excluded: {reason: count} — no_address, suppressed, no_consent, capped (each contact
            counted under its first reason in that order).
        segments / cost: SMS only: estimated parts in total and their price (None without a price).
        sample_errors: up to 5 "contact id: why" for contacts whose message cannot be rendered.
    """

    total: int = 0
    reachable: int = 0
    excluded: dict[str, int] = field(default_factory=lambda: {"no_address": 0, "suppressed": 0,
                                                              "no_consent": 0, "capped": 0})
    segments: int | None = None
    cost: float | None = None
    sample_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "reachable": self.reachable, "excluded": dict(self.excluded),
                "segments": self.segments, "cost": self.cost, "sample_errors": list(self.sample_errors)}


def preflight(engine: Engine, campaign_id: int, *, sample: int = 200, now: datetime | None = None) -> Preflight:
    """Count reachable contacts and exclusions by reason, streaming the audience in batches."""
    from app.campaigns.render import CampaignRenderer
    from app.errors import TemplateError
    from app.outbox.store import RenderInput

    campaign = get_campaign(engine, campaign_id)
    now = now or datetime.now(UTC)
    address = _address_column(campaign.channel)
    result = Preflight()
    renderer = CampaignRenderer(engine)
    renderer.prepare()
    segment_sample: list[int] = []
    audience = audience_condition(engine, campaign.audience)
    with engine.connect() as conn:
        policy = load_policy(conn)
        per_day, per_week = policy.cap_for(campaign.channel)
        last = 0
        while True:
            rows = conn.execute(sa.select(contacts).where(contacts.c.id > last, audience)
                                .order_by(contacts.c.id).limit(BATCH)).mappings().all()
            if not rows:
                break
            last = rows[-1]["id"]
            ids = [r["id"] for r in rows]
            addresses = [r[address.name] for r in rows if r[address.name]]
            blocked = {a for (a,) in conn.execute(sa.select(suppressions.c.address).where(
                suppressions.c.channel == campaign.channel, suppressions.c.address.in_(addresses)))}
            granted = {i for (i,) in conn.execute(sa.select(consents.c.contact_id).where(
                consents.c.channel == campaign.channel, consents.c.status == "granted", consents.c.contact_id.in_(ids)))}
            counts = {cid: (int(d or 0), int(w)) for cid, d, w in conn.execute(
                sa.select(outbox.c.contact_id, sa.func.sum(sa.case((outbox.c.sent_at >= now - timedelta(days=1), 1),
                                                                   else_=0)), sa.func.count())
                .where(outbox.c.contact_id.in_(ids), outbox.c.channel == campaign.channel,
                       outbox.c.transactional.is_(False), outbox.c.sent_at >= now - timedelta(days=7),
                       outbox.c.state.in_(("sending", "sent", "delivered", "read", "unknown")))
                .group_by(outbox.c.contact_id))}
            for row in rows:
                result.total += 1
                day, week = counts.get(row["id"], (0, 0))
                if not row[address.name]:
                    reason = "no_address"
                elif row[address.name] in blocked:
                    reason = "suppressed"
                elif not campaign.transactional and row["id"] not in granted:
                    reason = "no_consent"
                elif not campaign.transactional and ((per_day is not None and day >= per_day)
                                                     or (per_week is not None and week >= per_week)):
                    reason = "capped"
                else:
                    reason = None
                if reason:
                    result.excluded[reason] += 1
                    continue
                result.reachable += 1
                if len(segment_sample) < sample:
                    try:
                        payload = renderer(RenderInput(campaign.id, campaign.channel, "preflight", dict(row),
                                                       campaign.transactional))
                        segment_sample.append(_segments(payload) if campaign.channel == "sms" else 0)
                    except TemplateError as exc:
                        if len(result.sample_errors) < 5:
                            result.sample_errors.append(f"contact {row['id']}: {exc}")
    if campaign.channel == "sms" and segment_sample:
        average = sum(segment_sample) / len(segment_sample)
        result.segments = round(average * result.reachable)
        price = get_decimal(engine, SMS_PRICE_KEY)
        result.cost = float(round(result.segments * price, 2)) if price is not None else None
    return result


def _segments(payload: dict[str, Any]) -> int:
    if payload.get("segments"):
        return int(payload["segments"])
    from app.templates.sms import count_sms

    return count_sms(payload.get("text", "")).segments
