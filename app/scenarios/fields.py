"""Checks of node property values against their FieldSpec (no database needed)."""

from __future__ import annotations

import re
from typing import Any

from app.scenarios.errors import BadFieldValue, MissingProvider, MissingTemplate, ScenarioError
from app.scenarios.graph import Node
from app.scenarios.registry import FieldSpec, NodeType
from app.segments.rules import CONTACT_FIELDS, NAME_RE, RuleError, validate_rule

__all__ = ["DURATION_UNITS", "FILTER_OPS", "check_fields", "duration_seconds"]

DURATION_UNITS = {"minutes": 60, "hours": 3600, "days": 86400}
#: Event property filters: page URL contains / matches, time on site ≥ N, UTM source = X...
FILTER_OPS = ("eq", "ne", "contains", "not_contains", "starts_with", "matches", "gt", "gte", "lt", "lte")
_NUMERIC_OPS = ("gt", "gte", "lt", "lte")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MAX_DURATION_DAYS = 3660


def duration_seconds(value: dict[str, Any]) -> int:
    """Seconds in a checked duration value ({"amount": 3, "unit": "days"})."""
    return int(value["amount"]) * DURATION_UNITS[value["unit"]]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _custom_ok(value: str) -> bool:
    return value.startswith("custom:") and bool(NAME_RE.match(value[len("custom:"):]))


def _duration(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"amount", "unit"}:
        return 'a duration is {"amount": N, "unit": "minutes" | "hours" | "days"}'
    if value["unit"] not in DURATION_UNITS:
        return f"unknown duration unit {value['unit']!r}; use minutes, hours or days"
    if not _is_int(value["amount"]) or value["amount"] <= 0:
        return f"a duration must be a positive whole number, not {value['amount']!r}"
    if duration_seconds(value) > _MAX_DURATION_DAYS * 86400:
        return "a duration is at most 10 years"
    return None


def _filters(value: Any) -> str | None:
    if not isinstance(value, list):
        return "filters are a list of {property, op, value}"
    for i, item in enumerate(value):
        if not isinstance(item, dict) or set(item) != {"property", "op", "value"}:
            return f"filter {i + 1}: needs exactly property, op and value"
        if not isinstance(item["property"], str) or not NAME_RE.match(item["property"]):
            return f"filter {i + 1}: bad property name {item['property']!r}"
        if item["op"] not in FILTER_OPS:
            return f"filter {i + 1}: unknown operator {item['op']!r}; use one of {', '.join(FILTER_OPS)}"
        if item["op"] in _NUMERIC_OPS and (isinstance(item["value"], bool)
                                           or not isinstance(item["value"], (int, float))):
            return f"filter {i + 1}: {item['op']} needs a number, not {item['value']!r}"
        if item["op"] == "matches":
            try:
                re.compile(str(item["value"]))
            except re.error as exc:
                return f"filter {i + 1}: bad pattern {item['value']!r}: {exc}"
    return None


def _branches(value: Any) -> str | None:
    if not isinstance(value, list) or len(value) < 2:
        return "a split needs at least two branches"
    keys: list[str] = []
    for i, branch in enumerate(value):
        if not isinstance(branch, dict) or set(branch) != {"key", "percent"}:
            return f"branch {i + 1}: needs exactly key and percent"
        if not isinstance(branch["key"], str) or not branch["key"].strip():
            return f"branch {i + 1}: needs a name"
        if not _is_int(branch["percent"]) or not 0 < branch["percent"] <= 100:
            return f"branch {branch['key']}: the share must be a whole number from 1 to 100"
        keys.append(branch["key"])
    if len(set(keys)) != len(keys):
        return "branch names must differ"
    total = sum(b["percent"] for b in value)
    if total != 100:
        return f"branch shares add up to {total}%, not 100%"
    return None


def _simple(spec: FieldSpec, value: Any) -> str | None:
    """The problem with a present value of a field that needs no special error class."""
    kind = spec.type
    if kind in ("text", "template", "provider", "segment", "list", "tag"):
        return None if isinstance(value, str) else "must be text"
    if kind == "int":
        if not _is_int(value):
            return f"must be a whole number, not {value!r}"
        return f"must be at least {spec.minimum}" if spec.minimum is not None and value < spec.minimum else None
    if kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "choice":
        return None if value in spec.choices else f"{value!r} is not one of {', '.join(spec.choices)}"
    if kind == "duration":
        return _duration(value)
    if kind == "time":
        return None if isinstance(value, str) and _TIME.match(value) else f"{value!r} is not a time HH:MM"
    if kind == "weekdays":
        ok = isinstance(value, list) and value and all(_is_int(d) and 1 <= d <= 7 for d in value)
        return None if ok and len(set(value)) == len(value) else "weekdays are distinct numbers 1 (Mon) to 7 (Sun)"
    if kind == "event_filters":
        return _filters(value)
    if kind == "branches":
        return _branches(value)
    if kind == "segment_rule":
        try:
            validate_rule(value)
        except RuleError as exc:
            return str(exc)
        return None
    if kind == "contact_field":
        ok = isinstance(value, str) and (value in CONTACT_FIELDS or _custom_ok(value))
        return None if ok else f"{value!r} is not a contact field (or custom:<name>)"
    if kind == "date_field":
        ok = isinstance(value, str) and (value in ("birthday",) or _custom_ok(value))
        return None if ok else f"{value!r} is not a date field (birthday or custom:<name>)"
    if kind == "emails":
        bad = [v for v in value if not isinstance(v, str) or not _EMAIL.match(v)] if isinstance(value, list) else [value]
        return f"not e-mail addresses: {', '.join(map(str, bad))}" if bad else None
    if kind == "url":
        return None if isinstance(value, str) and value.startswith(("http://", "https://")) else "must be an http(s) URL"
    return f"unknown field type {kind!r}"


def _missing(node: Node, spec: FieldSpec, label: str) -> ScenarioError:
    if spec.type == "template":
        return MissingTemplate(f"{label} has no template chosen", node_ids=[node.id], field=spec.name)
    if spec.type == "provider":
        return MissingProvider(f"{label} has no provider account chosen", node_ids=[node.id], field=spec.name)
    return BadFieldValue(f"{label}: {spec.title_en or spec.name} is required", node_ids=[node.id], field=spec.name)


def check_fields(node: Node, node_type: NodeType) -> list[ScenarioError]:
    """Every problem with the node's props: missing required values, bad values, unknown keys."""
    label = f"{node_type.title_en} ({node.id})"
    problems: list[ScenarioError] = []
    for spec in node_type.fields:
        value = node.props.get(spec.name)
        if _empty(value) and spec.type != "int":
            if spec.required:
                problems.append(_missing(node, spec, label))
            continue
        if value is None:
            if spec.required:
                problems.append(_missing(node, spec, label))
            continue
        reason = _simple(spec, value)
        if reason:
            problems.append(BadFieldValue(f"{label}: {spec.title_en or spec.name}: {reason}",
                                          node_ids=[node.id], field=spec.name))
    unknown = sorted(set(node.props) - {f.name for f in node_type.fields})
    if unknown:
        problems.append(BadFieldValue(f"{label}: unknown properties {', '.join(unknown)}", node_ids=[node.id],
                                      field=unknown[0]))
    problems.extend(_node_rules(node, label))
    return problems


def _node_rules(node: Node, label: str) -> list[ScenarioError]:
    """Rules that involve two fields of one node."""
    props = node.props
    if node.type == "trigger.audience":
        kind = props.get("audience")
        if kind in ("segment", "list") and _empty(props.get(kind)):
            return [BadFieldValue(f"{label}: choose the {kind} to start for", node_ids=[node.id], field=kind)]
    if node.type == "flow.wait_window" and props.get("from") is not None and props.get("from") == props.get("to"):
        return [BadFieldValue(f"{label}: the window starts and ends at the same time", node_ids=[node.id],
                              field="to")]
    return []
