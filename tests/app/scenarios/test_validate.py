"""Validation: each rule produces its typed error naming the nodes and edges at fault."""

from __future__ import annotations

import pytest

from app.providers.store import default_provider
from app.scenarios.errors import (
    BadConnection,
    BadFieldValue,
    CycleWithoutWait,
    MissingProvider,
    MissingTemplate,
    NoEntryTrigger,
    ScenarioInvalid,
    TooManyTriggers,
    UnconnectedBranch,
    UnknownNodeType,
    UnreachableNode,
)
from app.scenarios.graph import Edge, EntryRule, Node
from app.scenarios.validate import can_connect, check, validate
from app.segments.service import create_segment
from app.workspace import Workspace
from tests.app.scenarios.helpers import add_template, linear


def kinds(problems: list) -> list[tuple[str, tuple[str, ...]]]:
    return [(type(p).__name__, p.node_ids) for p in problems]


def test_a_valid_scenario_has_no_problems() -> None:
    assert validate(linear()) == []
    check(linear())


def test_entry_rule_is_checked() -> None:
    s = linear()
    s.set_settings(entry=EntryRule("once_per_days", 0))
    assert [(type(p), p.field) for p in validate(s)] == [(BadFieldValue, "entry")]
    s.set_settings(entry=EntryRule("twice"))
    assert "not one of once, once_per_days, every_time" in str(validate(s)[0])
    s.set_settings(entry=EntryRule("every_time"))
    assert validate(s) == []


def test_no_trigger() -> None:
    s = linear()
    s.remove_node("t")
    problems = validate(s)
    assert isinstance(problems[0], NoEntryTrigger)
    # Without a trigger nothing is reachable either: each step is named.
    assert {p.node_ids[0] for p in problems if isinstance(p, UnreachableNode)} == {"w", "c", "a", "x"}


def test_exactly_one_trigger_unless_all_are_event_triggers() -> None:
    s = linear()
    s.add_node(Node("t2", "trigger.list_added", {"list": "VIP"}))
    s.connect("t2", "next", "w")
    assert kinds(validate(s)) == [("TooManyTriggers", ("t", "t2"))]
    assert isinstance(validate(s)[0], TooManyTriggers)
    s.remove_node("t2")
    s.add_node(Node("t3", "trigger.event", {"event_type": "form_submitted", "filters": []}))
    s.connect("t3", "next", "w")
    assert validate(s) == []


def test_unreachable_node_is_named_but_a_goal_needs_no_path() -> None:
    s = linear()
    s.add_node(Node("lost", "action.tag", {"op": "add", "tag": "x"}))
    s.add_node(Node("g", "flow.goal", {"event_type": "purchase", "filters": []}))
    problems = validate(s)
    assert kinds(problems) == [("UnreachableNode", ("lost",))]
    assert "cannot be reached" in str(problems[0])


def test_action_without_template_or_provider() -> None:
    s = linear()
    s.set_props("a", {"sms_kind": "trigger"})
    s.add_node(Node("hook", "action.webhook", {"event_type": "lead"}))
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "hook")
    s.connect("hook", "next", "x")
    problems = validate(s)
    assert [(type(p), p.node_ids, p.field) for p in problems] == [
        (MissingTemplate, ("a",), "template"), (MissingProvider, ("hook",), "provider")]


def test_templates_providers_and_segments_are_looked_up_in_the_workspace(workspace: Workspace) -> None:
    engine = workspace.engine
    s = linear()
    s.add_node(Node("mail", "action.email", {"template": "SMS привет", "provider": "sandbox-sms"}))
    s.add_node(Node("seg", "trigger.segment_entered", {"segment": "Казанцы"}))
    s.remove_node("t")  # keep one trigger: the segment one
    s.connect("seg", "next", "w")
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "mail")
    s.connect("mail", "next", "x")
    s.set_props("a", {"template": "SMS привет", "sms_kind": "service", "provider": "smsc-main"})
    assert validate(s) == []  # without an engine names are not checked
    messages = [str(p) for p in validate(s, engine=engine)]
    assert messages == [
        "node a: SMS (a): no template named 'SMS привет' in the library",
        "node a: SMS (a): no provider account named 'smsc-main'",
        "node mail: Email to the contact (mail): no template named 'SMS привет' in the library",
        "node mail: Email to the contact (mail): no provider account named 'sandbox-sms'",
        "node seg: Entered a segment (seg): no saved segment named 'Казанцы'",
    ]
    add_template(engine, "SMS привет", "sms")
    default_provider(engine, "sms")  # creates the "sandbox-sms" account
    create_segment(engine, "Казанцы", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    s.set_props("a", {"template": "sms привет", "sms_kind": "service", "provider": "sandbox-sms"})
    problems = validate(s, engine=engine)
    assert [str(p) for p in problems] == [
        "node mail: Email to the contact (mail): template 'SMS привет' is a sms template, "
        "this step needs a email one",
        "node mail: Email to the contact (mail): provider 'sandbox-sms' sends sms, not email"]
    assert {type(p) for p in problems} == {MissingTemplate, MissingProvider}
    add_template(engine, "Письмо", "email")
    s.set_props("mail", {"template": "Письмо"})
    assert validate(s, engine=engine) == []
    # A condition's rule is compiled against the workspace: the lists it names must exist.
    s.set_props("c", {"rule": {"type": "list", "op": "in", "value": "VIP"}})
    assert validate(s) == []
    assert [str(p) for p in validate(s, engine=engine)] == [
        "node c: Condition (c): segment rule, value: there is no list 'VIP'"]


def test_cycle_without_wait_names_the_loop_but_a_wait_breaks_it() -> None:
    s = linear()
    s.add_node(Node("tag", "action.tag", {"op": "add", "tag": "петля"}))
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "tag")
    back = s.connect("tag", "next", "c")
    problems = validate(s)
    assert len(problems) == 1 and isinstance(problems[0], CycleWithoutWait)
    assert problems[0].node_ids == ("c", "a", "tag") and back.id in problems[0].edge_ids
    s.remove_edge(back.id)
    s.connect("tag", "next", "w")  # back through the wait: allowed
    assert validate(s) == []


def test_unconnected_branch_outputs() -> None:
    s = linear()
    s.remove_edge(next(e.id for e in s.edges_from("c", "no")))
    s.add_node(Node("split", "flow.split", {"branches": [
        {"key": "A", "percent": 30}, {"key": "B", "percent": 30}, {"key": "C", "percent": 40}]}))
    s.remove_edge(next(e.id for e in s.edges_from("w")))
    s.connect("w", "next", "split")
    s.connect("split", "A", "c")
    s.connect("split", "B", "x")
    problems = validate(s)
    assert all(isinstance(p, UnconnectedBranch) for p in problems)
    assert [str(p) for p in problems] == ["node c: exit 'no' of Condition (c) leads nowhere",
                                          "node split: exit 'C' of A/B/n split (split) leads nowhere"]
    t = linear()
    t.remove_edge(next(e.id for e in t.edges_from("t")))
    assert ("UnconnectedBranch", ("t",)) in kinds(validate(t))


def test_bad_connections() -> None:
    s = linear()
    s.add_edge(Edge("bad1", "c", "maybe", "x"))
    s.add_edge(Edge("bad2", "w", "next", "x"))
    s.add_edge(Edge("bad3", "a", "next", "t"))
    problems = [p for p in validate(s) if isinstance(p, BadConnection)]
    assert [(p.edge_ids, p.reason) for p in problems] == [
        (("bad1",), "Condition (c) has no exit 'maybe' (exits: yes, no)"),
        (("bad2",), "exit 'next' of Wait (w) already leads elsewhere"),
        (("bad3",), "exit 'next' of SMS (a) already leads elsewhere"),
        (("bad3",), "Event received (t) has no input 'in'"),
    ]


@pytest.mark.parametrize(("node_id", "props", "reason"), [
    ("w", {"duration": {"amount": 0, "unit": "days"}}, "a duration must be a positive whole number, not 0"),
    ("w", {"duration": {"amount": -2, "unit": "hours"}}, "a duration must be a positive whole number, not -2"),
    ("w", {"duration": {"amount": 2, "unit": "weeks"}}, "unknown duration unit 'weeks'"),
    ("w", {"duration": {"amount": 1, "unit": "days"}, "color": "red"}, "unknown properties color"),
    ("c", {"rule": {"type": "field", "field": "city", "op": "gt", "value": 1}}, "op"),
    ("t", {"event_type": "page_view", "filters": [{"property": "url", "op": "matches", "value": "(["}]},
     "filter 1: bad pattern"),
    ("t", {"event_type": "time_on_site", "filters": [{"property": "seconds", "op": "gte", "value": "180"}]},
     "filter 1: gte needs a number"),
    ("a", {"template": "SMS привет", "sms_kind": "flash"}, "'flash' is not one of trigger, service"),
])
def test_bad_field_values(node_id: str, props: dict, reason: str) -> None:
    s = linear()
    s.set_props(node_id, props)
    problems = validate(s)
    assert len(problems) == 1 and isinstance(problems[0], BadFieldValue), problems
    assert problems[0].node_ids == (node_id,) and reason in str(problems[0])


def test_split_percentages_must_sum_to_100() -> None:
    s = linear()
    s.add_node(Node("split", "flow.split", {"branches": [{"key": "A", "percent": 50}, {"key": "B", "percent": 40}]}))
    s.remove_edge(next(e.id for e in s.edges_from("w")))
    s.connect("w", "next", "split")
    s.connect("split", "A", "c")
    s.connect("split", "B", "x")
    problems = validate(s)
    assert [str(p) for p in problems] == [
        "node split: A/B/n split (split): Branches and shares, %: branch shares add up to 90%, not 100%"]


def test_window_and_address_values() -> None:
    s = linear()
    s.add_node(Node("win", "flow.wait_window", {"weekdays": [1, 8], "from": "25:00", "to": "10:00"}))
    s.add_node(Node("mgr", "action.email_manager", {"template": "T", "recipients": "all",
                                                     "managers": ["boss@shop.ru", "не адрес"]}))
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "win")
    s.connect("win", "next", "mgr")
    s.connect("mgr", "next", "x")
    reasons = [p.reason for p in validate(s)]
    assert reasons == ["Wait for a time window (win): Weekdays: weekdays are distinct numbers 1 (Mon) to 7 (Sun)",
                       "Wait for a time window (win): From (local): '25:00' is not a time HH:MM",
                       "Email to a manager (mgr): Manager addresses: not e-mail addresses: не адрес"]


def test_unknown_node_type_is_reported_not_fatal() -> None:
    s = linear()
    s.add_node(Node("popup", "action.popup", {"form": "offer"}))
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    s.connect("a", "next", "popup")
    s.connect("popup", "next", "x")
    assert kinds(validate(s)) == [("UnknownNodeType", ("popup",))]
    assert isinstance(validate(s)[0], UnknownNodeType)


def test_check_raises_with_every_problem() -> None:
    s = linear()
    s.remove_node("t")
    with pytest.raises(ScenarioInvalid) as info:
        check(s)
    assert len(info.value.problems) == 5 and "no trigger" in str(info.value)
    assert info.value.problems[0].to_dict()["code"] == "no_entry_trigger"


def test_can_connect_explains_refusals() -> None:
    s = linear()
    s.add_node(Node("tag", "action.tag", {"op": "add", "tag": "x"}))
    assert can_connect(s, "tag", "next", "x") is None
    assert isinstance(can_connect(s, "c", "yes", "tag"), BadConnection)  # "yes" already used
    assert isinstance(can_connect(s, "tag", "next", "tag"), BadConnection)
    assert isinstance(can_connect(s, "tag", "next", "t"), BadConnection)  # triggers have no input
    assert isinstance(can_connect(s, "a", "next", "c"), BadConnection)  # a already leads to x
    s.remove_edge(next(e.id for e in s.edges_from("a")))
    assert isinstance(can_connect(s, "a", "next", "c"), CycleWithoutWait)
    assert can_connect(s, "a", "next", "w") is None
    assert isinstance(can_connect(s, "zz", "next", "w"), BadConnection)
