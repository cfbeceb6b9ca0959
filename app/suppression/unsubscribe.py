"""Unsubscribing a contact from one channel by a signed token (link, one-click POST or mailto)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.campaigns.render import read_unsubscribe_token, unsubscribe_secret
from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import contacts
from app.outbox.tables import outbox
from app.suppression.store import insert_missing

__all__ = ["resolve_token", "unsubscribe_contact"]


def resolve_token(engine: Engine, token: str, secret: bytes | None = None) -> tuple[int, str] | None:
    """(contact id, channel) for a genuine token, None for a forged or damaged one."""
    if not token or len(token) > 200:
        return None
    return read_unsubscribe_token(secret or unsubscribe_secret(engine), token)


def unsubscribe_contact(engine: Engine, contact_id: int, channel: str, *, source: str,
                        now: datetime | None = None) -> list[str]:
    """Suppress the contact's address on `channel`, and every address we used to reach them
    there (the letter may have gone to an address since changed); idempotent. Returns the
    addresses now suppressed."""
    now = now or datetime.now(UTC)
    column = contacts.c.email if channel == "email" else contacts.c.phone
    conn = engine.connect()
    if is_sqlite(engine):
        conn = conn.execution_options(**BEGIN_IMMEDIATE)
    with conn, conn.begin():
        addresses = {a for (a,) in conn.execute(sa.select(column).where(contacts.c.id == contact_id)) if a}
        addresses |= {a for (a,) in conn.execute(sa.select(outbox.c.address).distinct().where(
            outbox.c.contact_id == contact_id, outbox.c.channel == channel)) if a}
        insert_missing(conn, [(channel, a, "unsubscribed", source) for a in sorted(addresses)], now)
    return sorted(addresses)
