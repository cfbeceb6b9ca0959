"""Writing a Plan to the database inside the caller's transaction: inserts, policy updates,
tags, list membership and consents."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from app.contacts.lists import add_members, get_or_create_list, get_or_create_tags, tag_contacts
from app.db.schema import consents, contacts
from app.importer.bulk import Bulk
from app.importer.consent_rows import upsert_consents
from app.importer.merge import custom_dict, custom_encoder, merged, unchanged_check
from app.importer.model import ImportOptions
from app.importer.rows import CONSENT, CUSTOM, FIELD_ORDER, TAGS, Plan
from app.progress import CancelToken, ProgressCallback

__all__ = ["Applied", "apply_plan", "search_text"]

BATCH = 50_000
_CONSENT_COLUMNS = ("contact_id", "channel", "status", "source", "recorded_at", "import_job_id")
DEFER_INDEXES_FROM = 20_000
_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "import_job_id", "created_at", "updated_at")
_UPDATE_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "updated_at")


class Touched:
    """The contacts an import touched, as (id, file record) pairs, without a million-entry dict:
    new contacts are a range of ids beside their records, updated ones a small dict."""

    def __init__(self) -> None:
        self.new_ids: Sequence[int] = ()
        self.new_records: list[list] = []
        self.existing: dict[int, list] = {}

    def __len__(self) -> int:
        return len(self.new_ids) + len(self.existing)

    def __iter__(self) -> Iterator[int]:
        yield from self.new_ids
        yield from self.existing

    def items(self) -> Iterator[tuple[int, list]]:
        yield from zip(self.new_ids, self.new_records, strict=True)
        yield from self.existing.items()

    def values(self) -> Iterator[list]:
        yield from self.new_records
        yield from self.existing.values()


@dataclass
class Applied:
    """Counts of what was written and the ids touched."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    touched: Touched = field(default_factory=Touched)


def search_text(record: list) -> str:
    """Lower-cased "last first middle email phone-digits city" for quick search."""
    phone = record[0][1:] if record[0] else None
    parts = (record[4], record[3], record[5], record[1], phone, record[7])
    return " ".join(p for p in parts if p).lower()


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
    now = dt.datetime.now(dt.UTC)
    stamp = bulk.ts(now)
    applied = Applied()
    total = len(plan.new) + len(plan.existing)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(done, total, "writing")

    step(0)
    for record in plan.new:
        if record[10] is None:
            record[10] = default_source
    ids = _insert_new(conn, bulk, plan.new, plan.custom_keys, job_id, stamp, step)
    applied.created = len(ids)
    applied.touched.new_ids, applied.touched.new_records = ids, plan.new
    if plan.existing:
        rows = []
        skip = options.on_duplicate == "skip"
        overwrite = options.on_duplicate == "overwrite"
        unchanged = unchanged_check(plan.custom_keys, overwrite)
        for cid, current in ([] if skip else _current(conn, bulk, plan.existing, unchanged)):
            record = plan.existing[cid]
            applied.touched.existing[cid] = record
            new = None if current is None else merged(current, record, plan.custom_keys, overwrite)
            if new is None:
                applied.skipped += 1
                continue
            rows.append((*new[:CUSTOM], bulk.json(new[CUSTOM]), search_text(new), stamp, cid))  # custom: a dict here
        applied.skipped += len(plan.existing) if skip else 0
        applied.updated = len(rows)
        for start in range(0, len(rows), BATCH):
            chunk = [(*r[:8], bulk.date(r[8]), *r[9:]) for r in rows[start : start + BATCH]]
            bulk.update(contacts, _UPDATE_COLUMNS, chunk)
            step(len(chunk))
    # SQLite ids of this import's new contacts are contiguous from ids[0]: nothing to upsert there.
    fresh_from = ids[0] if bulk.sqlite and ids else None
    _extras(conn, bulk, applied.touched, options, job_id, stamp, plan.consent_channels, lambda: step(0), fresh_from)
    return applied


def _insert_new(conn: sa.Connection, bulk: Bulk, new: list[list], keys: list[str], job_id: int | None,
                stamp: object, step: Callable[[int], None]) -> Sequence[int]:
    custom = custom_encoder(keys) if bulk.sqlite else (lambda values: custom_dict(keys, values))
    ids: list[int] = []
    first_id = next_id = 1 + (conn.execute(sa.select(sa.func.max(contacts.c.id))).scalar() or 0)
    deferred = _drop_indexes(conn) if bulk.sqlite and len(new) >= DEFER_INDEXES_FROM and len(new) > next_id else []
    for start in range(0, len(new), BATCH):
        chunk = new[start : start + BATCH]
        if bulk.sqlite:
            # The transaction holds the write lock, so these ids cannot be taken meanwhile.
            # Inlined search_text/date: this comprehension runs a million times on a big import.
            rows = [(next_id + k, *r[:8], r[8].isoformat() if r[8] else None, r[9], r[10], custom(r[CUSTOM]),
                     " ".join([p for p in (r[4], r[3], r[5], r[1], r[0] and r[0][1:], r[7]) if p]).lower(),
                     job_id, stamp, stamp) for k, r in enumerate(chunk)]
            next_id += len(rows)
            bulk.insert(contacts, ("id", *_COLUMNS), rows)
        else:
            rows = [(*r[:8], r[8], r[9], r[10], custom(r[CUSTOM]), search_text(r), job_id, stamp, stamp) for r in chunk]
            stmt = sa.insert(contacts).returning(contacts.c.id, sort_by_parameter_order=True)
            result = conn.execute(stmt, [dict(zip(_COLUMNS, row, strict=True)) for row in rows])
            ids.extend(int(i) for i in result.scalars())
        del rows
        step(len(chunk))
    for sql in deferred:
        conn.exec_driver_sql(sql)
        step(0)
    # SQLite: the new ids are contiguous, a range instead of a million ints.
    return range(first_id, next_id) if bulk.sqlite else ids


def _drop_indexes(conn: sa.Connection) -> list[str]:
    """Drop the plain (non-unique) indexes on contacts for a bulk load; returns their SQL.

    Building an index once after the load is about twice as fast as updating it row by row,
    and the DDL is part of the transaction, so a rollback restores the indexes too.
    """
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NOT NULL"
    ).all()
    plain = [(name, sql) for name, sql in found if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in plain:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in plain]


def _current(conn: sa.Connection, bulk: Bulk, wanted: dict[int, list],
             unchanged: Callable[[Sequence, list], bool]) -> Iterator[tuple[int, list | None]]:
    """(id, current values) of the contacts in `wanted`, in the FIELD_ORDER + custom layout;
    on SQLite the values are None for a contact `unchanged` says the file leaves as it is."""
    names = f"id, {', '.join(FIELD_ORDER)}, custom"
    if bulk.sqlite:
        cursor = conn.connection.driver_connection.cursor()
        if len(wanted) > 20_000:
            # Many matches (a re-import): one scan beats thousands of IN (...) lookups.
            batches = [cursor.execute(f"SELECT {names} FROM contacts")]  # noqa: S608 - constant column names
        else:
            ids = list(wanted)
            batches = (cursor.execute(f"SELECT {names} FROM contacts WHERE id IN ({','.join('?' * len(chunk))})", chunk)  # noqa: S608 - placeholders only
                       for chunk in (ids[k : k + 500] for k in range(0, len(ids), 500)))
        for rows in batches:
            for row in rows:
                if (wanted_record := wanted.get(row[0])) is not None:
                    if unchanged(row, wanted_record):
                        yield row[0], None
                        continue
                    record = list(row[1:])
                    record[8] = dt.date.fromisoformat(record[8]) if record[8] else None
                    record[CUSTOM] = json.loads(record[CUSTOM]) if record[CUSTOM] else {}
                    yield row[0], record
        return
    cols = [contacts.c[name] for name in ("id", *FIELD_ORDER, "custom")]
    ids = list(wanted)
    for start in range(0, len(ids), 500):
        for row in conn.execute(sa.select(*cols).where(contacts.c.id.in_(ids[start : start + 500]))).all():
            record = list(row[1:])
            record[CUSTOM] = dict(record[CUSTOM] or {})
            yield row[0], record


def _extras(conn: sa.Connection, bulk: Bulk, touched: Touched, options: ImportOptions,
            job_id: int | None, stamp: object, channels: list[str], tick: Callable[[], None],
            fresh_from: int | None) -> None:
    if not touched:
        return
    names = set(options.tags)
    for record in touched.values():
        if record[TAGS]:
            names |= record[TAGS]
    if names:
        tag_ids = get_or_create_tags(conn, names)
        common = [tag_ids[" ".join(t.split())] for t in options.tags if t.strip()]
        pairs = [(cid, tid) for cid in touched for tid in common]
        pairs += [(cid, tag_ids[" ".join(t.split())]) for cid, record in touched.items() if record[TAGS]
                  for t in record[TAGS]]
        tag_contacts(conn, pairs)
        tick()
    if options.list_name:
        add_members(conn, get_or_create_list(conn, options.list_name), touched)
        tick()
    fresh: list[tuple] = []
    rows: list[tuple] = []
    column_source = "import: column in the file"
    whole = {channel: "granted" for channel in options.consent_channels}
    for cid, record in touched.items():
        statuses = dict(whole)
        if record[CONSENT] is not None:
            statuses.update((c, s) for c, s in zip(channels, record[CONSENT], strict=True) if s is not None)
        for channel, status in statuses.items():
            source = options.consent_source if channel in whole else column_source
            if fresh_from is not None and cid >= fresh_from:
                fresh.append((cid, channel, status, source, stamp, job_id))
            else:
                rows.append((cid, channel, status, source, stamp, job_id))
            if len(fresh) >= BATCH:
                bulk.insert(consents, _CONSENT_COLUMNS, fresh)
                fresh.clear()
    bulk.insert(consents, _CONSENT_COLUMNS, fresh)
    upsert_consents(conn, rows)
