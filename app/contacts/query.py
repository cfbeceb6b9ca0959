"""Reading and editing contacts for the contacts screen: filtered pages, details, edits, deletes.

Quick search is shaped for a million-row base (measured in bench/contacts_screen_bench.py):
a phone typed any way becomes a prefix range on the unique `phone` index, text with "@" a
prefix range on the `email` index; anything else is a substring test of every word against
the lower-cased `search_text`, a full scan (≈ 250 ms per million rows on a 2-core machine)
that stops early once a page is filled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.contacts.edit import Changes, ContactEdit, FieldError, delete_contacts, update_contact
from app.db.engine import is_sqlite
from app.db.schema import CHANNELS, consents, contact_tags, contacts, list_members, lists, suppressions, tags
from app.exports import write_table

__all__ = [
    "SORT_KEYS",
    "Changes",
    "ContactEdit",
    "FieldError",
    "ConsentInfo",
    "ContactDetail",
    "ContactFilter",
    "ContactRow",
    "ContactsQuery",
    "NamedCount",
    "phone_prefixes",
    "search_condition",
    "search_kind",
]

#: Sortable columns of the screen. "created" sorts by id: ids are handed out in creation order.
SORT_KEYS = ("name", "phone", "email", "city", "birthday", "created")

_c = contacts.c
_SORT_COLUMNS: dict[str, tuple[sa.ColumnElement[Any], ...]] = {
    "name": (_c.last_name, _c.first_name, _c.middle_name, _c.id),
    "phone": (_c.phone, _c.id),
    "email": (_c.email, _c.id),
    "city": (_c.city, _c.id),
    "birthday": (_c.birthday, _c.id),
    "created": (_c.id,),
}
# Sorts SQLite can read off an index (phone/email are unique, last_name is indexed); the others
# (city, birthday) sort the whole filtered table.
_INDEXED_SORTS = frozenset({"name", "phone", "email", "created"})
_PHONE_TYPED = re.compile(r"^\+?[\d\s().\-]+$")


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts the table shows and in what order."""

    search: str = ""
    list_id: int | None = None
    tag_id: int | None = None
    sort: str = "created"
    descending: bool = False


@dataclass(frozen=True)
class ContactRow:
    """One table row."""

    id: int
    last_name: str | None
    first_name: str | None
    middle_name: str | None
    phone: str | None
    email: str | None
    city: str | None
    birthday: dt.date | None
    tags: tuple[str, ...]
    created_at: dt.datetime

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(frozen=True)
class ConsentInfo:
    """Consent of one contact on one channel."""

    channel: str
    status: str
    source: str | None
    recorded_at: dt.datetime


@dataclass(frozen=True)
class ContactDetail:
    """Everything known about one contact, for the detail panel and the edit dialog."""

    row: ContactRow
    gender: str | None
    timezone: str | None
    external_id: str | None
    source: str | None
    custom: dict[str, Any]
    updated_at: dt.datetime
    consents: tuple[ConsentInfo, ...]
    suppressed: tuple[tuple[str, str], ...]  # (channel, reason)
    lists: tuple[str, ...]


@dataclass(frozen=True)
class NamedCount:
    """A list or tag with the number of contacts in it."""

    id: int
    name: str
    count: int


def phone_prefixes(text: str) -> list[str]:
    """E.164 prefixes a phone typed any way may start with ("8 (912) 34" → "+791234", ...).

    Without "+", a leading 8 or 7 is read as the Russian trunk/country code and the digits
    are also tried as a national number, so "812 55" finds both +781255… and +71255….
    """
    digits = re.sub(r"\D", "", text)
    if not digits:
        return []
    if text.lstrip().startswith("+"):
        return ["+" + digits]
    found = ["+7" + digits]
    if digits[0] == "8":
        found.insert(0, "+7" + digits[1:])
    else:
        found.append("+" + digits)
    return list(dict.fromkeys(found))


def _prefix(column: sa.ColumnElement[Any], prefix: str, upper: str, sqlite: bool) -> sa.ColumnElement[bool]:
    if sqlite:
        # A range instead of LIKE 'x%', which SQLite (case-insensitive LIKE) cannot serve from the index.
        return sa.and_(column >= prefix, column < prefix + upper)
    # Elsewhere collation rules make ranges unreliable; LIKE 'x%' is exact.
    return column.startswith(prefix, autoescape=True)


def search_kind(text: str) -> str:
    """How a quick search runs: "none", "phone" or "email" (index ranges), or "text" (a scan)."""
    text = text.strip()
    if not text:
        return "none"
    if _PHONE_TYPED.match(text) and len(re.sub(r"\D", "", text)) >= 3:
        return "phone"
    return "email" if "@" in text else "text"


def search_condition(text: str, *, sqlite: bool = True) -> sa.ColumnElement[bool] | None:
    """The WHERE clause of a quick search, or None for an empty search."""
    kind = search_kind(text)
    text = text.strip()
    if kind == "none":
        return None
    if kind == "phone":
        return sa.or_(*(_prefix(_c.phone, p, ":", sqlite) for p in phone_prefixes(text)))
    lowered = text.lower()
    if kind == "email":
        return _prefix(_c.email, lowered, "\U0010ffff", sqlite)
    words = lowered.split()
    if sqlite:  # instr() is a plain byte search, a little faster than LIKE '%x%' on a full scan
        return sa.and_(*(sa.func.instr(_c.search_text, w) > 0 for w in words))
    return sa.and_(*(_c.search_text.contains(w, autoescape=True) for w in words))


class ContactsQuery:
    """The contacts screen's window on the database (reads are quick and run on the caller's thread)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sqlite = is_sqlite(engine)

    def _where(self, flt: ContactFilter) -> list[sa.ColumnElement[bool]]:
        where: list[sa.ColumnElement[bool]] = []
        cond = search_condition(flt.search, sqlite=self._sqlite)
        if cond is not None:
            where.append(cond)
        if flt.list_id is not None:
            where.append(_c.id.in_(sa.select(list_members.c.contact_id).where(list_members.c.list_id == flt.list_id)))
        if flt.tag_id is not None:
            where.append(_c.id.in_(sa.select(contact_tags.c.contact_id).where(contact_tags.c.tag_id == flt.tag_id)))
        return where

    def count(self, flt: ContactFilter = ContactFilter()) -> int:
        """How many contacts match the filter."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(contacts).where(*self._where(flt))).scalar_one())

    def count_is_quick(self, flt: ContactFilter) -> bool:
        """True when counting needs no scan of the whole table (no free-text search)."""
        return search_kind(flt.search) != "text"

    def page_is_quick(self, flt: ContactFilter) -> bool:
        """True when a page comes straight off an index: no free-text scan, an indexed sort order."""
        return self.count_is_quick(flt) and flt.sort in _INDEXED_SORTS

    def total(self) -> int:
        """How many contacts the base holds."""
        return self.count(ContactFilter())

    def page_ids(self, flt: ContactFilter, offset: int, limit: int) -> list[int]:
        """Ids of the matching contacts in display order, `limit` of them from `offset`."""
        order = [col.desc() if flt.descending else col.asc() for col in _SORT_COLUMNS.get(flt.sort, (_c.id,))]
        query = sa.select(_c.id).where(*self._where(flt)).order_by(*order).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def rows(self, ids: Sequence[int]) -> dict[int, ContactRow]:
        """Display rows of the given contacts (missing ids, e.g. just deleted, are left out)."""
        if not ids:
            return {}
        cols = (_c.id, _c.last_name, _c.first_name, _c.middle_name, _c.phone, _c.email, _c.city, _c.birthday, _c.created_at)
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(*cols).where(_c.id.in_(ids))).all()
            names = self._tags_of(conn, ids)
        return {r.id: ContactRow(*r[:8], tags=names.get(r.id, ()), created_at=r.created_at) for r in found}

    @staticmethod
    def _tags_of(conn: sa.Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        query = (sa.select(contact_tags.c.contact_id, tags.c.name).join(tags, tags.c.id == contact_tags.c.tag_id)
                 .where(contact_tags.c.contact_id.in_(ids)).order_by(tags.c.name))
        found: dict[int, list[str]] = {}
        for contact_id, name in conn.execute(query):
            found.setdefault(contact_id, []).append(name)
        return {k: tuple(v) for k, v in found.items()}

    def detail(self, contact_id: int) -> ContactDetail | None:
        """All about one contact, or None when it no longer exists."""
        with self.engine.connect() as conn:
            rec = conn.execute(sa.select(contacts).where(_c.id == contact_id)).first()
            if rec is None:
                return None
            names = self._tags_of(conn, [contact_id])
            cons = conn.execute(sa.select(consents.c.channel, consents.c.status, consents.c.source,
                                          consents.c.recorded_at).where(consents.c.contact_id == contact_id)).all()
            in_lists = conn.execute(sa.select(lists.c.name).join(list_members, list_members.c.list_id == lists.c.id)
                                    .where(list_members.c.contact_id == contact_id).order_by(lists.c.name)).scalars()
            addresses = [a for a in (rec.phone, rec.email) if a]
            supp = conn.execute(sa.select(suppressions.c.channel, suppressions.c.reason)
                                .where(suppressions.c.address.in_(addresses))).all()
            in_lists = tuple(in_lists)
        order = {ch: i for i, ch in enumerate(CHANNELS)}
        row = ContactRow(rec.id, rec.last_name, rec.first_name, rec.middle_name, rec.phone, rec.email, rec.city,
                         rec.birthday, names.get(contact_id, ()), rec.created_at)
        return ContactDetail(
            row=row, gender=rec.gender, timezone=rec.timezone, external_id=rec.external_id, source=rec.source,
            custom=dict(rec.custom or {}), updated_at=rec.updated_at,
            consents=tuple(ConsentInfo(*c) for c in sorted(cons, key=lambda c: order.get(c.channel, 99))),
            suppressed=tuple((s.channel, s.reason) for s in supp), lists=in_lists,
        )

    def lists(self) -> list[NamedCount]:
        """Every list with its member count, by name."""
        query = (sa.select(lists.c.id, lists.c.name, sa.func.count(list_members.c.contact_id))
                 .outerjoin(list_members, list_members.c.list_id == lists.c.id).group_by(lists.c.id, lists.c.name)
                 .order_by(lists.c.name))
        with self.engine.connect() as conn:
            return [NamedCount(*r) for r in conn.execute(query)]

    def tags(self) -> list[NamedCount]:
        """Every tag with the number of contacts carrying it, by name."""
        query = (sa.select(tags.c.id, tags.c.name, sa.func.count(contact_tags.c.contact_id))
                 .outerjoin(contact_tags, contact_tags.c.tag_id == tags.c.id).group_by(tags.c.id, tags.c.name)
                 .order_by(tags.c.name))
        with self.engine.connect() as conn:
            return [NamedCount(*r) for r in conn.execute(query)]

    def export_rows(self, ids: Iterable[int], batch: int = 500) -> Iterator[list[Any]]:
        """Rows for an export, in the order of `ids`: last, first, middle, phone, email, city, birthday, tags, created."""
        ids = list(ids)
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            found = self.rows(chunk)
            for cid in chunk:
                r = found.get(cid)
                if r is not None:
                    yield [r.last_name, r.first_name, r.middle_name, r.phone, r.email, r.city, r.birthday,
                           ", ".join(r.tags), r.created_at]

    def export(self, path: str | Path, header: Sequence[str], ids: Iterable[int]) -> Path:
        """Write the given contacts to .xlsx or .csv (chosen by suffix), formula-safe."""
        return write_table(path, header, self.export_rows(ids), sheet="Contacts")

    def update_contact(self, contact_id: int, edit: ContactEdit) -> Changes:
        """Save an edit (see `app.contacts.edit.update_contact`)."""
        return update_contact(self.engine, contact_id, edit)

    def delete_contacts(self, ids: Iterable[int]) -> Changes:
        """Delete contacts (see `app.contacts.edit.delete_contacts`)."""
        return delete_contacts(self.engine, ids)
