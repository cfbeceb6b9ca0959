"""Test data for the receiver: provider accounts pointing at the fakes, and sent outbox rows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa

from app.db.schema import contacts, suppressions
from app.outbox.tables import delivery_events, outbox
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.workspace import Workspace


def account(ws: Workspace, name: str, type_name: str, url: str, *, options: dict | None = None,
            secrets: dict | None = None) -> str:
    add_provider(ws.engine, SecretStore(ws.root), name, type_name, base_url=url, options=options or {},
                 secrets=secrets or {})
    return name


def contact(ws: Workspace, *, email: str | None = None, phone: str | None = None) -> int:
    now = datetime.now(UTC)
    with ws.engine.begin() as conn:
        return conn.execute(contacts.insert().values(email=email, phone=phone, custom={}, search_text="",
                                                     created_at=now, updated_at=now)).inserted_primary_key[0]


def sent_row(ws: Workspace, *, provider: str, channel: str, address: str, provider_message_id: str | None,
             message_id: str | None = None, contact_id: int | None = None, state: str = "sent") -> tuple[int, str]:
    """An outbox row as the engine leaves it after the provider accepted it; (id, message id)."""
    now = datetime.now(UTC)
    message_id = message_id or uuid.uuid4().hex
    with ws.engine.begin() as conn:
        row_id = conn.execute(outbox.insert().values(
            message_id=message_id, step_ref=f"test:{message_id}", contact_id=contact_id, channel=channel,
            provider=provider, address=address, state=state, attempts=1, next_attempt_at=now, sent_at=now,
            provider_message_id=provider_message_id, created_at=now, updated_at=now)).inserted_primary_key[0]
    return row_id, message_id


def row(ws: Workspace, row_id: int) -> dict:
    with ws.engine.connect() as conn:
        return dict(conn.execute(sa.select(outbox).where(outbox.c.id == row_id)).mappings().one())


def events(ws: Workspace, row_id: int) -> list[tuple[str, str]]:
    with ws.engine.connect() as conn:
        return [(r.status, r.source) for r in conn.execute(
            sa.select(delivery_events).where(delivery_events.c.outbox_id == row_id).order_by(delivery_events.c.id))]


def all_events(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(delivery_events)).scalar()


def suppressed(ws: Workspace) -> set[tuple[str, str, str]]:
    with ws.engine.connect() as conn:
        return {(r.channel, r.address, r.reason) for r in conn.execute(sa.select(suppressions))}
