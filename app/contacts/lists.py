"""Static lists and tags: get-or-create by name, add members and tag contacts in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from app.db.bulk import Bulk
from app.db.schema import contact_tags, contacts, list_members, lists, tags
from app.errors import UserInputError

__all__ = ["add_members", "get_or_create_list", "get_or_create_tags", "list_summaries", "tag_contacts"]


def get_or_create_list(conn: sa.Connection, name: str) -> int:
    """The id of the list called `name`, created if missing."""
    name = " ".join(name.split())
    if not name:
        raise UserInputError("a list needs a name")
    found = conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return int(conn.execute(sa.insert(lists).values(name=name, created_at=dt.datetime.now(dt.UTC))).inserted_primary_key[0])


def add_members(conn: sa.Connection, list_id: int, contact_ids: Iterable[int]) -> None:
    """Put the contacts in the list; contacts already in it stay as they are."""
    bulk = Bulk(conn)
    now = bulk.ts(dt.datetime.now(dt.UTC))
    ids = set(contact_ids)
    if not bulk.sqlite:
        present = set(conn.execute(sa.select(list_members.c.contact_id).where(list_members.c.list_id == list_id)).scalars())
        ids -= present
    bulk.insert(list_members, ("list_id", "contact_id", "added_at"), [(list_id, cid, now) for cid in sorted(ids)], ignore=True)


def get_or_create_tags(conn: sa.Connection, names: Iterable[str]) -> dict[str, int]:
    """Tag name -> id for every name, creating the missing tags."""
    wanted = {" ".join(n.split()) for n in names} - {""}
    if not wanted:
        return {}
    found = dict(conn.execute(sa.select(tags.c.name, tags.c.id).where(tags.c.name.in_(sorted(wanted)))).all())
    for name in sorted(wanted - found.keys()):
        found[name] = int(conn.execute(sa.insert(tags).values(name=name)).inserted_primary_key[0])
    return found


def tag_contacts(conn: sa.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """Attach tags given as (contact_id, tag_id) pairs; pairs already present are kept."""
    bulk = Bulk(conn)
    rows = sorted(set(pairs))
    if rows and not bulk.sqlite:
        present = {tuple(r) for r in conn.execute(sa.select(contact_tags.c.contact_id, contact_tags.c.tag_id))}
        rows = [r for r in rows if r not in present]
    bulk.insert(contact_tags, ("contact_id", "tag_id"), rows, ignore=True)


def list_summaries(conn: sa.Connection) -> list[dict[str, object]]:
    """Every list with its member count, by name."""
    count = sa.func.count(list_members.c.contact_id)
    query = (
        sa.select(lists.c.id, lists.c.name, lists.c.created_at, count.label("members"))
        .select_from(lists.outerjoin(list_members, list_members.c.list_id == lists.c.id))
        .group_by(lists.c.id, lists.c.name, lists.c.created_at)
        .order_by(lists.c.name)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def contacts_in_list(conn: sa.Connection, name: str) -> sa.Select:
    """A query of the contacts in the list called `name`; NotFoundError if there is none."""
    from app.errors import NotFoundError

    list_id = conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar()
    if list_id is None:
        raise NotFoundError(f"there is no list called {name!r}")
    return sa.select(contacts).join(list_members, list_members.c.contact_id == contacts.c.id).where(
        list_members.c.list_id == list_id
    )
