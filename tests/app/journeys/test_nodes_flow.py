"""Flow nodes on the real database with a controllable clock: waits, windows, events, condition,
split, frequency gate, goal, exit, removed nodes, paused and archived scenarios."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.events.tables import events
from app.journeys.nodes import next_window, split_branch
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journeys
from app.scenarios.store import archive_scenario, pause_scenario, resume_scenario
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    DAY,
    MONDAY_NOON,
    T,
    enter,
    graph,
    journey,
    messages,
    publish,
    sms_template,
    steps,
)

SMS = ("a", "action.sms", {"template": "Привет", "sms_kind": "trigger"})


def _setup(ws: Workspace, nodes: list, edges: list, n: int = 1, **kw: object) -> tuple[int, list[int], list[int]]:
    sms_template(ws.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    scenario_id = publish(ws.engine, graph("Сценарий", [T, *nodes], edges))
    contacts = add_contacts(ws, n, **kw)  # type: ignore[arg-type]
    return scenario_id, contacts, enter(ws.engine, scenario_id, contacts, MONDAY_NOON)


def _event(ws: Workspace, contact_id: int, kind: str, at: datetime, **properties: object) -> None:
    with ws.engine.begin() as conn:
        conn.execute(events.insert().values(contact_id=contact_id, type=kind, properties=properties, occurred_at=at,
                                            received_at=at, source="test"))


def _wake(ws: Workspace, journey_id: int, at: datetime) -> None:
    """What the trigger side does when an event arrives for a journey waiting for one."""
    with ws.engine.begin() as conn:
        conn.execute(journeys.update().where(journeys.c.id == journey_id).values(wake_at=at))


def test_wait_holds_exactly_the_duration_then_moves_on(workspace: Workspace) -> None:
    _sid, _c, (j,) = _setup(workspace, [("w", "flow.wait", {"duration": DAY}), SMS], [("t", "next", "w"),
                                                                                     ("w", "next", "a")])
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    assert journey(workspace.engine, j)["state"] == "active"
    assert ticker.next_wake(MONDAY_NOON) == 86400
    ticker.run_until_idle(MONDAY_NOON + timedelta(hours=23, minutes=59))
    assert messages(workspace.engine) == []
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=3))  # overdue (engine was off): runs once, promptly
    assert steps(workspace.engine, j) == [(0, "t", "entered", None), (1, "w", "waiting", None),
                                          (2, "w", "passed", "next"), (3, "a", "sent", "next")]
    assert [m["payload"]["text"] for m in messages(workspace.engine)] == ["Здравствуйте, Имя0!"]
    assert journey(workspace.engine, j)["state"] == "done"
    assert ticker.run_until_idle(MONDAY_NOON + timedelta(days=10)) == 0


def test_wait_window_waits_for_the_next_weekday_hours_in_the_contacts_zone(workspace: Workspace) -> None:
    window = {"weekdays": [1, 2, 3, 4, 5], "from": "10:00", "to": "20:00"}
    _sid, _c, (j,) = _setup(workspace, [("ww", "flow.wait_window", window), SMS],
                            [("t", "next", "ww"), ("ww", "next", "a")], timezone="Asia/Vladivostok")
    saturday = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)  # 13:00 Saturday in Vladivostok (UTC+10)
    with workspace.engine.begin() as conn:
        conn.execute(journeys.update().values(wake_at=saturday, entered_at=saturday))
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(saturday)
    monday_ten = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # 10:00 Monday in Vladivostok
    assert journey(workspace.engine, j)["wake_at"].replace(tzinfo=UTC) == monday_ten
    ticker.run_until_idle(monday_ten - timedelta(minutes=1))
    assert messages(workspace.engine) == []
    ticker.run_until_idle(monday_ten)
    assert len(messages(workspace.engine)) == 1


def test_window_inside_passes_at_once_and_night_window_crosses_midnight() -> None:
    from zoneinfo import ZoneInfo

    moscow = [ZoneInfo("Europe/Moscow")]
    assert next_window(MONDAY_NOON, moscow, [1], "10:00", "20:00") is None
    # 22:00–02:00 opened on Monday: 01:00 Tuesday is still inside, 03:00 Tuesday waits for Monday next week.
    tuesday_1am = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)
    assert next_window(tuesday_1am, moscow, [1], "22:00", "02:00") is None
    opening = next_window(tuesday_1am + timedelta(hours=2), moscow, [1], "22:00", "02:00")
    assert opening == datetime(2026, 11, 30, 19, 0, tzinfo=UTC)


def _wait_event_setup(ws: Workspace, n: int = 1) -> tuple[list[int], list[int]]:
    wait = ("we", "flow.wait_event", {"event_type": "form_submitted", "timeout": {"amount": 2, "unit": "days"},
                                      "filters": [{"property": "form", "op": "eq", "value": "callback"}]})
    thanks = ("yes", "action.sms", {"template": "Привет", "sms_kind": "service"})
    _sid, contacts, js = _setup(ws, [wait, thanks, SMS], [("t", "next", "we"), ("we", "event", "yes"),
                                                         ("we", "timeout", "a")], n=n)
    return contacts, js


def test_wait_for_event_takes_the_event_exit_when_a_matching_event_arrives(workspace: Workspace) -> None:
    (c1, c2, c3), (j1, j2, j3) = _wait_event_setup(workspace, 3)
    ticker = JourneyTicker(workspace.engine)
    _event(workspace, c1, "form_submitted", MONDAY_NOON - timedelta(minutes=5), form="callback")  # before: ignored
    ticker.run_until_idle(MONDAY_NOON)
    assert {journey(workspace.engine, j)["state"] for j in (j1, j2, j3)} == {"waiting"}
    later = MONDAY_NOON + timedelta(hours=5)
    _event(workspace, c1, "form_submitted", later, form="callback")
    _event(workspace, c2, "form_submitted", later, form="other")  # filter does not match
    for j in (j1, j2):
        _wake(workspace, j, later)
    ticker.run_until_idle(later)
    assert steps(workspace.engine, j1)[-2:] == [(2, "we", "passed", "event"), (3, "yes", "sent", "next")]
    assert journey(workspace.engine, j2)["state"] == "waiting"  # woken for nothing: keeps waiting, no step
    assert len(steps(workspace.engine, j2)) == 2
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=2))
    for j in (j2, j3):
        assert steps(workspace.engine, j)[-2:] == [(2, "we", "passed", "timeout"), (3, "a", "sent", "next")]
    by_contact = {m["contact_id"]: m["transactional"] for m in messages(workspace.engine)}
    assert by_contact == {c1: True, c2: False, c3: False}


def test_condition_takes_yes_or_no_by_segment_rule(workspace: Workspace) -> None:
    cond = ("c", "flow.condition", {"rule": {"type": "field", "field": "city", "op": "eq", "value": "Казань"}})
    _sid, (c1, c2), (j1, j2) = _setup(workspace, [cond, SMS, ("x", "flow.exit", {})],
                                      [("t", "next", "c"), ("c", "yes", "a"), ("c", "no", "x")], n=2)
    from app.db.schema import contacts

    with workspace.engine.begin() as conn:
        conn.execute(contacts.update().where(contacts.c.id == c1).values(city="Казань"))
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
    assert steps(workspace.engine, j1)[1:] == [(1, "c", "yes", "yes"), (2, "a", "sent", "next")]
    assert steps(workspace.engine, j2)[1:] == [(1, "c", "no", "no"), (2, "x", "exited", None)]
    assert journey(workspace.engine, j2)["state"] == "exited"
    assert [m["contact_id"] for m in messages(workspace.engine)] == [c1]


def test_split_is_deterministic_per_journey_and_follows_the_shares(workspace: Workspace) -> None:
    branches = [{"key": "A", "percent": 30}, {"key": "B", "percent": 70}]
    counts = Counter(split_branch(i, "s", branches) for i in range(1, 5001))
    assert 1350 < counts["A"] < 1650 and counts["A"] + counts["B"] == 5000
    assert [split_branch(i, "s", branches) for i in range(50)] == [split_branch(i, "s", branches) for i in range(50)]
    split = ("s", "flow.split", {"branches": branches})
    _sid, _c, js = _setup(workspace, [split, SMS, ("x", "flow.exit", {})],
                          [("t", "next", "s"), ("s", "A", "a"), ("s", "B", "x")], n=40)
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
    for j in js:
        row = journey(workspace.engine, j)
        assert row["branch"] == split_branch(j, "s", branches)
        assert steps(workspace.engine, j)[1] == (1, "s", "branch", row["branch"])
    assert len(messages(workspace.engine)) == sum(1 for j in js if split_branch(j, "s", branches) == "A")


def test_frequency_gate_counts_the_contacts_recent_messages(workspace: Workspace) -> None:
    gate = ("f", "flow.frequency", {"max_messages": 1, "period": {"amount": 7, "unit": "days"}})
    _sid, (c1, c2), (j1, j2) = _setup(workspace, [SMS, ("w", "flow.wait", {"duration": DAY}), gate,
                                                  ("b", "action.sms", {"template": "Привет", "sms_kind": "trigger"}),
                                                  ("x", "flow.exit", {})],
                                      [("t", "next", "a"), ("a", "next", "w"), ("w", "next", "f"),
                                       ("f", "pass", "b"), ("f", "limited", "x")], n=2)
    from app.outbox.tables import outbox

    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    with workspace.engine.begin() as conn:  # c2's first message was skipped by the gates: it does not count
        conn.execute(outbox.update().where(outbox.c.contact_id == c2).values(state="skipped", skip_reason="capped"))
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    assert steps(workspace.engine, j1)[-2:] == [(4, "f", "limited", "limited"), (5, "x", "exited", None)]
    assert steps(workspace.engine, j2)[-2:] == [(4, "f", "passed", "pass"), (5, "b", "sent", "next")]


def test_goal_ends_the_journey_before_the_next_message(workspace: Workspace) -> None:
    goal = ("g", "flow.goal", {"event_type": "purchase", "filters": []})
    _sid, (c1, c2), (j1, j2) = _setup(workspace, [("w", "flow.wait", {"duration": DAY}), SMS, goal],
                                      [("t", "next", "w"), ("w", "next", "a")], n=2)
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    bought = MONDAY_NOON + timedelta(hours=3)
    _event(workspace, c1, "purchase", bought, amount=1000)
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    row = journey(workspace.engine, j1)
    assert (row["state"], row["outcome"]) == ("exited", "goal reached")
    assert row["converted_at"].replace(tzinfo=UTC) == bought
    assert steps(workspace.engine, j1)[-1] == (2, "g", "converted", None)
    assert [m["contact_id"] for m in messages(workspace.engine)] == [c2]


def test_removed_node_and_unknown_type_exit_with_a_reason(workspace: Workspace) -> None:
    _sid, _c, (j1, j2) = _setup(workspace, [("w", "flow.wait", {"duration": DAY}), SMS],
                                [("t", "next", "w"), ("w", "next", "a")], n=2)
    with workspace.engine.begin() as conn:
        conn.execute(journeys.update().where(journeys.c.id == j1).values(node_id="gone"))
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
    row = journey(workspace.engine, j1)
    assert (row["state"], row["outcome"]) == ("exited", "node gone is no longer in the scenario")
    from app.scenarios.registry import NodeType

    registry = JourneyTicker(workspace.engine).registry.copy()
    registry.register(NodeType("action.callback", "Звонок", "Callback", "action"))
    sid2 = publish(workspace.engine, graph("Со звонком", [T, ("cb", "action.callback", {})], [("t", "next", "cb")]),
                   registry)
    (j3,) = enter(workspace.engine, sid2, [_c[0]], MONDAY_NOON)
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)  # the default registry lacks the type
    assert journey(workspace.engine, j3)["outcome"] == "node type 'action.callback' is not available"


def test_paused_scenario_holds_journeys_and_archived_ends_them(workspace: Workspace) -> None:
    sid, _c, (j,) = _setup(workspace, [("w", "flow.wait", {"duration": DAY}), SMS],
                           [("t", "next", "w"), ("w", "next", "a")])
    ticker = JourneyTicker(workspace.engine, sweep_every=0)
    ticker.run_until_idle(MONDAY_NOON)
    pause_scenario(workspace.engine, sid)
    later = MONDAY_NOON + timedelta(days=2)
    assert ticker.run_until_idle(later) == 0 and ticker.next_wake(later) is None
    assert journey(workspace.engine, j)["node_id"] == "w"
    resume_scenario(workspace.engine, sid)
    ticker.run_until_idle(later)
    assert journey(workspace.engine, j)["state"] == "done"
    (j2,) = enter(workspace.engine, sid, _c, later)
    archive_scenario(workspace.engine, sid)
    ticker.run_until_idle(later)
    row = journey(workspace.engine, j2)
    assert (row["state"], row["outcome"]) == ("exited", "the scenario was archived")
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(journeys)
                            .where(journeys.c.state.in_(("active", "waiting")))).scalar() == 0


def test_the_triggering_event_is_not_taken_as_the_awaited_one(workspace: Workspace) -> None:
    wait = ("we", "flow.wait_event", {"event_type": "page_view", "timeout": DAY, "filters": []})
    _sid, (c,), (j,) = _setup(workspace, [wait, SMS, ("x", "flow.exit", {})],
                              [("t", "next", "we"), ("we", "event", "a"), ("we", "timeout", "x")])
    _event(workspace, c, "page_view", MONDAY_NOON, url="/prices")
    with workspace.engine.begin() as conn:
        first = conn.execute(sa.select(sa.func.max(events.c.id))).scalar()
        conn.execute(journeys.update().where(journeys.c.id == j).values(event_id=first))
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    assert journey(workspace.engine, j)["state"] == "waiting"
    second = MONDAY_NOON + timedelta(hours=1)
    _event(workspace, c, "page_view", second, url="/prices")
    _wake(workspace, j, second)
    ticker.run_until_idle(second)
    assert steps(workspace.engine, j)[-2:] == [(2, "we", "passed", "event"), (3, "a", "sent", "next")]
