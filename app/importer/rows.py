"""Turning the file's text columns into contact records: normalise, validate, deduplicate.

One pass over the rows with compiled regexes and dicts (perf.md §3: a per-row loop with
a regex fast path beats the pandas string chain on pandas 3), batch by batch so only one
batch of Python strings lives at a time. Rows resolve to a *target*: an existing contact id
(> 0) or a new record (< 0, -1 is the first new record). A row whose phone and email lead to
two different targets is a conflict and is never merged.

A record is a list: the FIELD_ORDER values, then custom values (a tuple aligned with
Plan.custom_keys, or None), tags (a set, or None) and consents (a tuple aligned with
Plan.consent_channels, or None). Empty parts are None to keep a million records small.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from app.contacts.normalize import check_email, check_phone, normalize_name, parse_date, split_full_name
from app.errors import UserInputError
from app.importer.table import SourceTable
from app.importer.vector import fast_emails, fast_phones
from app.progress import CancelToken, ProgressCallback

__all__ = ["CONSENT", "CUSTOM", "FIELD_ORDER", "TAGS", "BaseIndex", "Plan", "build_plan", "merge_fill"]

FIELD_ORDER = ("phone", "email", "external_id", "first_name", "last_name", "middle_name",
               "gender", "city", "birthday", "timezone", "source")
CUSTOM, TAGS, CONSENT = len(FIELD_ORDER), len(FIELD_ORDER) + 1, len(FIELD_ORDER) + 2
BATCH = 50_000
CACHE_LIMIT = 200_000

_YES = frozenset({"да", "д", "yes", "y", "1", "true", "+", "согласен", "согласна", "есть", "v", "✓", "x", "истина"})
_NO = frozenset({"нет", "н", "no", "n", "0", "false", "-", "не согласен", "не согласна", "отказ", "ложь"})
_MALE = frozenset({"м", "муж", "мужской", "m", "male", "man", "мужчина"})
_FEMALE = frozenset({"ж", "жен", "женский", "f", "female", "woman", "женщина"})
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")
_TEXT_FIELDS = ("external_id", "city", "timezone", "source")


@dataclass
class BaseIndex:
    """Identities already in the base: normalised phone / email -> contact id."""

    phone: dict[str, int] = field(default_factory=dict)
    email: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    """What the file asks for, before anything is written."""

    new: list[list] = field(default_factory=list)
    new_rows: array = field(default_factory=lambda: array("q"))  # data-row index of each new record's first row
    existing: dict[int, list] = field(default_factory=dict)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (data row, column, reason)
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


class _Columns:
    """Where each target's column is, and the current batch of its values."""

    def __init__(self, table: SourceTable, mapping: dict[str, str]) -> None:
        self.table = table
        self.index = {mapping.get(h, f"custom:{h}"): i for i, h in enumerate(table.headers)}
        self.headers = table.headers
        self.custom = [i for i, h in enumerate(table.headers) if mapping.get(h, f"custom:{h}").startswith("custom:")]
        self.consent = [i for i, h in enumerate(table.headers) if mapping.get(h, "").startswith("consent:")]

    def header(self, target: str) -> str | None:
        i = self.index.get(target)
        return self.headers[i] if i is not None else None

    def batch(self, start: int, target: str | int) -> list | None:
        i = self.index.get(target) if isinstance(target, str) else target
        if i is None:
            return None
        return self.table.data.column(i).slice(start, BATCH).to_pylist()

    def trimmed(self, start: int, index: int) -> list:
        """Column `index`'s batch trimmed in Arrow, blank cells as None: no per-cell strip() in Python."""
        column = self.table.data.column(index).slice(start, BATCH)
        if pa.types.is_null(column.type):  # a column with no values at all
            return [None] * len(column)
        values = pc.utf8_trim_whitespace(column)
        return pc.if_else(pc.equal(pc.binary_length(values), 0), None, values).to_pylist()

    def arrow(self, start: int, target: str) -> pa.Array | None:
        i = self.index.get(target)
        if i is None:
            return None
        return self.table.data.column(i).slice(start, BATCH).combine_chunks()


def build_plan(
    table: SourceTable,
    mapping: dict[str, str],
    region: str,
    base: BaseIndex,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> Plan:
    """Normalise every row and resolve it against the file so far and the base."""
    cols = _Columns(table, mapping)
    if "phone" not in cols.index and "email" not in cols.index:
        raise UserInputError("map a column to Phone or Email: a contact needs at least one of them")
    plan = Plan(total=table.data.num_rows, numbers=table.row_numbers,
                custom_keys=[mapping.get(cols.headers[i], f"custom:{cols.headers[i]}")[7:] for i in cols.custom],
                consent_channels=[mapping[cols.headers[i]][8:] for i in cols.consent])
    state = _State(plan, base, region, table.date1904, cols)
    for start in range(0, plan.total, BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(start, plan.total, "normalising")
        state.run_batch(start)
    progress(plan.total, plan.total, "normalising")
    return plan


class _State:
    def __init__(self, plan: Plan, base: BaseIndex, region: str, date1904: bool, cols: _Columns) -> None:
        self.plan, self.base, self.region, self.date1904, self.cols = plan, base, region, date1904, cols
        self.file_phone: dict[str, int] = {}
        self.file_email: dict[str, int] = {}
        self.dates: dict[str, object] = {}
        self.names: dict[str, tuple] = {}
        self.words: dict[str, str | None] = {}
        self.texts: dict[str, str] = {}
        self.consent_tuples: dict[tuple, tuple] = {}

    def run_batch(self, start: int) -> None:  # one tight loop: this is the hot path
        cols, plan = self.cols, self.plan
        phones = emails = None
        phones_fast = phones_slow = emails_fast = emails_slow = None
        if (arrow := cols.arrow(start, "phone")) is not None:
            phones, (phones_fast, phones_slow) = arrow.to_pylist(), fast_phones(arrow, self.region)
        if (arrow := cols.arrow(start, "email")) is not None:
            emails, (emails_fast, emails_slow) = arrow.to_pylist(), fast_emails(arrow)
        births = cols.batch(start, "birthday")
        full, genders, tags = cols.batch(start, "full_name"), cols.batch(start, "gender"), cols.batch(start, "tags")
        names = [(k, v) for k, v in ((4, cols.batch(start, "last_name")), (3, cols.batch(start, "first_name")),
                                     (5, cols.batch(start, "middle_name"))) if v is not None]
        texts = [(i, v) for i, k in ((2, "external_id"), (7, "city"), (9, "timezone"), (10, "source"))
                 if (v := cols.batch(start, k)) is not None]
        customs = [cols.trimmed(start, i) for i in cols.custom]
        nothing = (None,) * len(customs)
        consents = [cols.batch(start, i) for i in cols.consent]
        phone_h, email_h, birth_h = cols.header("phone"), cols.header("email"), cols.header("birthday")
        region, date1904, dates, split_cache, words = self.region, self.date1904, self.dates, self.names, self.words
        interned = self.texts
        count = len(phones if phones is not None else emails)
        for j in range(count):
            i = start + j
            phone = email = None
            if phones_fast is not None:
                phone = phones_fast[j]
                if phones_slow[j]:
                    phone, why = check_phone(phones[j], region)
                    if why:
                        plan.rejected.append((i, phone_h, why))
                        continue
            if emails_fast is not None:
                email = emails_fast[j]
                if emails_slow[j]:
                    email, why = check_email(emails[j])
                    if why:
                        plan.rejected.append((i, email_h, why))
                        continue
            if phone is None and email is None:
                plan.rejected.append((i, phone_h or email_h, "no phone and no email: nothing identifies the contact"))
                continue
            record = [phone, email, None, None, None, None, None, None, None, None, None, None, None, None]
            if births is not None and (raw := births[j]):
                birthday = dates.get(raw)
                if birthday is None:
                    birthday = parse_date(raw, date1904=date1904) if raw.strip() else False
                    if birthday is None:
                        plan.rejected.append((i, birth_h, f"cannot read the date {raw.strip()!r}; use dd.mm.yyyy"))
                        continue
                    if len(dates) < CACHE_LIMIT:
                        dates[raw] = birthday
                if birthday:
                    record[8] = birthday
            if full is not None and (raw := full[j]):
                parts = split_cache.get(raw)
                if parts is None:
                    parts = split_full_name(raw)
                    if len(split_cache) < CACHE_LIMIT:
                        split_cache[raw] = parts
                record[4], record[3], record[5] = parts
            for index, values in names:
                if raw := values[j]:
                    value = words.get(raw, "")
                    if value == "":
                        value = normalize_name(raw)
                        if len(words) < CACHE_LIMIT:
                            words[raw] = value
                    if value:
                        record[index] = value
            for index, values in texts:
                if (raw := values[j]) and (raw := raw.strip()):
                    record[index] = interned.setdefault(raw, raw) if len(interned) < CACHE_LIMIT else raw
            if genders is not None and (raw := genders[j]):
                word = raw.strip().lower().rstrip(".")
                record[6] = "m" if word in _MALE else "f" if word in _FEMALE else None
            if tags is not None and (raw := tags[j]) and raw.strip():
                record[TAGS] = {t for t in _TAG_SPLIT.split(raw.strip()) if t}
            if customs:
                values = tuple([c[j] for c in customs])
                if values != nothing:
                    record[CUSTOM] = values
            if consents:
                statuses = []
                for k, values in enumerate(consents):
                    status = None
                    if (raw := values[j]) and (word := raw.strip().lower()):
                        status = "granted" if word in _YES else "denied" if word in _NO else ""
                        if not status:
                            plan.rejected.append((i, cols.headers[cols.consent[k]], f"cannot read consent {raw.strip()!r}; use да/нет"))
                            break
                    statuses.append(status)
                else:
                    if any(statuses):
                        key = tuple(statuses)
                        record[CONSENT] = self.consent_tuples.setdefault(key, key)  # a few shared tuples
                    self._resolve(record, i)
                continue
            self._resolve(record, i)

    def _resolve(self, record: list, i: int) -> None:
        plan, base = self.plan, self.base
        phone, email = record[0], record[1]
        tp = te = None
        if phone is not None:
            tp = self.file_phone.get(phone)
            if tp is None:
                tp = base.phone.get(phone)
        if email is not None:
            te = self.file_email.get(email)
            if te is None:
                te = base.email.get(email)
        if tp is not None and te is not None and tp != te:
            plan.conflicts.append((i, self._conflict_reason(phone, email, tp, te)))
            return
        target = tp if tp is not None else te
        if target is None:
            plan.new.append(record)
            plan.new_rows.append(i)
            target = -len(plan.new)
        elif target < 0:
            merge_fill(plan.new[-target - 1], record)
            plan.merged += 1
        elif target in plan.existing:
            merge_fill(plan.existing[target], record)
            plan.merged += 1
        else:
            plan.existing[target] = record
        if phone is not None and tp is None:
            self.file_phone[phone] = target
        if email is not None and te is None:
            self.file_email[email] = target

    def _conflict_reason(self, phone: str, email: str, tp: int, te: int) -> str:
        def who(target: int) -> str:
            if target > 0:
                return f"contact #{target} in the base"
            return f"the contact of row {self.plan.numbers[self.plan.new_rows[-target - 1]].as_py()} of this file"

        return f"phone {phone} belongs to {who(tp)}, but email {email} belongs to {who(te)}; the row was not merged"
