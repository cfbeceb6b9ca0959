"""SMS segment counting against boundary vectors, replacement, transliteration, sender, cost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import UserInputError
from app.templates.sms import audience_stats, count_sms, replace_unsafe, transliterate, validate_sender


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("a" * 159 + "€", "GSM-7", 161, 2),       # the euro sign costs two septets
        ("a" * 158 + "€", "GSM-7", 160, 1),
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 306, 3),  # escape pair not split: part 1 closes at 152
        ("я" * 70, "UCS-2", 70, 1),
        ("я" * 71, "UCS-2", 71, 2),
        ("я" * 134, "UCS-2", 134, 2),
        ("я" * 135, "UCS-2", 135, 3),
        ("😀" * 35, "UCS-2", 70, 1),
        ("😀" * 36, "UCS-2", 72, 2),
        ("я" * 66 + "😀" + "я" * 66, "UCS-2", 134, 3),  # surrogate pair not split at unit 67
        ("Hello «world»", "UCS-2", 13, 1),
        ("Скидка 10% {code}", "UCS-2", 17, 1),    # braces are 1 unit in UCS-2
    ],
)
def test_segment_vectors(text: str, encoding: str, units: int, segments: int) -> None:
    count = count_sms(text)
    assert (count.encoding, count.units, count.segments) == (encoding, units, segments)


def test_per_segment_capacity_and_remaining() -> None:
    assert count_sms("a" * 10).per_segment == 160
    assert count_sms("a" * 200).per_segment == 153
    assert count_sms("я" * 10).per_segment == 70
    long = count_sms("я" * 100)
    assert long.per_segment == 67 and long.remaining == 34


def test_flags_characters_forcing_ucs2_and_extension_chars() -> None:
    count = count_sms("Price: 5€ — «ok»")
    assert count.encoding == "UCS-2"
    assert [c for _, c in count.chars_forcing_ucs2] == ["—", "«", "»"]
    assert count.chars_forcing_ucs2[0] == (10, "—")
    latin = count_sms("a[b]")
    assert latin.extension_chars == [(1, "["), (3, "]")] and latin.units == 6


def test_replace_unsafe_keeps_letters() -> None:
    text = "«Ёлка» — №5… “да”\u00a0‘нет’ – ok"
    assert replace_unsafe(text) == '"Ёлка" - N5... "да" \'нет\' - ok'
    latin = replace_unsafe("«Sale» — 50%… №1")
    assert latin == '"Sale" - 50%... N1' and count_sms(latin).encoding == "GSM-7"


def test_transliterate_is_readable_and_gsm7() -> None:
    assert transliterate("Щука, ЩУКА, Юля, ёжик, Царь!") == "Shchuka, SHCHUKA, Yulya, yozhik, Tsar!"
    result = transliterate("Здравствуйте, Иван! Ваш заказ №15 готов — «Ромашка».")
    assert result == 'Zdravstvuyte, Ivan! Vash zakaz N15 gotov - "Romashka".'
    assert count_sms(result).encoding == "GSM-7"


@pytest.mark.parametrize("name", ["SHOP", "Romashka-24", "My Shop.ru", "79991234567"])
def test_valid_senders(name: str) -> None:
    assert validate_sender(f" {name} ") == name


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("", "empty"), ("Ромашка", "Latin"), ("VeryLongShopName", "at most 11"), ("1234567890123456", "15 digits"),
     ("12-34", "letter")],
)
def test_invalid_senders(name: str, fragment: str) -> None:
    with pytest.raises(UserInputError, match=fragment):
        validate_sender(name)


def test_audience_stats_and_cost() -> None:
    stats = audience_stats([count_sms(t).segments for t in ("a", "я" * 71, "я" * 135)], "3.50")
    assert (stats.messages, stats.min_segments, stats.max_segments, stats.total_segments) == (3, 1, 3, 6)
    assert stats.avg_segments == 2.0 and stats.cost == Decimal("21.00")
    assert audience_stats([], 1).messages == 0
