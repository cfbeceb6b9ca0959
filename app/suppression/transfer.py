"""Suppression lists in and out of files: import from CSV/XLSX (the importer's reader), export via app.exports.

The import finds the address column by its header (address, e-mail, phone, адрес, телефон,
почта ...; else the first column), and optional channel and reason columns (our own export
reads back). Every row is checked before anything is stored; the valid ones are added in one
transaction, and the refused ones are reported with their row numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from app.db.schema import CHANNELS
from app.errors import ImportFileError, UserInputError
from app.progress import CancelToken, ProgressCallback, no_progress
from app.suppression.store import (
    REASONS,
    SuppressionEntry,
    add_suppressions,
    count_suppressions,
    list_suppressions,
    normalise_address,
)

__all__ = ["SuppressionImport", "export_suppressions", "import_suppressions"]

_ADDRESS_HEADERS = ("address", "адрес", "email", "e-mail", "e_mail", "почта", "эл. почта", "электронная почта",
                    "phone", "телефон", "тел", "номер", "mobile", "мобильный")
_CHANNEL_HEADERS = ("channel", "канал")
_REASON_HEADERS = ("reason", "причина")
#: Channel and reason names as people write them (and as our Russian export writes them).
_CHANNEL_WORDS = {"email": "email", "e-mail": "email", "почта": "email", "эл. почта": "email", "sms": "sms",
                  "смс": "sms", "whatsapp": "whatsapp", "ватсап": "whatsapp", "calls": "calls", "звонки": "calls",
                  "звонок": "calls"}
_REASON_WORDS = {"unsubscribed": "unsubscribed", "отписался": "unsubscribed", "отписка": "unsubscribed",
                 "bounced": "bounced", "возврат": "bounced", "недоставка": "bounced", "адрес не существует": "bounced",
                 "complained": "complained", "жалоба": "complained", "жалоба на спам": "complained",
                 "manual": "manual", "вручную": "manual", "добавлен вручную": "manual"}
#: Problems listed back to the user; the rest are only counted.
MAX_LISTED = 200
_BATCH = 5000


@dataclass
class SuppressionImport:
    """What an import did.

    Attributes:
        rows: data rows read.
        added: new suppressions.
        already: valid rows whose address was already suppressed (or repeated in the file).
        problems: (row number in the file, value, why) of refused rows, the first MAX_LISTED.
        refused: how many rows were refused in all.
    """

    rows: int = 0
    added: int = 0
    already: int = 0
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    refused: int = 0


def _column(headers: list[str], names: Sequence[str]) -> int | None:
    lowered = [h.strip().lower() for h in headers]
    for i, header in enumerate(lowered):
        if header in names:
            return i
    return None


def import_suppressions(engine: Engine, path: str | Path, *, channel: str | None = None, reason: str = "manual",
                        source: str = "", progress: ProgressCallback = no_progress,
                        cancel: CancelToken | None = None, now: datetime | None = None) -> SuppressionImport:
    """Suppress the addresses listed in a CSV/XLSX file.

    Rows without a channel column value are e-mail when the address has "@", else `channel`
    (the channel for phone numbers; None refuses them); `reason` applies to rows without a
    reason value. ImportFileError when the file cannot be read."""
    from app.importer.model import SourceOptions
    from app.importer.reader import read_source

    if channel is not None and channel not in CHANNELS:
        raise UserInputError(f"unknown channel {channel!r}; one of: {', '.join(CHANNELS)}")
    if reason not in REASONS:
        raise UserInputError(f"unknown reason {reason!r}; one of: {', '.join(REASONS)}")
    path = Path(path)
    # The first row is the header: the importer's header guess would take a data row that
    # says "e-mail" in its channel column for one.
    table = read_source(path, SourceOptions(header_row=0))
    headers = table.headers
    address_at = _column(headers, _ADDRESS_HEADERS)
    address_at = 0 if address_at is None else address_at
    channel_at = _column(headers, _CHANNEL_HEADERS)
    reason_at = _column(headers, _REASON_HEADERS)
    columns = [table.data.column(i).to_pylist() for i in range(len(headers))]
    numbers = table.row_numbers.to_pylist()
    if address_at == 0 and _looks_like_address(headers[0]):
        # A bare list of addresses without a header: its first row is data too.
        columns = [[header, *column] for header, column in zip(headers, columns, strict=True)]
        numbers = [table.header_row + 1, *numbers]
    result = SuppressionImport(rows=len(numbers))
    if not numbers:
        raise ImportFileError(path, "the file has no rows under its header")
    label = source or f"import: {path.name}"
    items: list[tuple[str, str, str, str]] = []
    for i, number in enumerate(numbers):
        if cancel is not None and i % _BATCH == 0:
            cancel.raise_if_cancelled()
        if i % _BATCH == 0:
            progress(i, len(numbers), "checking")
        value = str(columns[address_at][i] or "").strip()
        row_channel = _word(columns[channel_at][i], _CHANNEL_WORDS) if channel_at is not None else None
        row_reason = _word(columns[reason_at][i], _REASON_WORDS) if reason_at is not None else None
        wanted = row_channel or ("email" if "@" in value else channel)
        problem = None
        if not value:
            problem = "the address is empty"
        elif wanted is None:
            problem = "which channel? choose one for phone numbers"
        else:
            try:
                items.append((wanted, normalise_address(wanted, value), row_reason or reason, label))
            except UserInputError as exc:
                problem = str(exc)
        if problem is not None:
            result.refused += 1
            if len(result.problems) < MAX_LISTED:
                result.problems.append((int(number), value, problem))
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(len(numbers), len(numbers), "saving")
    # One transaction: an import either adds all its valid rows or nothing.
    result.added = add_suppressions(engine, items, now=now or datetime.now(UTC))
    result.already = len(items) - result.added
    return result


def _looks_like_address(text: str) -> bool:
    from app.contacts.normalize import check_email, check_phone

    return check_email(text)[0] is not None or check_phone(text)[0] is not None


def _word(value: object, words: dict[str, str]) -> str | None:
    text = str(value or "").strip().lower()
    return words.get(text) if text else None


def export_suppressions(engine: Engine, path: str | Path, header: Sequence[str],
                        describe: Callable[[SuppressionEntry], Sequence[object]], *, channel: str | None = None,
                        reason: str | None = None, search: str | None = None,
                        progress: ProgressCallback = no_progress) -> int:
    """Write the matching suppressions (newest first) to .xlsx or .csv; returns how many.

    `describe(entry)` gives one row's cells, so the caller chooses the language."""
    from app.exports import write_table

    total = count_suppressions(engine, channel=channel, reason=reason, search=search)
    written = 0

    def rows() -> Iterator[Sequence[object]]:
        nonlocal written
        offset = 0
        while True:
            page = list_suppressions(engine, channel=channel, reason=reason, search=search, limit=_BATCH,
                                     offset=offset)
            for entry in page:
                yield describe(entry)
            written += len(page)
            progress(written, total, "writing")
            if len(page) < _BATCH:
                return
            offset += _BATCH

    write_table(path, header, rows(), sheet="Suppressions")
    return written
