"""Journey tests' shared fixture: a migrated PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from app.db.engine import create_db_engine
from app.db.migrate import upgrade


@pytest.fixture
def pg(pg_url: str) -> Iterator[Engine]:
    """The empty PostgreSQL database of `pg_url`, migrated to the newest schema."""
    engine = create_db_engine(pg_url)
    upgrade(engine)
    yield engine
    engine.dispose()
