"""Keep Jinja tags intact while HTML is sanitised, inlined or converted: swap them for inert tokens."""

from __future__ import annotations

import itertools
import re

__all__ = ["JINJA_TAG", "Protector"]

JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_TOKEN = re.compile(r"kskj(\d{6})t(\d{5})x")
_IDS = itertools.count(1)


class Protector:
    """Replaces Jinja tags with tokens like `kskj000001t00000x` and puts them back later.

    The tokens are plain letters and digits, so HTML parsers, nh3, css-inline and URL checks
    leave them alone wherever they stand (text, attribute, href); `<` inside `{% if a < b %}`
    can therefore never be escaped to `&lt;` and break the template. Each protector restores
    only its own tokens, so protectors can be nested.
    """

    def __init__(self) -> None:
        self.id = f"{next(_IDS) % 1_000_000:06d}"
        self.tags: list[str] = []

    def protect(self, source: str) -> str:
        """`source` with every Jinja tag replaced by a token."""

        def swap(match: re.Match[str]) -> str:
            self.tags.append(match.group())
            return f"kskj{self.id}t{len(self.tags) - 1:05d}x"

        return JINJA_TAG.sub(swap, source)

    def restore(self, text: str) -> str:
        """Put the original tags back in place of this protector's tokens."""
        return _TOKEN.sub(lambda m: self.tags[int(m.group(2))] if m.group(1) == self.id else m.group(), text)

    @staticmethod
    def has_token(text: str) -> bool:
        """Whether `text` holds a token (i.e. came from a Jinja tag)."""
        return _TOKEN.search(text) is not None
