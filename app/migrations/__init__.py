"""Alembic migrations of the workspace database (run on every open)."""
