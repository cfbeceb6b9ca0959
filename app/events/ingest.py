"""Storing events with identity resolution, a whole batch in one transaction.

Who an event belongs to: the contact with that phone, else that email, else that external id,
else the contact its visitor id was linked to. A form or lead naming an unknown phone/email
creates the contact (source "website form"). Once an event names both a contact and a
visitor id, the visitor is linked and its earlier anonymous events move to the contact.
An event id already stored for the same source is skipped (retries are harmless).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from app.contacts.normalize import split_full_name
from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import contacts
from app.events.payload import EventIn
from app.events.tables import events, visitors

__all__ = ["CREATING_TYPES", "FORM_SOURCE", "TRACKER_SOURCE", "IngestResult", "store_batches", "store_events"]

#: Source of events posted with the public tracker token: anyone can read that token from the
#: site, so such events never add a phone or email to an existing contact.
TRACKER_SOURCE = "tracker"
#: Event types that may create a contact from an unknown phone or email.
CREATING_TYPES = ("form_submitted", "lead")
FORM_SOURCE = "website form"


@dataclass
class IngestResult:
    """What a batch did."""

    stored: int = 0
    duplicates: int = 0
    contacts_created: int = 0
    visitors_linked: int = 0


class _Resolver:
    """Finds contacts for a batch with one query per identity kind, then dictionary look-ups."""

    def __init__(self, conn: sa.Connection, now: dt.datetime, batch: list[EventIn], *, complete: bool) -> None:
        self.conn = conn
        self.complete = complete
        self.now = now
        self.result = IngestResult()
        self.pending: list[dict[str, Any]] = []
        self.by: dict[str, dict[str, int]] = {}
        for name, column in (("phone", contacts.c.phone), ("email", contacts.c.email),
                             ("external_id", contacts.c.external_id)):
            wanted = sorted({getattr(e, name) for e in batch if getattr(e, name)})
            found: dict[str, int] = {}
            for start in range(0, len(wanted), 500):
                rows = conn.execute(sa.select(column, contacts.c.id).where(column.in_(wanted[start:start + 500]))
                                    .order_by(contacts.c.id.desc()))
                found.update({value: int(cid) for value, cid in rows})  # lowest id wins for shared external ids
            self.by[name] = found
        wanted = sorted({e.visitor_id for e in batch if e.visitor_id})
        self.visitor_cache: dict[str, int | None] = dict.fromkeys(wanted)
        for start in range(0, len(wanted), 500):
            self.visitor_cache.update({v: int(c) for v, c in conn.execute(
                sa.select(visitors.c.visitor_id, visitors.c.contact_id)
                .where(visitors.c.visitor_id.in_(wanted[start:start + 500])))})

    def _find(self, kind: str, value: str | None) -> int | None:
        return self.by[kind].get(value) if value else None

    def contact_for(self, event: EventIn) -> int | None:
        contact_id = (self._find("phone", event.phone) or self._find("email", event.email)
                      or self._find("external_id", event.external_id))
        if contact_id is None and (event.phone or event.email) and event.type in CREATING_TYPES:
            contact_id = self._create(event)
        if self.complete and contact_id is not None and event.phone and event.email:
            self._fill_missing(contact_id, event)
        if event.visitor_id:
            if contact_id is not None:
                self._link(event.visitor_id, contact_id)
            else:
                contact_id = self._visitor(event.visitor_id)
        return contact_id

    def _fill_missing(self, contact_id: int, event: EventIn) -> None:
        # A form that reveals a second identity (email of a known phone) completes the contact,
        # unless another contact already owns that address (the UNIQUE columns).
        for column, value in ((contacts.c.email, event.email), (contacts.c.phone, event.phone)):
            if self._find(column.name, value) is None:
                done = self.conn.execute(contacts.update().where(contacts.c.id == contact_id, column.is_(None))
                                         .values({column.name: value, "updated_at": self.now})).rowcount
                if done:
                    self.by[column.name][value] = contact_id

    def _create(self, event: EventIn) -> int:
        last, first, middle = split_full_name(event.name) if event.name else (None, None, None)
        parts = (last, first, middle, event.email, event.phone[1:] if event.phone else None)
        values = {"phone": event.phone, "email": event.email, "external_id": event.external_id, "last_name": last,
                  "first_name": first, "middle_name": middle, "custom": {}, "source": FORM_SOURCE,
                  "search_text": " ".join(p for p in parts if p).lower(), "created_at": self.now, "updated_at": self.now}
        self.result.contacts_created += 1
        contact_id = int(self.conn.execute(contacts.insert().values(values)).inserted_primary_key[0])
        for kind in ("phone", "email", "external_id"):
            if getattr(event, kind):
                self.by[kind].setdefault(getattr(event, kind), contact_id)
        return contact_id

    def _visitor(self, visitor_id: str) -> int | None:
        return self.visitor_cache.get(visitor_id)

    def _link(self, visitor_id: str, contact_id: int) -> None:
        current = self._visitor(visitor_id)
        if current == contact_id:
            return
        if current is None:
            self.conn.execute(visitors.insert().values(visitor_id=visitor_id, contact_id=contact_id, linked_at=self.now))
            self.result.visitors_linked += 1
        else:
            # A shared browser now used by someone else: their future visits are theirs,
            # the earlier events stay with the first person.
            self.conn.execute(visitors.update().where(visitors.c.visitor_id == visitor_id)
                              .values(contact_id=contact_id, linked_at=self.now))
        self.visitor_cache[visitor_id] = contact_id
        self.conn.execute(events.update().where(events.c.visitor_id == visitor_id, events.c.contact_id.is_(None))
                          .values(contact_id=contact_id))
        for row in self.pending:  # earlier events of this same batch, not inserted yet
            if row["visitor_id"] == visitor_id and row["contact_id"] is None:
                row["contact_id"] = contact_id


def _properties(event: EventIn, contact_id: int | None) -> dict[str, Any]:
    if contact_id is not None:
        return event.properties
    # Keep who it was about, so an unknown caller's events can be matched by hand later.
    extra = {k: v for k, v in (("phone", event.phone), ("email", event.email), ("external_id", event.external_id))
             if v and k not in event.properties}
    return {**event.properties, **extra} if extra else event.properties


def store_events(engine: Engine, batch: list[EventIn], *, source: str = "api",
                 now: dt.datetime | None = None) -> IngestResult:
    """Store validated events atomically (all or nothing); duplicates by (source, id) are skipped."""
    return store_batches(engine, [batch], source=source, now=now)[0]


def store_batches(engine: Engine, batches: list[list[EventIn]], *, source: str = "api",
                  now: dt.datetime | None = None) -> list[IngestResult]:
    """Store several requests' batches in ONE transaction (one disk sync); a result per batch."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        return _store(engine, batches, source, now)
    except IntegrityError:
        # Another writer stored the same event id (or created the same contact) meanwhile:
        # the second attempt sees it and skips or reuses it.
        return _store(engine, batches, source, now)


def _store(engine: Engine, batches: list[list[EventIn]], source: str, now: dt.datetime) -> list[IngestResult]:
    everything = [e for batch in batches for e in batch]
    keys = sorted({e.key for e in everything if e.key})
    conn = engine.connect()
    if is_sqlite(engine):
        conn = conn.execution_options(**BEGIN_IMMEDIATE)
    results = []
    with conn, conn.begin():
        seen: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            seen.update(conn.execute(sa.select(events.c.key).where(events.c.source == source,
                                                                   events.c.key.in_(chunk))).scalars())
        resolver = _Resolver(conn, now, everything, complete=source != TRACKER_SOURCE)
        rows = resolver.pending
        for batch in batches:
            result = resolver.result = IngestResult()
            for event in batch:
                if event.key and event.key in seen:
                    result.duplicates += 1
                    continue
                if event.key:
                    seen.add(event.key)
                contact_id = resolver.contact_for(event)
                rows.append({"contact_id": contact_id, "visitor_id": event.visitor_id, "type": event.type,
                             "properties": _properties(event, contact_id), "occurred_at": event.occurred_at or now,
                             "received_at": now, "source": source, "key": event.key})
                result.stored += 1
            results.append(result)
        if rows:
            conn.execute(events.insert(), rows)
    return results
