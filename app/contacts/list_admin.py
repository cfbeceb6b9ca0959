"""Managing static lists as a whole: overview with counts, create, rename, duplicate, delete, export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.contacts.query import ContactsQuery
from app.db.schema import contacts, list_members, lists
from app.errors import NotFoundError, UserInputError

__all__ = ["EXPORT_HEADER", "ListInfo", "create_list", "delete_list", "duplicate_list", "export_list",
           "list_contacts", "list_overview", "rename_list"]

#: Column titles of an exported list (the screen may pass translated ones).
EXPORT_HEADER = ("Фамилия", "Имя", "Отчество", "Телефон", "E-mail", "Город", "День рождения", "Теги", "Добавлен")


@dataclass(frozen=True)
class ListInfo:
    """A static list and how many contacts it holds."""

    id: int
    name: str
    members: int


def _clean(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise UserInputError("a list needs a name")
    if len(name) > 200:
        raise UserInputError("a list name is at most 200 characters")
    return name


def _ensure_free(conn: sa.Connection, name: str, except_id: int | None = None) -> None:
    found = conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar()
    if found is not None and found != except_id:
        raise UserInputError(f"a list called {name!r} already exists")


def _ensure_exists(conn: sa.Connection, list_id: int) -> str:
    name = conn.execute(sa.select(lists.c.name).where(lists.c.id == list_id)).scalar()
    if name is None:
        raise NotFoundError(f"list #{list_id} no longer exists")
    return str(name)


def list_overview(engine: Engine) -> list[ListInfo]:
    """Every list with its member count, by name."""
    return [ListInfo(n.id, n.name, n.count) for n in ContactsQuery(engine).lists()]


def create_list(engine: Engine, name: str) -> int:
    """Create an empty list; UserInputError when the name is empty or taken."""
    name = _clean(name)
    with engine.begin() as conn:
        _ensure_free(conn, name)
        return int(conn.execute(sa.insert(lists).values(name=name, created_at=dt.datetime.now(dt.UTC)))
                   .inserted_primary_key[0])


def rename_list(engine: Engine, list_id: int, name: str) -> None:
    """Give the list a new name (members stay)."""
    name = _clean(name)
    with engine.begin() as conn:
        _ensure_exists(conn, list_id)
        _ensure_free(conn, name, except_id=list_id)
        conn.execute(sa.update(lists).where(lists.c.id == list_id).values(name=name))


def duplicate_list(engine: Engine, list_id: int, name: str) -> int:
    """A new list called `name` with the same members; returns its id."""
    name = _clean(name)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        _ensure_exists(conn, list_id)
        _ensure_free(conn, name)
        new_id = int(conn.execute(sa.insert(lists).values(name=name, created_at=now)).inserted_primary_key[0])
        # One INSERT … SELECT: members never travel through Python, so a huge list copies quickly.
        conn.execute(sa.insert(list_members).from_select(
            ["list_id", "contact_id", "added_at"],
            sa.select(sa.literal(new_id), list_members.c.contact_id, sa.literal(now, type_=list_members.c.added_at.type))
            .where(list_members.c.list_id == list_id)))
        return new_id


def delete_list(engine: Engine, list_id: int) -> None:
    """Delete the list (its contacts stay in the base)."""
    with engine.begin() as conn:
        _ensure_exists(conn, list_id)
        conn.execute(sa.delete(list_members).where(list_members.c.list_id == list_id))
        conn.execute(sa.delete(lists).where(lists.c.id == list_id))


def _member_ids(conn: sa.Connection, list_id: int, limit: int | None = None) -> list[int]:
    query = (sa.select(list_members.c.contact_id).where(list_members.c.list_id == list_id)
             .order_by(list_members.c.contact_id))
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).scalars())


def list_contacts(engine: Engine, list_id: int, *, limit: int = 50) -> list[dict[str, object]]:
    """The first `limit` members as contact rows (dicts of the contacts table's columns), by id."""
    with engine.connect() as conn:
        _ensure_exists(conn, list_id)
        query = (sa.select(contacts).join(list_members, list_members.c.contact_id == contacts.c.id)
                 .where(list_members.c.list_id == list_id).order_by(contacts.c.id).limit(limit))
        return [dict(row._mapping) for row in conn.execute(query)]


def export_list(engine: Engine, list_id: int, path: str | Path, header: Sequence[str] = EXPORT_HEADER) -> int:
    """Write the list's members to .xlsx or .csv (by suffix); returns how many were written."""
    with engine.connect() as conn:
        _ensure_exists(conn, list_id)
        ids = _member_ids(conn, list_id)
    ContactsQuery(engine).export(path, header, ids)
    return len(ids)
