"""The command line for providers, campaigns, the engine and the outbox, with --json and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli import main
from app.db.schema import settings
from app.templates.library import create_template
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.fakes.smsru import FakeSmsRu


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, dict]:
    code = main(["--workspace", str(root), *args, "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_provider_and_campaign_commands_end_to_end(workspace: Workspace, smsru: FakeSmsRu,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace.root
    add_contacts(workspace, 12)
    create_template(workspace.engine, "Акция", "sms", {"schema_version": 1, "type": "sms",
                                                       "text": "{{ first_name }}, скидка 20%", "sender": ""})
    with workspace.engine.begin() as conn:  # the test runs at any hour of the day
        conn.execute(settings.insert().values(key="sending.quiet_hours", value={"channels": []}))

    code, data = cli(capsys, root, "provider", "add", "main-sms", "--type", "smsru", "--base-url", smsru.url,
                     "--secret", "api_id=test-api-id", "--option", "from=Shop", "--default")
    assert code == 0 and data == {"ok": True, "name": "main-sms", "type": "smsru", "channel": "sms"}
    code, data = cli(capsys, root, "provider", "list")
    assert [p["name"] for p in data["providers"]] == ["main-sms"]
    assert "test-api-id" not in json.dumps(data)
    code, data = cli(capsys, root, "provider", "test", "main-sms")
    assert code == 0 and "balance 100" in data["message"]

    code, data = cli(capsys, root, "campaign", "create", "--name", "Осень", "--channel", "sms",
                     "--template", "Акция", "--all")
    assert code == 0 and data["provider"] == "main-sms" and data["template_version"] == 1
    campaign = str(data["id"])
    code, data = cli(capsys, root, "campaign", "preflight", campaign)
    assert code == 0 and data["reachable"] == 12 and data["segments"] == 12
    code, data = cli(capsys, root, "campaign", "send", campaign, "--wait")
    assert code == 0 and data["states"]["sent"] == 12 and data["status"] == "finished"
    code, data = cli(capsys, root, "campaign", "status", campaign)
    assert data["done"] == data["total"] == 12
    code, data = cli(capsys, root, "outbox", "list", "--status", "sent")
    assert len(data["messages"]) == 12 and {m["provider"] for m in data["messages"]} == {"main-sms"}
    assert len(smsru.received) == 12 and smsru.received[0][1].endswith(", скидка 20%")
    code, data = cli(capsys, root, "campaign", "report", campaign)
    assert code == 0 and Path(data["path"]).exists()

    with Workspace.open(root) as ws, ws.engine.connect() as conn:  # the key is not in the database
        dump = "\n".join(str(r) for t in ("providers", "settings")
                         for r in conn.execute(sa.text(f"SELECT * FROM {t}")))  # noqa: S608 (fixed names)
    assert "test-api-id" not in dump


def test_errors_map_to_documented_exit_codes(workspace: Workspace, smsru: FakeSmsRu,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace.root
    code, data = cli(capsys, root, "campaign", "status", "999")
    assert code == 3 and data["error"] == "input" and "no campaign with id 999" in data["message"]
    code, data = cli(capsys, root, "campaign", "create", "--name", "x", "--channel", "sms", "--template", "нет",
                     "--all")
    assert code == 3 and "no template named" in data["message"]
    cli(capsys, root, "provider", "add", "bad", "--type", "smsru", "--base-url", smsru.url, "--secret", "api_id=no")
    code, data = cli(capsys, root, "provider", "test", "bad")
    assert code == 5 and data["error"] == "provider" and "200" in data["message"]
    code, data = cli(capsys, root, "provider", "add", "x", "--type", "pigeon")
    assert code == 3 and "unknown provider type" in data["message"]
