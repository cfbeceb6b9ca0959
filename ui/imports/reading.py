"""Reading a file's preview off the GUI thread, with a better encoding found for garbled text."""

from __future__ import annotations

import codecs
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserInputError
from app.importer.model import Preview, SourceOptions
from app.importer.preview import preview_file
from ui.imports.mojibake import GARBLED, garbled_share

PREVIEW_ROWS = 20

#: (codec, label) in the order the encoding combo lists them; labels are codec names, not words.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 BOM"),
    ("cp1251", "Windows-1251"),
    ("utf-16", "UTF-16"),
    ("koi8-r", "KOI8-R"),
    ("cp866", "CP866"),
)

_lane: ThreadPoolExecutor | None = None


def preview_lane() -> ThreadPoolExecutor:
    """The executor previews run on: reads only, so it need not wait behind database writes."""
    global _lane
    if _lane is None:
        _lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-preview")
    return _lane


def canonical_codec(name: str | None) -> str | None:
    """Python's canonical spelling of a codec name ("windows-1251" → "cp1251")."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


@dataclass
class Reading:
    """A preview and what the page should say about its text.

    Attributes:
        preview: the file's first rows as read with the asked options.
        garbled: the text looks like mojibake.
        suggestion: a codec from ENCODINGS that reads the file cleanly, if one does.
    """

    preview: Preview
    garbled: bool = False
    suggestion: str | None = None


def _texts(preview: Preview) -> list[str]:
    return list(preview.headers) + [cell for row in preview.rows for cell in row]


def read_preview(path: str | Path, options: SourceOptions, rows: int = PREVIEW_ROWS) -> Reading:
    """Read the preview; for garbled text, try the other encodings and suggest the cleanest."""
    preview = preview_file(path, options, rows=rows)
    if preview.format != "csv":
        return Reading(preview)
    share = garbled_share(_texts(preview))
    if share < GARBLED:
        return Reading(preview)
    best, best_share = None, share
    current = canonical_codec(preview.encoding)
    for codec, _label in ENCODINGS:
        if canonical_codec(codec) == current:
            continue
        try:
            candidate = preview_file(path, SourceOptions(encoding=codec), rows=rows)
        except (UserInputError, OSError, UnicodeError):
            continue
        candidate_share = garbled_share(_texts(candidate))
        if candidate_share < best_share:
            best, best_share = codec, candidate_share
    return Reading(preview, True, best if best_share < GARBLED else None)
