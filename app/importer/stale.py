"""Import jobs left "running" by a process that died (killed, power cut, crash) are marked failed.

A running import holds an OS lock on a file of its own in the workspace; the operating system
drops the lock when the process ends, however it ends. A job still "running" whose lock nobody
holds was interrupted: its transaction never committed, so the base is as it was before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import sqlalchemy as sa

from app.db.schema import import_jobs

__all__ = ["INTERRUPTED", "LOCK_DIR", "holding_job_lock", "mark_interrupted_jobs"]

LOCK_DIR = "running-imports"
INTERRUPTED = ("the import was interrupted (the program was closed or stopped while importing); "
               "nothing of it was saved, import the file again")
#: A job this young may not have taken its lock yet.
GRACE = dt.timedelta(seconds=60)


def _lock_path(root: Path, job_id: int) -> Path:
    return root / LOCK_DIR / f"{job_id}.lock"


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the exclusive lock without waiting; False when another open file holds it."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def holding_job_lock(root: Path, job_id: int) -> Iterator[None]:
    """Hold the job's lock while the import runs; the file goes when it ends."""
    path = _lock_path(root, job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+b")
    try:
        _try_lock(handle)
        yield
    finally:
        handle.close()  # closing releases the lock
        path.unlink(missing_ok=True)


def _abandoned(root: Path, job_id: int, started: dt.datetime | None, now: dt.datetime, *, shared: bool) -> bool:
    path = _lock_path(root, job_id)
    if not path.exists():
        if shared:  # a team database: the job may be running on another computer
            return False
        if started is not None and started.tzinfo is None:
            started = started.replace(tzinfo=dt.UTC)
        return started is None or now - started > GRACE
    with path.open("a+b") as handle:
        return _try_lock(handle)


def mark_interrupted_jobs(engine: sa.Engine, root: Path) -> list[int]:
    """Mark "running" jobs whose process is gone as failed; returns their ids.

    On a shared (non-SQLite) database only jobs started from this workspace folder are judged:
    their lock files are here; other computers' jobs are theirs to clean up.
    """
    now = dt.datetime.now(dt.UTC)
    shared = engine.dialect.name != "sqlite"
    with engine.connect() as conn:
        running = conn.execute(sa.select(import_jobs.c.id, import_jobs.c.started_at)
                               .where(import_jobs.c.status == "running")).all()
    stale = [job_id for job_id, started in running if _abandoned(root, job_id, started, now, shared=shared)]
    if stale:
        with engine.begin() as conn:
            conn.execute(sa.update(import_jobs).where(import_jobs.c.id.in_(stale), import_jobs.c.status == "running")
                         .values(status="failed", error=INTERRUPTED, finished_at=now))
        for job_id in stale:
            _lock_path(root, job_id).unlink(missing_ok=True)
    return stale
