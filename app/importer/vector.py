"""Vectorised fast paths (pyarrow compute) for the commonest phone and email forms.

Rows the fast path cannot decide come back marked for the per-row normalisers, which
keep the final word (and phonenumbers stays a fallback for the few that need it).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["fast_emails", "fast_phones"]

_EXTENSION = r"(?i)\s*(доб(авочный)?|ext(ension)?|вн|x|#)\.?\s*:?\s*\d{1,6}\s*\)?\s*$"
_EMAIL = (
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)


def _is_in(values: pa.Array, allowed: list[str]) -> pa.Array:
    return pc.is_in(values, value_set=pa.array(allowed))


def fast_phones(raw: pa.Array, region: str) -> tuple[pa.Array, pa.Array]:
    """(E.164 or None per row, whether the row still needs the per-row normaliser)."""
    text = pc.utf8_trim_whitespace(pc.fill_null(raw, ""))
    blank = pc.equal(pc.utf8_length(text), 0)
    if region != "RU":
        return pa.nulls(len(raw), pa.string()), pc.invert(blank)
    text = pc.replace_substring_regex(text, r"^(\+?\d+)[.,]0+$", r"\1")  # Excel floats: 89123456789.0
    text = pc.replace_substring_regex(text, _EXTENSION, "")
    plain = pc.match_substring_regex(text, r"^[\d\s()+.\-]*$")
    digits = pc.replace_substring_regex(text, r"\D", "")
    length = pc.utf8_length(digits)
    plus = pc.starts_with(text, "+")
    first = pc.utf8_slice_codeunits(digits, 0, 1)
    second = pc.utf8_slice_codeunits(digits, 1, 2)
    ru_second = _is_in(second, ["3", "4", "8", "9"])
    eleven = pc.and_(pc.equal(length, 11), ru_second)
    with_plus = pc.and_(pc.and_(plus, eleven), pc.equal(first, "7"))
    trunk = pc.and_(pc.and_(pc.invert(plus), eleven), _is_in(first, ["7", "8"]))
    national = pc.and_(pc.and_(pc.invert(plus), pc.equal(length, 10)), _is_in(first, ["3", "4", "8", "9"]))
    tail = pc.utf8_slice_codeunits(digits, 1, 11)
    result = pc.if_else(national, pc.binary_join_element_wise("+7", digits, ""),
                        pc.if_else(pc.or_(with_plus, trunk), pc.binary_join_element_wise("+7", tail, ""), None))
    decided = pc.and_(plain, pc.or_(pc.or_(with_plus, trunk), national))
    result = pc.if_else(decided, result, None)
    slow = pc.and_(pc.invert(decided), pc.invert(blank))
    return result, slow


def fast_emails(raw: pa.Array) -> tuple[pa.Array, pa.Array]:
    """(normalised address or None per row, whether the row still needs the per-row check)."""
    text = pc.utf8_lower(pc.utf8_trim_whitespace(pc.fill_null(raw, "")))
    blank = pc.equal(pc.utf8_length(text), 0)
    valid = pc.match_substring_regex(text, _EMAIL)
    result = pc.if_else(valid, text, None)
    slow = pc.and_(pc.invert(valid), pc.invert(blank))
    return result, slow
