"""Test data for the sending side: contacts with consent, lists, campaigns, a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.campaigns.model import create_campaign
from app.db.schema import consents, contacts, list_members, lists
from app.workspace import Workspace


def phone(i: int) -> str:
    return f"+7916{i:07d}"


def add_contacts(ws: Workspace, n: int, *, start: int = 0, consent: tuple[str, ...] = ("sms", "email"),
                 timezone: str | None = "Europe/Moscow", list_name: str | None = None) -> list[int]:
    """Insert `n` contacts (phone, email, Moscow zone) with granted consent; returns their ids."""
    now = datetime.now(UTC)
    rows = [{"phone": phone(start + i), "email": f"c{start + i}@example.org", "first_name": f"Имя{start + i}",
             "timezone": timezone, "custom": {}, "search_text": "", "created_at": now, "updated_at": now}
            for i in range(n)]
    with ws.engine.begin() as conn:
        conn.execute(contacts.insert(), rows)
        ids = [r for (r,) in conn.execute(sa.select(contacts.c.id).where(
            contacts.c.phone.in_([r["phone"] for r in rows])).order_by(contacts.c.id))]
        if consent:
            conn.execute(consents.insert(), [{"contact_id": i, "channel": ch, "status": "granted",
                                              "source": "test form", "recorded_at": now}
                                             for i in ids for ch in consent])
        if list_name:
            list_id = conn.execute(sa.select(lists.c.id).where(lists.c.name == list_name)).scalar()
            if list_id is None:
                list_id = conn.execute(lists.insert().values(name=list_name, created_at=now)).inserted_primary_key[0]
            conn.execute(list_members.insert(), [{"list_id": list_id, "contact_id": i, "added_at": now} for i in ids])
    return ids


def sms_campaign(ws: Workspace, provider: str, *, name: str = "Акция", text: str = "Привет, {{ first_name }}!",
                 transactional: bool = False, **kwargs: object) -> int:
    kwargs.setdefault("all_contacts", True)
    return create_campaign(ws.engine, name=name, channel="sms", content={"text": text}, provider=provider,
                           transactional=transactional, **kwargs).id  # type: ignore[arg-type]


class Clock:
    """A controllable UTC clock for quiet hours, caps and backoff."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def add_smsru(ws: Workspace, url: str, *, name: str = "smsru", api_id: str = "test-api-id", **options: object) -> str:
    from app.providers.store import add_provider
    from app.secrets import SecretStore

    add_provider(ws.engine, SecretStore(ws.root), name, "smsru", base_url=url, options=dict(options),
                 secrets={"api_id": api_id})
    return name


def launch(ws: Workspace, campaign_id: int, now: datetime | None = None) -> int:
    """Start the campaign and materialise its audience; returns the row count."""
    from app.campaigns.audience import materialise
    from app.campaigns.model import start_campaign

    start_campaign(ws.engine, campaign_id, now)
    return materialise(ws.engine, campaign_id, now=now)


def rows(ws: Workspace, campaign_id: int | None = None) -> list[dict]:
    from app.outbox.tables import outbox

    query = sa.select(outbox).order_by(outbox.c.id)
    if campaign_id is not None:
        query = query.where(outbox.c.campaign_id == campaign_id)
    with ws.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def daytime_clock() -> Clock:
    """A real-time clock shifted so that it is 12:00 in Moscow now (quiet hours stay out of the way)."""
    real = datetime.now(UTC)
    noon = real.replace(hour=9, minute=0, second=0, microsecond=0)
    return ShiftedClock(noon - real)


class ShiftedClock(Clock):
    """Real time plus a fixed offset (retries fall due as real time passes)."""

    def __init__(self, offset: timedelta) -> None:
        super().__init__(datetime.now(UTC))
        self.offset = offset

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset
