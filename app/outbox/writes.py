"""Write helpers of the outbox store: relaxed-sync commits and executemany grouped by keys."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db.engine import is_sqlite
from app.outbox.tables import outbox

__all__ = ["bulk_update", "relaxed_sync"]


@contextlib.contextmanager
def relaxed_sync(conn: Connection) -> Iterator[None]:
    """Commit results without their own fsync (SQLite `synchronous=NORMAL` for this write).

    Safe by construction: in WAL mode the next FULL commit (the next claim) syncs the log
    with these results in it; a power cut before that can only roll a result back to
    `sending`, which the next start turns into `unknown` — never into a resend. The claims,
    whose loss could cause a resend, stay FULL (reliability notes R8).
    """
    raw = conn.connection.dbapi_connection if is_sqlite(conn.engine) else None
    if raw is None:
        yield
        return
    raw.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        raw.execute("PRAGMA synchronous=FULL")


def _group_by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    return list(groups.values())


def bulk_update(conn: Connection, updates: list[dict[str, Any]]) -> None:
    for group in _group_by_keys(updates):
        conn.execute(outbox.update().where(outbox.c.id == sa.bindparam("b_id")), group)

