"""Bulk statements inside an open SQLAlchemy transaction, at the driver's speed on SQLite.

On SQLite the rows go through the raw `sqlite3` cursor's `executemany` on the connection the
transaction runs on (2.3x faster than Core, perf.md §4); elsewhere Core executemany is used so
PostgreSQL works the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

__all__ = ["Bulk"]


class Bulk:
    """Executes many-row statements on `conn` and converts values for the raw SQLite path."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._cursor = conn.connection.driver_connection.cursor() if self.sqlite else None
        # The dialect's own processor: SQLAlchemy's SQLite storage format, read back by Core.
        stamp = sa.DateTime(timezone=True).dialect_impl(conn.dialect)
        self._ts = stamp.bind_processor(conn.dialect) if self.sqlite else None

    def ts(self, value: dt.datetime) -> Any:
        """A timestamp as the driver must receive it (SQLAlchemy's storage format on SQLite)."""
        return self._ts(value) if self._ts else value

    def insert(self, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, ignore: bool = False) -> None:
        """INSERT every row (values in `columns` order); `ignore` skips rows that hit a unique key."""
        if not rows:
            return
        if self.sqlite:
            verb = "INSERT OR IGNORE" if ignore else "INSERT"
            sql = f"{verb} INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608 - names come from the schema
            self._cursor.executemany(sql, rows)
            return
        stmt = sa.insert(table)
        if ignore and self.conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(table).on_conflict_do_nothing()
        self.conn.execute(stmt, [dict(zip(columns, row, strict=True)) for row in rows])

    def update(self, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
               keys: Sequence[str] = ("id",), also: sa.ColumnElement[bool] | None = None) -> None:
        """UPDATE the row matching `keys` (default the primary key "id"): each row is the new
        values in `columns` order, then the key values; `also` is a fixed further condition."""
        if not rows:
            return
        if self.sqlite:
            where = " AND ".join(f"{k} = ?" for k in keys)
            if also is not None:
                where += " AND " + str(also.compile(dialect=self.conn.dialect, compile_kwargs={"literal_binds": True}))
            sql = f"UPDATE {table.name} SET {', '.join(c + ' = ?' for c in columns)} WHERE {where}"  # noqa: S608 - names come from the schema
            self._cursor.executemany(sql, rows)
            return
        names = tuple(f"_key_{k}" for k in keys)
        stmt = sa.update(table).where(*(table.c[k] == sa.bindparam(n) for k, n in zip(keys, names, strict=True)))
        if also is not None:
            stmt = stmt.where(also)
        stmt = stmt.values({c: sa.bindparam(c) for c in columns})
        self.conn.execute(stmt, [dict(zip((*columns, *names), row, strict=True)) for row in rows])

    def json(self, value: Any) -> Any:
        """A JSON column value as the driver must receive it."""
        if self.sqlite:
            import json

            return json.dumps(value, ensure_ascii=False)
        return value

    def date(self, value: dt.date | None) -> Any:
        """A Date column value as the driver must receive it."""
        return value.isoformat() if self.sqlite and value is not None else value
