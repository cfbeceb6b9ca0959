"""The `events post`, `events import` and `tracker snippet` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def test_events_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(ws), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    body = tmp_path / "events.json"
    body.write_text(json.dumps({"events": [
        {"id": "l-1", "type": "lead", "phone": "8 912 111-22-33", "name": "Орлова Мария"},
        {"id": "p-1", "type": "purchase", "phone": "+79121112233", "properties": {"amount": 990}}]}), encoding="utf-8")
    code, out, _ = run("events", "post", str(body), "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "stored": 2, "duplicates": 0, "contacts_created": 1}
    code, out, _ = run("events", "post", str(body))
    assert code == 0 and "0 events stored, 2 already there" in out
    body.write_text(json.dumps({"events": [{"type": "lead"}]}), encoding="utf-8")
    code, _, err = run("events", "post", str(body))
    assert code == 3 and "events[0]" in err

    log = tmp_path / "calls.csv"
    log.write_text("Дата;Телефон;Результат\n24.11.2026 10:00;89121112233;пропущен\n", encoding="utf-8")
    code, out, _ = run("events", "import", str(log), "--type", "call", "--json")
    assert code == 0 and json.loads(out)["stored"] == 1
    code, _, err = run("events", "import", str(log), "--type", "call", "--map", "Результат")
    assert code == 3 and "COLUMN=FIELD" in err
    code, _, err = run("events", "import", str(log), "--map", "Результат=colour")
    assert code == 3 and "colour" in err

    code, out, _ = run("segment", "create", "Пропустили звонок", "--rule", _rule(tmp_path))
    assert code == 0 and "1 contacts" in out

    code, out, err = run("tracker", "snippet", "--base-url", "https://kaskad.example.ru")
    assert code == 0 and out.startswith("<script>") and "https://kaskad.example.ru" in out
    assert "API token" in err and "API token" not in out  # the secret never lands in the snippet
    code, out, _ = run("tracker", "snippet", "--json")
    data = json.loads(out)
    assert data["tracker_token"] in data["snippet"] and data["api_token"] not in data["snippet"]


def _rule(tmp_path: Path) -> str:
    path = tmp_path / "missed.json"
    path.write_text(json.dumps({"type": "event", "event_type": "call", "op": "has",
                                "filters": [{"property": "status", "op": "eq", "value": "missed"}]}), encoding="utf-8")
    return str(path)
