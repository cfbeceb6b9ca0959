"""`scenario list|import|export|validate` from the shell, with exit codes and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.scenarios.readwrite import dumps, to_dict
from app.workspace import Workspace
from tests.app.scenarios.helpers import add_template, linear


def test_scenario_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    Workspace.open(ws).close()

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(ws), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("scenario", "list") == (0, "(no scenarios)\n", "")
    source = tmp_path / "сценарий.json"
    source.write_text(dumps(linear()), encoding="utf-8")
    code, out, _ = run("scenario", "import", str(source), "--name", "Цены", "--json")
    result = json.loads(out)
    assert code == 0 and result["name"] == "Цены"
    assert [p["code"] for p in result["problems"]] == ["missing_template"]

    # validate: exit 3 with the problem named (node and template)
    code, out, err = run("scenario", "validate", "Цены")
    assert code == 3 and "missing_template: node a: SMS (a): no template named 'SMS привет'" in out
    assert "1 problem" in err
    code, out, _ = run("scenario", "validate", "Цены", "--json")
    data = json.loads(out)
    assert code == 3 and data["ok"] is False and data["problems"][0]["nodes"] == ["a"]
    with Workspace.open(ws) as workspace:
        add_template(workspace.engine, "SMS привет", "sms")
    assert run("scenario", "validate", "Цены")[:2] == (0, "scenario 'Цены': no problems\n")

    # export writes the exact document; import of the same name is refused
    target = tmp_path / "out.json"
    assert run("scenario", "export", "цены", str(target))[0] == 0
    expected = to_dict(linear())
    expected["name"] = "Цены"
    assert json.loads(target.read_text(encoding="utf-8")) == expected
    code, _, err = run("scenario", "import", str(target))
    assert code == 3 and "already exists" in err

    # starters import by key; list shows status and version
    assert run("scenario", "import", "starter:birthday")[0] == 0
    code, out, _ = run("scenario", "list", "--json")
    listed = {s["name"]: (s["status"], s["latest_version"]) for s in json.loads(out)["scenarios"]}
    assert code == 0 and listed == {"Цены": ("draft", 1), "День рождения": ("draft", 1)}
    assert "draft\tv1\tДень рождения" in run("scenario", "list")[1]


def test_bad_files_and_names_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 99}', encoding="utf-8")
    assert main(["--workspace", str(ws), "scenario", "import", str(bad)]) == 3
    assert "newer Kaskad" in capsys.readouterr().err
    assert main(["--workspace", str(ws), "scenario", "validate", "нет"]) == 3
    assert "no scenario named 'нет'" in capsys.readouterr().err
    assert main(["--workspace", str(ws), "scenario", "export", "нет", str(tmp_path / "x.json")]) == 3
    assert not (tmp_path / "x.json").exists()
