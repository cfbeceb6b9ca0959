"""The segment rule JSON model: allowed keys, fields and operators, and strict validation.

Validation is structural (no database): every node's keys, operators and value shapes are
checked and the first problem is reported with its path ("children[2].value"). Unknown keys
are an error so a typo never silently widens an audience.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from app.db.schema import CHANNELS
from app.errors import UserInputError

__all__ = [
    "CONTACT_FIELDS",
    "DATE_FIELDS",
    "ENGAGEMENT_ACTION_KEYS",
    "EVENT_FILTER_OPS",
    "EVENT_TYPE_KEYS",
    "MAX_DAYS",
    "NAME_RE",
    "OPS_BY_TYPE",
    "RuleError",
    "field_type",
    "parse_day",
    "validate_rule",
]

#: Contact columns a rule may test, with their value type.
CONTACT_FIELDS: dict[str, str] = {
    "first_name": "text", "last_name": "text", "middle_name": "text", "city": "text",
    "gender": "choice", "email": "text", "phone": "text", "birthday": "date", "timezone": "text",
    "source": "text", "created_at": "date", "external_id": "text",
}
DATE_FIELDS = ("birthday", "created_at")

OPS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "text": ("eq", "ne", "contains", "not_contains", "starts_with", "empty", "not_empty", "in"),
    "choice": ("eq", "ne", "in", "empty", "not_empty"),
    "number": ("eq", "ne", "gt", "gte", "lt", "lte", "between", "empty", "not_empty"),
    "date": ("before", "after", "within_last_days", "within_next_days", "between", "empty", "not_empty",
             "birthday_in_next_days"),
}
#: Custom fields may hold text, numbers or dates: the operator and value decide the comparison.
_CUSTOM_OPS = tuple(dict.fromkeys(OPS_BY_TYPE["text"] + OPS_BY_TYPE["number"] + OPS_BY_TYPE["date"]))

EVENT_TYPE_KEYS = ("page_view", "time_on_site", "form_submitted", "call", "lead", "deal_stage", "goal",
                   "subscription", "purchase")
ENGAGEMENT_ACTION_KEYS = ("sent", "delivered", "opened", "clicked", "replied")
EVENT_FILTER_OPS = ("eq", "ne", "contains", "starts_with", "gt", "gte", "lt", "lte")

#: Custom field, property and custom event names: no quotes, backslashes or control characters,
#: so they are always safe inside a bound JSON path ('$."name"').
NAME_RE = re.compile(r'^[^"\\\x00-\x1f\x7f]{1,100}$')
EVENT_NAME_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
MAX_DAYS = 36_600

_KEYS = {
    "group": ({"type", "op", "children"}, {"negate"}),
    "field": ({"type", "field", "op"}, {"value"}),
    "tag": ({"type", "op", "value"}, set()),
    "list": ({"type", "op", "value"}, set()),
    "consent": ({"type", "channel", "op"}, set()),
    "suppressed": ({"type", "channel", "op"}, set()),
    "engagement": ({"type", "action", "op"}, {"campaign", "within_days"}),
    "event": ({"type", "event_type", "op"}, {"filters", "count_gte", "within_days", "sum_property", "sum_gte"}),
    "segment": ({"type", "op", "value"}, set()),
}
_NODE_OPS = {"group": ("and", "or"), "tag": ("has", "has_not"), "list": ("in", "not_in"),
             "consent": ("granted", "not_granted"), "suppressed": ("is", "is_not"), "engagement": ("did", "did_not"),
             "event": ("has", "has_not"), "segment": ("in", "not_in")}
_MAX_DEPTH = 20
_MAX_NODES = 500


class RuleError(UserInputError):
    """A rule is malformed; `path` names the offending place ("children[2].value")."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"segment rule, {path or 'rule'}: {reason}")


def field_type(key: str) -> str:
    """The value type of a field key ("custom:<name>" → "custom")."""
    if key.startswith("custom:"):
        return "custom"
    return CONTACT_FIELDS[key]


def parse_day(value: Any, path: str) -> dt.date:
    """A "YYYY-MM-DD" string as a date, or RuleError naming `path`."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else _bad_day(path, value)
        except ValueError:
            pass
    return _bad_day(path, value)


def _bad_day(path: str, value: Any) -> dt.date:
    raise RuleError(path, f"expected a date as YYYY-MM-DD, got {value!r}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _days(value: Any, path: str, *, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_DAYS:
        raise RuleError(path, f"expected a whole number of days 0…{MAX_DAYS}, got {value!r}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def validate_rule(rule: Any) -> Any:
    """Check `rule` against the rule model; returns it unchanged or raises RuleError (a UserInputError)."""
    counter = [0]
    _node(rule, "", 0, counter)
    return rule


def _node(node: Any, path: str, depth: int, counter: list[int]) -> None:
    counter[0] += 1
    if counter[0] > _MAX_NODES:
        raise RuleError(path, f"a rule may have at most {_MAX_NODES} conditions")
    if depth > _MAX_DEPTH:
        raise RuleError(path, f"groups may be nested at most {_MAX_DEPTH} levels deep")
    if not isinstance(node, dict):
        raise RuleError(path, "expected an object with a \"type\"")
    kind = node.get("type")
    if kind not in _KEYS:
        raise RuleError(_join(path, "type"), f"unknown condition type {kind!r}; one of: {', '.join(_KEYS)}")
    required, optional = _KEYS[kind]
    for key in node:
        if key not in required | optional:
            raise RuleError(_join(path, key), f"unknown key {key!r} for a {kind} condition")
    for key in sorted(required):
        if key not in node:
            raise RuleError(_join(path, key), f"missing {key!r}")
    op = node["op"]
    if kind == "field":
        _field(node, path)
        return
    if op not in _NODE_OPS[kind]:
        raise RuleError(_join(path, "op"), f"unknown operator {op!r}; one of: {', '.join(_NODE_OPS[kind])}")
    if kind == "group":
        if not isinstance(node.get("negate", False), bool):
            raise RuleError(_join(path, "negate"), "expected true or false")
        children = node["children"]
        if not isinstance(children, list):
            raise RuleError(_join(path, "children"), "expected a list of conditions")
        for i, child in enumerate(children):
            _node(child, _join(path, f"children[{i}]"), depth + 1, counter)
    elif kind == "tag":
        if not isinstance(node["value"], str) or not node["value"].strip():
            raise RuleError(_join(path, "value"), "expected a tag name")
    elif kind in ("list", "segment"):
        value = node["value"]
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and value.strip())
        if not ok:
            raise RuleError(_join(path, "value"), f"expected a {kind} id or name")
    elif kind in ("consent", "suppressed"):
        if node["channel"] not in CHANNELS:
            raise RuleError(_join(path, "channel"), f"unknown channel {node['channel']!r}; one of: {', '.join(CHANNELS)}")
    elif kind == "engagement":
        _engagement(node, path)
    else:
        _event(node, path)


def _engagement(node: dict[str, Any], path: str) -> None:
    if node["action"] not in ENGAGEMENT_ACTION_KEYS:
        raise RuleError(_join(path, "action"),
                        f"unknown action {node['action']!r}; one of: {', '.join(ENGAGEMENT_ACTION_KEYS)}")
    campaign = node.get("campaign")
    if campaign is not None and (not isinstance(campaign, int) or isinstance(campaign, bool)):
        raise RuleError(_join(path, "campaign"), "expected a campaign id or null (any campaign)")
    _days(node.get("within_days"), _join(path, "within_days"), allow_none=True)


def _event(node: dict[str, Any], path: str) -> None:
    event_type = node["event_type"]
    if not isinstance(event_type, str) or not EVENT_NAME_RE.match(event_type):
        raise RuleError(_join(path, "event_type"), "expected an event type: letters, digits, _ . : - (up to 64)")
    filters = node.get("filters", [])
    if not isinstance(filters, list):
        raise RuleError(_join(path, "filters"), "expected a list of property filters")
    for i, flt in enumerate(filters):
        where = _join(path, f"filters[{i}]")
        if not isinstance(flt, dict):
            raise RuleError(where, "expected {\"property\", \"op\", \"value\"}")
        for key in flt:
            if key not in ("property", "op", "value"):
                raise RuleError(_join(where, key), f"unknown key {key!r} for a property filter")
        for key in ("property", "op", "value"):
            if key not in flt:
                raise RuleError(_join(where, key), f"missing {key!r}")
        if not isinstance(flt["property"], str) or not NAME_RE.match(flt["property"]):
            raise RuleError(_join(where, "property"), "expected a property name without quotes or backslashes")
        if flt["op"] not in EVENT_FILTER_OPS:
            raise RuleError(_join(where, "op"), f"unknown operator {flt['op']!r}; one of: {', '.join(EVENT_FILTER_OPS)}")
        value = flt["value"]
        if flt["op"] in ("gt", "gte", "lt", "lte") and not _is_number(value):
            raise RuleError(_join(where, "value"), "expected a number")
        if flt["op"] in ("contains", "starts_with") and (not isinstance(value, str) or not value):
            raise RuleError(_join(where, "value"), "expected some text")
        if flt["op"] in ("eq", "ne") and not (isinstance(value, str) or _is_number(value)):
            raise RuleError(_join(where, "value"), "expected text or a number")
    count = node.get("count_gte", 1)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 1_000_000:
        raise RuleError(_join(path, "count_gte"), f"expected a whole number ≥ 1, got {count!r}")
    _days(node.get("within_days"), _join(path, "within_days"), allow_none=True)
    prop, total = node.get("sum_property"), node.get("sum_gte")
    if prop is not None and (not isinstance(prop, str) or not NAME_RE.match(prop)):
        raise RuleError(_join(path, "sum_property"), "expected a property name or null")
    if total is not None and not _is_number(total):
        raise RuleError(_join(path, "sum_gte"), "expected a number or null")
    if (prop is None) != (total is None):
        missing = "sum_gte" if total is None else "sum_property"
        raise RuleError(_join(path, missing), "sum_property and sum_gte go together")


def _field(node: dict[str, Any], path: str) -> None:
    key = node["field"]
    if not isinstance(key, str) or not (key in CONTACT_FIELDS or key.startswith("custom:")):
        raise RuleError(_join(path, "field"), f"unknown field {key!r}; a contact field or custom:<name>")
    if key.startswith("custom:") and not NAME_RE.match(key[7:]):
        raise RuleError(_join(path, "field"), "a custom field name must be 1–100 characters without quotes or backslashes")
    kind = field_type(key)
    ops = _CUSTOM_OPS if kind == "custom" else OPS_BY_TYPE[kind]
    op = node["op"]
    if op not in ops:
        raise RuleError(_join(path, "op"), f"operator {op!r} does not apply to field {key!r}; one of: {', '.join(ops)}")
    where = _join(path, "value")
    if op in ("empty", "not_empty"):
        if node.get("value") is not None:
            raise RuleError(where, f"operator {op!r} takes no value")
        return
    if "value" not in node:
        raise RuleError(where, "missing 'value'")
    _field_value(kind, op, node["value"], where)


def _field_value(kind: str, op: str, value: Any, where: str) -> None:
    if op in ("within_last_days", "within_next_days", "birthday_in_next_days"):
        _days(value, where)
    elif op in ("before", "after"):
        parse_day(value, where)
    elif op == "in":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise RuleError(where, "expected a non-empty list of texts")
    elif op == "between":
        if not isinstance(value, list) or len(value) != 2 or value == [None, None]:
            raise RuleError(where, "expected [low, high] (one end may be null)")
        numbers = all(v is None or _is_number(v) for v in value)
        if kind == "date" or (kind == "custom" and not numbers):
            for i, v in enumerate(value):
                if v is not None:
                    parse_day(v, f"{where}[{i}]")
        elif not numbers:
            raise RuleError(where, "expected two numbers (or null)")
    elif op in ("gt", "gte", "lt", "lte"):
        if not _is_number(value):
            raise RuleError(where, f"expected a number, got {value!r}")
    elif op in ("contains", "not_contains", "starts_with"):
        if not isinstance(value, str) or not value:
            raise RuleError(where, "expected some text")
    elif kind == "number":
        if not _is_number(value):
            raise RuleError(where, f"expected a number, got {value!r}")
    elif not (isinstance(value, str) or (kind == "custom" and _is_number(value))):
        raise RuleError(where, f"expected text, got {value!r}")
