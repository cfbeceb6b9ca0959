"""Small readers of workspace data the wizard offers as choices."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import lists


def list_names(engine: Engine) -> list[str]:
    """Names of the existing static lists, alphabetically."""
    with engine.connect() as conn:
        return list(conn.execute(sa.select(lists.c.name).order_by(lists.c.name)).scalars())
