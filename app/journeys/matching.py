"""Does a stored event match a trigger, a goal or a wait-for-event node (type + property filters)?

Filters are `{"property", "op", "value"}` (`app.scenarios.fields.FILTER_OPS`): page URL
contains / matches, time on site ≥ N s, UTM source equals, device... Text comparisons are
case-sensitive, like the segment compiler's; numeric operators need a number on both sides,
and a missing property never matches (except "ne" / "not_contains", which hold for it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

__all__ = ["event_matches", "filter_matches"]


@lru_cache(maxsize=512)
def _pattern(text: str) -> re.Pattern[str] | None:
    try:
        return re.compile(text)
    except re.error:
        return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def filter_matches(flt: Mapping[str, Any], properties: Mapping[str, Any]) -> bool:
    """Whether one filter holds for an event's properties."""
    op, wanted = flt.get("op"), flt.get("value")
    present = properties.get(str(flt.get("property"))) if isinstance(properties, Mapping) else None
    if present is None:
        return op in ("ne", "not_contains")
    if op in ("gt", "gte", "lt", "lte") or (op in ("eq", "ne") and _number(wanted) is not None
                                              and not isinstance(wanted, str)):
        have, need = _number(present), _number(wanted)
        if have is None or need is None:
            return op == "ne"
        return {"gt": have > need, "gte": have >= need, "lt": have < need, "lte": have <= need,
                "eq": have == need, "ne": have != need}[str(op)]
    have, need = _text(present), _text(wanted)
    if op == "eq":
        return have == need
    if op == "ne":
        return have != need
    if op == "contains":
        return need in have
    if op == "not_contains":
        return need not in have
    if op == "starts_with":
        return have.startswith(need)
    if op == "matches":
        pattern = _pattern(need)
        return pattern is not None and pattern.search(have) is not None
    return False


def event_matches(props: Mapping[str, Any], event_type: str, properties: Mapping[str, Any] | None) -> bool:
    """Whether an event of `event_type` with `properties` satisfies a node's `event_type` + `filters`."""
    if str(props.get("event_type") or "") != event_type:
        return False
    filters = props.get("filters") or []
    return all(filter_matches(f, properties or {}) for f in filters if isinstance(f, Mapping))
