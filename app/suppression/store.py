"""Adding, removing and listing suppressions (per channel: normalised email or E.164 phone).

A suppression is permanent until a person removes it: imports never clear it, and deleting
a contact keeps it (the table holds the address, not the contact). Adding an address that is
already suppressed keeps the first entry (its reason and date are the evidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import CHANNELS, suppressions
from app.errors import UserInputError

__all__ = [
    "REASONS",
    "SuppressionEntry",
    "add_suppression",
    "add_suppressions",
    "count_suppressions",
    "insert_missing",
    "is_suppressed",
    "list_suppressions",
    "normalise_address",
    "remove_suppression",
]

REASONS = ("unsubscribed", "bounced", "complained", "manual")


@dataclass(frozen=True)
class SuppressionEntry:
    """One suppressed address as shown to the user."""

    channel: str
    address: str
    reason: str
    source: str
    created_at: datetime


def normalise_address(channel: str, address: str) -> str:
    """The form the outbox stores: lower-case email, or E.164 phone; UserInputError if invalid."""
    if channel not in CHANNELS:
        raise UserInputError(f"unknown channel {channel!r}; one of: {', '.join(CHANNELS)}")
    value = (address or "").strip()
    if channel == "email":
        from app.contacts.normalize import check_email

        # The same check as the contact import, so a suppressed address matches the stored contact's.
        email, _problem = check_email(value)
        if email is None:
            raise UserInputError(f"not an email address: {address!r}")
        return email
    from app.contacts.normalize import check_phone

    phone, problem = check_phone(value)
    if phone is None:
        raise UserInputError(f"not a phone number: {address!r}" + (f" ({problem})" if problem else ""))
    return phone


def _check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise UserInputError(f"unknown reason {reason!r}; one of: {', '.join(REASONS)}")


def insert_missing(conn: Connection, items: Iterable[tuple[str, str, str, str]], now: datetime) -> int:
    """Insert (channel, address, reason, source) rows not yet suppressed, inside `conn`'s
    transaction; addresses must already be normalised. Returns how many were new."""
    wanted: dict[tuple[str, str], tuple[str, str]] = {}
    for channel, address, reason, source in items:
        _check_reason(reason)
        wanted.setdefault((channel, address), (reason, source))
    if not wanted:
        return 0
    existing: set[tuple[str, str]] = set()
    by_channel: dict[str, list[str]] = {}
    for channel, address in wanted:
        by_channel.setdefault(channel, []).append(address)
    for channel, addresses in by_channel.items():
        for start in range(0, len(addresses), 500):
            chunk = addresses[start:start + 500]
            existing |= {(channel, a) for (a,) in conn.execute(sa.select(suppressions.c.address).where(
                suppressions.c.channel == channel, suppressions.c.address.in_(chunk)))}
    rows = [{"channel": c, "address": a, "reason": r, "source": s, "created_at": now}
            for (c, a), (r, s) in wanted.items() if (c, a) not in existing]
    if rows:
        conn.execute(suppressions.insert(), rows)
    return len(rows)


def _write(engine: Engine) -> Connection:
    conn = engine.connect()
    return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(engine) else conn


def add_suppressions(engine: Engine, items: Iterable[tuple[str, str, str, str]], *,
                     now: datetime | None = None) -> int:
    """Suppress many (channel, address, reason, source) at once; returns how many were new."""
    normalised = [(c, normalise_address(c, a), r, s) for c, a, r, s in items]
    with _write(engine) as conn, conn.begin():
        return insert_missing(conn, normalised, now or datetime.now(UTC))


def add_suppression(engine: Engine, channel: str, address: str, reason: str = "manual", source: str = "manual", *,
                    now: datetime | None = None) -> bool:
    """Suppress one address; False when it was already suppressed (the first entry stays)."""
    _check_reason(reason)
    return add_suppressions(engine, [(channel, address, reason, source)], now=now) == 1


def remove_suppression(engine: Engine, channel: str, address: str, *, note: str = "",
                       now: datetime | None = None) -> bool:
    """Allow messages to the address again; False when it was not suppressed.

    The lifted entry and `note` (why: "asked to subscribe again on 12.03") are kept in
    `suppression_removals` as evidence."""
    from app.suppression.tables import suppression_removals

    value = normalise_address(channel, address)
    with _write(engine) as conn, conn.begin():
        row = conn.execute(sa.select(suppressions).where(suppressions.c.channel == channel,
                                                         suppressions.c.address == value)).first()
        if row is None:
            return False
        conn.execute(suppressions.delete().where(suppressions.c.id == row.id))
        conn.execute(suppression_removals.insert().values(
            channel=channel, address=value, reason=row.reason, source=row.source, suppressed_at=row.created_at,
            note=note.strip() or None, removed_at=now or datetime.now(UTC)))
        return True


def is_suppressed(engine: Engine, channel: str, address: str) -> bool:
    """Whether the address is on the channel's suppression list."""
    value = normalise_address(channel, address)
    with engine.connect() as conn:
        return conn.execute(sa.select(suppressions.c.id).where(
            suppressions.c.channel == channel, suppressions.c.address == value)).first() is not None


def _filtered(query: sa.Select, channel: str | None, reason: str | None, search: str | None) -> sa.Select:
    if channel is not None and channel not in CHANNELS:
        raise UserInputError(f"unknown channel {channel!r}; one of: {', '.join(CHANNELS)}")
    if reason is not None:
        _check_reason(reason)
    if channel:
        query = query.where(suppressions.c.channel == channel)
    if reason:
        query = query.where(suppressions.c.reason == reason)
    if search and search.strip():
        query = query.where(suppressions.c.address.contains(search.strip().lower(), autoescape=True))
    return query


def count_suppressions(engine: Engine, *, channel: str | None = None, reason: str | None = None,
                       search: str | None = None) -> int:
    """How many suppressions match the filters (for paging)."""
    query = _filtered(sa.select(sa.func.count()).select_from(suppressions), channel, reason, search)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def list_suppressions(engine: Engine, *, channel: str | None = None, reason: str | None = None,
                      search: str | None = None, limit: int | None = None,
                      offset: int = 0) -> list[SuppressionEntry]:
    """Suppressions, newest first, optionally filtered by channel, reason and address text."""
    query = _filtered(sa.select(suppressions).order_by(suppressions.c.created_at.desc(), suppressions.c.id.desc()),
                      channel, reason, search)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with engine.connect() as conn:
        return [SuppressionEntry(r.channel, r.address, r.reason, r.source or "", _utc(r.created_at))
                for r in conn.execute(query)]


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
