"""Campaigns: create, read, and the user's controls (start, pause, resume, cancel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import CHANNELS, lists
from app.errors import NotFoundError, UserInputError
from app.outbox.tables import campaigns, outbox
from app.providers.store import default_provider, get_provider

__all__ = ["Campaign", "cancel_campaign", "create_campaign", "get_campaign", "list_campaigns",
           "pause_campaign", "resolve_lists", "resume_campaign", "start_campaign"]

_TEMPLATE_KIND = {"email": "email", "sms": "sms", "whatsapp": "whatsapp"}


@dataclass(frozen=True)
class Campaign:
    """A campaign as stored."""

    id: int
    name: str
    channel: str
    template_id: int | None
    template_version: int | None
    content: dict[str, Any] | None
    audience: dict[str, Any]
    provider: str
    fallback_provider: str | None
    sender: str | None
    transactional: bool
    status: str
    pause_reason: str | None
    materialised: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


def _campaign(row: Any) -> Campaign:
    return Campaign(**{k: row._mapping[k] for k in Campaign.__dataclass_fields__})


def resolve_lists(engine: Engine, refs: list[int | str]) -> list[int]:
    """List ids for ids or names given by the user; NotFoundError names the missing one."""
    found = []
    with engine.connect() as conn:
        for ref in refs:
            text = str(ref).strip()
            query = sa.select(lists.c.id).where(lists.c.id == int(text) if text.isdigit() else lists.c.name == text)
            list_id = conn.execute(query).scalar()
            if list_id is None:
                raise NotFoundError(f"no contact list {text!r}")
            found.append(list_id)
    return found


def _resolve_template(engine: Engine, channel: str, template: int | str,
                      version: int | None) -> tuple[int, int]:
    from app.templates.library import find_template, get_template, get_version

    text = str(template).strip()
    info = get_template(engine, int(text)) if text.isdigit() else find_template(engine, text)
    expected = _TEMPLATE_KIND.get(channel)
    if expected and info.kind != expected:
        raise UserInputError(f"template {info.name!r} is a {info.kind} template, not {expected}")
    pinned = get_version(engine, info.id, version)
    return info.id, pinned.version


def create_campaign(engine: Engine, *, name: str, channel: str, template: int | str | None = None,
                    template_version: int | None = None, content: dict[str, str] | None = None,
                    lists_: list[int | str] | None = None, all_contacts: bool = False,
                    segment: int | str | None = None, provider: str | None = None, fallback_provider: str | None = None,
                    sender: str | None = None, transactional: bool = False) -> Campaign:
    """Create a draft campaign pinned to a template version (or with inline content).

    The audience is one of: `lists_` (ids or names), `all_contacts`, or a saved `segment` (id or
    name). Without a `sender`, an SMS campaign takes the SMS sender name of Settings' identity."""
    name = " ".join((name or "").split())
    if not name:
        raise UserInputError("the campaign needs a name")
    if channel not in CHANNELS:
        raise UserInputError(f"unknown channel {channel!r}; one of: {', '.join(CHANNELS)}")
    if [bool(lists_), bool(all_contacts), segment not in (None, "")].count(True) != 1:
        raise UserInputError("choose the audience: one or more lists, a saved segment, or all contacts")
    if template is None and not content:
        raise UserInputError("the campaign needs a template")
    template_id = version = None
    if template is not None:
        template_id, version = _resolve_template(engine, channel, template, template_version)
    audience: dict[str, Any]
    if all_contacts:
        audience = {"all": True}
    elif lists_:
        audience = {"lists": resolve_lists(engine, lists_)}
    else:
        from app.segments.service import get_segment

        audience = {"segment": get_segment(engine, segment).id}  # type: ignore[arg-type]
    if sender is None and channel == "sms":
        sender = _identity_sms_sender(engine)
    provider = provider or default_provider(engine, channel)
    for name_ in filter(None, (provider, fallback_provider)):
        info = get_provider(engine, name_)
        if info.channel != channel:
            raise UserInputError(f"provider {name_!r} sends {info.channel}, not {channel}")
    with engine.begin() as conn:
        campaign_id = conn.execute(campaigns.insert().values(
            name=name, channel=channel, template_id=template_id, template_version=version, content=content,
            audience=audience, provider=provider, fallback_provider=fallback_provider, sender=sender,
            transactional=transactional, status="draft", materialised=False, created_at=datetime.now(UTC),
        )).inserted_primary_key[0]
    return get_campaign(engine, campaign_id)


def _identity_sms_sender(engine: Engine) -> str | None:
    from app.campaigns.render import IDENTITY_KEY
    from app.settings import get_setting

    identity = get_setting(engine, IDENTITY_KEY)
    name = str(identity.get("sms_sender") or "").strip() if isinstance(identity, dict) else ""
    return name or None


def get_campaign(engine: Engine, campaign_id: int) -> Campaign:
    with engine.connect() as conn:
        row = conn.execute(sa.select(campaigns).where(campaigns.c.id == campaign_id)).first()
    if row is None:
        raise NotFoundError(f"no campaign with id {campaign_id}")
    return _campaign(row)


def list_campaigns(engine: Engine) -> list[Campaign]:
    with engine.connect() as conn:
        return [_campaign(r) for r in conn.execute(sa.select(campaigns).order_by(campaigns.c.id.desc()))]


def _set_status(engine: Engine, campaign_id: int, allowed: tuple[str, ...], **values: Any) -> Campaign:
    campaign = get_campaign(engine, campaign_id)
    if campaign.status not in allowed:
        raise UserInputError(f"campaign {campaign_id} is {campaign.status}; this needs it to be "
                             f"{' or '.join(allowed)}")
    with engine.begin() as conn:
        conn.execute(campaigns.update().where(campaigns.c.id == campaign_id).values(**values))
    return get_campaign(engine, campaign_id)


def start_campaign(engine: Engine, campaign_id: int, now: datetime | None = None) -> Campaign:
    """draft → running (materialise the audience next).

    A segment audience is frozen here: its rule and today's date are copied into the campaign,
    so editing the segment later (or resuming an interrupted materialisation) selects the same
    rule for this campaign."""
    now = now or datetime.now(UTC)
    campaign = get_campaign(engine, campaign_id)
    values: dict[str, Any] = {"status": "running", "started_at": now}
    if campaign.status == "draft" and campaign.audience.get("segment") is not None:
        from app.segments.service import get_segment

        rule = get_segment(engine, int(campaign.audience["segment"])).rule
        values["audience"] = {**campaign.audience, "rule": rule, "today": now.date().isoformat()}
    return _set_status(engine, campaign_id, ("draft",), **values)


def pause_campaign(engine: Engine, campaign_id: int, reason: str = "paused by the user") -> Campaign:
    """Stop claiming; messages in flight finish, nothing else is sent until resumed."""
    return _set_status(engine, campaign_id, ("running",), status="paused", pause_reason=reason)


def resume_campaign(engine: Engine, campaign_id: int) -> Campaign:
    return _set_status(engine, campaign_id, ("paused",), status="running", pause_reason=None)


def cancel_campaign(engine: Engine, campaign_id: int) -> Campaign:
    """Cancel: queued and held messages become `cancelled`; sent ones stay as they are."""
    campaign = _set_status(engine, campaign_id, ("draft", "running", "paused"), status="cancelled",
                           finished_at=datetime.now(UTC))
    with engine.begin() as conn:
        conn.execute(outbox.update().where(outbox.c.campaign_id == campaign_id,
                                           outbox.c.state.in_(("queued", "held")))
                     .values(state="cancelled", updated_at=datetime.now(UTC)))
    return campaign
