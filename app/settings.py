"""Application settings stored in the workspace's `settings` table (key → JSON value)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.engine import BEGIN_IMMEDIATE
from app.db.schema import settings as settings_table
from app.errors import UserInputError

__all__ = [
    "LANGUAGES",
    "LANGUAGE_KEY",
    "SMS_PRICE_KEY",
    "get_bool",
    "get_decimal",
    "get_int",
    "get_language",
    "get_setting",
    "get_str",
    "parse_decimal",
    "set_language",
    "set_setting",
]

#: UI language: "" (follow the system locale), "ru" or "en".
LANGUAGE_KEY = "ui.language"
LANGUAGES = ("", "ru", "en")

#: Price of one SMS part in roubles: the SMS editor, the pre-flight and Settings all use it.
SMS_PRICE_KEY = "sms.price_per_segment"

_MISSING = object()


def get_setting(engine: Engine, key: str, default: Any = None) -> Any:
    """The stored value of `key`, or `default` when it was never set."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == key)).first()
    return default if row is None else row.value


def set_setting(engine: Engine, key: str, value: Any) -> None:
    """Store `value` (anything JSON can hold) under `key`, replacing what was there."""
    with engine.connect().execution_options(**BEGIN_IMMEDIATE) as conn, conn.begin():
        updated = conn.execute(
            settings_table.update().where(settings_table.c.key == key).values(value=value)
        ).rowcount
        if not updated:
            conn.execute(settings_table.insert().values(key=key, value=value))


def get_str(engine: Engine, key: str, default: str = "") -> str:
    """A text setting; a stored value of another type counts as unset."""
    value = get_setting(engine, key, _MISSING)
    return value if isinstance(value, str) else default


def get_int(engine: Engine, key: str, default: int = 0) -> int:
    """An integer setting; a stored value of another type counts as unset."""
    value = get_setting(engine, key, _MISSING)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def get_decimal(engine: Engine, key: str) -> Decimal | None:
    """A non-negative amount stored as a number or as text with "." or "," (e.g. "4,95");
    None when unset, empty or not a usable number."""
    return parse_decimal(get_setting(engine, key))


def parse_decimal(value: Any) -> Decimal | None:
    """`value` (int, float or "1 234,50"-style text) as a finite non-negative Decimal, else None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def get_bool(engine: Engine, key: str, default: bool = False) -> bool:
    """A yes/no setting; a stored value of another type counts as unset."""
    value = get_setting(engine, key, _MISSING)
    return value if isinstance(value, bool) else default


def get_language(engine: Engine) -> str:
    """The chosen UI language: "ru", "en", or "" to follow the system locale."""
    value = get_str(engine, LANGUAGE_KEY)
    return value if value in LANGUAGES else ""


def set_language(engine: Engine, language: str) -> None:
    """Choose the UI language ("" = follow the system locale)."""
    if language not in LANGUAGES:
        raise UserInputError(f"unknown language {language!r}: use one of ru, en or empty for the system locale")
    set_setting(engine, LANGUAGE_KEY, language)
