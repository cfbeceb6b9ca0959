"""Recording consents for contacts that already existed: an upsert that keeps unchanged rows as they are."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from app.db.schema import CHANNELS

__all__ = ["CONSENT_SQL", "upsert_consent_column", "upsert_consents"]

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
_STORED_TYPES = (pa.int64(), pa.string(), pa.string())
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


def upsert_consent_column(conn: sa.Connection, ids: np.ndarray, channel: str, statuses: pa.Array,
                          source: str | None, stamp: object, job_id: int | None) -> None:
    """Upsert one channel's consent for contacts `ids` ("granted"/"denied" per id, null = none).

    On SQLite the stored consents of the channel are compared column-wise first, so a re-import
    sends only the rows that change something through the upsert (the same rule as `_changed`).
    """
    keep = pc.is_valid(statuses).to_numpy(zero_copy_only=False)
    ids, statuses = ids[keep], statuses.filter(pa.array(keep))
    if conn.dialect.name == "sqlite" and len(ids) >= PREFILTER_FROM:
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute("SELECT contact_id, status, COALESCE(source, '') FROM consents WHERE channel = ?", (channel,))
        batches = []
        while rows := cursor.fetchmany(100_000):
            batches.append([pa.array(c, t) for c, t in zip(zip(*rows, strict=True), _STORED_TYPES, strict=True)])
        stored_ids, stored_status, stored_source = (
            pa.concat_arrays([b[k] for b in batches]) if batches else pa.array([], t) for k, t in enumerate(_STORED_TYPES))
        del batches
        where = pc.index_in(pa.array(ids), value_set=stored_ids)
        old = stored_status.take(where)
        withdrawn = pc.and_(pc.equal(statuses, "denied"), pc.is_in(old, value_set=pa.array(["granted", "withdrawn"])))
        status = pc.if_else(pc.fill_null(withdrawn, False), pa.scalar("withdrawn"), statuses)
        same = pc.and_(pc.equal(status, old), pc.equal(stored_source.take(where), source or ""))
        changed = pc.invert(pc.fill_null(same, False)).to_numpy(zero_copy_only=False)
        ids, statuses = ids[changed], statuses.filter(pa.array(changed))
    rows = list(zip(ids.tolist(), repeat(channel), statuses.to_pylist(), repeat(source), repeat(stamp), repeat(job_id)))
    if conn.dialect.name != "sqlite":
        upsert_consents(conn, rows)
        return
    conn.connection.driver_connection.cursor().executemany(_CONSENT_SQL_QMARK, rows)
