"""Quick search of the contacts screen: what a typed text means and the WHERE clause it becomes.

A phone typed any way becomes a prefix range on the unique `phone` index, text with "@" a
prefix range on the `email` index; anything else is a substring test of every word against
the lower-cased `search_text`: a scan of the table (see `ContactsQuery`, which splits it in two).
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from app.db.schema import contacts

__all__ = ["SPLIT_FROM", "phone_prefixes", "search_condition", "search_kind"]

_c = contacts.c
_PHONE_TYPED = re.compile(r"^\+?[\d\s().\-]+$")
#: Below this many ids a free-text scan is quick enough on one thread.
SPLIT_FROM = 50_000


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
