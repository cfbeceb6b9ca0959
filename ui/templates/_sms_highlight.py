"""Marking the characters of an SMS that cost extra: UCS-2 forcers, replaceable look-alikes, escapes."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.templates.sms import GSM7_BASIC, GSM7_EXT, replace_unsafe

__all__ = ["SmsHighlighter", "blank_tags", "char_kind"]

_BASIC = frozenset(GSM7_BASIC) - {"\x1b"}
_EXT = frozenset(GSM7_EXT)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


def blank_tags(text: str) -> str:
    """`text` with every Jinja tag replaced by spaces of the same length (tags are not sent as typed)."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=4096)
def char_kind(ch: str) -> str | None:
    """"replaceable" (a typographic look-alike we can swap), "ucs2" (forces UCS-2), "ext" (2 septets), or None."""
    if ch in _BASIC:
        return None
    if ch in _EXT:
        return "ext"
    if replace_unsafe(ch) != ch:
        return "replaceable"
    return "ucs2"


def _format(background: str, foreground: str, underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(background))
    fmt.setForeground(QColor(foreground))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c62828"))
    return fmt


class SmsHighlighter(QSyntaxHighlighter):
    """Look-alikes that force UCS-2 in red (wavy underline), other UCS-2 characters in pale orange
    (Cyrillic, emoji: what makes the text UCS-2), GSM-7 extension characters (2 septets) in yellow."""

    FORMATS = {
        "replaceable": _format("#ffcdd2", "#b71c1c", underline=True),
        "ucs2": _format("#fff3e0", "#000000"),
        "ext": _format("#fff59d", "#000000"),
    }

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        """Colour each costly character of one line (runs per changed line only)."""
        # Qt positions are UTF-16 units: an emoji outside the BMP takes two.
        start, pos, current = 0, 0, None
        for ch in blank_tags(text) + "\n":
            kind = char_kind(ch) if ch != "\n" else None
            if kind != current:
                if current is not None:
                    self.setFormat(start, pos - start, self.FORMATS[current])
                start, current = pos, kind
            pos += 2 if ord(ch) > 0xFFFF else 1
