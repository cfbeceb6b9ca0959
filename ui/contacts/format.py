"""How contact values are shown: readable phones, dd.mm.yyyy dates, local times, where a record came from."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["format_date", "format_datetime", "format_phone", "format_source"]


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


# Source notes the app itself writes (importer, unsubscribe receiver, mailbox) shown in the UI language.
_SOURCES = {
    "import: column in the file": QT_TRANSLATE_NOOP("Sources", "import: column in the file"),
    "import": QT_TRANSLATE_NOOP("Sources", "import"),
    "one-click": QT_TRANSLATE_NOOP("Sources", "one-click unsubscribe"),
    "unsubscribe link": QT_TRANSLATE_NOOP("Sources", "unsubscribe link"),
    "mailto": QT_TRANSLATE_NOOP("Sources", "unsubscribe e-mail"),
    "bounce": QT_TRANSLATE_NOOP("Sources", "bounced message"),
    "provider": QT_TRANSLATE_NOOP("Sources", "sending service"),
    "manual": QT_TRANSLATE_NOOP("Sources", "added by hand"),
}


def format_source(source: str | None) -> str:
    """A stored source note in the UI language: "import: clients.csv" → "импорт: clients.csv"; the user's own text as is."""
    if not source:
        return ""
    if source in _SOURCES:
        return QCoreApplication.translate("Sources", _SOURCES[source])
    if source.startswith("import: "):
        return QCoreApplication.translate("Sources", "import: %1").replace("%1", source.removeprefix("import: "))
    return source
