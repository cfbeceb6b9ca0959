"""Writing a Plan to the database inside the caller's transaction: inserts, policy updates,
tags, list membership and consents, column by column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from app.contacts.lists import add_members, get_or_create_list, get_or_create_tags, tag_contacts
from app.db.bulk import Bulk
from app.db.schema import contacts
from app.importer.consent_rows import upsert_consent_column
from app.importer.existing import update_existing
from app.importer.merge import custom_dict
from app.importer.model import ImportOptions
from app.importer.rows import FIELD_ORDER, Plan
from app.importer.texts import custom_json, search_text, search_texts
from app.progress import CancelToken, ProgressCallback

__all__ = ["Applied", "apply_plan", "search_text"]

BATCH = 50_000
DEFER_INDEXES_FROM = 20_000
_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "import_job_id", "created_at", "updated_at")
COLUMN_SOURCE = "import: column in the file"


@dataclass
class Applied:
    """Counts of what was written and the contacts touched (ids beside their plan rows)."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    touched: list[tuple[np.ndarray, pa.Table, pa.Array | None]] = field(default_factory=list)  # (ids, rows, order)


def apply_plan(
    conn: sa.Connection,
    plan: Plan,
    options: ImportOptions,
    job_id: int | None,
    default_source: str,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> Applied:
    """Write everything the plan asks for; raises (leaving the rollback to the caller) on failure."""
    bulk = Bulk(conn)
    stamp = bulk.ts(dt.datetime.now(dt.UTC))
    applied = Applied()
    total = plan.new.num_rows + plan.existing.num_rows
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(done, total, "writing")

    step(0)
    new = plan.new
    order = None
    if bulk.sqlite and new.num_rows >= DEFER_INDEXES_FROM:
        # Ids follow the phones' order: the unique phone index is then written front to back
        # instead of at a random place per row (seconds on a million rows).
        order = pc.sort_indices(new, sort_keys=[("phone", "ascending", "at_end")])
    ids = _insert_new(conn, bulk, new, order, plan.custom_keys, job_id, stamp, default_source, step)
    applied.created = len(ids)
    applied.touched.append((ids, new, order))
    if plan.existing.num_rows:
        if options.on_duplicate == "skip":
            applied.skipped += plan.existing.num_rows
        else:
            outcome = update_existing(conn, bulk, plan.existing, plan.custom_keys, options.on_duplicate == "overwrite",
                                      stamp, step)
            applied.updated, applied.skipped = outcome
            applied.touched.append((plan.existing.column("id").to_numpy(), plan.existing, None))
    fresh_from = int(ids.min()) if bulk.sqlite and len(ids) else None
    _extras(conn, bulk, applied.touched, options, plan.consent_channels, job_id, stamp, lambda: step(0), fresh_from)
    return applied


def _batch(new: pa.Table, order: pa.Array | None, start: int, size: int, default_source: str) -> pa.Table:
    """Rows start..start+size of the new contacts in insertion order, their source filled in."""
    part = new.slice(start, size) if order is None else new.take(order.slice(start, size))
    where = part.schema.get_field_index("source")
    return part.set_column(where, "source", pc.fill_null(part.column("source"), pa.scalar(default_source)))


def _insert_new(conn: sa.Connection, bulk: Bulk, new: pa.Table, order: pa.Array | None, keys: list[str],
                job_id: int | None, stamp: object, default_source: str, step: Callable[[int], None]) -> np.ndarray:
    """Insert the new contacts (in `order` when given); returns their ids, aligned with `new`'s rows."""
    count = new.num_rows
    if not bulk.sqlite:
        return _insert_core(conn, new, keys, job_id, stamp, default_source, step)
    first_id = 1 + (conn.execute(sa.select(sa.func.max(contacts.c.id))).scalar() or 0)
    deferred = _drop_indexes(conn, new) if count >= DEFER_INDEXES_FROM and count > first_id else []
    cursor = conn.connection.driver_connection.cursor()
    shared = (_literal(job_id), _literal(stamp), _literal(stamp))
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        part = _batch(new, order, start, size, default_source)
        parts = [part.column(name).combine_chunks() for name in FIELD_ORDER]
        parts[8] = parts[8].cast(pa.string())  # dates as SQLAlchemy stores them: ISO text
        parts += [custom_json([part.column(f"c{k}").combine_chunks() for k in range(len(keys))], keys, size),
                  search_texts(parts[4], parts[3], parts[5], parts[1], parts[0], parts[7])]
        # Columns empty in this batch and the values shared by every row are written into the
        # statement rather than bound per row: a third fewer parameters on a typical file.
        bound = [k for k, c in enumerate(parts) if c.null_count < size]
        names = ("id", *(_COLUMNS[k] for k in bound), "import_job_id", "created_at", "updated_at")
        sql = (f"INSERT INTO contacts ({', '.join(names)}) "  # noqa: S608 - schema names and quoted literals
               f"VALUES ({', '.join(['?'] * (len(bound) + 1))}, {', '.join(shared)})")
        values = [parts[k].to_pylist() for k in bound]
        # The transaction holds the write lock, so these ids cannot be taken meanwhile.
        cursor.executemany(sql, zip(range(first_id + start, first_id + start + size), *values, strict=True))
        del values, parts, part
        step(size)
    for statement in deferred:
        conn.exec_driver_sql(statement)
        step(0)
    ids = np.arange(first_id, first_id + count, dtype=np.int64)
    if order is not None:
        ids[order.to_numpy()] = ids.copy()
    return ids


def _literal(value: object) -> str:
    """An SQL literal of an int, None or a str (quotes doubled)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


def _insert_core(conn: sa.Connection, new: pa.Table, keys: list[str], job_id: int | None, stamp: object,
                 default_source: str, step: Callable[[int], None]) -> np.ndarray:
    ids: list[int] = []
    stmt = sa.insert(contacts).returning(contacts.c.id, sort_by_parameter_order=True)
    for start in range(0, new.num_rows, BATCH):
        part = _batch(new, None, start, BATCH, default_source)
        records = _records(part, [part.column(f"c{k}") for k in range(len(keys))])
        rows = [dict(zip(_COLUMNS, (*r[:11], custom_dict(keys, r[11]), search_text(r), job_id, stamp, stamp),
                         strict=True)) for r in records]
        ids.extend(int(i) for i in conn.execute(stmt, rows).scalars())
        step(len(rows))
    return np.array(ids, dtype=np.int64)


def _records(part: pa.Table, customs: list[pa.Array]) -> Iterator[list]:
    """Rows as lists: the FIELD_ORDER values, then the custom values as a tuple (or None)."""
    fields = [part.column(name).to_pylist() for name in FIELD_ORDER]
    values = [c.to_pylist() for c in customs]
    for k in range(part.num_rows):
        custom = tuple(v[k] for v in values)
        yield [*(f[k] for f in fields), custom if any(v is not None for v in custom) else None]


def _drop_indexes(conn: sa.Connection, new: pa.Table) -> list[str]:
    """Drop the plain (non-unique) indexes on contacts that the bulk load would update in the
    middle; returns their SQL to build them again after the load.

    Building an index once after the load is faster than updating it row by row, even for a
    column of few values (about 2 s less on a million rows). An index every new row only
    appends to is kept: this import's job id, or a column the file leaves empty. The DDL is part
    of the transaction, so a rollback restores the indexes too.
    """
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NOT NULL"
    ).all()
    dropped = []
    for name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        columns = [row[2] for row in conn.exec_driver_sql(f'PRAGMA index_info("{name}")')]
        if len(columns) == 1 and (columns[0] == "import_job_id" or (
                columns[0] in new.column_names and new.column(columns[0]).null_count == new.num_rows)):
            continue
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def _extras(conn: sa.Connection, bulk: Bulk, touched: list[tuple[np.ndarray, pa.Table, pa.Array | None]],
            options: ImportOptions,
            channels: list[str], job_id: int | None, stamp: object, tick: Callable[[], None],
            fresh_from: int | None) -> None:
    touched = [entry for entry in touched if len(entry[0])]
    if not touched:
        return
    per_row = [(ids, table.column("tags").to_pylist()) for ids, table, _order in touched if "tags" in table.column_names]
    names = set(options.tags) | {t for _ids, lists in per_row for row in lists if row for t in row}
    if names:
        tag_ids = get_or_create_tags(conn, names)
        common = [tag_ids[" ".join(t.split())] for t in options.tags if t.strip()]
        pairs = [(cid, tid) for ids, _table, _order in touched for cid in ids.tolist() for tid in common]
        pairs += [(cid, tag_ids[" ".join(t.split())]) for ids, lists in per_row
                  for cid, row in zip(ids.tolist(), lists, strict=True) if row for t in row]
        tag_contacts(conn, pairs)
        tick()
    if options.list_name:
        list_id = get_or_create_list(conn, options.list_name)
        add_members(conn, list_id, (cid for ids, _table, _order in touched for cid in ids.tolist()))
        tick()
    whole = list(options.consent_channels)
    for channel in dict.fromkeys([*whole, *channels]):
        column = f"s{channels.index(channel)}" if channel in channels else None
        source = options.consent_source if channel in whole else COLUMN_SOURCE
        for ids, table, order in touched:
            status = table.column(column).combine_chunks() if column else pa.nulls(len(ids), pa.string())
            if channel in whole:
                status = pc.fill_null(status, pa.scalar("granted"))
            if fresh_from is not None and ids[0] >= fresh_from:
                # Brand-new contacts with consecutive ids: nothing to upsert, one statement.
                in_id_order = status if order is None else status.take(order)
                _insert_fresh_consents(conn, fresh_from, channel, in_id_order, source, stamp, job_id)
                continue
            upsert_consent_column(conn, ids, channel, status, source, stamp, job_id)
        tick()


_FRESH_CONSENTS = (
    "INSERT INTO consents (contact_id, channel, status, source, recorded_at, import_job_id) "
    "SELECT ? + key, ?, CASE value WHEN 1 THEN 'granted' ELSE 'denied' END, ?, ?, ? FROM json_each(?) WHERE value > 0"
)


def _insert_fresh_consents(conn: sa.Connection, first_id: int, channel: str, status: pa.Array, source: str | None,
                           stamp: object, job_id: int | None) -> None:
    """Consents of contacts first_id, first_id + 1, ...: the statuses travel as one JSON array of
    codes (0 none, 1 granted, 2 denied) instead of a bound row per consent."""
    codes = pc.if_else(pc.equal(status, "granted"), 1, pc.if_else(pc.equal(status, "denied"), 2, 0))
    text = "[" + ",".join(map(str, pc.fill_null(codes, 0).to_pylist())) + "]"
    conn.connection.driver_connection.execute(_FRESH_CONSENTS, (first_id, channel, source, stamp, job_id, text))
