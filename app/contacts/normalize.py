"""Normalising contact values: phones to E.164, emails, dates and Russian full names.

Phones take a regex fast path for the Russian forms (8/7/+7 prefixes, 10-digit national
numbers) and fall back to `phonenumbers` only for what it rejects: per-row phonenumbers costs
~23 µs, so a million rows must not go through it (perf.md §3).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = [
    "LOSSY_PHONE",
    "check_email",
    "check_phone",
    "normalize_email",
    "normalize_name",
    "normalize_phone",
    "parse_date",
    "split_full_name",
]

LOSSY_PHONE = "number was rounded by Excel; re-export the column as Text"
_EXTENSION = re.compile(r"\s*(?:доб(?:авочный)?|ext(?:ension)?|вн|x|#)\.?\s*:?\s*\d{1,6}\s*\)?\s*$", re.I)
_NON_DIGIT = re.compile(r"\D+")
_INTEGRAL_FLOAT = re.compile(r"^\+?\d+[.,]0+$")
_SCIENTIFIC = re.compile(r"^\+?\d(?:[.,]\d+)?[eE]\+?\d+$")
_SEVERAL = re.compile(r"\d[^\d]*[,;/]\s*[+(]?\d")
_FIRST_DIGIT_RU = frozenset("3489")
_PLAIN = re.compile(r"[\d\s()+\-.]*$")


def check_phone(value: Any, region: str = "RU") -> tuple[str | None, str | None]:
    """(E.164, None) for a valid phone, (None, reason) for an invalid one, (None, None) if blank."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, "not a phone number"
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if value != value or not value.is_integer():
            return None, "not a phone number"
        text = str(int(value))
    else:
        text = str(value).strip().lstrip("'").strip()
    if not text:
        return None, None
    if _SCIENTIFIC.match(text):
        return None, LOSSY_PHONE
    if _INTEGRAL_FLOAT.match(text):
        text = text[: max(text.find("."), text.find(","))]
    if not _PLAIN.match(text):
        text = _EXTENSION.sub("", text)
    digits = _NON_DIGIT.sub("", text)
    if region == "RU":
        plus = text.startswith("+")
        n = len(digits)
        if plus:
            if n == 11 and digits[0] == "7" and digits[1] in _FIRST_DIGIT_RU:
                return "+" + digits, None
        elif n == 11 and digits[0] in "78" and digits[1] in _FIRST_DIGIT_RU:
            return "+7" + digits[1:], None
        elif n == 10 and digits[0] in _FIRST_DIGIT_RU:
            return "+7" + digits, None
    return _phone_fallback(text, digits, region)


def _phone_fallback(text: str, digits: str, region: str) -> tuple[str | None, str | None]:
    import phonenumbers

    if len(digits) < 5:
        return None, "not a phone number"
    if len(digits) > 15 and _SEVERAL.search(text):
        return None, "several phone numbers in one cell; keep one number per cell"
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None, "not a phone number"
    if not phonenumbers.is_valid_number(number):
        return None, "not a valid phone number"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def normalize_phone(value: Any, region: str = "RU") -> str | None:
    """The phone in E.164 form ("+79123456789"), or None when blank or invalid."""
    return check_phone(value, region)[0]


_EMAIL = re.compile(
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)


def check_email(value: Any) -> tuple[str | None, str | None]:
    """(address, None) for a valid email, (None, reason) for an invalid one, (None, None) if blank."""
    if value is None:
        return None, None
    text = str(value).strip().lower()
    if not text:
        return None, None
    if text.startswith("mailto:"):
        text = text[7:].strip()
    if _EMAIL.match(text):
        return text, None
    if text.isascii():
        return None, "not a valid email address"
    # Non-ASCII: an IDN domain (ivan@пример.рф) or a Unicode local part; the slow, exact check.
    from email_validator import EmailNotValidError, validate_email

    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return None, "not a valid email address"
    return info.normalized.lower(), None


def normalize_email(value: Any) -> str | None:
    """The trimmed, lower-cased address, or None when blank or not a valid address."""
    return check_email(value)[0]


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s.*)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_SERIAL = re.compile(r"^\d{2,6}(?:[.,]\d+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)


def parse_date(value: Any, *, date1904: bool = False) -> dt.date | None:
    """A date from dd.mm.yyyy, ISO, an Excel serial number or a datetime; None if unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        return _from_serial(float(value), date1904)
    text = str(value).strip()
    if not text:
        return None
    try:
        if m := _DMY.match(text):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            if len(m[3]) == 2:
                # Two-digit years: a birthday is in the past, so "95" is 1995 and "05" is 2005.
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            return dt.date(year, month, day)
        if m := _ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if _SERIAL.match(text):
        return _from_serial(float(text.replace(",", ".")), date1904)
    return None


def _from_serial(serial: float, date1904: bool) -> dt.date | None:
    days = int(serial)
    if days < 1 or days > 2958465:
        return None
    if date1904:
        return _EXCEL_EPOCH_1904 + dt.timedelta(days=days)
    if days < 61:
        # Excel's 1900 leap-year bug: serials before 1 March 1900 are off by one.
        days += 1
    return _EXCEL_EPOCH + dt.timedelta(days=days)


_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ична|инична|оглы|кызы|улы|гызы)$", re.I)


def normalize_name(value: Any) -> str | None:
    """Trimmed name with single spaces; ALL CAPS or all-lower names are title-cased."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if text.isupper() or text.islower():
        text = "-".join(part[:1].upper() + part[1:].lower() for part in text.split("-"))
        text = " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return text


def split_full_name(text: Any) -> tuple[str | None, str | None, str | None]:
    """(last, first, middle) from a Russian "Фамилия Имя Отчество"; also "Имя Отчество" and
    "Имя Отчество Фамилия" are recognised by the patronymic ending."""
    name = normalize_name(text)
    if not name:
        return None, None, None
    words = name.split(" ")
    if len(words) == 1:
        return None, words[0], None
    if len(words) == 2:
        if _PATRONYMIC.search(words[1]):
            return None, words[0], words[1]
        return words[0], words[1], None
    if _PATRONYMIC.search(words[1]) and not _PATRONYMIC.search(words[2]):
        return words[2], words[0], " ".join(words[1:2])
    return words[0], words[1], " ".join(words[2:])
