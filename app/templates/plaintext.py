"""HTML → the plain-text part: readable paragraphs, links as "text (url)", hidden parts skipped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_BLOCK = {"p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "center",
          "pre"}
_SKIP = {"head", "style", "script", "title"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)


class _TextWriter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        hidden = tag in _SKIP or bool(_HIDDEN.search(attr.get("style") or ""))
        if tag not in _VOID:
            self.stack.append((tag, hidden))
            if hidden:
                self.skip += 1
        if self.skip:
            return
        if tag == "br":
            self.out.append("\n")
        elif tag == "hr":
            self.out.append("\n----------\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in _BLOCK or tag == "td":
            self.out.append("\n")
        if tag in ("del", "s", "strike"):
            # A crossed-out old price reads as such in plain text.
            self.out.append("(было ")
        if tag == "a":
            self.links.append(((attr.get("href") or "").strip(), len(self.out)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Pop to the matching open tag (tolerates sloppy HTML).
        while self.stack:
            open_tag, hidden = self.stack.pop()
            if hidden:
                self.skip -= 1
            if open_tag == tag:
                break
        if self.skip:
            return
        if tag == "a" and self.links:
            href, start = self.links.pop()
            text = " ".join("".join(self.out[start:]).split())
            del self.out[start:]
            if href and not href.startswith("#") and not href.lower().startswith("javascript:"):
                if not text:
                    return
                self.out.append(text if text == href or href == f"mailto:{text}" else f"{text} ({href})")
            else:
                self.out.append(text)
        elif tag in ("del", "s", "strike"):
            self.out.append(")")
        elif tag in ("h1", "h2", "h3", "p", "ul", "ol"):
            self.out.append("\n\n")
        elif tag in _BLOCK or tag == "td":
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(re.sub(r"[ \t\r\n\f]+", " ", data.replace("\u00a0", " ").replace("\u200c", "")
                                   .replace("\u034f", "")))


def html_to_text(html: str) -> str:
    """Plain text of an HTML letter: one paragraph per block, links as "text (url)", no hidden preheader."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    lines = [" ".join(line.split()) for line in "".join(writer.out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
