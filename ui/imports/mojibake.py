"""Spotting text that was decoded with the wrong encoding, so the preview can say so."""

from __future__ import annotations

import re

# Characters that appear in Russian text almost only when bytes were decoded wrongly:
# cp1251's rare letters and symbols (UTF-8 read as cp1251), box drawing (cp866 read as
# something else), Latin-1 accented letters (cp1251 read as Latin-1), the replacement char.
_ODD = set("ЂЃЉЊЋЏђѓљњќћџЎўЈҐЄЇІіґєјЅѕї‚„†‡€‰‹›™¤¦§©¬®±µ¶·") | set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
) | set(chr(c) for c in range(0x2500, 0x2580)) | {"\ufffd"}
#: share of garbled words from which a text counts as mojibake.
GARBLED = 0.2

_CYR_WORD = re.compile(r"[А-Яа-яЁё]{2,}")
# A token: a run of anything but whitespace and ASCII punctuation (so "Телефон;Имя" is two).
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~]+")


def garbled_share(texts: list[str]) -> float:
    """Share (0..1) of the Cyrillic-looking words and odd characters that look garbled.

    A word counts as garbled when it contains an odd character or mixes cases inside the
    word (KOI8-R read as cp1251 gives "цМЮРЮКХИ"-style words).
    """
    words = 0
    bad = 0
    for text in texts:
        for token in _TOKEN.findall(text):
            letters = [ch for ch in token if ch.isalpha()]
            odd = any(ch in _ODD or ord(ch) >= 0x2E80 or ord(ch) < 0x20 for ch in token)
            if not letters and not odd:
                continue
            cyr = _CYR_WORD.search(token) is not None
            if not (odd or cyr):
                continue
            words += 1
            if odd or _mixed_case(letters):
                bad += 1
    return bad / words if words else 0.0


def looks_garbled(texts: list[str]) -> bool:
    """True when the text looks like mojibake: a real share of the words is garbled."""
    return garbled_share(texts) >= GARBLED


def _mixed_case(letters: list[str]) -> bool:
    tail = letters[1:]
    if len(tail) < 2:
        return False
    uppers = sum(ch.isupper() for ch in tail)
    # "Иванов" and "ИВАНОВ" are fine; "иВАНОВ" or "цМЮРЮ" are not.
    return 0 < uppers < len(tail) or (uppers == len(tail) and letters[0].islower())
