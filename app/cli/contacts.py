"""`contacts count|show|export` and `lists`: looking at the contact base from the shell."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.cli import emit
from app.contacts.lists import contacts_in_list, list_summaries
from app.contacts.normalize import normalize_email, normalize_phone
from app.db.schema import consents, contact_tags, contacts, list_members, lists, suppressions, tags
from app.errors import NotFoundError, UserInputError
from app.exports import write_table
from app.workspace import Workspace

__all__ = ["EXPORT_FIELDS", "register"]

EXPORT_FIELDS = ("id", "phone", "email", "last_name", "first_name", "middle_name", "gender", "city", "birthday",
                 "timezone", "external_id", "source", "created_at", "updated_at")


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("contacts", parents=[parent], help="count, show and export contacts")
    sub = p.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    count = sub.add_parser("count", parents=[parent], help="number of contacts")
    count.add_argument("--json", action="store_true")
    count.set_defaults(handler=_count)
    show = sub.add_parser("show", parents=[parent], help="one contact by phone (any format) or email")
    show.add_argument("key", metavar="PHONE|EMAIL")
    show.add_argument("--region", default="RU", help="region for a phone without a country code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    export = sub.add_parser("export", parents=[parent], help="export contacts to .xlsx or .csv")
    export.add_argument("path", metavar="PATH")
    export.add_argument("--list", dest="list_name", metavar="NAME", help="only the members of this list")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=_export)
    lists_p = subparsers.add_parser("lists", parents=[parent], help="static lists and their sizes")
    lists_p.add_argument("--json", action="store_true")
    lists_p.set_defaults(handler=_lists)


def _count(args: argparse.Namespace, workspace: Workspace) -> int:
    with workspace.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar_one()
    emit(args, {"ok": True, "contacts": total}, str(total))
    return 0


def _find(conn: sa.Connection, key: str, region: str) -> dict[str, Any]:
    if "@" in key:
        address = normalize_email(key)
        if address is None:
            raise UserInputError(f"{key!r} is not a valid email address")
        where = contacts.c.email == address
    else:
        phone = normalize_phone(key, region)
        if phone is None:
            raise UserInputError(f"{key!r} is neither a valid phone number nor an email address")
        where = contacts.c.phone == phone
    row = conn.execute(sa.select(contacts).where(where)).mappings().first()
    if row is None:
        raise NotFoundError(f"no contact with {key!r}")
    return dict(row)


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    with workspace.engine.connect() as conn:
        contact = _find(conn, args.key, args.region.upper())
        cid = contact["id"]
        contact["tags"] = list(conn.execute(sa.select(tags.c.name).join(contact_tags).where(
            contact_tags.c.contact_id == cid).order_by(tags.c.name)).scalars())
        contact["lists"] = list(conn.execute(sa.select(lists.c.name).join(list_members).where(
            list_members.c.contact_id == cid).order_by(lists.c.name)).scalars())
        contact["consents"] = [dict(r) for r in conn.execute(sa.select(
            consents.c.channel, consents.c.status, consents.c.source, consents.c.recorded_at).where(
            consents.c.contact_id == cid).order_by(consents.c.channel)).mappings()]
        addresses = [a for a in (contact["phone"], contact["email"]) if a]
        contact["suppressed"] = [dict(r) for r in conn.execute(sa.select(
            suppressions.c.channel, suppressions.c.reason).where(suppressions.c.address.in_(addresses))).mappings()]
    text = [f"{k:12} {v}" for k, v in contact.items()
            if k not in ("custom", "consents", "tags", "lists", "suppressed", "search_text") and v not in (None, "")]
    text += [f"{k:12} {v}" for k, v in (contact["custom"] or {}).items()]
    if contact["tags"]:
        text.append(f"{'tags':12} {', '.join(contact['tags'])}")
    if contact["lists"]:
        text.append(f"{'lists':12} {', '.join(contact['lists'])}")
    text += [f"consent      {c['channel']}: {c['status']} ({c['source'] or ''})" for c in contact["consents"]]
    text += [f"suppressed   {s['channel']}: {s['reason']}" for s in contact["suppressed"]]
    emit(args, {"ok": True, "contact": contact}, "\n".join(text))
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    path = Path(args.path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise UserInputError(f"export to .xlsx or .csv, not {path.suffix or 'a file without extension'!r}")
    with workspace.engine.connect() as conn:
        query = contacts_in_list(conn, args.list_name) if args.list_name else sa.select(contacts)
        query = query.order_by(contacts.c.id)
        keys: list[str] = []
        for (custom,) in conn.execute(sa.select(query.subquery().c.custom)):
            keys += [k for k in (custom or {}) if k not in keys]
        tag_names = _tags_by_contact(conn)
        count = 0

        def rows() -> Iterator[list[Any]]:
            nonlocal count
            for row in conn.execute(query).mappings():
                count += 1
                custom = row["custom"] or {}
                yield [row[f] for f in EXPORT_FIELDS] + [", ".join(tag_names.get(row["id"], []))] + [
                    custom.get(k) for k in keys]

        write_table(path, [*EXPORT_FIELDS, "tags", *keys], rows(), sheet="Contacts")
    emit(args, {"ok": True, "path": str(path), "contacts": count}, f"Exported {count} contacts to {path}")
    return 0


def _tags_by_contact(conn: sa.Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for cid, name in conn.execute(sa.select(contact_tags.c.contact_id, tags.c.name).join(tags).order_by(tags.c.name)):
        found.setdefault(cid, []).append(name)
    return found


def _lists(args: argparse.Namespace, workspace: Workspace) -> int:
    with workspace.engine.connect() as conn:
        found = list_summaries(conn)
    text = "\n".join(f"{item['members']:>8}  {item['name']}" for item in found) or "No lists yet."
    emit(args, {"ok": True, "lists": json.loads(json.dumps(found, default=str))}, text)
    return 0
