"""`main.py engine` runs the receiver and the suppression sync beside the engine."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.cli import main
from app.settings import set_setting
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, launch, sms_campaign

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _queued_campaign(ws: Workspace, n: int = 3) -> int:
    from app.providers.store import default_provider

    add_contacts(ws, n)
    set_setting(ws.engine, "sending.quiet_hours", {"channels": []})  # the test runs at any hour
    campaign = sms_campaign(ws, default_provider(ws.engine, "sms"))
    launch(ws, campaign)
    return campaign


def test_headless_engine_serves_health_and_unsubscribe_until_stopped(workspace: Workspace) -> None:
    port = _free_port()
    set_setting(workspace.engine, "receiver.port", port)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(workspace.root), "engine",
                             "--json"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health is not None and health.status_code == 200 and health.json()["ok"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/u/forged.token.x", timeout=5).status_code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["ok"] and report["receiver"] == f"http://127.0.0.1:{port}"
    with pytest.raises(httpx.TransportError):  # closed with the engine
        httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)


def test_a_taken_receiver_port_is_a_warning_and_sending_goes_on(workspace: Workspace,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _queued_campaign(workspace)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        set_setting(workspace.engine, "receiver.port", port)
        code = main(["--workspace", str(workspace.root), "engine", "--until-idle", "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out.strip().splitlines()[-1])
    assert code == 0 and report["sent"] == 3 and report["states"]["sent"] == 3
    assert f"could not listen on 127.0.0.1:{port}" in report["receiver_warning"]
    assert "warning: the status receiver could not listen" in captured.err


def test_no_receiver_flag_sends_without_opening_a_port(workspace: Workspace,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _queued_campaign(workspace, 2)
    port = _free_port()
    set_setting(workspace.engine, "receiver.port", port)
    code = main(["--workspace", str(workspace.root), "engine", "--until-idle", "--no-receiver", "--json"])
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and report["sent"] == 2
    assert "receiver" not in report and "receiver_warning" not in report


def test_esp_suppressions_are_synced_before_the_engine_claims(workspace: Workspace,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from app.campaigns.model import create_campaign
    from app.providers.store import default_provider
    from tests.app.engine.helpers import rows
    from tests.app.receiver.helpers import account
    from tests.fakes.sendgrid_server import FakeSendGrid

    add_contacts(workspace, 3)
    with FakeSendGrid() as sg:
        sg.suppressions["unsubscribes"] = [{"email": "C1@example.org", "created": int(time.time()) - 60}]
        account(workspace, "sg", "sendgrid", sg.url, secrets={"api_key": sg.api_key})
        campaign = create_campaign(workspace.engine, name="Новости", channel="email", all_contacts=True,
                                   content={"subject": "Новости", "text": "Привет"},
                                   provider=default_provider(workspace.engine, "email")).id
        launch(workspace, campaign)
        code = main(["--workspace", str(workspace.root), "engine", "--until-idle", "--no-receiver", "--json"])
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and report["sent"] == 2
    states = {r["address"]: r["state"] for r in rows(workspace, campaign)}
    assert states["c0@example.org"] == "sent" and states["c1@example.org"] != "sent"
