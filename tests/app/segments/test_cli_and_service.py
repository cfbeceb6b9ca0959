"""Saved segments: the service (save, nest, freeze, export, delete) and the `segment` commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from app.cli import main
from app.db.schema import list_members
from app.errors import NotFoundError, UserInputError
from app.segments import service
from app.segments.catalog import condition_catalog, operators_for
from app.segments.rules import RuleError, validate_rule
from app.workspace import Workspace
from tests.app.segments.seed import TODAY, seed

KAZAN = {"type": "field", "field": "city", "op": "eq", "value": "Казань"}


@pytest.mark.parametrize(("rule", "path"), [
    ({"type": "group", "op": "and", "children": [KAZAN, {"type": "field", "field": "city", "op": "gt", "value": 1}]},
     "children[1].op"),
    ({"type": "group", "op": "and", "children": [{"type": "tag", "op": "has", "value": "x", "extra": 1}]},
     "children[0].extra"),
    ({"type": "field", "field": "password", "op": "eq", "value": "x"}, "field"),
    ({"type": "field", "field": 'custom:a"b', "op": "eq", "value": "x"}, "field"),
    ({"type": "field", "field": "birthday", "op": "before", "value": "24.11.2026"}, "value"),
    ({"type": "field", "field": "birthday", "op": "between", "value": ["2020-01-01", "x"]}, "value[1]"),
    ({"type": "field", "field": "city", "op": "empty", "value": "x"}, "value"),
    ({"type": "field", "field": "city", "op": "in", "value": []}, "value"),
    ({"type": "event", "event_type": "purchase", "op": "has", "sum_property": "amount"}, "sum_gte"),
    ({"type": "event", "event_type": "purchase", "op": "has", "filters": [{"property": "a", "op": "gt", "value": "x"}]},
     "filters[0].value"),
    ({"type": "engagement", "action": "bounced", "op": "did"}, "action"),
    ({"type": "consent", "channel": "fax", "op": "granted"}, "channel"),
    ({"type": "group", "op": "xor", "children": []}, "op"),
    ("city = Kazan", ""),
])
def test_bad_rules_name_the_path(rule: object, path: str) -> None:
    with pytest.raises(RuleError) as caught:
        validate_rule(rule)
    assert caught.value.path == path


def test_catalogue_lists_contact_and_custom_fields(workspace: Workspace) -> None:
    seed(workspace.engine)
    fields = {f.key: f for f in condition_catalog(workspace.engine)}
    assert fields["birthday"].type == "date" and fields["gender"].type == "choice"
    assert fields["custom:Карта"].type == "text"  # "abc" among the numbers
    assert fields["custom:Визит"].type == "text"
    assert fields["custom:note"].label_ru == "Доп. поле: note"
    assert [o.key for o in operators_for("number")][:3] == ["eq", "ne", "gt"]
    assert {o.value_kind for o in operators_for("date")} >= {"date", "days", "range", "none"}
    from app.settings import set_setting

    set_setting(workspace.engine, "segments.custom_field_types", {"Карта": "number"})
    assert {f.key: f for f in condition_catalog(workspace.engine)}["custom:Карта"].type == "number"


def test_save_nest_freeze_export_delete(workspace: Workspace, tmp_path: Path) -> None:
    engine = workspace.engine
    seed(engine)
    kazan = service.create_segment(engine, "  Казань  ", KAZAN)
    assert service.get_segment(engine, "Казань").id == kazan
    with pytest.raises(UserInputError, match="already exists"):
        service.create_segment(engine, "Казань", KAZAN)
    vip_kazan = service.create_segment(engine, "VIP Казань", {"type": "group", "op": "and", "children": [
        {"type": "segment", "op": "in", "value": "Казань"}, {"type": "tag", "op": "has", "value": "vip"}]})
    assert service.count_segment(engine, service.get_segment(engine, vip_kazan).rule, today=TODAY) == 1
    with pytest.raises(RuleError, match="includes itself"):
        service.update_segment(engine, kazan, rule={"type": "segment", "op": "in", "value": "VIP Казань"})
    with pytest.raises(UserInputError, match="used by"):
        service.delete_segment(engine, kazan)
    with pytest.raises(RuleError, match="no list"):
        service.count_segment(engine, {"type": "list", "op": "in", "value": "Нет такого"})
    copy = service.duplicate_segment(engine, kazan)
    assert service.get_segment(engine, copy).name == "Казань (копия)"
    list_id, members = service.freeze_segment(engine, kazan, "Казань на 24.11", today=TODAY)
    assert members == 2
    assert service.freeze_segment(engine, kazan, "Казань на 24.11", today=TODAY) == (list_id, 2)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(list_members)).scalar() == 4  # + L1's two
    ids = {r["first_name"]: r["id"] for r in service.preview_segment(engine, {"type": "group", "op": "and",
                                                                                "children": []})}
    assert service.contact_matches(engine, KAZAN, ids["anna"]) and not service.contact_matches(engine, KAZAN, ids["vera"])
    assert not service.contact_matches(engine, KAZAN, 10_000)
    rows = service.preview_segment(engine, KAZAN, limit=1)
    assert [r["first_name"] for r in rows] == ["anna"]
    assert service.export_segment(engine, kazan, tmp_path / "k.xlsx") == 2
    sheet = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["ID", "Фамилия", "Имя"] and sheet.max_row == 3
    with pytest.raises(UserInputError, match=".xlsx or .csv"):
        service.export_segment(engine, kazan, tmp_path / "k.pdf")
    service.update_segment(engine, kazan, name="Казань-город")  # the nested reference is by id
    assert service.get_segment(engine, vip_kazan).rule["children"][0]["value"] == kazan
    assert service.count_segment(engine, service.get_segment(engine, vip_kazan).rule, today=TODAY) == 1
    service.update_segment(engine, vip_kazan, rule=KAZAN, name="Только Казань")
    service.delete_segment(engine, "Казань-город")
    with pytest.raises(NotFoundError):
        service.get_segment(engine, kazan)
    assert [s.name for s in service.list_segments(engine)] == ["Казань (копия)", "Только Казань"]


def test_segment_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    with Workspace.open(ws) as workspace:
        seed(workspace.engine)
    rule = tmp_path / "rule.json"
    rule.write_text(json.dumps({"type": "group", "op": "or", "children": [KAZAN]}), encoding="utf-8")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(ws), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("segment", "create", "Казань", "--rule", str(rule))[0] == 0
    code, out, _ = run("segment", "count", "Казань", "--json")
    assert code == 0 and json.loads(out)["count"] == 2
    code, out, _ = run("segment", "list")
    assert code == 0 and "Казань" in out and "\t2\t" in out
    code, out, _ = run("segment", "export", "Казань", str(tmp_path / "k.csv"))
    assert code == 0
    with (tmp_path / "k.csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == 3
    code, out, _ = run("segment", "freeze", "Казань", "Замороженный")
    assert code == 0 and "2 contacts" in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "field", "field": "city", "op": "like", "value": "%"}', encoding="utf-8")
    code, _, err = run("segment", "create", "Плохой", "--rule", str(bad))
    assert code == 3 and "op" in err and "like" in err
    bad.write_text("{", encoding="utf-8")
    code, _, err = run("segment", "create", "Плохой", "--rule", str(bad))
    assert code == 3 and "line 1" in err
    code, _, err = run("segment", "count", "Нет такого")
    assert code == 3 and "no segment" in err
