"""Jinja filters a Russian shop needs: fallback, dates, money, plural forms."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from jinja2 import Undefined

__all__ = ["MONTHS_GENITIVE", "NARROW_NBSP", "date_long", "date_short", "default", "money", "plural", "plural_word"]

NARROW_NBSP = "\u202f"
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)


def default(value: Any, fallback: Any = "", boolean: bool = True) -> Any:
    """`{{ first_name | default("друг") }}`: the fallback for undefined, None and blank values.

    Jinja's own `default` only fires on undefined; a shop owner means "no name" when the
    cell is empty too, so blank strings and None fall back as well (`boolean=False` keeps
    Jinja's stricter meaning: only undefined falls back).
    """
    if isinstance(value, Undefined) or value is None:
        return fallback
    if boolean and (value == "" or (isinstance(value, str) and not value.strip())):
        return fallback
    return value


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, Undefined) or value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date(),
                  lambda s: dt.datetime.strptime(s, "%d.%m.%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def date_short(value: Any, fmt: str = "%d.%m.%Y") -> str:
    """`{{ birthday | date }}` → "01.02.2026"; accepts date, datetime or an ISO / dd.mm.yyyy string."""
    day = _to_date(value)
    return "" if day is None else day.strftime(fmt)


def date_long(value: Any, year: bool = False) -> str:
    """`{{ d | date_long }}` → "1 февраля"; `{{ d | date_long(year=True) }}` → "1 февраля 2026"."""
    day = _to_date(value)
    if day is None:
        return ""
    text = f"{day.day} {MONTHS_GENITIVE[day.month - 1]}"
    return f"{text} {day.year}" if year else text


_STEPS = {n: Decimal(1).scaleb(-n) for n in range(0, 7)}


def money(value: Any, currency: str = "₽", decimals: int | None = None, sep: str = NARROW_NBSP) -> str:
    """`{{ 1234.5 | money }}` → "1 234,50 ₽" (thousands separated by a narrow no-break space).

    Whole amounts drop the kopecks ("1 500 ₽") unless `decimals=2` is given; halves round
    up. The SMS environment passes `sep=" "` (an ordinary space): the narrow no-break space
    is not in GSM-7 and `replace_unsafe` would have to undo it anyway.
    """
    if isinstance(value, Undefined) or value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and not decimals:
        text = f"{value:,}".replace(",", sep)
    else:
        if isinstance(value, Decimal):
            amount = value
        else:
            raw = repr(value) if isinstance(value, float) else str(value)
            try:
                amount = Decimal(raw.replace(" ", "").replace("\u00a0", "").replace(NARROW_NBSP, "")
                                 .replace(",", "."))
            except InvalidOperation as exc:
                raise ValueError(f"not an amount of money: {value!r}") from exc
        if decimals is None:
            decimals = 0 if amount == amount.to_integral_value() else 2
        quantised = amount.quantize(_STEPS[max(0, min(6, decimals))], rounding=ROUND_HALF_UP)
        text = format(quantised, ",f").replace(",", "\x00").replace(".", ",").replace("\x00", sep)
    return f"{text} {currency}" if currency else text


def plural_word(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for `n`: 1 бонус, 2 бонуса, 5 бонусов, 11 бонусов, 21 бонус."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural(value: Any, one: str, few: str, many: str, number: bool = True) -> str:
    """`{{ n | plural("бонус", "бонуса", "бонусов") }}` → "5 бонусов" (`number=False`: the word only)."""
    if isinstance(value, Undefined) or value is None or value == "":
        value = 0
    try:
        count = Decimal(str(value).replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if count != count.to_integral_value():
        # Fractions take the genitive singular in Russian: "1,5 бонуса".
        word = few
    else:
        word = plural_word(int(count), one, few, many)
    if not number:
        return word
    shown = str(value).strip() if isinstance(value, str) else (str(int(count)) if count == int(count) else str(value))
    return f"{shown} {word}"
