"""Tag, list and field actions of scenarios, written inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db.schema import contact_tags, contacts, list_members, lists, tags
from app.errors import UserInputError
from app.scenarios.graph import Node

__all__ = ["apply_change", "describe_change"]


def describe_change(node: Node) -> str:
    """A one-line description of a tag / list / field action (step detail, simulation)."""
    props = node.props
    if node.type == "action.tag":
        return f"{'add' if props.get('op') == 'add' else 'remove'} tag {props.get('tag')!r}"
    if node.type == "action.list":
        return f"{'add to' if props.get('op') == 'add' else 'remove from'} list {props.get('list')!r}"
    return f"set {props.get('field')} = {props.get('value')!r}"


def apply_change(conn: Connection, node: Node, contact_id: int, now: dt.datetime) -> tuple[bool, str]:
    """Apply a tag / list / field action in the caller's transaction; (done, detail)."""
    props, detail = node.props, describe_change(node)
    if node.type == "action.tag":
        name = str(props.get("tag") or "").strip()
        tag_id = conn.execute(sa.select(tags.c.id).where(tags.c.name == name)).scalar()
        if props.get("op") == "add":
            if tag_id is None:
                tag_id = conn.execute(tags.insert().values(name=name)).inserted_primary_key[0]
            if not conn.execute(sa.select(contact_tags.c.tag_id).where(
                    contact_tags.c.contact_id == contact_id, contact_tags.c.tag_id == tag_id)).first():
                conn.execute(contact_tags.insert().values(contact_id=contact_id, tag_id=tag_id))
        elif tag_id is not None:
            conn.execute(contact_tags.delete().where(contact_tags.c.contact_id == contact_id,
                                                     contact_tags.c.tag_id == tag_id))
        return True, detail
    if node.type == "action.list":
        name = str(props.get("list") or "").strip()
        list_id = conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar()
        if list_id is None and str(name).isdigit():
            list_id = conn.execute(sa.select(lists.c.id).where(lists.c.id == int(name))).scalar()
        if props.get("op") == "add":
            if list_id is None:
                list_id = conn.execute(lists.insert().values(name=name, created_at=now)).inserted_primary_key[0]
            if not conn.execute(sa.select(list_members.c.list_id).where(
                    list_members.c.list_id == list_id, list_members.c.contact_id == contact_id)).first():
                conn.execute(list_members.insert().values(list_id=list_id, contact_id=contact_id, added_at=now))
        elif list_id is not None:
            conn.execute(list_members.delete().where(list_members.c.list_id == list_id,
                                                     list_members.c.contact_id == contact_id))
        return True, detail
    return _update_field(conn, str(props.get("field") or ""), props.get("value"), contact_id, now, detail)


def _update_field(conn: Connection, name: str, value: Any, contact_id: int, now: dt.datetime,
                  detail: str) -> tuple[bool, str]:
    from app.contacts.normalize import normalize_email, normalize_phone

    row = conn.execute(sa.select(contacts).where(contacts.c.id == contact_id)).mappings().first()
    if row is None:
        return False, "the contact no longer exists"
    text = "" if value is None else str(value).strip()
    values: dict[str, Any] = {"updated_at": now}
    try:
        if name.startswith("custom:"):
            values["custom"] = {**(row["custom"] or {}), name[len("custom:"):]: text}
        elif name == "birthday":
            values["birthday"] = dt.date.fromisoformat(text) if text else None
        elif name in ("phone", "email"):
            normalised = (normalize_phone if name == "phone" else normalize_email)(text) if text else None
            if text and not normalised:
                raise ValueError(f"{text!r} is not a valid {name}")
            clash = normalised and conn.execute(sa.select(contacts.c.id).where(
                contacts.c[name] == normalised, contacts.c.id != contact_id)).first()
            if clash:
                return False, f"{detail}: another contact already has this {name}"
            values[name] = normalised
        elif name in ("created_at", "id"):
            return False, f"{detail}: {name} cannot be changed"
        else:
            values[name] = text or None
    except (ValueError, UserInputError) as exc:
        return False, f"{detail}: {exc}"
    merged = {**dict(row), **values}
    values["search_text"] = " ".join(
        str(merged.get(k) or "") for k in ("last_name", "first_name", "middle_name", "email")
    ).lower() + f" {str(merged.get('phone') or '').lstrip('+')} {str(merged.get('city') or '').lower()}"
    conn.execute(contacts.update().where(contacts.c.id == contact_id).values(**values))
    return True, detail
