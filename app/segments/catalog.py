"""What a rule can test, for the rule builder: fields (with custom ones found in the base) and operators."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from app.segments.rules import NAME_RE, OPS_BY_TYPE
from app.settings import get_setting

__all__ = [
    "CUSTOM_TYPES_KEY",
    "ENGAGEMENT_ACTIONS",
    "EVENT_TYPES",
    "FieldInfo",
    "OpInfo",
    "condition_catalog",
    "custom_field_types",
    "operators_for",
]

#: Setting: {"custom field name": "text" | "number" | "date"} declared by the user; beats inference.
CUSTOM_TYPES_KEY = "segments.custom_field_types"
#: How many recent contacts are read to find custom fields and guess their types.
SAMPLE = 20_000


@dataclass(frozen=True)
class FieldInfo:
    """A field a condition can test.

    Attributes:
        key: the rule's "field" value ("city", "custom:Карта").
        label_ru / label_en: what the user sees.
        type: "text" | "number" | "date" | "choice" (picks the operators and the value widget).
        choices: for "choice": (value, label_ru, label_en).
    """

    key: str
    label_ru: str
    label_en: str
    type: str
    choices: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class OpInfo:
    """An operator: key, labels, and the value widget it needs.

    value_kind: "none" | "text" | "number" | "date" | "days" | "range" | "list".
    """

    key: str
    label_ru: str
    label_en: str
    value_kind: str


_CONTACT_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("last_name", "Фамилия", "Last name", "text"),
    FieldInfo("first_name", "Имя", "First name", "text"),
    FieldInfo("middle_name", "Отчество", "Middle name", "text"),
    FieldInfo("gender", "Пол", "Gender", "choice", [("f", "Женский", "Female"), ("m", "Мужской", "Male")]),
    FieldInfo("city", "Город", "City", "text"),
    FieldInfo("birthday", "Дата рождения", "Birthday", "date"),
    FieldInfo("phone", "Телефон", "Phone", "text"),
    FieldInfo("email", "E-mail", "Email", "text"),
    FieldInfo("timezone", "Часовой пояс", "Time zone", "text"),
    FieldInfo("source", "Источник", "Source", "text"),
    FieldInfo("external_id", "Внешний ID (CRM)", "External ID (CRM)", "text"),
    FieldInfo("created_at", "Дата добавления", "Date added", "date"),
)

_OPS: dict[str, tuple[str, str, str]] = {
    "eq": ("равно", "equals", "text"),
    "ne": ("не равно", "does not equal", "text"),
    "contains": ("содержит", "contains", "text"),
    "not_contains": ("не содержит", "does not contain", "text"),
    "starts_with": ("начинается с", "starts with", "text"),
    "empty": ("не заполнено", "is empty", "none"),
    "not_empty": ("заполнено", "is not empty", "none"),
    "in": ("одно из", "is one of", "list"),
    "gt": ("больше", "greater than", "number"),
    "gte": ("не меньше", "at least", "number"),
    "lt": ("меньше", "less than", "number"),
    "lte": ("не больше", "at most", "number"),
    "between": ("в диапазоне", "between", "range"),
    "before": ("раньше", "before", "date"),
    "after": ("позже", "after", "date"),
    "within_last_days": ("за последние N дней", "in the last N days", "days"),
    "within_next_days": ("в ближайшие N дней", "in the next N days", "days"),
    "birthday_in_next_days": ("день рождения в ближайшие N дней", "birthday in the next N days", "days"),
}

#: Event types the tracker, the intake API and the importers produce; any other name is a custom event.
EVENT_TYPES: list[tuple[str, str, str]] = [
    ("page_view", "Просмотр страницы", "Page view"),
    ("time_on_site", "Время на сайте", "Time on site"),
    ("form_submitted", "Отправка формы", "Form submitted"),
    ("call", "Звонок", "Call"),
    ("lead", "Заявка (лид)", "Lead"),
    ("deal_stage", "Смена этапа сделки", "Deal stage changed"),
    ("goal", "Цель на сайте", "Website goal"),
    ("subscription", "Подписка", "Subscription"),
    ("purchase", "Покупка", "Purchase"),
]
ENGAGEMENT_ACTIONS: list[tuple[str, str, str]] = [
    ("sent", "Отправлено", "Was sent"),
    ("delivered", "Доставлено", "Was delivered"),
    ("opened", "Открыл", "Opened"),
    ("clicked", "Перешёл по ссылке", "Clicked"),
    ("replied", "Ответил", "Replied"),
]

_NUMBER = re.compile(r"^\s*[+-]?\d+(\.\d+)?\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def operators_for(field_type: str) -> list[OpInfo]:
    """Operators for a field type ("text" | "number" | "date" | "choice"), in menu order."""
    ops = OPS_BY_TYPE.get(field_type)
    if ops is None:
        raise ValueError(f"unknown field type {field_type!r}")
    result = []
    for key in ops:
        ru, en, kind = _OPS[key]
        if field_type == "number" and kind == "text":
            kind = "number"
        if field_type == "date" and key == "between":
            kind = "range"
        result.append(OpInfo(key, ru, en, kind))
    return result


def _guess(values: list[Any]) -> str:
    present = [v for v in values if v not in (None, "")]
    if not present:
        return "text"
    if all((isinstance(v, int | float) and not isinstance(v, bool)) or (isinstance(v, str) and _NUMBER.match(v))
           for v in present):
        return "number"
    if all(isinstance(v, str) and _DATE.match(v) and _is_date(v[:10]) for v in present):
        return "date"
    return "text"


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def custom_field_types(engine: Engine) -> dict[str, str]:
    """Custom field name → "text" | "number" | "date": declared types, else guessed from recent contacts."""
    seen: dict[str, list[Any]] = {}
    with engine.connect() as conn:
        rows = conn.execute(sa.select(contacts.c.custom).order_by(contacts.c.id.desc()).limit(SAMPLE))
        for (custom,) in rows:
            if isinstance(custom, dict):
                for key, value in custom.items():
                    if isinstance(key, str) and NAME_RE.match(key):
                        seen.setdefault(key, []).append(value)
    types = {key: _guess(values) for key, values in seen.items()}
    declared = get_setting(engine, CUSTOM_TYPES_KEY, {})
    if isinstance(declared, dict):
        for key, kind in declared.items():
            if isinstance(key, str) and NAME_RE.match(key) and kind in ("text", "number", "date"):
                types[key] = kind
    return dict(sorted(types.items(), key=lambda kv: kv[0].casefold()))


def condition_catalog(engine: Engine) -> list[FieldInfo]:
    """Every field a condition can test: the contact columns, then the custom fields found in the base."""
    result = list(_CONTACT_FIELDS)
    for name, kind in custom_field_types(engine).items():
        result.append(FieldInfo(f"custom:{name}", f"Доп. поле: {name}", f"Custom: {name}", kind))
    return result
