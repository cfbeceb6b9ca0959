"""Importing events from CSV/Excel (a call log, an order list) with the contact importer's reader.

Columns map to event fields: phone, email, external_id, visitor_id, name, type, occurred_at,
id (idempotency), "property:<name>" or "skip"; unmapped columns become properties under their
header. Rows without an id get a content hash as their key, so importing the same file twice
adds nothing. Bad rows are reported (row, column, reason) and skipped; good rows are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app.errors import ImportFileError, UserInputError
from app.events.ingest import store_events
from app.events.payload import EventIn, PayloadError, parse_event
from app.importer.mapping import guess_field
from app.importer.model import Preview, SourceOptions
from app.importer.preview import preview_file
from app.importer.reader import read_source
from app.progress import CancelToken, ProgressCallback, no_progress

__all__ = ["EVENT_TARGETS", "EventImportResult", "guess_event_mapping", "import_events", "preview_events"]

EVENT_TARGETS = ("phone", "email", "external_id", "visitor_id", "name", "type", "occurred_at", "id", "skip")
_BATCH = 1000
_GUESSES = (
    (re.compile(r"^(дата|время|дата и время|date|time|datetime|timestamp|when|occurred)", re.I), "occurred_at"),
    (re.compile(r"^(тип|тип события|событие|type|event)$", re.I), "type"),
    (re.compile(r"^(id события|event id|id)$", re.I), "id"),
    (re.compile(r"^(visitor|visitor_id|посетитель)$", re.I), "visitor_id"),
    (re.compile(r"^(сумма|сумма заказа|amount|total|итого)", re.I), "property:amount"),
    (re.compile(r"^(статус|status|результат)", re.I), "property:status"),
)
_CALL_STATUS = {"answered": "answered", "принят": "answered", "принятый": "answered", "отвечен": "answered",
                "успешный": "answered", "missed": "missed", "пропущен": "missed", "пропущенный": "missed",
                "не отвечен": "missed", "неотвеченный": "missed", "no answer": "missed"}
_NUMBER = re.compile(r"^-?[1-9][\d\s\u00a0]*([.,]\d+)?$|^-?0([.,]\d+)?$")
_TIME_FORMATS = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M")


@dataclass
class EventImportResult:
    """What an events import did; `errors` are (file row, column header or None, reason)."""

    total: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    contacts_created: int = 0
    errors: list[tuple[int, str | None, str]] = field(default_factory=list)


def guess_event_mapping(headers: list[str]) -> dict[str, str]:
    """Header → target: identities via the contact importer's guesses, then dates, type, amount, status."""
    mapping: dict[str, str] = {}
    for header in headers:
        text = header.strip()
        target = next((t for pattern, t in _GUESSES if pattern.match(text)), None)
        if target is None:
            guessed = guess_field(header)
            target = {"full_name": "name"}.get(guessed or "", guessed)
            if target not in EVENT_TARGETS:
                target = f"property:{text}"
        if target in mapping.values() and not target.startswith("property:"):
            target = f"property:{text}"
        mapping[header] = target
    return mapping


def preview_events(path: str | Path, options: SourceOptions | None = None, *, rows: int = 20) -> tuple[Preview, dict[str, str]]:
    """The importer's preview of the file (encoding, delimiter, header, first rows) and a guessed event mapping."""
    preview = preview_file(path, options, rows=rows)
    return preview, guess_event_mapping(preview.headers)


def _when(text: str) -> str | None:
    """An ISO date-time with offset from ISO or Russian-style text; naive times are local time."""
    value = None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _TIME_FORMATS:
            try:
                value = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.astimezone()
    return value.isoformat()


def _value(text: str) -> Any:
    if _NUMBER.match(text):
        number = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
        return float(number) if "." in number else int(number)
    return text


def _row_event(cells: dict[str, str], mapping: dict[str, str], event_type: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"properties": {}}
    for header, text in cells.items():
        target = mapping.get(header) or f"property:{header.strip()}"
        if target == "skip" or not text:
            continue
        if target.startswith("property:"):
            data["properties"][target[9:]] = _value(text)
        elif target == "occurred_at":
            when = _when(text)
            if when is None:
                raise PayloadError("occurred_at", f"not a date and time: {text!r} (use 24.11.2026 14:05 or ISO)")
            data["occurred_at"] = when
        else:
            data[target] = text
    data.setdefault("type", event_type)
    if data["type"] == "call" and isinstance(data["properties"].get("status"), str):
        status = data["properties"]["status"].strip().lower()
        if status in _CALL_STATUS:
            data["properties"]["status"] = _CALL_STATUS[status]
    return data


def _key(data: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    return f"row:{digest[:40]}"


def import_events(engine: Engine, path: str | Path, *, event_type: str | None = None,
                  mapping: dict[str, str] | None = None, source: SourceOptions | None = None,
                  progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> EventImportResult:
    """Read the file and store its rows as events; `event_type` is used where no type column is mapped."""
    table = read_source(path, source)
    full = guess_event_mapping(table.headers)
    for header, target in (mapping or {}).items():
        if header not in table.headers:
            raise ImportFileError(path, f"the mapping names column {header!r}, which the file does not have")
        if target not in EVENT_TARGETS and not (target.startswith("property:") and len(target) > 9):
            raise UserInputError(f"unknown target {target!r} for column {header!r}: one of "
                                 f"{', '.join(EVENT_TARGETS)} or property:<name>")
        full[header] = target
    if event_type is None and "type" not in full.values():
        raise UserInputError("say which event type the rows are (--type call) or map a column to \"type\"")
    column_of = {target: header for header, target in full.items()}
    columns = [c.to_pylist() for c in table.data.columns]
    numbers = table.row_numbers.to_pylist()
    result = EventImportResult(total=len(numbers))
    batch: list[EventIn] = []
    for i, row_no in enumerate(numbers):
        cells = {h: (columns[j][i] or "").strip() for j, h in enumerate(table.headers)}
        try:
            data = _row_event(cells, full, event_type)
            data["id"] = data.get("id") or _key(data)
            batch.append(parse_event(data))
        except PayloadError as exc:
            top = exc.field.split(".")[0]
            header = column_of.get(top) or column_of.get("property:" + exc.field[11:])
            result.rejected += 1
            result.errors.append((row_no, header, exc.reason))
        if len(batch) >= _BATCH or (i == len(numbers) - 1 and batch):
            if cancel is not None:
                cancel.raise_if_cancelled()
            done = store_events(engine, batch, source="import")
            result.stored += done.stored
            result.duplicates += done.duplicates
            result.contacts_created += done.contacts_created
            batch = []
            progress(i + 1, len(numbers), "events")
    return result
