"""Portable SQL pieces for the rule compiler: JSON values as text/number, text matching, date windows.

Everything takes bound parameters; JSON paths are built by SQLAlchemy from names already
checked against `rules.NAME_RE`. Each helper returns a two-valued condition (never NULL), so
NOT of any condition means exactly "the others".
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

__all__ = [
    "birthday_days",
    "day_range",
    "json_date",
    "json_number",
    "json_text",
    "month_day",
    "text_contains",
    "text_starts",
]

_NUMERIC_PG = r"^[+-]?[0-9]+(\.[0-9]+)?$"


def json_text(column: Any, name: str, sqlite: bool) -> sa.ColumnElement[Any]:
    """The JSON object's member `name` as trimmed text (numbers as their JSON text), or NULL."""
    if not sqlite:
        return sa.func.trim(column[name].as_string())
    # SQLite (3.40) matches path keys against the raw JSON text, and rows written with
    # json.dumps' default hold non-ASCII keys \u-escaped: look the key up in both spellings.
    paths = [f'$."{name}"']
    escaped = json.dumps(name)[1:-1]
    if escaped != name:
        paths.append(f'$."{escaped}"')
    found = [sa.func.json_extract(column, sa.literal(p, sa.Text)) for p in paths]
    value = found[0] if len(found) == 1 else sa.func.coalesce(*found)
    # json_extract returns numbers as numbers; compare everything as text like PostgreSQL's ->>.
    return sa.func.trim(sa.cast(value, sa.Text))


def json_number(column: Any, name: str, sqlite: bool) -> sa.ColumnElement[Any]:
    """The member as a number when its text is a plain decimal ("5000", "-1.5"), else NULL."""
    text = json_text(column, name, sqlite)
    if sqlite:
        unsigned = sa.func.ltrim(text, "+-")
        numeric = sa.and_(
            text != "",
            sa.func.length(text) - sa.func.length(unsigned) <= 1,
            unsigned.op("GLOB")("[0-9]*"),
            sa.not_(unsigned.op("GLOB")("*[^0-9.]*")),
            sa.not_(unsigned.op("GLOB")("*.*.*")),
            sa.not_(unsigned.op("GLOB")("*.")),
        )
    else:
        numeric = text.op("~")(_NUMERIC_PG)
    return sa.case((numeric, sa.cast(text, sa.Float)), else_=None)


def json_date(column: Any, name: str, sqlite: bool) -> sa.ColumnElement[Any]:
    """The member's "YYYY-MM-DD" (the first 10 characters of an ISO date or time), else NULL."""
    text = json_text(column, name, sqlite)
    if sqlite:
        iso = text.op("GLOB")("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*")
    else:
        iso = text.op("~")("^[0-9]{4}-[0-9]{2}-[0-9]{2}")
    return sa.case((iso, sa.func.substr(text, 1, 10)), else_=None)


def text_contains(column: Any, value: str, sqlite: bool) -> sa.ColumnElement[bool]:
    """Case-sensitive substring test, identical on both databases (no LIKE wildcards leak through)."""
    if sqlite:
        # SQLite's LIKE ignores ASCII case only; instr() is exact, like PostgreSQL's LIKE.
        return sa.and_(column.is_not(None), sa.func.instr(column, value) > 0)
    return sa.and_(column.is_not(None), column.contains(value, autoescape=True))


def text_starts(column: Any, value: str, sqlite: bool) -> sa.ColumnElement[bool]:
    """Case-sensitive prefix test."""
    if sqlite:
        return sa.and_(column.is_not(None), sa.func.substr(column, 1, len(value)) == value)
    return sa.and_(column.is_not(None), column.startswith(value, autoescape=True))


def month_day(expr: Any, sqlite: bool, *, is_text: bool = False) -> sa.ColumnElement[str]:
    """"MM-DD" of a date, a timestamp or an ISO date text."""
    if sqlite or is_text:
        return sa.func.substr(expr, 6, 5)
    return sa.func.to_char(expr, "MM-DD")


def birthday_days(today: dt.date, days: int) -> list[str] | None:
    """"MM-DD" keys of the birthdays from `today` to `today + days` inclusive; None = every day.

    People born on 29 February celebrate on 1 March in other years.
    """
    if days >= 366:
        return None
    keys: list[str] = []
    for k in range(days + 1):
        day = today + dt.timedelta(days=k)
        keys.append(day.strftime("%m-%d"))
        if day.month == 3 and day.day == 1 and not _leap(day.year):
            keys.append("02-29")
    return sorted(set(keys))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def day_range(expr: Any, lo: dt.date | None, hi: dt.date | None, kind: str) -> sa.ColumnElement[bool]:
    """`expr` falls on a day in [lo, hi] (either end open); kind: "date" | "timestamp" | "text"."""
    parts: list[Any] = [expr.is_not(None)]
    if kind == "timestamp":
        if lo is not None:
            parts.append(expr >= dt.datetime.combine(lo, dt.time(), dt.UTC))
        if hi is not None:
            parts.append(expr < dt.datetime.combine(hi + dt.timedelta(days=1), dt.time(), dt.UTC))
    elif kind == "text":
        if lo is not None:
            parts.append(expr >= lo.isoformat())
        if hi is not None:
            parts.append(expr <= hi.isoformat())
    else:
        if lo is not None:
            parts.append(expr >= lo)
        if hi is not None:
            parts.append(expr <= hi)
    return sa.and_(*parts)
