"""An import whose process is killed: the base is unchanged and the job is marked failed afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db.schema import contacts, import_jobs
from app.importer.job import run_import
from app.importer.model import ImportOptions
from app.importer.stale import INTERRUPTED, mark_interrupted_jobs
from app.workspace import Workspace

ROOT = Path(__file__).resolve().parents[3]
CHILD = textwrap.dedent("""
    import sys, time
    from app.importer.job import run_import
    from app.importer.model import ImportOptions
    from app.workspace import Workspace

    def progress(done, total, stage):
        if stage == "writing" and done > 0:
            print("writing", flush=True)
            time.sleep(60)  # killed here, in the middle of the transaction

    with Workspace.open(sys.argv[1]) as ws:
        run_import(ws, sys.argv[2], ImportOptions(), progress)
""")


def jobs(ws: Workspace) -> list[dict]:
    with ws.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(import_jobs).order_by(import_jobs.c.id)).mappings()]


def test_killed_import_is_marked_failed_and_changes_nothing(tmp_path: Path, make_csv: Callable[..., Path]) -> None:
    root = tmp_path / "ws"
    with Workspace.open(root) as ws:
        run_import(ws, make_csv([["Телефон"], ["89120000001"]], name="one.csv"), ImportOptions())
    rows = [["Телефон", "Имя"]] + [[f"8912{i:07d}", f"Клиент {i}"] for i in range(2, 60_002)]
    big = make_csv(rows, name="big.csv")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(root), str(big)], cwd=ROOT, stdout=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        with Workspace.open(root) as ws:
            assert [j["status"] for j in jobs(ws)] == ["done", "running"]
            assert mark_interrupted_jobs(ws.engine, ws.root) == []  # still alive: left alone
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    with Workspace.open(root) as ws:  # opening the workspace cleans up after the dead process
        assert mark_interrupted_jobs(ws.engine, ws.root) == []
        found = jobs(ws)
        assert [j["status"] for j in found] == ["done", "failed"] and found[1]["error"] == INTERRUPTED
        assert found[1]["finished_at"] is not None
        with ws.engine.connect() as conn:
            assert conn.execute(sa.select(contacts.c.phone)).scalars().all() == ["+79120000001"]
        assert not (root / "running-imports" / "2.lock").exists()


def test_next_import_marks_a_job_without_a_process(workspace: Workspace, make_csv: Callable[..., Path]) -> None:
    import datetime as dt

    with workspace.engine.begin() as conn:  # a job row as a crashed process leaves it, an hour ago
        conn.execute(sa.insert(import_jobs).values(file_name="old.csv", status="running", options={}, mapping={},
                                                   started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    started = time.monotonic()
    result = run_import(workspace, make_csv([["Телефон"], ["89120000001"]]), ImportOptions())
    assert time.monotonic() - started < 30
    assert [(j["status"], j["error"]) for j in jobs(workspace)] == [("failed", INTERRUPTED), ("done", None)]
    assert result.created == 1


@pytest.mark.postgres
def test_a_team_database_leaves_other_computers_jobs_alone(pg_url: str, tmp_path: Path) -> None:
    import datetime as dt

    with Workspace.open(tmp_path / "ws", pg_url) as ws:
        with ws.engine.begin() as conn:  # running for an hour on a colleague's computer: no lock file here
            conn.execute(sa.insert(import_jobs).values(file_name="их.csv", status="running", options={}, mapping={},
                                                       started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    with Workspace.open(tmp_path / "ws", pg_url) as ws:
        assert mark_interrupted_jobs(ws.engine, ws.root) == []
        assert [j["status"] for j in jobs(ws)] == ["running"]
