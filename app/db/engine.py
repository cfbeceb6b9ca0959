"""Creating SQLAlchemy engines with the pragmas Kaskad relies on.

SQLite: WAL (the GUI reads while the engine writes), `synchronous=FULL` (a committed
"sent" must survive a power cut, or it becomes a duplicate send), a busy timeout, foreign
keys on, and explicit BEGIN so a transaction can be opened IMMEDIATE for claims
(a deferred BEGIN that later writes fails with SQLITE_BUSY without waiting).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

__all__ = ["BEGIN_IMMEDIATE", "create_db_engine", "is_sqlite"]

#: execution option: `conn.execution_options(**BEGIN_IMMEDIATE)` before the first statement.
BEGIN_IMMEDIATE = {"sqlite_begin": "IMMEDIATE"}

BUSY_TIMEOUT_MS = 10_000


def is_sqlite(engine_or_url: Engine | str | sa.URL) -> bool:
    """True when the engine or URL points at SQLite."""
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else sa.make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for `url`; SQLite gets Kaskad's pragmas and transaction control."""
    if not is_sqlite(url):
        return sa.create_engine(url, pool_pre_ping=True, **kwargs)

    engine = sa.create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        **kwargs,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine
