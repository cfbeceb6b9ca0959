"""Running one import: read, plan, write in one transaction, record the job, report rejects.

Safe to call from a worker thread: it uses its own connection. A failure or a cancel rolls
the contact writes back entirely; only the import_jobs row records what happened.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import sqlalchemy as sa

from app.db.engine import BEGIN_IMMEDIATE
from app.db.schema import contacts, import_jobs
from app.errors import Cancelled, EnvironmentProblem
from app.importer.apply import apply_plan
from app.importer.mapping import validate_mapping
from app.importer.model import ImportOptions, ImportResult
from app.importer.reader import read_source
from app.importer.report import write_error_report
from app.importer.rows import BaseIndex, build_plan
from app.importer.table import SourceTable
from app.progress import CancelToken, ProgressCallback, no_progress

if TYPE_CHECKING:
    from app.workspace import Workspace

__all__ = ["effective_mapping", "run_import"]


def effective_mapping(headers: list[str], mapping: dict[str, str] | None) -> dict[str, str]:
    """The mapping for every header: the given one, else the guess; the rest are custom fields."""
    from app.importer.mapping import guess_mapping

    if mapping is None:
        return guess_mapping(headers)
    return {h: mapping.get(h, f"custom:{h}") for h in headers}


@contextmanager
def _ticking(progress: ProgressCallback, stage: str) -> Iterator[None]:
    """Report `stage` every 0.4 s while a single long call (a file read) runs."""
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(0.4):
            try:
                progress(0, None, stage)
            except Exception:  # noqa: S110 - the main thread sees the callback's own errors
                pass

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_import(
    workspace: Workspace,
    path: str | Path,
    options: ImportOptions,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Import the file into the workspace's base; see ImportOptions and ImportResult."""
    started = time.perf_counter()
    path = Path(path)
    progress(0, None, "reading")
    with _ticking(progress, "reading"):
        table = read_source(path, options.source)
    # Give back the parser's scratch buffers before a million records are built.
    pa.default_memory_pool().release_unused()
    if cancel is not None:
        cancel.raise_if_cancelled()
    mapping = effective_mapping(table.headers, options.mapping)
    validate_mapping(mapping)
    _validate_options(options)
    engine = workspace.engine
    job_id = None if options.dry_run else _create_job(engine, path, table, options, mapping)
    collecting = gc.isenabled()
    try:
        # A million records are a million containers: the cyclic collector would rescan them
        # over and over (several seconds) while none of them can form a cycle.
        gc.disable()
        with engine.connect() as conn, _big_cache(conn):
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
            with conn.begin() as tx:
                result = _run(conn, workspace, path, table, mapping, options, job_id, progress, cancel)
                result.seconds = round(time.perf_counter() - started, 3)
                if options.dry_run:
                    tx.rollback()
                else:
                    conn.execute(sa.update(import_jobs).where(import_jobs.c.id == job_id).values(
                        status="done", finished_at=dt.datetime.now(dt.UTC), **_counts(result)))
    except (sqlite3.Error, sa.exc.DBAPIError) as exc:
        if job_id is not None:
            _finish_failed(engine, job_id, "failed", str(exc))
        raise EnvironmentProblem(f"the import was rolled back and nothing was changed; the database said: "
                                 f"{getattr(exc, 'orig', None) or exc}") from exc
    except BaseException as exc:
        if job_id is not None:
            status = "cancelled" if isinstance(exc, Cancelled | KeyboardInterrupt) else "failed"
            _finish_failed(engine, job_id, status, str(exc) or type(exc).__name__)
        raise
    finally:
        if collecting:
            gc.enable()
    progress(result.total_rows, result.total_rows, "done")
    return result


@contextmanager
def _big_cache(conn: sa.Connection) -> Iterator[None]:
    """A larger SQLite page cache (64 MB) while importing: five indexes on contacts thrash the 2 MB default."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    raw.execute("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        raw.execute("PRAGMA cache_size=-2000")


def _run(conn: sa.Connection, workspace: Workspace, path: Path, table: SourceTable, mapping: dict[str, str],
         options: ImportOptions, job_id: int | None, progress: ProgressCallback,
         cancel: CancelToken | None) -> ImportResult:
    base = _base_index(conn)
    plan = build_plan(table, mapping, options.region, base, progress, cancel)
    applied = apply_plan(conn, plan, options, job_id, f"import: {path.name}", progress, cancel)
    result = ImportResult(
        job_id=job_id, total_rows=plan.total, created=applied.created, updated=applied.updated,
        merged=plan.merged, rejected=len(plan.rejected), skipped=applied.skipped, conflicts=len(plan.conflicts),
        blank_rows=table.blank_rows, warnings=list(table.warnings), dry_run=options.dry_run,
        conflict_samples=[f"row {plan.numbers[i].as_py()}: {reason}" for i, reason in plan.conflicts[:20]],
    )
    problems = plan.rejected + [(i, None, reason) for i, reason in plan.conflicts]
    if problems:
        name = f"import-{job_id}-errors.xlsx" if job_id is not None else "import-dry-run-errors.xlsx"
        target = Path(options.errors_path) if options.errors_path else workspace.reports_dir / name
        result.error_report, result.error_report_csv = write_error_report(table, problems, target)
    if cancel is not None:
        cancel.raise_if_cancelled()
    return result


def _validate_options(options: ImportOptions) -> None:
    from app.db.schema import CHANNELS
    from app.errors import UserInputError
    from app.importer.model import DUPLICATE_POLICIES

    if options.on_duplicate not in DUPLICATE_POLICIES:
        raise UserInputError(f"unknown duplicate policy {options.on_duplicate!r}; use fill, overwrite or skip")
    for channel in options.consent_channels:
        if channel not in CHANNELS:
            raise UserInputError(f"unknown consent channel {channel!r}; use {', '.join(CHANNELS)}")
    if options.consent_channels and not (options.consent_source or "").strip():
        raise UserInputError("recording consent for the whole file needs a source text, e.g. "
                             "\"signed the loyalty form at the shop\"")


def _base_index(conn: sa.Connection) -> BaseIndex:
    base = BaseIndex()
    if conn.dialect.name == "sqlite":
        rows = conn.connection.driver_connection.execute("SELECT id, phone, email FROM contacts")
    else:
        rows = conn.execute(sa.select(contacts.c.id, contacts.c.phone, contacts.c.email))
    for cid, phone, email in rows:
        if phone:
            base.phone[phone] = cid
        if email:
            base.email[email] = cid
    return base


def _counts(result: ImportResult) -> dict[str, object]:
    return {"total_rows": result.total_rows, "created": result.created, "updated": result.updated,
            "merged": result.merged, "rejected": result.rejected, "skipped": result.skipped,
            "conflicts": result.conflicts,
            "error_report": str(result.error_report) if result.error_report else None}


def _create_job(engine: sa.Engine, path: Path, table: SourceTable, options: ImportOptions,
                mapping: dict[str, str]) -> int:
    described = dataclasses.asdict(options)
    described["errors_path"] = str(options.errors_path) if options.errors_path else None
    described["source"] = dataclasses.asdict(dataclasses.replace(
        options.source, encoding=table.encoding, delimiter=table.delimiter, header_row=table.header_row,
        sheet=table.sheet))
    with engine.begin() as conn:
        return int(conn.execute(sa.insert(import_jobs).values(
            file_name=str(path), sheet=table.sheet, status="running", options=described, mapping=mapping,
            consent_source=options.consent_source, started_at=dt.datetime.now(dt.UTC),
        )).inserted_primary_key[0])


def _finish_failed(engine: sa.Engine, job_id: int, status: str, error: str) -> None:
    with engine.begin() as conn:
        conn.execute(sa.update(import_jobs).where(import_jobs.c.id == job_id).values(
            status=status, error=error[:2000], finished_at=dt.datetime.now(dt.UTC)))
