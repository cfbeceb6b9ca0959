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
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
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
from app.importer.stale import holding_job_lock, mark_interrupted_jobs
from app.importer.table import SourceTable
from app.progress import CancelToken, ProgressCallback, no_progress

if TYPE_CHECKING:
    from app.workspace import Workspace

__all__ = ["effective_mapping", "run_import"]

_REPORT_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-import-report")

#: The page cache of the import connection (KiB). Measured: 256 MB saves little time on a
#: million rows and costs the 1 GB memory budget; 64 MB keeps the hot index pages.
IMPORT_CACHE_KB = 65_536


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
    mark_interrupted_jobs(engine, workspace.root)
    job_id = None if options.dry_run else _create_job(engine, path, table, options, mapping)
    collecting = gc.isenabled()
    try:
        # Millions of small objects that can form no cycle: the cyclic collector would only rescan them.
        gc.disable()
        with (holding_job_lock(workspace.root, job_id) if job_id is not None else nullcontext(),
              engine.connect() as conn, _big_cache(conn)):
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
    """A larger SQLite page cache while importing (the indexes on contacts thrash the 2 MB default);
    sorting for index builds in memory."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    raw.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KB}")
    raw.execute("PRAGMA temp_store=MEMORY")
    try:
        yield
    finally:
        raw.execute("PRAGMA cache_size=-2000")
        raw.execute("PRAGMA temp_store=DEFAULT")


def _run(conn: sa.Connection, workspace: Workspace, path: Path, table: SourceTable, mapping: dict[str, str],
         options: ImportOptions, job_id: int | None, progress: ProgressCallback,
         cancel: CancelToken | None) -> ImportResult:
    base = _base_index(conn)
    plan = build_plan(table, mapping, options.region, base, progress, cancel)
    del base
    problems = plan.rejected + [(i, None, reason) for i, reason in plan.conflicts]
    report_rows, problems = _keep_problem_rows(table, problems)
    pa.default_memory_pool().release_unused()
    report = None
    if problems:
        name = f"import-{job_id}-errors.xlsx" if job_id is not None else "import-dry-run-errors.xlsx"
        target = Path(options.errors_path) if options.errors_path else workspace.reports_dir / name
        # Written beside the database writes: SQLite gives the interpreter lock back while it
        # works, so the report's Python runs on the other core meanwhile (1-2 s on 1M rows).
        report = _REPORT_WRITER.submit(write_error_report, report_rows, problems, target)
    try:
        applied = apply_plan(conn, plan, options, job_id, f"import: {path.name}", progress, cancel)
    except BaseException:
        if report is not None:  # nothing was imported: no report of it is left behind
            futures.wait([report])
            if report.exception() is None:
                for file in report.result():
                    file.unlink(missing_ok=True)
        raise  # the import's own failure, not the report's, is the one to tell
    written = report.result() if report is not None else None
    result = ImportResult(
        job_id=job_id, total_rows=plan.total, created=applied.created, updated=applied.updated,
        merged=plan.merged, rejected=len(plan.rejected), skipped=applied.skipped, conflicts=len(plan.conflicts),
        blank_rows=table.blank_rows, warnings=list(table.warnings), dry_run=options.dry_run,
        conflict_samples=[f"row {plan.numbers[i].as_py()}: {reason}" for i, reason in plan.conflicts[:20]],
    )
    if written is not None:
        result.error_report, result.error_report_csv = written
    if cancel is not None:
        cancel.raise_if_cancelled()
    return result


def _keep_problem_rows(table: SourceTable, problems: list[tuple[int, str | None, str]]
                       ) -> tuple[SourceTable, list[tuple[int, str | None, str]]]:
    """The file's rows the error report needs, with the problems pointing into them; the
    rest of the source table is released (a million rows of text are not kept for a few rejects)."""
    rows = sorted({p[0] for p in problems})
    where = pa.array(rows, pa.int64())
    if table.kept is not None:  # the plan already let go of the rows no report can need
        where = pc.index_in(where, value_set=table.kept)
    kept = dataclasses.replace(table, data=table.data.take(where), row_numbers=table.row_numbers.take(where),
                               kept=None)
    table.data = table.data.slice(0, 0)
    position = dict(zip(rows, range(len(rows)), strict=True))
    return kept, [(position[i], column, reason) for i, column, reason in problems]


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
    """The stored phones and emails beside their contact ids, column-wise (fetched in slices:
    a million Python tuples at once would cost hundreds of megabytes)."""
    base = BaseIndex()
    for column, email in (("phone", False), ("email", True)):
        if conn.dialect.name == "sqlite":
            cursor = conn.connection.driver_connection.execute(
                f"SELECT id, {column} FROM contacts WHERE {column} IS NOT NULL")  # noqa: S608 - constant names
            fetch = cursor.fetchmany
        else:
            result = conn.execute(sa.select(contacts.c.id, contacts.c[column]).where(contacts.c[column].isnot(None)))
            fetch = result.fetchmany
        ids: list[np.ndarray] = []
        values: list[pa.Array] = []
        while rows := fetch(100_000):
            ids.append(np.fromiter((r[0] for r in rows), np.int64, len(rows)))
            values.append(pa.array([r[1] for r in rows], pa.string()))
        found_ids = np.concatenate(ids) if ids else np.zeros(0, np.int64)
        found = pa.concat_arrays(values) if values else pa.array([], pa.string())
        if email:
            base.email_ids, base.emails = found_ids, found
        else:
            base.phone_ids, base.phones = found_ids, found
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
