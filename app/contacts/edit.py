"""Editing and deleting contacts from the contacts screen, one transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.engine import BEGIN_IMMEDIATE
from app.db.schema import contact_tags, contacts, tags
from app.errors import NotFoundError, UserInputError

__all__ = ["Changes", "ContactEdit", "FieldError", "delete_contacts", "update_contact"]

_c = contacts.c


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so each screen redraws only what it shows.

    Attributes:
        contacts: contact rows were created, edited or deleted.
        lists: lists or their membership changed.
        tags: tags or tag assignments changed.
        contact_ids: the contacts touched, when few and known (empty = unknown or many).
    """

    contacts: bool = False
    lists: bool = False
    tags: bool = False
    contact_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ContactEdit:
    """The editable fields of a contact as typed in the edit dialog (phone/email not yet normalised)."""

    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    birthday: dt.date | None = None
    gender: str = ""
    timezone: str = ""
    tags: tuple[str, ...] = ()


class FieldError(UserInputError):
    """An edited field is invalid or already used by another contact.

    Attributes:
        field: "phone", "email" or "identity" (neither phone nor email given).
        value: what was typed.
        reason: "invalid", "taken" or "missing".
    """

    def __init__(self, field: str, value: str, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field} {value!r}: {reason}")


def update_contact(engine: Engine, contact_id: int, edit: ContactEdit) -> Changes:
    """Save an edit: phone/email normalised and checked for clashes, search text and tags rebuilt.

    Raises FieldError for a bad or already used phone/email, NotFoundError when the contact is gone.
    """
    phone, email = _normalised(edit)
    now = dt.datetime.now(dt.UTC)
    values = {
        "last_name": edit.last_name.strip() or None, "first_name": edit.first_name.strip() or None,
        "middle_name": edit.middle_name.strip() or None, "city": edit.city.strip() or None,
        "phone": phone, "email": email, "birthday": edit.birthday, "gender": edit.gender or None,
        "timezone": edit.timezone.strip() or None, "updated_at": now,
    }
    values["search_text"] = " ".join(
        values[k] or "" for k in ("last_name", "first_name", "middle_name", "email")
    ).lower() + f" {(phone or '').lstrip('+')} {(values['city'] or '').lower()}"
    with engine.connect().execution_options(**BEGIN_IMMEDIATE) as conn, conn.begin():
        for name, value in (("phone", phone), ("email", email)):
            clash = value and conn.execute(
                sa.select(_c.id).where(_c[name] == value, _c.id != contact_id)).first()
            if clash:
                raise FieldError(name, value, "taken")
        if not conn.execute(contacts.update().where(_c.id == contact_id).values(**values)).rowcount:
            raise NotFoundError(f"contact {contact_id} no longer exists")
        _replace_tags(conn, contact_id, edit.tags)
    return Changes(contacts=True, tags=True, contact_ids=frozenset({contact_id}))

def delete_contacts(engine: Engine, ids: Iterable[int]) -> Changes:
    """Delete contacts with their consents, tags and list memberships; suppressions stay."""
    ids = sorted(set(ids))
    with engine.connect().execution_options(**BEGIN_IMMEDIATE) as conn, conn.begin():
        for start in range(0, len(ids), 500):
            conn.execute(contacts.delete().where(_c.id.in_(ids[start:start + 500])))
    return Changes(contacts=True, lists=True, tags=True, contact_ids=frozenset(ids))


def _normalised(edit: ContactEdit) -> tuple[str | None, str | None]:
    # The importer's normalisers, so an edited contact matches exactly what an import would store.
    from app.contacts.normalize import normalize_email, normalize_phone

    phone = email = None
    if edit.phone.strip():
        phone = _checked("phone", edit.phone, normalize_phone)
    if edit.email.strip():
        email = _checked("email", edit.email, normalize_email)
    if phone is None and email is None:
        raise FieldError("identity", "", "missing")
    return phone, email


def _checked(name: str, value: str, normalise: Any) -> str:
    try:
        result = normalise(value.strip())
    except (ValueError, UserInputError) as exc:
        raise FieldError(name, value, "invalid") from exc
    if not result:
        raise FieldError(name, value, "invalid")
    return str(result)


def _replace_tags(conn: sa.Connection, contact_id: int, names: Iterable[str]) -> None:
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    conn.execute(contact_tags.delete().where(contact_tags.c.contact_id == contact_id))
    if not wanted:
        return
    known = dict(conn.execute(sa.select(tags.c.name, tags.c.id).where(tags.c.name.in_(wanted))).all())
    for name in wanted:
        if name not in known:
            known[name] = conn.execute(tags.insert().values(name=name)).inserted_primary_key[0]
    conn.execute(contact_tags.insert(), [{"contact_id": contact_id, "tag_id": known[n]} for n in wanted])
