"""Reading and editing contacts for the contacts screen: filtered pages, details, edits, deletes.

Quick search is shaped for a million-row base (measured in bench/contacts_screen_bench.py):
a phone typed any way becomes a prefix range on the unique `phone` index, text with "@" a
prefix range on the `email` index; anything else is a substring test of every word against
the lower-cased `search_text`, a full scan that stops early once a page is filled; on SQLite
two threads scan one half of the ids each (≈ 250 ms per million rows on one thread).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.contacts import search
from app.contacts.edit import Changes, ContactEdit, FieldError, delete_contacts, update_contact
from app.contacts.search import phone_prefixes, search_condition, search_kind
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
        if self._split(flt):
            return sum(self._halves(lambda where: self._count(flt, where)))
        return self._count(flt, [])

    def _count(self, flt: ContactFilter, extra: list[sa.ColumnElement[bool]]) -> int:
        with self.engine.connect() as conn:
            query = sa.select(sa.func.count()).select_from(contacts).where(*self._where(flt), *extra)
            return int(conn.execute(query).scalar_one())

    def _split(self, flt: ContactFilter) -> bool:
        """A free-text search scans every row: on SQLite two threads scan one half of the ids each
        (sqlite3 lets go of the GIL while it steps), about twice as fast on two cores."""
        return self._sqlite and search_kind(flt.search) == "text"

    def _halves(self, run: Callable[[list[sa.ColumnElement[bool]]], Any]) -> list[Any]:
        """`run` over the lower and the upper half of the id range, at the same time."""
        with self.engine.connect() as conn:
            # Two scalar subqueries: SQLite answers each from the end of the rowid tree, while
            # min() and max() in one SELECT would scan the table.
            low, high = conn.execute(sa.select(sa.select(sa.func.min(_c.id)).scalar_subquery(),
                                               sa.select(sa.func.max(_c.id)).scalar_subquery())).one()
        if low is None or high - low < search.SPLIT_FROM:
            return [run([])]
        middle = (low + high) // 2
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-scan") as pool:
            upper = pool.submit(run, [_c.id > middle])
            lower = run([_c.id <= middle])
            return [lower, upper.result()]

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
        if self._split(flt) and flt.sort == "created":
            # Each half in id order: the lower half's matches come first (last when descending).
            parts = self._halves(lambda where: self._page(flt, where, 0, offset + limit))
            found = [i for part in (reversed(parts) if flt.descending else parts) for i in part]
            return found[offset : offset + limit]
        return self._page(flt, [], offset, limit)

    def _page(self, flt: ContactFilter, extra: list[sa.ColumnElement[bool]], offset: int, limit: int) -> list[int]:
        order = [col.desc() if flt.descending else col.asc() for col in _SORT_COLUMNS.get(flt.sort, (_c.id,))]
        query = sa.select(_c.id).where(*self._where(flt), *extra).order_by(*order).offset(offset).limit(limit)
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
