"""Turning the file's columns into a plan: normalise, validate, deduplicate against the file and the base.

Rows resolve to a *target*: an existing contact or a new one. A row whose phone and email lead
to two different targets is a conflict and is never merged. Most rows share no phone or email
with any other row and touch at most one stored contact: those are decided column-wise at once.
Only rows that do share something are walked one by one in file order (the rules below), which
gives exactly the result of walking every row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from app.errors import UserInputError
from app.importer.fields import FIELD_ORDER, Fields, normalise_columns
from app.importer.table import SourceTable
from app.progress import CancelToken, ProgressCallback

__all__ = ["CONSENT", "CUSTOM", "FIELD_ORDER", "TAGS", "BaseIndex", "Plan", "build_plan", "merge_fill"]

CUSTOM, TAGS, CONSENT = len(FIELD_ORDER), len(FIELD_ORDER) + 1, len(FIELD_ORDER) + 2


@dataclass
class BaseIndex:
    """Identities already in the base: normalised phones / emails beside their contact ids."""

    phone_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    phones: pa.Array = field(default_factory=lambda: pa.array([], pa.string()))
    email_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    emails: pa.Array = field(default_factory=lambda: pa.array([], pa.string()))

    def lookup(self, values: pa.Array, email: bool) -> np.ndarray:
        """The contact id holding each value, 0 where none does."""
        keys, ids = (self.emails, self.email_ids) if email else (self.phones, self.phone_ids)
        if len(keys) == 0:
            return np.zeros(len(values), np.int64)
        pos = pc.fill_null(pc.index_in(values, value_set=keys), -1).to_numpy(zero_copy_only=False)
        return np.where(pos >= 0, ids[np.maximum(pos, 0)], 0)


@dataclass
class Plan:
    """What the file asks for, before anything is written.

    `new` holds one row per new contact in the order of first appearance, `existing` one per
    stored contact the file matches (column "id"); both in the layout of `Fields.data` plus
    "row", the data row that first named the contact.
    """

    new: pa.Table
    existing: pa.Table
    rejected: list[tuple[int, str | None, str]] = field(default_factory=list)  # (data row, column, reason)
    conflicts: list[tuple[int, str]] = field(default_factory=list)  # (data row, reason)
    merged: int = 0
    total: int = 0
    numbers: pa.Array = field(default_factory=lambda: pa.array([], pa.int64()))  # file row number of each data row
    custom_keys: list[str] = field(default_factory=list)
    consent_channels: list[str] = field(default_factory=list)


def merge_fill(into: list, other: list) -> None:
    """Fill the empty fields of record `into` from `other` (the earlier row wins)."""
    for i in range(CUSTOM):
        if into[i] is None and other[i] is not None:
            into[i] = other[i]
    for part in (CUSTOM, CONSENT):
        if other[part] is not None:
            if into[part] is None:
                into[part] = other[part]
            else:
                into[part] = tuple(a if a is not None else b for a, b in zip(into[part], other[part], strict=True))
    if other[TAGS]:
        into[TAGS] = (into[TAGS] or set()) | other[TAGS]


def build_plan(
    table: SourceTable,
    mapping: dict[str, str],
    region: str,
    base: BaseIndex,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> Plan:
    """Normalise every row and resolve it against the file and the base."""
    targets = [mapping.get(h, f"custom:{h}") for h in table.headers]
    if "phone" not in targets and "email" not in targets:
        raise UserInputError("map a column to Phone or Email: a contact needs at least one of them")
    total = table.data.num_rows
    progress(0, total, "normalising")
    fields = normalise_columns(table, mapping, region, cancel)
    progress(total // 2, total, "normalising")
    plan = _resolve(fields, base, table.row_numbers, cancel, table.keep_only)
    plan.total = total
    plan.custom_keys = [t[7:] for t in targets if t.startswith("custom:")]
    plan.consent_channels = [t[8:] for t in targets if t.startswith("consent:")]
    progress(total, total, "normalising")
    return plan


def _duplicated(values: pa.Array, valid: np.ndarray) -> np.ndarray:
    """Per row: a valid row whose value another valid row repeats."""
    codes = pc.fill_null(pc.dictionary_encode(values).indices, -1).to_numpy(zero_copy_only=False)
    used = valid & (codes >= 0)
    if not used.any():
        return np.zeros(len(codes), bool)
    counts = np.bincount(codes[used], minlength=int(codes.max()) + 1)
    return used & (counts[np.maximum(codes, 0)] > 1)


def _resolve(fields: Fields, base: BaseIndex, numbers: pa.Array, cancel: CancelToken | None,
             keep_rows: Callable[[pa.Array], None]) -> Plan:
    data, valid = fields.data, fields.valid
    phone, email = data.column("phone").combine_chunks(), data.column("email").combine_chunks()
    bp, be = base.lookup(phone, False), base.lookup(email, True)
    bp[~valid], be[~valid] = 0, 0
    touched = np.concatenate([bp[bp > 0], be[(be > 0) & (be != bp)]])
    ids, counts = np.unique(touched, return_counts=True)
    hot = ids[counts > 1]
    shared = _duplicated(phone, valid) | _duplicated(email, valid) | np.isin(bp, hot) | np.isin(be, hot)
    walk = valid & shared
    simple = valid & ~shared
    clash = simple & (bp > 0) & (be > 0) & (bp != be)
    target = np.where(bp > 0, bp, be)
    conflicts = [(int(i), f"phone {p} belongs to contact #{bp[i]} in the base, but email {e} belongs to "
                          f"contact #{be[i]} in the base; the row was not merged")
                 for i, p, e in _rows_of(np.nonzero(clash)[0], phone, email)]
    simple &= ~clash
    # Only rows that are rejected or may end in a conflict can reach the error report.
    keep_rows(pa.array(np.nonzero(~valid | walk | clash)[0], pa.int64()))
    fresh = np.nonzero(simple & (target == 0))[0]
    known = np.nonzero(simple & (target > 0))[0]
    walker = _Walker(data, numbers, bp, be)
    if cancel is not None:
        cancel.raise_if_cancelled()
    walker.walk(np.nonzero(walk)[0])
    size = data.num_rows
    rows = pa.array(np.arange(size, dtype=np.int64))
    # One copy each: the file's rows and the walked records side by side, taken in final order.
    walked = walker.table(walker.new, data.schema)
    pool = pa.concat_tables([data.append_column("row", rows), walked])
    firsts = np.concatenate([fresh, walked.column("row").to_numpy()])
    picks = np.concatenate([fresh, np.arange(size, size + walked.num_rows)])
    new = pool.take(pa.array(picks[np.argsort(firsts, kind="stable")]))
    walked = walker.table(list(walker.existing.values()), data.schema)
    pool = pa.concat_tables([data.append_column("row", rows), walked])
    picks = np.concatenate([known, np.arange(size, size + walked.num_rows)])
    existing = pool.take(pa.array(picks)).append_column(
        "id", pa.array(np.concatenate([target[known], np.array(list(walker.existing), dtype=np.int64)])))
    del pool, walked
    conflicts = sorted(conflicts + walker.conflicts)
    return Plan(new=new, existing=existing, rejected=fields.rejected, conflicts=conflicts, merged=walker.merged,
                numbers=numbers)


def _rows_of(indices: np.ndarray, *columns: pa.Array) -> list[tuple]:
    taken = [c.take(pa.array(indices, pa.int64())).to_pylist() for c in columns]
    return list(zip(indices.tolist(), *taken, strict=True))


class _Walker:
    """The rows that share a phone, an email or a stored contact, resolved one by one in file order."""

    def __init__(self, data: pa.Table, numbers: pa.Array, bp: np.ndarray, be: np.ndarray) -> None:
        self.data, self.numbers, self.bp, self.be = data, numbers, bp, be
        self.customs = [n for n in data.column_names if n.startswith("c") and n[1:].isdigit()]
        self.consents = [n for n in data.column_names if n.startswith("s") and n[1:].isdigit()]
        self.new: list[list] = []  # records, each with its first row appended
        self.existing: dict[int, list] = {}
        self.conflicts: list[tuple[int, str]] = []
        self.merged = 0
        self.file_phone: dict[str, int] = {}
        self.file_email: dict[str, int] = {}

    def walk(self, indices: np.ndarray) -> None:
        if len(indices) == 0:
            return
        taken = self.data.take(pa.array(indices, pa.int64()))
        fields = [taken.column(name).to_pylist() for name in FIELD_ORDER]
        customs = [taken.column(name).to_pylist() for name in self.customs]
        consents = [taken.column(name).to_pylist() for name in self.consents]
        tags = taken.column("tags").to_pylist() if "tags" in taken.column_names else None
        for k, i in enumerate(indices.tolist()):
            record = [f[k] for f in fields]
            custom = tuple(c[k] for c in customs)
            consent = tuple(c[k] for c in consents)
            record += [custom if any(v is not None for v in custom) else None,
                       set(tags[k]) if tags is not None and tags[k] else None,
                       consent if any(consent) else None]
            self._resolve(record, i)

    def _resolve(self, record: list, i: int) -> None:
        phone, email = record[0], record[1]
        tp = te = None
        if phone is not None:
            tp = self.file_phone.get(phone)
            if tp is None:
                tp = int(self.bp[i]) or None
        if email is not None:
            te = self.file_email.get(email)
            if te is None:
                te = int(self.be[i]) or None
        if tp is not None and te is not None and tp != te:
            self.conflicts.append((i, self._conflict_reason(phone, email, tp, te)))
            return
        target = tp if tp is not None else te
        if target is None:
            self.new.append([*record, i])
            target = -len(self.new)
        elif target < 0:
            merge_fill(self.new[-target - 1], record)
            self.merged += 1
        elif target in self.existing:
            merge_fill(self.existing[target], record)
            self.merged += 1
        else:
            self.existing[target] = [*record, i]
        if phone is not None and tp is None:
            self.file_phone[phone] = target
        if email is not None and te is None:
            self.file_email[email] = target

    def _conflict_reason(self, phone: str, email: str, tp: int, te: int) -> str:
        def who(target: int) -> str:
            if target > 0:
                return f"contact #{target} in the base"
            return f"the contact of row {self.numbers[self.new[-target - 1][-1]].as_py()} of this file"

        return f"phone {phone} belongs to {who(tp)}, but email {email} belongs to {who(te)}; the row was not merged"

    def table(self, records: list[list], schema: pa.Schema) -> pa.Table:
        """Records (with their first row last) in the layout of the data, plus "row"."""
        columns: dict[str, pa.Array] = {}
        for k, name in enumerate(FIELD_ORDER):
            columns[name] = pa.array([r[k] for r in records], schema.field(name).type)
        for k, name in enumerate(self.customs):
            columns[name] = pa.array([r[CUSTOM][k] if r[CUSTOM] else None for r in records], pa.string())
        for k, name in enumerate(self.consents):
            columns[name] = pa.array([r[CONSENT][k] if r[CONSENT] else None for r in records], pa.string())
        if "tags" in schema.names:
            columns["tags"] = pa.array([sorted(r[TAGS]) if r[TAGS] else None for r in records], pa.list_(pa.string()))
        columns["row"] = pa.array([r[-1] for r in records], pa.int64())
        return pa.table({name: columns[name] for name in [*schema.names, "row"]})
