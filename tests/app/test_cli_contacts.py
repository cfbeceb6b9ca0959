"""The import, contacts, lists and demo commands, as a shop owner types them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
ROWS = [
    ["Выгрузка клиентов от 01.02.2026", "", "", ""],
    ["ФИО", "Телефон", "E-mail", "Карта"],
    ["Иванов Иван Иванович", "8 (912) 345-67-89", "Ivan@Mail.ru", "=1+2"],
    ["Петрова Анна", "+7 913 000 00 01", "", "B-2"],
    ["Без телефона", "12", "", ""],
]


def write_base(path: Path, rows: list[list[str]] = ROWS) -> Path:
    with path.open("w", encoding="cp1251", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def run(capsys: pytest.CaptureFixture[str], ws: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_look_at_the_contacts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    base = write_base(tmp_path / "clients.csv")
    code, out, _ = run(capsys, ws, "import", str(base), "--list", "Клиенты", "--tag", "vip", "--tag", "весна",
                       "--consent", "sms", "--consent-source", "анкета в магазине", "--json")
    assert code == 0
    summary = json.loads(out)
    assert (summary["created"], summary["rejected"], summary["header_row"], summary["encoding"]) == (2, 1, 2, "cp1251")
    assert summary["mapping"]["Карта"] == "custom:Карта" and Path(summary["error_report"]).exists()

    assert run(capsys, ws, "contacts", "count")[1].strip() == "2"
    assert json.loads(run(capsys, ws, "contacts", "count", "--json")[1]) == {"ok": True, "contacts": 2}

    code, out, _ = run(capsys, ws, "contacts", "show", "8-912-345-67-89", "--json")
    contact = json.loads(out)["contact"]
    assert code == 0 and contact["email"] == "ivan@mail.ru" and contact["last_name"] == "Иванов"
    assert contact["tags"] == ["vip", "весна"] and contact["lists"] == ["Клиенты"]
    assert contact["consents"][0]["channel"] == "sms" and contact["consents"][0]["source"] == "анкета в магазине"
    code, out, _ = run(capsys, ws, "contacts", "show", "IVAN@mail.ru")
    assert code == 0 and "+79123456789" in out and "Карта" in out

    code, out, _ = run(capsys, ws, "lists", "--json")
    assert [(x["name"], x["members"]) for x in json.loads(out)["lists"]] == [("Клиенты", 2)]
    assert "Клиенты" in run(capsys, ws, "lists")[1]

    export = tmp_path / "out.csv"
    code, out, _ = run(capsys, ws, "contacts", "export", str(export), "--list", "Клиенты")
    assert code == 0 and "Exported 2 contacts" in out
    with export.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert [r["phone"] for r in rows] == ["'+79123456789", "'+79130000001"]  # safe for Excel
    assert rows[0]["Карта"] == "'=1+2" and rows[0]["tags"] == "vip, весна"
    assert run(capsys, ws, "contacts", "export", str(tmp_path / "x.xlsx"))[0] == 0


def test_mapping_options_and_saved_mappings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    base = write_base(tmp_path / "clients.csv", [["Колонка 1", "Колонка 2"], ["89123456789", "Иван"]])
    code, _, err = run(capsys, ws, "import", str(base))
    assert code == 3 and "Phone or Email" in err
    code, out, _ = run(capsys, ws, "import", str(base), "--map", "Колонка 1=phone", "--map", "Колонка 2=first_name",
                       "--save-mapping", "моя касса", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["created"] == 1 and json.loads(out)["dry_run"] is True
    assert run(capsys, ws, "contacts", "count")[1].strip() == "0"
    code, out, _ = run(capsys, ws, "import", str(base), "--mapping", "моя касса", "--header-row", "1",
                       "--delimiter", ";", "--encoding", "cp1251")
    assert code == 0 and "created        1" in out
    code, _, err = run(capsys, ws, "import", str(base), "--map", "Нет такой=phone")
    assert code == 3 and "no column 'Нет такой'" in err
    code, _, err = run(capsys, ws, "import", str(base), "--mapping", "чужая")
    assert code == 3 and "no saved mapping" in err


def test_on_duplicate_and_errors_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    base = write_base(tmp_path / "clients.csv")
    run(capsys, ws, "import", str(base))
    again = write_base(tmp_path / "again.csv", [["Телефон", "ФИО"], ["89123456789", "Сидоров Пётр"], ["1", "x"]])
    errors = tmp_path / "rej.xlsx"
    code, out, _ = run(capsys, ws, "import", str(again), "--on-duplicate", "overwrite", "--errors", str(errors), "--json")
    assert code == 0 and json.loads(out)["updated"] == 1 and errors.exists() and errors.with_suffix(".csv").exists()
    assert json.loads(run(capsys, ws, "contacts", "show", "+79123456789", "--json")[1])["contact"]["last_name"] == "Сидоров"


def test_bad_file_exits_3_naming_file_row_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    bad = tmp_path / "bad.csv"
    bad.write_text("Телефон;Имя\n89123456789;Иван\n89123456780;Ольга;лишнее;ещё\n", encoding="cp1251")
    code, out, err = run(capsys, ws, "import", str(bad), "--json")
    assert code == 3
    assert "bad.csv" in err and "row 3" in err
    payload = json.loads(out)
    assert payload["row"] == 3 and payload["path"].endswith("bad.csv")
    code, _, err = run(capsys, ws, "contacts", "show", "89990000000")
    assert code == 3 and "no contact" in err
    code, _, err = run(capsys, ws, "contacts", "export", str(tmp_path / "x.pdf"))
    assert code == 3


def test_real_process_import_and_demo(tmp_path: Path) -> None:
    base = write_base(tmp_path / "clients.csv")
    env = {**os.environ, "KASKAD_WORKSPACE": str(tmp_path / "ws")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(base), "--json"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] == 2
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(tmp_path / "missing.csv")], env=env,
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert bad.returncode == 3 and "missing.csv" in bad.stderr
    demo = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--rows", "500", "--json", "--folder", str(tmp_path / "demo")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    summary = json.loads(demo.stdout)
    assert summary["total_rows"] == 500 and summary["created"] > 400 and summary["rejected"] > 0
    assert Path(summary["folder"], "workspace", "kaskad.db").exists()
