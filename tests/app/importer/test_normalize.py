"""Phones, emails, dates and names as Russian files carry them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.contacts.normalize import (
    LOSSY_PHONE,
    check_phone,
    normalize_email,
    normalize_name,
    normalize_phone,
    parse_date,
    split_full_name,
)


@pytest.mark.parametrize("raw", [
    "8 (912) 345-67-89", "+7 912 345 67 89", "9123456789", "89123456789", "79123456789", "+7(912)345-67-89",
    "8-912-345-67-89", "89123456789.0", "'+79123456789", 89123456789, 89123456789.0, "8 912 345-67-89 доб. 123",
    "+7 912 345 67 89 ext 45", " 8 912 3456789 ", "8(912)3456789 (Иван)",
])
def test_every_russian_form_becomes_e164(raw: object) -> None:
    assert normalize_phone(raw) == "+79123456789"


def test_landlines_toll_free_and_foreign_numbers() -> None:
    assert normalize_phone("8 (495) 123-45-67") == "+74951234567"
    assert normalize_phone("8-800-555-35-35") == "+78005553535"
    assert normalize_phone("+375 29 123-45-67") == "+375291234567"  # Belarus, through phonenumbers
    assert normalize_phone("+49 30 901820") == "+4930901820"


def test_excel_rounded_phone_is_rejected_with_a_plain_reason() -> None:
    assert check_phone("9,16123457E+09") == (None, LOSSY_PHONE)
    assert check_phone("9.16E+09") == (None, LOSSY_PHONE)


@pytest.mark.parametrize("raw", ["12345", "нет", "8 912 345", "+7 012 345 67 89", "89123456789, 89131112233"])
def test_invalid_phones(raw: str) -> None:
    phone, reason = check_phone(raw)
    assert phone is None and reason


def test_two_numbers_in_one_cell_say_so() -> None:
    assert "several phone numbers" in check_phone("89123456789, 89131112233")[1]


def test_blank_phone_is_not_an_error() -> None:
    assert check_phone("  ") == (None, None)
    assert check_phone(None) == (None, None)


@pytest.mark.parametrize(("raw", "expected"), [
    ("  Ivan.Petrov@Mail.RU ", "ivan.petrov@mail.ru"),
    ("mailto:a@b.ru", "a@b.ru"),
    ("ivan@пример.рф", "ivan@пример.рф"),
    ("a@@b.ru", None), ("ivan@mail", None), ("ivan mail.ru", None), ("", None), (".a@b.ru", None),
])
def test_emails(raw: str, expected: str | None) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("01.02.1990", dt.date(1990, 2, 1)), ("1.2.1990", dt.date(1990, 2, 1)), ("1990-02-01", dt.date(1990, 2, 1)),
    ("1990-02-01 00:00:00", dt.date(1990, 2, 1)), ("32905", dt.date(1990, 2, 1)), (32905, dt.date(1990, 2, 1)),
    (32905.0, dt.date(1990, 2, 1)), (dt.datetime(1990, 2, 1, 10), dt.date(1990, 2, 1)), ("01/02/1990", dt.date(1990, 2, 1)),
    ("31.02.1990", None), ("вчера", None), ("", None),
])
def test_dates(raw: object, expected: dt.date | None) -> None:
    assert parse_date(raw) == expected


def test_1904_serials() -> None:
    assert parse_date(31443, date1904=True) == dt.date(1990, 2, 1)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Иванов Иван Иванович", ("Иванов", "Иван", "Иванович")),
    ("  ИВАНОВА   МАРИЯ  ПЕТРОВНА ", ("Иванова", "Мария", "Петровна")),
    ("Иван Петрович", (None, "Иван", "Петрович")),
    ("Иван Петрович Сидоров", ("Сидоров", "Иван", "Петрович")),
    ("Петров Иван", ("Петров", "Иван", None)),
    ("Ольга", (None, "Ольга", None)),
    ("Мамедов Али Гусейн оглы", ("Мамедов", "Али", "Гусейн оглы")),
    ("", (None, None, None)),
])
def test_split_full_name(raw: str, expected: tuple) -> None:
    assert split_full_name(raw) == expected


def test_names_keep_deliberate_case() -> None:
    assert normalize_name("иванова-петрова") == "Иванова-Петрова"
    assert normalize_name("McDonald") == "McDonald"
