"""`template ...` and `sms count` end to end through the real command line entry point."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import contacts
from app.workspace import Workspace
from tests.app.templates.sample_docs import designer
from tests.app.templates.test_whatsapp import META


@pytest.fixture
def ws(workspace: Workspace) -> list[str]:
    now = dt.datetime.now(dt.UTC)
    with workspace.engine.begin() as conn:
        conn.execute(contacts.insert(), [
            {"phone": "+79991234567", "email": "ivan@example.ru", "first_name": "Иван", "last_name": "Петров",
             "city": "Казань", "custom": {"bonus": 150, "promo": "WINTER25"}, "created_at": now, "updated_at": now},
            {"phone": "+79990000000", "email": None, "first_name": "", "last_name": None, "city": None,
             "custom": {}, "created_at": now, "updated_at": now},
        ])
    return ["--workspace", str(workspace.root)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sms_count_needs_no_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sms", "count", "Привет «мир»", "--json")
    data = json.loads(out)
    assert code == 0 and data["encoding"] == "UCS-2" and data["segments"] == 1 and data["units"] == 12
    assert data["chars_forcing_ucs2"][0] == {"index": 0, "char": "П"}
    code, out, _ = run(capsys, "sms", "count", "a" * 161)
    assert code == 0 and out.startswith("GSM-7: 161 units, 2 segment(s) of 153")


def test_create_list_render_sms(capsys: pytest.CaptureFixture[str], ws: list[str]) -> None:
    code, out, _ = run(capsys, "template", "create", "Бонусы", "--kind", "sms", "--text",
                       "{{ first_name | default('Покупатель') }}, у вас {{ bonus | default(0) | "
                       "plural('бонус', 'бонуса', 'бонусов') }}", *ws)
    assert code == 0 and "version 1" in out
    code, out, _ = run(capsys, "template", "render", "бонусы", "--contact", "8 (999) 123-45-67", *ws)
    assert (code, out) == (0, "Иван, у вас 150 бонусов\n")
    code, out, _ = run(capsys, "template", "render", "Бонусы", "--contact", "+7 999 000-00-00", "--json", *ws)
    assert json.loads(out)["text"] == "Покупатель, у вас 0 бонусов"
    code, out, _ = run(capsys, "template", "list", "--json", *ws)
    assert [(t["name"], t["kind"], t["version"]) for t in json.loads(out)["templates"]] == [("Бонусы", "sms", 1)]


def test_email_from_designer_json_render_parts_and_lint(capsys: pytest.CaptureFixture[str], ws: list[str],
                                                        tmp_path: Path) -> None:
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(designer(), ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "template", "create", "Скидки", "--kind", "email", "--file", str(path), *ws)[0] == 0
    code, out, err = run(capsys, "template", "render", "Скидки", "--contact", "IVAN@example.ru", "--part", "subject",
                       *ws)
    assert (code, out, err) == (0, "Иван, скидки недели\n", "")
    code, out, _ = run(capsys, "template", "render", "Скидки", "--contact", "ivan@example.ru", "--part", "html", *ws)
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "Здравствуйте, Иван!" in out
    code, out, _ = run(capsys, "template", "render", "Скидки", "--contact", "ivan@example.ru", *ws)
    assert "Отписаться от рассылки (https://example.invalid/unsubscribe/preview)" in out
    code, out, _ = run(capsys, "template", "lint", "Скидки", *ws)
    assert (code, out) == (0, "Скидки: no problems found\n")
    code, _, err = run(capsys, "template", "render", "Скидки", "--contact", "nobody@example.ru", *ws)
    assert code == 3 and "no contact with nobody@example.ru" in err
    code, _, err = run(capsys, "template", "render", "Скидки", "--contact", "ivan@example.ru", "--part", "sms", *ws)
    assert code == 3 and "no 'sms' part" in err


def test_email_from_plain_text_and_lint_failure(capsys: pytest.CaptureFixture[str], ws: list[str]) -> None:
    assert run(capsys, "template", "create", "Простое", "--kind", "email", "--text",
               "Привет, {{ nickname }}!\nЖдём вас.", "--subject", "Новости", *ws)[0] == 0
    code, out, _ = run(capsys, "template", "lint", "Простое", "--json", *ws)
    data = json.loads(out)
    assert code == 3 and data["ok"] is False
    assert [i["code"] for i in data["issues"]] == ["unresolved_variable"]
    code, _, err = run(capsys, "template", "render", "Простое", "--contact", "ivan@example.ru", *ws)
    assert code == 3 and "nickname" in err and "line 1" in err


def test_import_html_and_export(capsys: pytest.CaptureFixture[str], ws: list[str], tmp_path: Path) -> None:
    letter = tmp_path / "letter.html"
    letter.write_text('<html><body><p onclick="x()">Привет, {{ first_name }}!</p><script>x()</script>'
                      '<a href="{{ unsubscribe_url }}">Отписаться</a></body></html>', encoding="cp1251")
    code, out, _ = run(capsys, "template", "import-html", str(letter), "--name", "Старое письмо", *ws)
    assert code == 0 and "HTML mode" in out
    code, out, _ = run(capsys, "template", "render", "Старое письмо", "--contact", "ivan@example.ru",
                       "--part", "html", *ws)
    assert "Привет, Иван!" in out and "script" not in out and "onclick" not in out
    target = tmp_path / "out.json"
    assert run(capsys, "template", "export", "Старое письмо", str(target), *ws)[0] == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["type"] == "html" and "{{ first_name }}" in exported["html"]


def test_whatsapp_import_render_export(capsys: pytest.CaptureFixture[str], ws: list[str], tmp_path: Path) -> None:
    source = tmp_path / "wa.json"
    source.write_text(json.dumps(META, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "template", "create", "Зима", "--kind", "whatsapp", "--file", str(source), *ws)[0] == 0
    code, out, _ = run(capsys, "template", "lint", "Зима", "--json", *ws)
    assert code == 3 and {i["code"] for i in json.loads(out)["issues"]} == {"unmapped_param"}
    target = tmp_path / "wa_out.json"
    assert run(capsys, "template", "export", "Зима", str(target), *ws)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == META
    code, _, err = run(capsys, "template", "render", "Зима", "--contact", "ivan@example.ru", *ws)
    assert code == 3 and "no value" in err


def test_bad_inputs(capsys: pytest.CaptureFixture[str], ws: list[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,\n "type": }', encoding="utf-8")
    code, _, err = run(capsys, "template", "create", "X", "--kind", "email", "--file", str(broken), *ws)
    assert code == 3 and "line 2, column 10" in err
    code, _, err = run(capsys, "template", "create", "X", "--kind", "email", "--file", str(tmp_path / "nope"), *ws)
    assert code == 3 and "cannot read" in err
    code, _, err = run(capsys, "template", "lint", "Нет такого", *ws)
    assert code == 3 and "no template named" in err
    code, _, err = run(capsys, "template", "create", "Y", "--kind", "sms", "--text", "{{ a + }}", *ws)
    assert code == 0  # structure is valid; the syntax error is the lint's to report
    code, out, _ = run(capsys, "template", "lint", "Y", "--json", *ws)
    assert code == 3 and json.loads(out)["issues"][0]["code"] == "syntax"
