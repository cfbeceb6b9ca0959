"""Migrations build the schema from an empty database, on SQLite and PostgreSQL, and match the tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db import migrate
from app.db.engine import create_db_engine
from app.db.schema import metadata
from app.workspace import Workspace


def _diff(engine: sa.Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_empty_sqlite_is_migrated_to_head_and_matches_schema(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        assert migrate.current_revision(ws.engine) == migrate.head_revision()
        assert _diff(ws.engine) == []
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        ws.close()


def test_reopening_keeps_data(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws, ws.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO lists (name, created_at) VALUES ('VIP', '2026-01-01 00:00:00')"
        )
    with Workspace.open(tmp_path / "ws") as ws, ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM lists").scalar() == "VIP"


def test_every_revision_downgrades_and_upgrades(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate.upgrade(engine)
    config = migrate.alembic_config()
    from alembic import command

    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()


@pytest.mark.postgres
def test_postgres_schema_from_empty_database(pg_url: str) -> None:
    engine = create_db_engine(pg_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _diff(engine) == []
    engine.dispose()
