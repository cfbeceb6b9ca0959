"""Normalising the file's columns into contact fields, column by column.

Phones and emails take the vectorised fast paths of `vector.py` and go through the per-row
checks only where those refuse. Dates, names, genders, tags and consent words are computed
once per distinct cell value (files repeat them a lot) with the very functions of
`app.contacts.normalize`, so every result is the one the per-row code would give.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from app.contacts.normalize import check_email, check_phone, normalize_name, parse_date, split_full_name
from app.importer.table import SourceTable
from app.importer.vector import fast_emails, fast_phones
from app.progress import CancelToken

__all__ = ["FIELD_ORDER", "Fields", "normalise_columns"]

FIELD_ORDER = ("phone", "email", "external_id", "first_name", "last_name", "middle_name",
               "gender", "city", "birthday", "timezone", "source")
_YES = frozenset({"да", "д", "yes", "y", "1", "true", "+", "согласен", "согласна", "есть", "v", "✓", "x", "истина"})
_NO = frozenset({"нет", "н", "no", "n", "0", "false", "-", "не согласен", "не согласна", "отказ", "ложь"})
_MALE = frozenset({"м", "муж", "мужской", "m", "male", "man", "мужчина"})
_FEMALE = frozenset({"ж", "жен", "женский", "f", "female", "woman", "женщина"})
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")
_NO_CONTACT = "no phone and no email: nothing identifies the contact"
SLICE = 250_000


@dataclass
class Fields:
    """Every data row's normalised values (null where empty) and which rows were rejected.

    Attributes:
        data: FIELD_ORDER columns (birthday as date32), custom columns "c0".., consent columns
            "s0".. ("granted"/"denied"/null) and, when a tags column is mapped, "tags" (list of str).
        valid: per row, not rejected.
        rejected: (data row, column header, reason) of each rejected row, in row order.
    """

    data: pa.Table
    valid: np.ndarray
    rejected: list[tuple[int, str | None, str]] = field(default_factory=list)


def _column(table: SourceTable, index: int | None) -> pa.Array | None:
    if index is None:
        return None
    column = table.data.column(index).combine_chunks()
    return column.cast(pa.string()) if pa.types.is_null(column.type) else column


def _per_value(column: pa.Array, fn: Callable[[str], tuple], types: list[pa.DataType]) -> list[pa.Array]:
    """fn applied once per distinct value; one output array per element of fn's result tuple."""
    encoded = pc.dictionary_encode(column)
    results = [fn(value) for value in encoded.dictionary.to_pylist()]
    return [pa.array([r[k] for r in results], kind).take(encoded.indices) for k, kind in enumerate(types)]


def _blank(raw: str) -> bool:
    return not raw or not raw.strip()


def _date(date1904: bool) -> Callable[[str], tuple]:
    def parse(raw: str) -> tuple:
        if _blank(raw):
            return None, None
        day = parse_date(raw, date1904=date1904)
        return (day, None) if day is not None else (None, f"cannot read the date {raw.strip()!r}; use dd.mm.yyyy")

    return parse


def _full_name(raw: str) -> tuple:
    return split_full_name(raw) if raw else (None, None, None)


def _name(raw: str) -> tuple:
    return (normalize_name(raw) if raw else None,)


def _text(raw: str) -> tuple:
    return (raw.strip() or None,) if raw else (None,)


def _gender(raw: str) -> tuple:
    if not raw:
        return (None,)
    word = raw.strip().lower().rstrip(".")
    return ("m" if word in _MALE else "f" if word in _FEMALE else None,)


def _tags(raw: str) -> tuple:
    if not raw or not raw.strip():
        return (None,)
    return (sorted({t for t in _TAG_SPLIT.split(raw.strip()) if t}) or None,)


def _consent(header: str) -> Callable[[str], tuple]:
    def read(raw: str) -> tuple:
        word = raw.strip().lower() if raw else ""
        if not word:
            return None, None
        status = "granted" if word in _YES else "denied" if word in _NO else None
        return status, None if status else f"cannot read consent {raw.strip()!r}; use да/нет"

    return read


def _patched(fast: pa.Array, slow: pa.Array, raw: pa.Array, check: Callable[[str], tuple]) -> tuple[pa.Array, pa.Array]:
    """The fast result with the rows it refused decided by `check`; (values, reasons)."""
    where = pc.indices_nonzero(slow)
    if len(where) == 0:
        return fast, pa.nulls(len(fast), pa.string())
    decided = [check(v) for v in raw.take(where).to_pylist()]
    values = pc.replace_with_mask(fast, slow, pa.array([d[0] for d in decided], pa.string()))
    reasons = pc.replace_with_mask(pa.nulls(len(fast), pa.string()), slow, pa.array([d[1] for d in decided], pa.string()))
    return values, reasons


def normalise_columns(table: SourceTable, mapping: dict[str, str], region: str,
                      cancel: CancelToken | None = None) -> Fields:
    """Normalise every mapped column of `table`; see Fields."""
    return _normalise(table, mapping, region, cancel)


def _normalise(table: SourceTable, mapping: dict[str, str], region: str, cancel: CancelToken | None) -> Fields:
    headers = table.headers
    targets = [mapping.get(h, f"custom:{h}") for h in headers]
    where = {t: i for i, t in enumerate(targets)}
    rows = table.data.num_rows
    empty = pa.nulls(rows, pa.string())
    out: dict[str, pa.Array] = {}
    reasons: list[tuple[pa.Array, str | None]] = []  # in the order the per-row code checked them

    def tick() -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()

    phone_h = headers[where["phone"]] if "phone" in where else None
    email_h = headers[where["email"]] if "email" in where else None
    for key, header, fast, check in (("phone", phone_h, lambda a: fast_phones(a, region), lambda v: check_phone(v, region)),
                                     ("email", email_h, fast_emails, check_email)):
        raw = _column(table, where.get(key))
        if raw is None:
            out[key] = empty
            continue
        values, why = _patched(*fast(raw), raw, check)
        out[key] = values
        reasons.append((why, header))
        tick()
    neither = pc.and_(pc.is_null(out["phone"]), pc.is_null(out["email"]))
    reasons.append((pc.if_else(neither, pa.scalar(_NO_CONTACT), pa.scalar(None, pa.string())), phone_h or email_h))
    for key in ("external_id", "city", "timezone", "source"):
        raw = _column(table, where.get(key))
        out[key] = empty if raw is None else _per_value(raw, _text, [pa.string()])[0]
    out["gender"] = empty if (raw := _column(table, where.get("gender"))) is None else _per_value(raw, _gender, [pa.string()])[0]
    out["last_name"] = out["first_name"] = out["middle_name"] = empty
    if (raw := _column(table, where.get("full_name"))) is not None:
        out["last_name"], out["first_name"], out["middle_name"] = _per_value(raw, _full_name, [pa.string()] * 3)
    for key in ("last_name", "first_name", "middle_name"):
        if (raw := _column(table, where.get(key))) is not None:
            # A separate name column wins over the part split from a full name.
            out[key] = pc.coalesce(_per_value(raw, _name, [pa.string()])[0], out[key])
    tick()
    out["birthday"] = pa.nulls(rows, pa.date32())
    if (raw := _column(table, where.get("birthday"))) is not None:
        out["birthday"], why = _per_value(raw, _date(table.date1904), [pa.date32(), pa.string()])
        reasons.append((why, headers[where["birthday"]]))
    data = {key: out[key] for key in FIELD_ORDER}
    custom = [i for i, t in enumerate(targets) if t.startswith("custom:")]
    for k, i in enumerate(custom):
        column = _column(table, i)
        trimmed = pc.utf8_trim_whitespace(column)
        data[f"c{k}"] = pc.if_else(pc.equal(pc.binary_length(trimmed), 0), None, trimmed)
    for k, i in enumerate(i for i, t in enumerate(targets) if t.startswith("consent:")):
        data[f"s{k}"], why = _per_value(_column(table, i), _consent(headers[i]), [pa.string(), pa.string()])
        reasons.append((why, headers[i]))
    if (raw := _column(table, where.get("tags"))) is not None:
        data["tags"] = _per_value(raw, _tags, [pa.list_(pa.string())])[0]
    tick()
    return _reject(pa.table(data), reasons)


def _reject(data: pa.Table, reasons: list[tuple[pa.Array, str | None]]) -> Fields:
    """The first reason of each row, as the per-row code met them, decides its rejection."""
    bad = np.zeros(data.num_rows, dtype=bool)
    first: dict[int, tuple[str | None, str]] = {}
    for why, header in reasons:
        rows = pc.indices_nonzero(pc.is_valid(why)).to_numpy()
        fresh = rows[~bad[rows]]
        if len(fresh):
            for row, text in zip(fresh.tolist(), why.take(pa.array(fresh)).to_pylist(), strict=True):
                first[row] = (header, text)
            bad[fresh] = True
    rejected = [(row, header, text) for row, (header, text) in sorted(first.items())]
    return Fields(data, ~bad, rejected)
