"""Column-wise texts the contacts table stores beside the fields: custom JSON and the search text.

Both give, cell for cell, what `merge.custom_encoder` and `apply.search_text` give per row; the
rare cells where Arrow's rules differ from Python's (control characters in JSON, letters outside
Latin and Cyrillic for lower-casing) are passed to those Python functions.
"""

from __future__ import annotations

from json.encoder import encode_basestring

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["custom_json", "search_text", "search_texts"]

_CONTROL = r"[\x00-\x1f]"
_NOT_PLAIN = r"[^\x00-\x7f\x{0400}-\x{04ff}]"


def _join_skipping_nulls(parts: list[pa.Array], separator: str) -> pa.Array:
    """`separator.join` of each row's non-null parts ("" when all are null).

    Arrow's own null_handling="skip" drops rows whose parts are all null (pyarrow 26), so
    each part carries its separator in front and the first one is cut off.
    """
    sep = pa.scalar(separator)
    pieces = [pc.fill_null(pc.binary_join_element_wise(sep, part, pa.scalar("")), pa.scalar("")) for part in parts]
    joined = pc.binary_join_element_wise(*pieces, pa.scalar("")) if len(pieces) > 1 else pieces[0]
    return pc.utf8_slice_codeunits(joined, len(separator))


def _escaped(values: pa.Array) -> pa.Array:
    """encode_basestring(v) without the quotes, for every cell."""
    text = pc.replace_substring(pc.replace_substring(values, "\\", "\\\\"), '"', '\\"')
    odd = pc.fill_null(pc.match_substring_regex(values, _CONTROL), False)
    if pc.any(odd).as_py():
        where = pc.indices_nonzero(odd)
        slow = [encode_basestring(v)[1:-1] for v in values.take(where).to_pylist()]
        text = pc.replace_with_mask(text, odd, pa.array(slow, pa.string()))
    return text


def custom_json(columns: list[pa.Array], keys: list[str], length: int) -> pa.Array:
    """The JSON object of each row's non-empty custom values, keys in `keys` order ("{}" when none)."""
    if not keys:
        return pa.array(["{}"] * length, pa.string())
    parts = []
    for key, values in zip(keys, columns, strict=True):
        prefix = pa.scalar(encode_basestring(key) + ": ")
        parts.append(pc.binary_join_element_wise(prefix, pc.binary_join_element_wise(
            pa.scalar('"'), _escaped(values), pa.scalar('"'), pa.scalar("")), pa.scalar("")))
    joined = _join_skipping_nulls(parts, ", ")
    return pc.binary_join_element_wise(pa.scalar("{"), joined, pa.scalar("}"), pa.scalar(""))


def search_texts(last: pa.Array, first: pa.Array, middle: pa.Array, email: pa.Array, phone: pa.Array,
                 city: pa.Array) -> pa.Array:
    """Lower-cased "last first middle email phone-digits city" for quick search, per row."""
    digits = pc.utf8_slice_codeunits(phone, 1)
    joined = _join_skipping_nulls([last, first, middle, email, digits, city], " ")
    lowered = pc.utf8_lower(joined)
    odd = pc.fill_null(pc.match_substring_regex(joined, _NOT_PLAIN), False)
    if pc.any(odd).as_py():
        where = pc.indices_nonzero(odd)
        slow = [v.lower() for v in joined.take(where).to_pylist()]
        lowered = pc.replace_with_mask(lowered, odd, pa.array(slow, pa.string()))
    return lowered


def search_text(record: list) -> str:
    """The search text of one record (FIELD_ORDER values first), as `search_texts` gives per row."""
    phone = record[0][1:] if record[0] else None
    parts = (record[4], record[3], record[5], record[1], phone, record[7])
    return " ".join(p for p in parts if p).lower()
