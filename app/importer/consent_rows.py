"""Recording consents for contacts that already existed: an upsert that keeps unchanged rows as they are."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from app.db.schema import CHANNELS

__all__ = ["CONSENT_SQL", "upsert_consents"]

_NEW_STATUS = ("(CASE WHEN excluded.status = 'denied' AND consents.status IN ('granted', 'withdrawn') "
               "THEN 'withdrawn' ELSE excluded.status END)")
_UPSERT_TAIL = (
    "ON CONFLICT (contact_id, channel) DO UPDATE SET "
    # A "no" in the file for someone who had agreed is a withdrawal, not a never-given consent.
    "status = " + _NEW_STATUS + ", source = excluded.source, recorded_at = excluded.recorded_at, "
    "import_job_id = excluded.import_job_id "
    # Unchanged consents keep the time they were first recorded.
    "WHERE " + _NEW_STATUS + " <> consents.status "
    "OR COALESCE(excluded.source, '') <> COALESCE(consents.source, '')"
)
CONSENT_SQL = (
    "INSERT INTO consents (contact_id, channel, status, source, recorded_at, import_job_id) "
    "VALUES (:contact_id, :channel, :status, :source, :recorded_at, :import_job_id) " + _UPSERT_TAIL
)
_CONSENT_SQL_QMARK = (
    "INSERT INTO consents (contact_id, channel, status, source, recorded_at, import_job_id) "
    "VALUES (?, ?, ?, ?, ?, ?) " + _UPSERT_TAIL
)
_KEYS = ("contact_id", "channel", "status", "source", "recorded_at", "import_job_id")
#: From this many rows one scan of the consents table beats asking the upsert row by row.
PREFILTER_FROM = 20_000


def upsert_consents(conn: sa.Connection, rows: Sequence[tuple]) -> None:
    """Upsert (contact_id, channel, status, source, recorded_at, import_job_id) rows."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(sa.text(CONSENT_SQL), [dict(zip(_KEYS, row, strict=True)) for row in rows])
        return
    cursor = conn.connection.driver_connection.cursor()
    if len(rows) >= PREFILTER_FROM:
        rows = _changed(cursor, rows)
    cursor.executemany(_CONSENT_SQL_QMARK, rows)


def _changed(cursor: object, rows: Sequence[tuple]) -> list[tuple]:
    """The rows the upsert would change: a re-imported file mostly repeats what is stored.

    Mirrors the upsert's WHERE clause exactly, so the result is the same, only without a
    million no-op conflict resolutions.
    """
    slot = {channel: k for k, channel in enumerate(CHANNELS)}
    width = len(CHANNELS)
    shared: dict[tuple, tuple] = {}
    current: dict[int, tuple] = {}
    for cid, channel, status, source in cursor.execute("SELECT contact_id, channel, status, source FROM consents"):
        k = slot.get(channel)
        if k is None:
            continue
        value = (status, source or "")
        current[cid * width + k] = shared.setdefault(value, value)  # a few distinct values, shared
    kept = []
    for row in rows:
        old = current.get(row[0] * width + slot[row[1]])
        if old is not None:
            status = "withdrawn" if row[2] == "denied" and old[0] in ("granted", "withdrawn") else row[2]
            if status == old[0] and (row[3] or "") == old[1]:
                continue
        kept.append(row)
    return kept
