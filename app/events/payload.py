"""The event JSON schema of the intake API, and its validation with errors that name the field.

    {"id": "ord-1042",                     optional, ≤ 200 chars: idempotency key
     "type": "purchase",                   required: a known type or a custom name [A-Za-z0-9_.:-]{1,64}
     "occurred_at": "2026-11-24T10:00:00+03:00",   optional ISO 8601 (default: time received)
     "visitor_id": "v-3f2a...",            the tracker's anonymous id (≤ 64 chars)
     "phone": "+7 912 345-67-89", "email": "a@b.ru", "external_id": "crm-17",
     "name": "Иванова Анна",               optional: used when a form/lead creates the contact
     "properties": {"amount": 5400, ...}}  optional object, ≤ 16 KB as JSON

At least one of phone, email, external_id, visitor_id is required. A body is one event or
{"events": [...]} with at most 1,000.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.contacts.normalize import check_email, check_phone
from app.errors import UserInputError

__all__ = ["KNOWN_TYPES", "MAX_BATCH", "EventIn", "PayloadError", "parse_body", "parse_event"]

MAX_BATCH = 1000
MAX_PROPERTIES = 16 * 1024
KNOWN_TYPES = ("page_view", "time_on_site", "form_submitted", "call", "lead", "deal_stage", "goal", "subscription",
               "purchase")
CALL_STATUSES = ("answered", "missed")
_TYPE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_KEYS = {"id", "type", "occurred_at", "visitor_id", "phone", "email", "external_id", "name", "properties"}


class PayloadError(UserInputError):
    """A bad event payload; `field` names where ("events[3].type")."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}" if field else reason)


@dataclass
class EventIn:
    """One validated event with normalised identities."""

    type: str
    occurred_at: dt.datetime | None = None
    key: str | None = None
    visitor_id: str | None = None
    phone: str | None = None
    email: str | None = None
    external_id: str | None = None
    name: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)


def _text(value: Any, where: str, limit: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PayloadError(where, "expected a string")
    value = value.strip()
    if len(value) > limit:
        raise PayloadError(where, f"at most {limit} characters")
    return value or None


def _when(value: Any, where: str) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise PayloadError(where, "expected an ISO 8601 date-time string")
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise PayloadError(where, f"not an ISO 8601 date-time: {value!r}") from None
    if when.tzinfo is None:
        raise PayloadError(where, "add the time zone offset, e.g. 2026-11-24T10:00:00+03:00")
    return when.astimezone(dt.UTC)


def _properties(value: Any, event_type: str, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PayloadError(where, "expected an object")
    if len(json.dumps(value, ensure_ascii=False)) > MAX_PROPERTIES:
        raise PayloadError(where, f"at most {MAX_PROPERTIES // 1024} KB")
    for key in value:
        if '"' in key or "\\" in key or not key.strip():
            raise PayloadError(f"{where}.{key}", "a property name may not be blank or contain quotes or backslashes")
    numeric = {"purchase": "amount", "time_on_site": "seconds"}.get(event_type)
    if numeric and numeric in value:
        number = value[numeric]
        if isinstance(number, bool) or not isinstance(number, int | float) or number != number:
            raise PayloadError(f"{where}.{numeric}", "expected a number")
    if event_type == "call" and "status" in value and value["status"] not in CALL_STATUSES:
        raise PayloadError(f"{where}.status", f"expected one of: {', '.join(CALL_STATUSES)}")
    return value


def parse_event(data: Any, where: str = "") -> EventIn:
    """Validate one event object; PayloadError names the field under the prefix `where`."""
    at = (lambda key: f"{where}.{key}" if where else key)  # noqa: E731
    if not isinstance(data, dict):
        raise PayloadError(where, "expected an event object")
    for key in data:
        if key not in _KEYS:
            raise PayloadError(at(key), f"unknown field; allowed: {', '.join(sorted(_KEYS))}")
    event_type = data.get("type")
    if event_type is None:
        raise PayloadError(at("type"), "required")
    if not isinstance(event_type, str) or not _TYPE.match(event_type):
        raise PayloadError(at("type"), "expected a type name: letters, digits, _ . : - (up to 64)")
    event = EventIn(type=event_type, occurred_at=_when(data.get("occurred_at"), at("occurred_at")),
                    key=_text(data.get("id"), at("id"), 200), visitor_id=_text(data.get("visitor_id"), at("visitor_id"), 64),
                    external_id=_text(data.get("external_id"), at("external_id"), 200),
                    name=_text(data.get("name"), at("name"), 300),
                    properties=_properties(data.get("properties"), event_type, at("properties")))
    phone = _text(data.get("phone"), at("phone"), 50)
    if phone:
        event.phone, problem = check_phone(phone)
        if event.phone is None:
            raise PayloadError(at("phone"), problem or "not a phone number")
    email = _text(data.get("email"), at("email"), 320)
    if email:
        event.email, problem = check_email(email)
        if event.email is None:
            raise PayloadError(at("email"), problem or "not an email address")
    if not (event.phone or event.email or event.external_id or event.visitor_id):
        raise PayloadError(where, "name the person: one of phone, email, external_id or visitor_id is required")
    return event


def parse_body(body: Any) -> list[EventIn]:
    """A request body: one event, or {"events": [...]} (1 … MAX_BATCH)."""
    if isinstance(body, dict) and "events" in body:
        extra = [k for k in body if k != "events"]
        if extra:
            raise PayloadError(extra[0], "a batch has only \"events\"")
        items = body["events"]
        if not isinstance(items, list) or not items:
            raise PayloadError("events", "expected a non-empty list of events")
        if len(items) > MAX_BATCH:
            raise PayloadError("events", f"at most {MAX_BATCH} events per request")
        return [parse_event(item, f"events[{i}]") for i, item in enumerate(items)]
    return [parse_event(body)]
