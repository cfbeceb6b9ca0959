"""Test setup: Qt offscreen, no real keyring, a migrated template database, PostgreSQL."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Set before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium refuses to run as root with its sandbox on.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
# Never touch the developer's real keyring from tests.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("KASKAD_WORKSPACE", None)
os.environ.pop("KASKAD_DB", None)

import pytest  # noqa: E402

from app.workspace import DB_FILE, Workspace  # noqa: E402
from tests.helpers.postgres import PostgresServer, find_pg_bin  # noqa: E402


@pytest.fixture(scope="session")
def template_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace migrated once per session; tests copy its database."""
    root = tmp_path_factory.mktemp("template-ws")
    Workspace.open(root).close()
    return root


@pytest.fixture
def workspace(template_workspace: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh, migrated workspace in the test's temporary folder."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(template_workspace / DB_FILE, root / DB_FILE)
    ws = Workspace.open(root)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server on loopback (CI installs the server package)."""
    if find_pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing; .ci/run installs them")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    # Not under pytest's tmp dir: that one is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="kaskad-pg-"))
    server = PostgresServer(base)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """URL of a new, empty PostgreSQL database for this test."""
    return pg_server.create_database()
