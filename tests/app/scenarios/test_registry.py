"""The node-type registry: every node type of the issue, ports, defaults, old names, new channels."""

from __future__ import annotations

import pytest

from app.errors import UserInputError
from app.scenarios.fields import check_fields
from app.scenarios.graph import ENTRY_MODES, Node, Port
from app.scenarios.readwrite import scenario_from_dict, to_dict
from app.scenarios.registry import (
    ENTRY_MODE_TITLES,
    FIELD_TYPES,
    FieldSpec,
    NodeType,
    Registry,
    default_registry,
)
from app.scenarios.validate import validate
from tests.app.scenarios.helpers import linear

ISSUE_TYPES = {
    "trigger": {"trigger.event", "trigger.list_added", "trigger.segment_entered", "trigger.date",
                "trigger.inactivity", "trigger.audience"},
    "flow": {"flow.wait", "flow.wait_window", "flow.wait_event", "flow.condition", "flow.split",
             "flow.frequency", "flow.goal", "flow.exit"},
    "action": {"action.email", "action.email_manager", "action.sms", "action.whatsapp", "action.webhook",
               "action.tag", "action.list", "action.update_field"},
}


def test_every_node_type_of_the_issue_is_registered_with_titles_and_fields() -> None:
    registry = default_registry()
    for category, ids in ISSUE_TYPES.items():
        assert {t.type_id for t in registry.types(category)} == ids
    for node_type in registry.types():
        assert node_type.title_ru and node_type.title_en
        for spec in node_type.fields:
            assert spec.type in FIELD_TYPES and spec.title_ru and spec.title_en, (node_type.type_id, spec.name)
        if node_type.is_trigger:
            assert node_type.inputs == () and [p.name for p in node_type.outputs] == ["next"]


def test_ports_of_branching_nodes() -> None:
    registry = default_registry()
    ports = {t: [p.name for p in registry.get(t).output_ports({})]
             for t in ("flow.wait_event", "flow.condition", "flow.frequency", "flow.exit", "flow.goal")}
    assert ports == {"flow.wait_event": ["event", "timeout"], "flow.condition": ["yes", "no"],
                     "flow.frequency": ["pass", "limited"], "flow.exit": [], "flow.goal": []}
    split = registry.get("flow.split")
    assert [p.name for p in split.output_ports(split.default_props())] == ["A", "B"]
    three = {"branches": [{"key": "A", "percent": 40}, {"key": "B", "percent": 40}, {"key": "C", "percent": 20}]}
    assert [p.name for p in split.output_ports(three)] == ["A", "B", "C"]
    assert registry.get("flow.exit").inputs[0].multi


def test_actions_know_their_channel_and_template_kind() -> None:
    registry = default_registry()
    pairs = {t.type_id: (t.channel, t.template_kind) for t in registry.types("action")}
    assert pairs["action.email"] == ("email", "email")
    assert pairs["action.email_manager"] == ("email", "manager")
    assert pairs["action.sms"] == ("sms", "sms")
    assert pairs["action.whatsapp"] == ("whatsapp", "whatsapp")
    assert pairs["action.webhook"] == ("webhook", None)
    sms = registry.get("action.sms")
    assert sms.field("sms_kind").choices == ("trigger", "service")
    manager = registry.get("action.email_manager")
    assert manager.field("recipients").choices == ("all", "round_robin")


def test_defaults_only_lack_what_the_user_must_choose() -> None:
    """A freshly dropped node asks only for the things no default can guess (template, list...)."""
    registry = default_registry()
    need_choice = {"trigger.list_added": {"list"}, "trigger.segment_entered": {"segment"},
                   "trigger.audience": {"segment"}, "flow.condition": {"rule"},
                   "action.email": {"template"}, "action.email_manager": {"template", "managers"},
                   "action.sms": {"template"}, "action.whatsapp": {"template"}, "action.webhook": {"provider"},
                   "action.tag": {"tag"}, "action.list": {"list"}, "action.update_field": {"field"}}
    for node_type in registry.types():
        node = Node("n1", node_type.type_id, node_type.default_props())
        missing = {p.field for p in check_fields(node, node_type)}
        assert missing == need_choice.get(node_type.type_id, set()), node_type.type_id


def test_entry_rules_have_titles() -> None:
    assert tuple(ENTRY_MODE_TITLES) == ENTRY_MODES
    assert all(ru and en for ru, en in ENTRY_MODE_TITLES.values())


def test_old_names_resolve_and_clashes_are_refused() -> None:
    registry = default_registry()
    assert registry.resolve("delay") == "flow.wait" and registry.get("delay") is registry.get("flow.wait")
    assert registry.get("nope") is None and "nope" not in registry
    with pytest.raises(UserInputError, match="already registered: flow.wait"):
        registry.copy().register(NodeType("flow.wait", "x", "x", "flow"))


def test_a_later_channel_adds_its_own_action_without_touching_the_rest() -> None:
    registry = default_registry().copy()
    callback = registry.register(NodeType(
        "action.callback", "Обратный звонок", "Callback", "action",
        fields=(FieldSpec("managers", "emails", True, title_ru="Менеджеры", title_en="Managers"),),
        channel="calls", outputs=(Port("next"),)))
    assert registry.get("action.callback") is callback
    assert "action.callback" not in default_registry()
    assert len(registry.types("action")) == len(default_registry().types("action")) + 1


def test_validation_and_loading_use_the_registry_they_are_given() -> None:
    """A small testing registry: a popup action is known there and unknown in the built-in one."""
    base = default_registry()
    small = Registry([base.get(t) for t in ("trigger.event", "flow.wait", "flow.condition", "action.sms",
                                            "flow.exit")])
    small.register(NodeType("action.popup", "Поп-ап", "Pop-up", "action",
                            fields=(FieldSpec("form", "text", True, title_ru="Форма", title_en="Form"),)))
    s = linear()
    s.add_node(Node("pop", "action.popup", {"form": ""}))
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "pop")
    s.connect("pop", "next", "x")
    assert [p.code for p in validate(s, registry=small)] == ["bad_field_value"]
    assert [p.code for p in validate(s)] == ["unknown_node_type"]
    seen: list[object] = []
    scenario_from_dict(to_dict(s), registry=small, error_handler=seen.append)
    assert seen == []
