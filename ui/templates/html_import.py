"""Reading an HTML letter from a file for the HTML mode: size limit, encoding, sanitising."""

from __future__ import annotations

import re
from pathlib import Path

from app.errors import ImportFileError
from app.templates.sanitize import sanitize_email_html

__all__ = ["MAX_HTML_BYTES", "read_html_letter"]

#: Bigger files are not letters (Gmail clips at 102 KB); refuse before parsing.
MAX_HTML_BYTES = 2 * 1024 * 1024
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    declared = _CHARSET.search(raw[:4096])
    candidates = [declared.group(1).decode("ascii", "replace")] if declared else []
    for encoding in [*candidates, "utf-8", "cp1251"]:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ImportFileError(str(path), "the file is neither UTF-8 nor Windows-1251 text")


def read_html_letter(path: str | Path) -> str:
    """The letter in `path` as sanitised email HTML (scripts, handlers and remote CSS removed).

    ImportFileError names the file when it is too big, unreadable or not HTML. The cleaning
    itself is the app's email sanitiser, `app.templates.sanitize.sanitize_email_html`.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read the file: {exc.strerror}") from exc
    if size > MAX_HTML_BYTES:
        raise ImportFileError(str(path), f"the file is {size // 1024} KB; an email letter is at most "
                                         f"{MAX_HTML_BYTES // 1024} KB")
    text = _decode(path.read_bytes(), path)
    if "<" not in text:
        raise ImportFileError(str(path), "the file holds no HTML tags")
    return sanitize_email_html(text)
