"""The workspace: one folder holding the database and the files Kaskad produces.

Layout of a workspace folder::

    kaskad.db        SQLite database (WAL), unless --db points elsewhere
    reports/         import error reports, campaign reports, exports
    sandbox/         what the sandbox providers "sent" (.eml files, JSON lines)
    files/           uploaded assets (images for letters, imported files)

Where it is: `--workspace DIR`, else `$KASKAD_WORKSPACE`, else the user data dir
(platformdirs, e.g. ~/.local/share/Kaskad on Linux, %LOCALAPPDATA%\\Kaskad on Windows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db import migrate
from app.db.engine import create_db_engine
from app.errors import EnvironmentProblem
from app.importer.stale import mark_interrupted_jobs

__all__ = ["ENV_DB", "ENV_WORKSPACE", "Workspace", "default_workspace_dir"]

ENV_WORKSPACE = "KASKAD_WORKSPACE"
ENV_DB = "KASKAD_DB"
DB_FILE = "kaskad.db"
SUBDIRS = ("reports", "sandbox", "files")


def default_workspace_dir() -> Path:
    """The workspace used when neither --workspace nor $KASKAD_WORKSPACE is given."""
    env = os.environ.get(ENV_WORKSPACE)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Kaskad", appauthor=False))


@dataclass
class Workspace:
    """An open workspace: its folder and a migrated database engine.

    Attributes:
        root: the workspace folder.
        url: the SQLAlchemy URL of its database.
        engine: the SQLAlchemy engine (schema at the newest revision).
    """

    root: Path
    url: str
    engine: Engine = field(repr=False)

    @classmethod
    def open(cls, root: str | Path | None = None, db_url: str | None = None, *, migrate_schema: bool = True) -> Workspace:
        """Open (creating if needed) the workspace and bring its schema up to date."""
        folder = Path(root).expanduser() if root else default_workspace_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for sub in SUBDIRS:
                (folder / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise EnvironmentProblem(f"cannot create the workspace folder {folder}: {exc.strerror or exc}") from exc
        url = db_url or os.environ.get(ENV_DB) or f"sqlite:///{folder / DB_FILE}"
        engine = create_db_engine(url)
        try:
            if migrate_schema:
                migrate.upgrade(engine)
                # An import killed with the program stays "running" in its history otherwise.
                mark_interrupted_jobs(engine, folder)
        except sa.exc.OperationalError as exc:
            engine.dispose()
            raise EnvironmentProblem(f"cannot open the database {sa.make_url(url).render_as_string(hide_password=True)}: {exc.orig}") from exc
        return cls(root=folder, url=url, engine=engine)

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def sandbox_dir(self) -> Path:
        return self.root / "sandbox"

    @property
    def files_dir(self) -> Path:
        return self.root / "files"

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
