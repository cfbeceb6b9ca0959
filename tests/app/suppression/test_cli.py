"""`suppression ...` and `receiver serve` as a shop owner or a script types them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import openpyxl
import pytest
import sqlalchemy as sa

from app.campaigns.render import make_unsubscribe_token, unsubscribe_secret
from app.cli import main
from app.workspace import Workspace
from tests.app.receiver.helpers import account, contact
from tests.app.suppression.fake_imap import FakeImap
from tests.fakes.sendgrid_server import FakeSendGrid

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def run(capsys: pytest.CaptureFixture[str], ws: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_export_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    assert run(capsys, ws, "suppression", "add", "email", " Ivan@Example.ORG ", "--source", "asked by phone")[0] == 0
    assert run(capsys, ws, "suppression", "add", "sms", "8 (912) 345-67-89", "--reason", "unsubscribed")[0] == 0
    code, out, _ = run(capsys, ws, "suppression", "add", "email", "ivan@example.org", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "added": False}
    code, out, _ = run(capsys, ws, "suppression", "list", "--json", "--export", str(tmp_path / "s.xlsx"))
    listed = json.loads(out)["suppressions"]
    assert {(s["channel"], s["address"], s["reason"]) for s in listed} == {
        ("email", "ivan@example.org", "manual"), ("sms", "+79123456789", "unsubscribed")}
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert [c.value for c in sheet[1]] == ["channel", "address", "reason", "source", "created_at"]
    assert sheet.max_row == 3
    code, out, _ = run(capsys, ws, "suppression", "list", "--channel", "sms")
    assert "+79123456789" in out and "ivan" not in out
    assert run(capsys, ws, "suppression", "remove", "sms", "+7 912 345-67-89",
               "--note", "попросил вернуть рассылку по телефону 12.03")[0] == 0
    from app.suppression.tables import suppression_removals

    with Workspace.open(ws) as opened, opened.engine.connect() as conn:
        removed = conn.execute(sa.select(suppression_removals.c.address, suppression_removals.c.note)).all()
    assert removed == [("+79123456789", "попросил вернуть рассылку по телефону 12.03")]
    code, _, err = run(capsys, ws, "suppression", "remove", "sms", "+79123456789")
    assert code == 3 and "is not suppressed" in err
    code, _, err = run(capsys, ws, "suppression", "add", "email", "not-an-address")
    assert code == 3 and "not an email address" in err


def test_sync_reads_esps_and_the_mailbox(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ws_dir = tmp_path / "ws"
    with Workspace.open(ws_dir) as ws, FakeSendGrid() as sg, FakeImap() as imap:
        sg.suppressions["bounces"] = [{"email": "gone@example.org", "created": int(time.time())}]
        account(ws, "sg", "sendgrid", sg.url, secrets={"api_key": sg.api_key})
        person = contact(ws, email="ivan@example.org")
        token = make_unsubscribe_token(unsubscribe_secret(ws.engine), person, "email")
        imap.add(f"From: ivan@example.org\r\nTo: {imap.user}\r\nSubject: unsubscribe-{token}\r\n\r\n-\r\n".encode())
        monkeypatch.setenv("KASKAD_MAILBOX_PASSWORD", imap.password)
        code, _, _ = run(capsys, ws_dir, "suppression", "mailbox", "127.0.0.1", "--user", imap.user,
                         "--port", str(imap.port), "--no-ssl")
        assert code == 0
        code, out, _ = run(capsys, ws_dir, "suppression", "sync", "--json")
    data = json.loads(out)
    assert code == 0 and data["accounts"] == {"sg": 1} and data["added"] == 1
    assert data["mailbox"]["unsubscribed"] == 1
    code, out, _ = run(capsys, ws_dir, "suppression", "list", "--json")
    assert {s["address"] for s in json.loads(out)["suppressions"]} == {"gone@example.org", "ivan@example.org"}


def test_receiver_serve_runs_and_stops_on_sigint(tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    with Workspace.open(ws_dir) as ws:
        person = contact(ws, email="ivan@example.org")
        token = make_unsubscribe_token(unsubscribe_secret(ws.engine), person, "email")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws_dir), "receiver", "serve",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT)
    try:
        line = proc.stdout.readline()
        assert "receiver listening on http://127.0.0.1:" in line, proc.stderr.read()
        url = line.split(" on ", 1)[1].split()[0]
        assert httpx.get(url + "/health").json()["ok"] is True
        assert httpx.post(f"{url}/u/{token}", data={"List-Unsubscribe": "One-Click"}).status_code == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    with Workspace.open(ws_dir) as ws:
        from app.suppression.store import is_suppressed

        assert is_suppressed(ws.engine, "email", "ivan@example.org")
