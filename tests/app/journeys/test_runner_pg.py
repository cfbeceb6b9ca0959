"""The runner on PostgreSQL: due claims, conditions, splits, event waits and bulk outbox writes."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from app.events.tables import events
from app.journeys.nodes import split_branch
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journeys
from tests.app.journeys.runtime_helpers import (
    DAY,
    MONDAY_NOON,
    enter,
    graph,
    messages,
    publish,
    sms_template,
    steps,
)

BRANCHES = [{"key": "A", "percent": 50}, {"key": "B", "percent": 50}]


def test_journeys_run_on_postgresql(pg: Engine) -> None:
    sms_template(pg, "Привет", "Здравствуйте, {{ first_name }}! {{ event.form | default('') }}")
    wait = ("we", "flow.wait_event", {"event_type": "lead", "timeout": DAY,
                                      "filters": [{"property": "form", "op": "eq", "value": "callback"}]})
    sid = publish(pg, graph("Постгрес", [
        ("t", "trigger.event", {"event_type": "page_view", "filters": []}), wait,
        ("c", "flow.condition", {"rule": {"type": "field", "field": "city", "op": "eq", "value": "Казань"}}),
        ("ab", "flow.split", {"branches": BRANCHES}),
        ("a", "action.sms", {"template": "Привет", "sms_kind": "trigger"}), ("x", "flow.exit", {})],
        [("t", "next", "we"), ("we", "event", "a"), ("we", "timeout", "c"), ("c", "yes", "ab"), ("c", "no", "x"),
         ("ab", "A", "a"), ("ab", "B", "x")]))
    with pg.begin() as conn:
        people = [conn.execute(contacts.insert().values(
            phone=f"+7916000000{i}", first_name=f"Имя{i}", city="Казань" if i else None, custom={}, search_text="",
            created_at=MONDAY_NOON, updated_at=MONDAY_NOON)).inserted_primary_key[0] for i in range(4)]
    js = enter(pg, sid, people, MONDAY_NOON)
    ticker = JourneyTicker(pg)
    ticker.run_until_idle(MONDAY_NOON)
    later = MONDAY_NOON + timedelta(hours=2)
    with pg.begin() as conn:
        conn.execute(events.insert().values(contact_id=people[0], type="lead", properties={"form": "callback"},
                                            occurred_at=later, received_at=later, source="test"))
        conn.execute(journeys.update().where(journeys.c.id == js[0]).values(wake_at=later))
    ticker.run_until_idle(later)
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    assert steps(pg, js[0])[-1] == (3, "a", "sent", "next")
    for j in js[1:]:
        branch = split_branch(j, "ab", BRANCHES)
        assert [s[1:] for s in steps(pg, j)][-3:] == [("c", "yes", "yes"), ("ab", "branch", branch),
                                                     ("a", "sent", "next") if branch == "A" else ("x", "exited", None)]
    texts = {m["contact_id"]: m["payload"]["text"] for m in messages(pg)}
    assert texts[people[0]] == "Здравствуйте, Имя0! callback"
    assert len(texts) == 1 + sum(split_branch(j, "ab", BRANCHES) == "A" for j in js[1:])
    with pg.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(journeys)
                            .where(journeys.c.state.in_(("active", "waiting")))).scalar() == 0
