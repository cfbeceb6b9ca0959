"""Scenario documents: exact round trip, stepwise upgrade, old type names, unknown types, bad files."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest

from app.scenarios.errors import ScenarioFileError, UnknownNodeType, UnsupportedScenarioVersion
from app.scenarios.readwrite import (
    SCHEMA_VERSION,
    dumps,
    loads,
    parse,
    read_file,
    scenario_from_dict,
    to_dict,
    write_file,
)
from app.scenarios.starters import STARTER_KEYS
from app.scenarios.validate import validate
from tests.app.scenarios.helpers import linear

STARTERS = Path(__file__).parents[3] / "app" / "scenarios" / "starters"


@pytest.mark.parametrize("key", STARTER_KEYS)
def test_json_round_trip_is_byte_exact(key: str, tmp_path: Path) -> None:
    original = (STARTERS / f"{key}.json").read_text(encoding="utf-8")
    scenario = read_file(STARTERS / f"{key}.json")
    assert dumps(scenario) == original
    out = write_file(scenario, tmp_path / "копия.json")
    assert out.read_text(encoding="utf-8") == original
    assert not list(tmp_path.glob(".*.tmp"))


def test_round_trip_keeps_ids_positions_props_and_unknown_nodes() -> None:
    doc = to_dict(linear())
    doc["description"] = "Описание «с кавычками»"
    doc["entry"] = {"mode": "once_per_days", "days": 14}
    doc["nodes"][1]["position"] = {"x": 12.5, "y": -40}
    doc["nodes"][1]["title"] = "Сутки"
    doc["nodes"].append({"id": "pop", "type": "action.popup", "title": "", "position": {"x": 1, "y": 2},
                         "props": {"form": {"fields": ["phone"]}, "delay": 3}})
    before = copy.deepcopy(doc)
    scenario = scenario_from_dict(doc)
    assert doc == before  # the input is not touched
    assert to_dict(scenario) == doc
    assert json.loads(dumps(loads(dumps(scenario)))) == doc
    assert doc["schema_version"] == SCHEMA_VERSION


def test_intermediates_are_frozen() -> None:
    parsed = parse(to_dict(linear()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.nodes[0].type = "flow.exit"  # type: ignore[misc]
    assert isinstance(parsed.nodes, tuple) and isinstance(parsed.edges, tuple)


V0 = {
    "name": "Старый черновик",
    "nodes": [
        {"id": "start", "type": "trigger.event", "x": 10, "y": 20,
         "params": {"event_type": "form_submitted", "filters": []}},
        {"id": "pause", "type": "delay", "x": 200, "y": 20, "params": {"duration": {"amount": 2, "unit": "hours"}}},
        {"id": "end", "type": "flow.exit", "x": 400, "y": 20},
    ],
    "links": [{"id": "l1", "from": "start", "to": "pause"}, {"id": "l2", "from": "pause", "to": "end"}],
}


def test_version_0_document_is_upgraded_and_old_type_names_resolve() -> None:
    scenario = scenario_from_dict(V0)
    assert scenario.nodes["pause"].type == "flow.wait"  # "delay" is listed in flow.wait's `replaces`
    assert (scenario.nodes["pause"].x, scenario.nodes["pause"].y) == (200, 20)
    assert scenario.nodes["pause"].props == {"duration": {"amount": 2, "unit": "hours"}}
    assert [(e.id, e.source, e.source_port, e.target) for e in scenario.edges.values()] == [
        ("l1", "start", "next", "pause"), ("l2", "pause", "next", "end")]
    assert validate(scenario) == []
    saved = to_dict(scenario)
    assert saved["schema_version"] == 1 and "links" not in saved and saved["nodes"][1]["type"] == "flow.wait"
    assert scenario_from_dict(saved).nodes.keys() == scenario.nodes.keys()


def test_unknown_node_type_goes_to_the_error_handler_and_the_document_still_opens() -> None:
    doc = to_dict(linear())
    doc["nodes"][3]["type"] = "action.telegram"
    seen: list[UnknownNodeType] = []
    scenario = scenario_from_dict(doc, error_handler=seen.append)
    assert [(p.node_ids, p.code) for p in seen] == [(("a",), "unknown_node_type")]
    assert scenario.nodes["a"].type == "action.telegram"
    assert [type(p).__name__ for p in validate(scenario)] == ["UnknownNodeType"]
    assert to_dict(scenario) == doc


def test_newer_schema_version_is_refused_with_a_clear_message() -> None:
    doc = to_dict(linear())
    doc["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(UnsupportedScenarioVersion, match="newer Kaskad.*update Kaskad"):
        scenario_from_dict(doc)
    doc["schema_version"] = "1"
    with pytest.raises(UnsupportedScenarioVersion, match="whole number"):
        scenario_from_dict(doc)


def test_bad_files_name_the_file_and_the_spot(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,\n "nodes": [}', encoding="utf-8")
    with pytest.raises(ScenarioFileError) as info:
        read_file(broken)
    assert info.value.path == str(broken) and "line 2, column" in str(info.value)
    with pytest.raises(ScenarioFileError, match="cannot read the file"):
        read_file(tmp_path / "missing.json")
    doc = to_dict(linear())
    doc["edges"][0]["target"] = "ghost"
    with pytest.raises(ScenarioFileError, match="points at node 'ghost'"):
        scenario_from_dict(doc)
    doc = to_dict(linear())
    doc["nodes"][1]["id"] = "t"
    with pytest.raises(ScenarioFileError, match="id 't' is used twice"):
        scenario_from_dict(doc)
    doc = to_dict(linear())
    doc["entry"] = {"mode": "once_per_days"}
    with pytest.raises(ScenarioFileError, match="needs days"):
        scenario_from_dict(doc)
    with pytest.raises(ScenarioFileError, match="JSON object"):
        scenario_from_dict([1, 2])


def test_forgiving_load_fills_missing_optional_parts() -> None:
    scenario = scenario_from_dict({"schema_version": 1, "nodes": [{"id": "e", "type": "flow.exit"}]})
    node = scenario.nodes["e"]
    assert (scenario.name, scenario.entry.mode, node.x, node.y, node.props, node.title) == ("", "once", 0, 0, {}, "")
