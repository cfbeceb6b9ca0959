"""Segments for the UI, the CLI and campaigns: validate, count, preview, save, freeze and export.

Every count and preview is one SQL query built by `app.segments.compiler`; contacts are never
filtered in Python. `segment_query` / `segment_condition` let a campaign or a scenario use a
segment as its audience.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app.contacts.lists import get_or_create_list
from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import contacts, list_members, lists
from app.errors import NotFoundError, UserInputError
from app.exports import write_table
from app.segments.compiler import Compiler
from app.segments.rules import RuleError, validate_rule
from app.segments.tables import segments

__all__ = [
    "PREVIEW_COLUMNS",
    "RuleError",
    "SegmentInfo",
    "contact_matches",
    "count_segment",
    "create_segment",
    "delete_segment",
    "duplicate_segment",
    "export_segment",
    "freeze_segment",
    "get_segment",
    "list_segments",
    "preview_segment",
    "segment_condition",
    "segment_query",
    "update_segment",
    "validate_rule",
]

#: Contact columns returned by `preview_segment` and written by `export_segment`, in order.
PREVIEW_COLUMNS = ("id", "last_name", "first_name", "middle_name", "phone", "email", "city", "gender",
                   "birthday", "external_id", "source", "created_at")
_EXPORT_HEADER = ("ID", "Фамилия", "Имя", "Отчество", "Телефон", "E-mail", "Город", "Пол", "Дата рождения",
                  "Внешний ID", "Источник", "Добавлен")


@dataclass(frozen=True)
class SegmentInfo:
    """A saved segment."""

    id: int
    name: str
    rule: dict[str, Any]
    updated_at: dt.datetime


def _write(engine: Engine) -> sa.Connection:
    conn = engine.connect()
    return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(engine) else conn


def _condition(conn: sa.Connection, rule: Any, today: dt.date | None, *, inside: int | None = None) -> Any:
    validate_rule(rule)
    compiler = Compiler(conn, today=today or dt.date.today(), sqlite=conn.dialect.name == "sqlite", inside=inside)
    return compiler.compile(rule)


def segment_condition(engine: Engine, rule: Any, *, today: dt.date | None = None) -> sa.ColumnElement[bool]:
    """The rule as a WHERE condition on `app.db.schema.contacts` (for INSERT ... SELECT audiences)."""
    with engine.connect() as conn:
        return _condition(conn, rule, today)


def segment_query(engine: Engine, rule: Any, *, today: dt.date | None = None) -> sa.Select:
    """SELECT contacts.id of the contacts matching `rule` (unordered); raises RuleError for a bad rule."""
    return sa.select(contacts.c.id).where(segment_condition(engine, rule, today=today))


def count_segment(engine: Engine, rule: Any, *, today: dt.date | None = None) -> int:
    """How many contacts match `rule` (one COUNT query, no ORDER BY)."""
    with engine.connect() as conn:
        cond = _condition(conn, rule, today)
        return int(conn.execute(sa.select(sa.func.count()).select_from(contacts).where(cond)).scalar() or 0)


def contact_matches(engine: Engine, rule: Any, contact_id: int, *, today: dt.date | None = None) -> bool:
    """Whether one contact matches `rule` now (a scenario's condition step); False for no such contact."""
    with engine.connect() as conn:
        cond = _condition(conn, rule, today)
        query = sa.select(contacts.c.id).where(contacts.c.id == contact_id, cond)
        return conn.execute(query).first() is not None


def preview_segment(engine: Engine, rule: Any, *, limit: int = 50, today: dt.date | None = None) -> list[dict]:
    """The first `limit` matching contacts (by id) as dicts with PREVIEW_COLUMNS."""
    with engine.connect() as conn:
        cond = _condition(conn, rule, today)
        query = (sa.select(*(contacts.c[c] for c in PREVIEW_COLUMNS)).where(cond)
                 .order_by(contacts.c.id).limit(max(0, int(limit))))
        return [dict(row._mapping) for row in conn.execute(query)]


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise UserInputError("a segment needs a name")
    if len(cleaned) > 200:
        raise UserInputError("a segment name may be at most 200 characters")
    return cleaned


def _name_taken(conn: sa.Connection, name: str, except_id: int | None = None) -> None:
    query = sa.select(segments.c.id).where(segments.c.name == name)
    if except_id is not None:
        query = query.where(segments.c.id != except_id)
    if conn.execute(query).first() is not None:
        raise UserInputError(f"a segment called {name!r} already exists")


def _pinned(conn: sa.Connection, rule: Any) -> Any:
    """A copy of `rule` naming lists and nested segments by id, so renaming them later changes nothing."""
    if not isinstance(rule, dict):
        return rule
    kind, value = rule.get("type"), rule.get("value")
    if kind in ("list", "segment") and isinstance(value, str):
        table = lists if kind == "list" else segments
        found = conn.execute(sa.select(table.c.id).where(table.c.name == value)).scalar()
        return {**rule, "value": int(found)} if found is not None else rule
    if kind == "group":
        return {**rule, "children": [_pinned(conn, child) for child in rule.get("children") or []]}
    return rule


def create_segment(engine: Engine, name: str, rule: Any) -> int:
    """Save a new segment; returns its id. The rule is checked (including nested segments) first.

    Lists and segments the rule names are stored by id (renaming them keeps the rule working)."""
    name = _clean_name(name)
    with _write(engine) as conn, conn.begin():
        _name_taken(conn, name)
        _condition(conn, rule, None)
        rule = _pinned(conn, rule)
        now = dt.datetime.now(dt.UTC)
        return int(conn.execute(segments.insert().values(name=name, rule=rule, created_at=now, updated_at=now))
                   .inserted_primary_key[0])


def _row(conn: sa.Connection, id_or_name: int | str) -> Any:
    if isinstance(id_or_name, int) or (isinstance(id_or_name, str) and id_or_name.isdigit()):
        row = conn.execute(sa.select(segments).where(segments.c.id == int(id_or_name))).first()
        if row is not None or isinstance(id_or_name, int):
            if row is None:
                raise NotFoundError(f"there is no segment with id {id_or_name}")
            return row
    row = conn.execute(sa.select(segments).where(segments.c.name == " ".join(str(id_or_name).split()))).first()
    if row is None:
        raise NotFoundError(f"there is no segment called {id_or_name!r}")
    return row


def get_segment(engine: Engine, id_or_name: int | str) -> SegmentInfo:
    """A saved segment by id or name; NotFoundError if missing."""
    with engine.connect() as conn:
        row = _row(conn, id_or_name)
    return SegmentInfo(row.id, row.name, row.rule, row.updated_at)


def list_segments(engine: Engine) -> list[SegmentInfo]:
    """All saved segments by name."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(segments).order_by(segments.c.name)).all()
    return [SegmentInfo(r.id, r.name, r.rule, r.updated_at) for r in rows]


def update_segment(engine: Engine, segment_id: int | str, *, name: str | None = None, rule: Any = None) -> None:
    """Rename and/or replace the rule; a rule that (indirectly) includes this segment is refused."""
    with _write(engine) as conn, conn.begin():
        row = _row(conn, segment_id)
        values: dict[str, Any] = {"updated_at": dt.datetime.now(dt.UTC)}
        if name is not None:
            values["name"] = _clean_name(name)
            _name_taken(conn, values["name"], row.id)
        if rule is not None:
            _condition(conn, rule, None, inside=row.id)
            values["rule"] = _pinned(conn, rule)
        conn.execute(segments.update().where(segments.c.id == row.id).values(values))


def duplicate_segment(engine: Engine, segment_id: int | str, name: str | None = None) -> int:
    """Copy a segment under `name` (default "<name> (копия)", numbered if taken); returns the new id."""
    info = get_segment(engine, segment_id)
    existing = {s.name for s in list_segments(engine)}
    if name is None:
        name, n = f"{info.name} (копия)", 2
        while name in existing:
            name, n = f"{info.name} (копия {n})", n + 1
    return create_segment(engine, name, info.rule)


def _references(rule: Any, segment_id: int, name: str) -> bool:
    if not isinstance(rule, dict):
        return False
    if rule.get("type") == "segment" and rule.get("value") in (segment_id, name):
        return True
    return any(_references(child, segment_id, name) for child in rule.get("children") or [])


def delete_segment(engine: Engine, segment_id: int | str) -> None:
    """Delete a segment; refused while another saved segment uses it."""
    with _write(engine) as conn, conn.begin():
        row = _row(conn, segment_id)
        users = [r.name for r in conn.execute(sa.select(segments.c.name, segments.c.rule).where(segments.c.id != row.id))
                 if _references(r.rule, row.id, row.name)]
        if users:
            raise UserInputError(f"segment {row.name!r} is used by: {', '.join(sorted(users))}; change those first")
        conn.execute(segments.delete().where(segments.c.id == row.id))


def freeze_segment(engine: Engine, segment_id: int | str, list_name: str, *, today: dt.date | None = None) -> tuple[int, int]:
    """Copy today's members into the static list `list_name` (created if missing); returns (list id, members)."""
    with _write(engine) as conn, conn.begin():
        row = _row(conn, segment_id)
        cond = _condition(conn, row.rule, today)
        list_id = get_or_create_list(conn, list_name)
        now = dt.datetime.now(dt.UTC)
        select = sa.select(sa.literal(list_id), contacts.c.id, sa.literal(now, sa.DateTime(timezone=True))).where(cond)
        insert = sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert
        conn.execute(insert(list_members).from_select(["list_id", "contact_id", "added_at"], select)
                     .on_conflict_do_nothing())
        members = conn.execute(sa.select(sa.func.count()).select_from(list_members)
                               .where(list_members.c.list_id == list_id)).scalar()
    return list_id, int(members or 0)


def export_segment(engine: Engine, segment_id: int | str, path: str | Path, *, today: dt.date | None = None) -> int:
    """Write the segment's contacts to .xlsx or .csv (formula-safe); returns how many rows."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise UserInputError(f"{path}: export to a .xlsx or .csv file")
    with engine.connect() as conn:
        row = _row(conn, segment_id)
        cond = _condition(conn, row.rule, today)
        result = conn.execute(sa.select(*(contacts.c[c] for c in PREVIEW_COLUMNS)).where(cond).order_by(contacts.c.id))
        written = [0]

        def rows() -> Any:
            for r in result:
                written[0] += 1
                yield list(r)

        write_table(path, list(_EXPORT_HEADER), rows())
    return written[0]

