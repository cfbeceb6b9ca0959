"""Contacts for "preview as" and the dry run: the whole base or one list, as render-ready dicts.

`app.contacts.query` serves the contacts screen (rows shaped for a table); rendering needs
every column plus the `custom` dict, so this small reader takes the rows straight from the
`contacts` table, in id order, a batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.contacts.query import ContactsQuery, NamedCount
from app.db.schema import contacts, list_members

__all__ = ["SAMPLE_CONTACT", "Audience"]

#: Shown when the base is still empty, so the preview is never blank.
SAMPLE_CONTACT: dict[str, Any] = {
    "id": None, "first_name": "Иван", "last_name": "Петров", "middle_name": "Сергеевич",
    "email": "ivan.petrov@example.ru", "phone": "+79161234567", "city": "Москва", "gender": "m",
    "birthday": None, "custom": {"bonus": 350},
}


class Audience:
    """The contacts a template is previewed and checked with: all of them, or one list's members."""

    def __init__(self, engine: Engine, list_id: int | None = None) -> None:
        self.engine = engine
        self.list_id = list_id

    def _where(self, query: sa.Select) -> sa.Select:
        if self.list_id is None:
            return query
        members = sa.select(list_members.c.contact_id).where(list_members.c.list_id == self.list_id)
        return query.where(contacts.c.id.in_(members))

    def count(self) -> int:
        """How many contacts the audience holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(self._where(sa.select(sa.func.count()).select_from(contacts))).scalar_one())

    def contact_at(self, offset: int) -> dict[str, Any] | None:
        """The contact at `offset` (0-based, id order), or None past the end."""
        query = self._where(sa.select(contacts)).order_by(contacts.c.id).offset(max(0, offset)).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return dict(row) if row is not None else None

    def iter_contacts(self, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every contact as a dict, by id, read in batches (keyset paging: no long-held cursor)."""
        last = 0
        while True:
            query = self._where(sa.select(contacts)).where(contacts.c.id > last).order_by(contacts.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(query).mappings()]
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1]["id"]

    @staticmethod
    def lists(engine: Engine) -> list[NamedCount]:
        """Every contact list with its size (for the audience chooser)."""
        return ContactsQuery(engine).lists()
