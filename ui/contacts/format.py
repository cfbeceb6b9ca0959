"""How contact values are shown: readable phones, dd.mm.yyyy dates, local times."""

from __future__ import annotations

import datetime as dt

import phonenumbers

__all__ = ["format_date", "format_datetime", "format_phone"]


def format_phone(e164: str | None) -> str:
    """"+79123456789" → "+7 912 345-67-89"; other countries in their international form."""
    if not e164:
        return ""
    if e164.startswith("+7") and len(e164) == 12 and e164[1:].isdigit():
        d = e164[2:]
        return f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def format_date(value: dt.date | None) -> str:
    """A date as dd.mm.yyyy, the way Russian users write it."""
    return value.strftime("%d.%m.%Y") if value else ""


def format_datetime(value: dt.datetime | None) -> str:
    """A stored UTC time shown in the computer's time zone as dd.mm.yyyy HH:MM."""
    if value is None:
        return ""
    if value.tzinfo is None:  # SQLite hands back naive values; they are UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d.%m.%Y %H:%M")
