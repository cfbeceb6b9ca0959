"""Column mapping: guessing targets from Russian and English headers, and saved mappings."""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import CHANNELS, saved_mappings
from app.errors import UserInputError
from app.importer.model import FIELDS

__all__ = ["guess_field", "guess_mapping", "load_mappings", "mapping_targets", "save_mapping", "validate_mapping"]

_ALIASES: dict[str, tuple[str, ...]] = {
    "phone": (
        "телефон", "тел", "номер телефона", "номер", "мобильный", "моб", "моб телефон", "мобильный телефон",
        "сотовый", "сотовый телефон", "контактный телефон", "телефон мобильный", "phone", "mobile",
        "mobile phone", "phone number", "cell", "cellphone", "tel", "telephone", "msisdn", "whatsapp",
    ),
    "email": (
        "email", "e mail", "эл почта", "электронная почта", "почта", "емейл", "емэйл", "имейл", "мейл",
        "адрес электронной почты", "e mail адрес", "email address", "mail",
    ),
    "full_name": ("фио", "ф и о", "клиент", "контакт", "покупатель", "name", "full name", "имя клиента", "фио клиента"),
    "last_name": ("фамилия", "last name", "surname", "family name", "lastname"),
    "first_name": ("имя", "first name", "given name", "firstname"),
    "middle_name": ("отчество", "middle name", "patronymic", "middlename"),
    "gender": ("пол", "gender", "sex"),
    "city": ("город", "населенный пункт", "city", "town"),
    "birthday": ("дата рождения", "др", "день рождения", "д р", "birthday", "birth date", "date of birth", "dob"),
    "timezone": ("часовой пояс", "таймзона", "timezone", "time zone", "tz"),
    "external_id": ("id", "внешний id", "код", "код клиента", "id клиента", "номер карты", "external id", "crm id", "client id", "customer id"),
    "tags": ("теги", "тег", "метки", "tags", "tag", "labels"),
    "source": ("источник", "source", "канал привлечения"),
}
_CONSENT_WORDS = {
    "email": ("email", "e mail", "почт", "рассылк", "письм"),
    "sms": ("sms", "смс"),
    "whatsapp": ("whatsapp", "ватсап", "вотсап"),
    "calls": ("звонк", "calls", "call"),
}
_LOOKUP = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_PUNCT = re.compile(r"[^\w]+|_")


def _norm(header: str) -> str:
    return " ".join(_PUNCT.sub(" ", header.lower().replace("ё", "е")).split())


def guess_field(header: str) -> str | None:
    """The target a header names ("Моб. телефон" -> "phone"), or None."""
    key = _norm(header)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    words = key.split()
    if words[0] in ("согласие", "consent", "opt", "подписка"):
        rest = " ".join(words[1:])
        for channel, names in _CONSENT_WORDS.items():
            if any(name in rest for name in names):
                return f"consent:{channel}"
    # "Телефон 2", "Email (рабочий)": the leading words decide.
    for n in (2, 1):
        if len(words) > n and " ".join(words[:n]) in _LOOKUP and _LOOKUP[" ".join(words[:n])] in ("phone", "email"):
            return _LOOKUP[" ".join(words[:n])]
    return None


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Header -> target for every header; unknown headers become "custom:<header>".

    Each fixed target is given to the first header that names it; later ones become custom
    fields (a second phone column survives instead of being dropped).
    """
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        target = guess_field(header)
        if target is None or target in taken:
            mapping[header] = f"custom:{header}"
        else:
            mapping[header] = target
            taken.add(target)
    if "full_name" in taken and ({"first_name", "last_name"} & taken):
        # A separate Имя/Фамилия wins; "Name"/"Клиент" is then kept as a custom field.
        for header, target in mapping.items():
            if target == "full_name":
                mapping[header] = f"custom:{header}"
    return mapping


def mapping_targets() -> list[str]:
    """Every fixed target key plus "skip" ("custom:..." and "consent:..." are free-form)."""
    return [spec.key for spec in FIELDS] + ["skip"]


def validate_mapping(mapping: dict[str, str]) -> None:
    """Raise UserInputError for an unknown target or a fixed target used twice."""
    fixed = {spec.key for spec in FIELDS}
    seen: dict[str, str] = {}
    for header, target in mapping.items():
        if target == "skip" or (target.startswith("custom:") and len(target) > 7):
            continue
        if target.startswith("consent:"):
            if target[8:] not in CHANNELS:
                raise UserInputError(f"column {header!r}: unknown consent channel {target[8:]!r} (use {', '.join(CHANNELS)})")
        elif target not in fixed:
            raise UserInputError(f"column {header!r}: unknown field {target!r}; fields: {', '.join(mapping_targets())}")
        if target in seen:
            raise UserInputError(f"columns {seen[target]!r} and {header!r} are both mapped to {target!r}")
        seen[target] = header


def save_mapping(engine: Engine, name: str, mapping: dict[str, str]) -> None:
    """Store `mapping` under `name`, replacing a mapping of the same name."""
    name = name.strip()
    if not name:
        raise UserInputError("a saved mapping needs a name")
    validate_mapping(mapping)
    with engine.begin() as conn:
        updated = conn.execute(sa.update(saved_mappings).where(saved_mappings.c.name == name).values(mapping=mapping))
        if updated.rowcount == 0:
            conn.execute(sa.insert(saved_mappings).values(name=name, mapping=mapping, created_at=dt.datetime.now(dt.UTC)))


def load_mappings(engine: Engine) -> dict[str, dict[str, str]]:
    """All saved mappings by name."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(saved_mappings.c.name, saved_mappings.c.mapping).order_by(saved_mappings.c.name))
        return {name: dict(mapping) for name, mapping in rows}
