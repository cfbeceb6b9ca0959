"""Updating the stored contacts a file matches, under the fill or overwrite policy.

A re-import mostly repeats what is stored. On SQLite the stored values are read column-wise
and compared with the file's in one go; only the contacts that may change go through the
per-contact merge of `merge.merged` (which decides, exactly as before).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from app.db.bulk import Bulk
from app.db.schema import contacts
from app.importer.merge import merged
from app.importer.rows import CUSTOM, FIELD_ORDER
from app.importer.texts import custom_json, search_text

__all__ = ["update_existing"]

BATCH = 50_000
_UPDATE_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "updated_at")
_NAMES = f"id, {', '.join(FIELD_ORDER)}, custom"
#: The fill policy's check packs one bit per field and custom key into a 64-bit integer.
FILL_BITS = 62
#: From this many matches one scan of the table beats lookups by id.
SCAN_FROM = 20_000


def update_existing(conn: sa.Connection, bulk: Bulk, existing: pa.Table, keys: list[str], overwrite: bool,
                    stamp: object, step: Callable[[int], None]) -> tuple[int, int]:
    """Merge the file's records into the stored contacts; returns (updated, unchanged)."""
    ids = existing.column("id").to_numpy()
    customs = [existing.column(f"c{k}").combine_chunks() for k in range(len(keys))]
    if bulk.sqlite:
        if not overwrite and len(FIELD_ORDER) + len(keys) <= FILL_BITS:
            maybe = ~_fill_unchanged(conn, existing, customs, keys)
        else:
            maybe = ~_unchanged(existing, _stored(conn, ids), customs, keys, overwrite)
        candidates = np.nonzero(maybe)[0]
        stored = _stored(conn, ids[candidates])
        current = {row[0]: row for row in _stored_rows(stored, np.arange(len(candidates)))}
    else:
        candidates = np.arange(len(ids))
        current = dict(_core_rows(conn, ids.tolist()))
    part = existing.take(pa.array(candidates, pa.int64()))
    fields = [part.column(name).to_pylist() for name in FIELD_ORDER]
    values = [c.take(pa.array(candidates, pa.int64())).to_pylist() for c in customs]
    rows = []
    for k, cid in enumerate(ids[candidates].tolist()):
        custom = tuple(v[k] for v in values)
        record = [*(f[k] for f in fields), custom if any(v is not None for v in custom) else None]
        new = merged(_record(current[cid], bulk.sqlite), record, keys, overwrite)
        if new is not None:
            rows.append((*new[:8], bulk.date(new[8]), *new[9:CUSTOM], bulk.json(new[CUSTOM]), search_text(new), stamp,
                         cid))
    for start in range(0, len(rows), BATCH):
        bulk.update(contacts, _UPDATE_COLUMNS, rows[start : start + BATCH])
        step(len(rows[start : start + BATCH]))
    return len(rows), len(ids) - len(rows)


def _record(row: tuple, sqlite: bool) -> list:
    record = list(row[1:])
    if sqlite:
        record[8] = dt.date.fromisoformat(record[8]) if record[8] else None
        record[CUSTOM] = json.loads(record[CUSTOM]) if record[CUSTOM] else {}
    else:
        record[CUSTOM] = dict(record[CUSTOM] or {})
    return record


def _stored(conn: sa.Connection, ids: np.ndarray) -> pa.Table:
    """The stored id, FIELD_ORDER values and custom JSON of each contact in `ids`, in that order."""
    cursor = conn.connection.driver_connection.cursor()
    names = ["id", *FIELD_ORDER, "custom"]
    schema = pa.schema([(name, pa.int64() if name == "id" else pa.string()) for name in names])
    batches = []

    def add(rows: list[tuple]) -> None:
        columns = list(zip(*rows, strict=True))
        batches.append(pa.record_batch([_array(c, t) for c, t in zip(columns, schema.types, strict=True)], schema=schema))

    if len(ids) >= SCAN_FROM:
        cursor.execute(f"SELECT {_NAMES} FROM contacts")  # noqa: S608 - constant column names
        # In slices: a million stored rows as Python tuples at once would cost gigabytes.
        while rows := cursor.fetchmany(50_000):
            add(rows)
    else:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500].tolist()
            if rows := cursor.execute(f"SELECT {_NAMES} FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",  # noqa: S608 - placeholders only
                                      chunk).fetchall():
                add(rows)
    table = pa.Table.from_batches(batches, schema=schema)
    where = pc.index_in(pa.array(ids), value_set=table.column("id"))
    return table.take(where)


def _array(values: object, kind: pa.DataType) -> pa.Array:
    try:
        return pa.array(values, kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a value another writer stored as a number
        return pa.array([v if v is None or isinstance(v, str) else str(v) for v in values], kind)


def _fill_unchanged(conn: sa.Connection, existing: pa.Table, customs: list[pa.Array], keys: list[str]) -> np.ndarray:
    """Under the fill policy a contact changes only where the file has a value and the stored
    field is empty (or the custom key absent): one bit per field, computed by SQLite, says which."""
    empty = [f"(({name} IS NULL OR {name} = '') << {i})" for i, name in enumerate(FIELD_ORDER)]
    paths = []
    for k, key in enumerate(keys):
        if '"' in key or "\\" in key:
            empty.append(f"(1 << {len(FIELD_ORDER) + k})")  # a key JSON paths cannot name: the merge decides
        else:
            empty.append(f"((json_type(custom, ?) IS NULL) << {len(FIELD_ORDER) + k})")
            paths.append(f'$."{key}"')
    sql = f"SELECT id, {' | '.join(empty)} FROM contacts"  # noqa: S608 - schema names, bound paths
    ids = existing.column("id").to_numpy()
    cursor = conn.connection.driver_connection.cursor()
    parts: list[np.ndarray] = []
    if len(ids) >= SCAN_FROM:
        cursor.execute(sql, paths)
        while rows := cursor.fetchmany(100_000):
            parts.append(np.array(rows, dtype=np.int64).reshape(-1, 2))
    else:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500].tolist()
            if rows := cursor.execute(f"{sql} WHERE id IN ({','.join('?' * len(chunk))})", [*paths, *chunk]).fetchall():
                parts.append(np.array(rows, dtype=np.int64).reshape(-1, 2))
    found = np.concatenate(parts) if parts else np.zeros((0, 2), np.int64)
    stored_ids, bits = found[:, 0], found[:, 1]
    where = pc.index_in(pa.array(ids), value_set=pa.array(stored_ids)).to_numpy(zero_copy_only=False)
    missing = np.isnan(where) if where.dtype.kind == "f" else np.zeros(len(ids), bool)
    mask = np.where(missing, -1, bits[np.nan_to_num(where).astype(np.int64)] if len(bits) else -1)
    changed = missing.copy()
    columns = [existing.column(name) for name in FIELD_ORDER] + customs
    for i, column in enumerate(columns):
        has = pc.is_valid(column).to_numpy(zero_copy_only=False)
        changed |= has & ((mask >> i) & 1).astype(bool)
    return ~changed


def _unchanged(existing: pa.Table, stored: pa.Table, customs: list[pa.Array], keys: list[str],
               overwrite: bool) -> np.ndarray:
    """True where the merge would certainly change nothing; False means "unsure" (the merge decides)."""
    same = pa.array(np.ones(existing.num_rows, dtype=bool))
    for name in FIELD_ORDER:
        value = existing.column(name).combine_chunks()
        if name == "birthday":
            value = value.cast(pa.string())
        old = stored.column(name).combine_chunks()
        keeps = pc.fill_null(pc.equal(value, old), False)
        if not overwrite:
            keeps = pc.or_(keeps, pc.fill_null(pc.not_equal(old, ""), False))
        same = pc.and_(same, pc.or_(pc.is_null(value), keeps))
    if keys:
        present = pc.is_valid(customs[0])
        for column in customs[1:]:
            present = pc.or_(present, pc.is_valid(column))
        # The stored text was written by the same encoder, so equal text means equal values.
        text = custom_json(customs, keys, existing.num_rows)
        same = pc.and_(same, pc.or_(pc.invert(present), pc.fill_null(pc.equal(text, stored.column("custom")), False)))
    return same.to_numpy(zero_copy_only=False)


def _stored_rows(stored: pa.Table, candidates: np.ndarray) -> Iterator[tuple]:
    part = stored.take(pa.array(candidates, pa.int64()))
    yield from zip(*(part.column(name).to_pylist() for name in part.column_names), strict=True)


def _core_rows(conn: sa.Connection, ids: list[int]) -> Iterator[tuple[int, tuple]]:
    cols = [contacts.c[name] for name in ("id", *FIELD_ORDER, "custom")]
    for start in range(0, len(ids), 500):
        for row in conn.execute(sa.select(*cols).where(contacts.c.id.in_(ids[start : start + 500]))).all():
            yield row[0], tuple(row)
