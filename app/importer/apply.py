"""Writing a Plan to the database inside the caller's transaction: inserts, policy updates,
tags, list membership and consents."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring

import sqlalchemy as sa

from app.contacts.lists import add_members, get_or_create_list, get_or_create_tags, tag_contacts
from app.db.schema import consents, contacts
from app.importer.bulk import Bulk
from app.importer.model import ImportOptions
from app.importer.rows import CONSENT, CUSTOM, FIELD_ORDER, TAGS, Plan
from app.progress import CancelToken, ProgressCallback

__all__ = ["Applied", "apply_plan", "search_text"]

BATCH = 50_000
_CONSENT_COLUMNS = ("contact_id", "channel", "status", "source", "recorded_at", "import_job_id")
DEFER_INDEXES_FROM = 20_000
_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "import_job_id", "created_at", "updated_at")
_UPDATE_COLUMNS = (*FIELD_ORDER, "custom", "search_text", "updated_at")
_NEW_STATUS = ("(CASE WHEN excluded.status = 'denied' AND consents.status IN ('granted', 'withdrawn') "
               "THEN 'withdrawn' ELSE excluded.status END)")
_CONSENT_SQL = (
    "INSERT INTO consents (contact_id, channel, status, source, recorded_at, import_job_id) "
    "VALUES (:contact_id, :channel, :status, :source, :recorded_at, :import_job_id) "
    "ON CONFLICT (contact_id, channel) DO UPDATE SET "
    # A "no" in the file for someone who had agreed is a withdrawal, not a never-given consent.
    "status = " + _NEW_STATUS + ", source = excluded.source, recorded_at = excluded.recorded_at, "
    "import_job_id = excluded.import_job_id "
    # Unchanged consents keep the time they were first recorded.
    "WHERE " + _NEW_STATUS + " <> consents.status "
    "OR COALESCE(excluded.source, '') <> COALESCE(consents.source, '')"
)


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
        for cid, current in ([] if skip else _current(conn, bulk, plan.existing)):
            record = plan.existing[cid]
            applied.touched.existing[cid] = record
            new = _merged(current, record, plan.custom_keys, options.on_duplicate == "overwrite")
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
    custom = _custom_encoder(keys) if bulk.sqlite else (lambda values: _custom_dict(keys, values))
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


def _current(conn: sa.Connection, bulk: Bulk, wanted: dict[int, list]) -> Iterator[tuple[int, list]]:
    """(id, current values) of the contacts in `wanted`, in the FIELD_ORDER + custom layout."""
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
                if row[0] in wanted:
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


def _custom_dict(keys: list[str], values: tuple | None) -> dict[str, str]:
    if values is None:
        return {}
    return {k: v for k, v in zip(keys, values, strict=True) if v is not None}


def _custom_encoder(keys: list[str]) -> Callable[[tuple | None], str]:
    """JSON of the custom values without json.dumps per row (a million calls cost seconds)."""
    prefixes = [encode_basestring(k) + ": " for k in keys]
    if len(keys) == 1:
        # The usual case (one extra column): no join, no zip.
        head = "{" + prefixes[0]

        def encode_one(values: tuple | None) -> str:
            if values is None or values[0] is None:
                return "{}"
            return head + encode_basestring(values[0]) + "}"

        return encode_one

    def encode(values: tuple | None) -> str:
        if values is None:
            return "{}"
        return "{" + ", ".join(p + encode_basestring(v) for p, v in zip(prefixes, values, strict=True) if v is not None) + "}"

    return encode


def _merged(current: list, record: list, keys: list[str], overwrite: bool) -> list | None:
    """The contact's new values under the policy, or None when nothing changes."""
    new = list(current[: CUSTOM + 1])
    new[CUSTOM] = dict(current[CUSTOM])
    changed = False
    for i in range(CUSTOM):
        value = record[i]
        if value is None or value == new[i]:
            continue
        if overwrite or new[i] in (None, ""):
            new[i] = value
            changed = True
    for key, value in _custom_dict(keys, record[CUSTOM]).items():
        if new[CUSTOM].get(key) != value and (overwrite or key not in new[CUSTOM]):
            new[CUSTOM][key] = value
            changed = True
    return new if changed else None


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
    rows: list[dict] = []
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
                rows.append({"contact_id": cid, "channel": channel, "status": status, "source": source,
                             "recorded_at": stamp, "import_job_id": job_id})
            if len(fresh) >= BATCH:
                bulk.insert(consents, _CONSENT_COLUMNS, fresh)
                fresh.clear()
    bulk.insert(consents, _CONSENT_COLUMNS, fresh)
    if rows:
        if bulk.sqlite:
            conn.connection.driver_connection.cursor().executemany(_CONSENT_SQL, rows)
        else:
            conn.execute(sa.text(_CONSENT_SQL), rows)
