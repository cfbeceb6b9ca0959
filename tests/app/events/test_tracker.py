"""The website tracker: valid JavaScript whose payloads pass the intake schema and are stored end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from app.db.schema import contacts
from app.errors import UserInputError
from app.events.payload import parse_body
from app.events.tables import events
from app.events.tracker import tracker_script, tracker_snippet
from app.workspace import Workspace
from tests.app.events.conftest import Intake

HARNESS = Path(__file__).with_name("tracker_harness.js")


def _run(script: str, tmp_path: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "node is needed to test the tracker (apt-get install nodejs)"
    path = tmp_path / "tracker.js"
    path.write_text(script, encoding="utf-8")
    out = subprocess.run([node, str(HARNESS), str(path)], capture_output=True, text=True, timeout=30, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_tracker_payloads_match_the_schema_and_are_stored(intake: Intake, workspace: Workspace, tmp_path: Path) -> None:
    lines = _run(tracker_script(intake.receiver.url, intake.tracker), tmp_path)
    *beacons, ids = lines
    assert ids["visitor"] == ids["stored"] and ids["visitor"].startswith("v-")
    bodies = [json.loads(b["body"]) for b in beacons]
    assert [b["type"] for b in bodies] == ["page_view", "form_submitted", "goal", "time_on_site"]
    for beacon, body in zip(beacons, bodies, strict=True):
        assert beacon["type"] == "text/plain"  # no CORS preflight for beacons
        assert beacon["url"] == f"{intake.url}?token={intake.tracker}"
        parse_body(body)
    view, form, goal, timing = bodies
    assert view["properties"]["utm_source"] == "vk" and view["properties"]["utm_campaign"] == "autumn sale"
    assert view["properties"]["device"] == "mobile" and view["properties"]["path"] == "/price"
    assert (form["phone"], form["email"], form["name"]) == ("8 912 000-11-22", "anna@x.ru", "Петрова Анна")
    assert goal["properties"]["goal"] == "cart"
    assert timing["properties"]["seconds"] == 65
    for beacon in beacons:
        answer = httpx.post(beacon["url"], content=beacon["body"].encode(), headers={"Content-Type": "text/plain"})
        assert answer.status_code == 200, answer.text
    with workspace.engine.connect() as conn:
        person = conn.execute(sa.select(contacts)).one()
        owners = set(conn.execute(sa.select(events.c.contact_id)).scalars())
    assert (person.phone, person.first_name, person.source) == ("+79120001122", "Анна", "website form")
    assert owners == {person.id}


def test_snippet_uses_public_url_and_refuses_bad_ones(workspace: Workspace) -> None:
    from app.settings import set_setting

    set_setting(workspace.engine, "receiver.public_url", "https://kaskad.shop.example/")
    snippet = tracker_snippet(workspace.engine)
    assert snippet.startswith("<script>") and '"https://kaskad.shop.example"' in snippet
    assert "</script>" not in snippet[8:-10]
    with pytest.raises(UserInputError, match="https://"):
        tracker_script("javascript:alert(1)", "t")
    # Values are JS string literals: a quote in the token cannot break out.
    assert '"a\\"b"' in tracker_script("https://x.example", 'a"b')
