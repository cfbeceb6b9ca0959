"""Storage: the schema (SQLAlchemy Core tables), engine setup and Alembic migrations."""
