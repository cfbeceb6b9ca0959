"""Single sender per database: an OS file lock next to the database plus an epoch row (R7).

The lock file is held (fcntl on POSIX, msvcrt on Windows) for the engine's lifetime; the
OS releases it when the process dies, even by SIGKILL. The epoch in the `settings` table
goes up by one at every start and is also written into the lock file: a database whose
epoch is lower than the lock file's was restored from an older copy, so its running
campaigns are paused for the user to check instead of resending (listmonk #1801).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import sqlalchemy as sa

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import settings
from app.errors import WorkspaceLocked

__all__ = ["EngineLock", "lock_path_for"]

SETTING_EPOCH = "engine.epoch"


def lock_path_for(engine: sa.Engine, workspace_root: Path) -> Path:
    """`<database file>.engine.lock` for SQLite, else `<workspace>/engine.lock`."""
    if is_sqlite(engine) and engine.url.database and engine.url.database != ":memory:":
        return Path(engine.url.database).with_name(Path(engine.url.database).name + ".engine.lock")
    return workspace_root / "engine.lock"


class EngineLock:
    """The exclusive right to send from one database.

    Attributes:
        epoch: this instance's epoch (set by `acquire`).
        restored: True when the database looks restored from an older copy.
    """

    def __init__(self, engine: sa.Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self.epoch = 0
        self.restored = False
        self._fd: int | None = None

    def acquire(self) -> int:
        """Take the lock or raise WorkspaceLocked; returns the new epoch."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise WorkspaceLocked(
                f"another Kaskad window or `main.py engine` is already sending from this database "
                f"(lock {self.path}); close it first") from exc
        self._fd = fd
        last_seen = _read_epoch(fd)
        conn = self.engine.connect()
        if is_sqlite(self.engine):
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
        with conn, conn.begin():
            current = conn.execute(sa.select(settings.c.value).where(settings.c.key == SETTING_EPOCH)).scalar()
            current = int(current or 0)
            self.restored = current < last_seen
            self.epoch = max(current, last_seen) + 1
            if current:
                conn.execute(settings.update().where(settings.c.key == SETTING_EPOCH).values(value=self.epoch))
            else:
                conn.execute(settings.insert().values(key=SETTING_EPOCH, value=self.epoch))
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"epoch": self.epoch, "pid": os.getpid()}).encode())
        os.fsync(fd)
        return self.epoch

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> EngineLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_epoch(fd: int) -> int:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 4096)
        return int(json.loads(data or b"{}").get("epoch", 0))
    except (ValueError, OSError, AttributeError):
        return 0


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
