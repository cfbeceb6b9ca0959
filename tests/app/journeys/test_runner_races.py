"""The runner against changes made between its claim and its write: pause, archive, goals, deleted contacts."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from app.journeys import lifecycle
from app.journeys.runner import JourneyTicker
from app.journeys.tables import journeys
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

WAIT_THEN_SMS = ([T, ("w", "flow.wait", {"duration": DAY}),
                  ("a", "action.sms", {"template": "Привет", "sms_kind": "trigger"})],
                 [("t", "next", "w"), ("w", "next", "a")])


def _waiting(engine: Engine, contact_ids: list[int]) -> tuple[int, list[int]]:
    """A published wait-then-SMS scenario with the contacts sitting in its one-day wait."""
    sms_template(engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(engine, graph("Гонки", *WAIT_THEN_SMS))
    js = enter(engine, sid, contact_ids, MONDAY_NOON)
    JourneyTicker(engine).run_until_idle(MONDAY_NOON)
    return sid, js


def _between_claim_and_write(ticker: JourneyTicker, action: Any) -> None:
    """Run `action` once, after the runner picked its due journeys and before its write opens."""
    real = ticker._prepare
    done = []

    def prepare(versions: Any) -> None:
        real(versions)
        if not done:
            done.append(True)
            action()

    ticker._prepare = prepare  # type: ignore[method-assign]


def test_pause_between_claim_and_write_sends_nothing(workspace: Workspace) -> None:
    sid, js = _waiting(workspace.engine, add_contacts(workspace, 3))
    ticker = JourneyTicker(workspace.engine)
    _between_claim_and_write(ticker, lambda: lifecycle.pause(workspace.engine, sid))
    later = MONDAY_NOON + timedelta(days=1)
    ticker.run_until_idle(later)
    assert messages(workspace.engine) == []  # the owner pressed pause: nothing more goes out
    assert all(journey(workspace.engine, j)["node_id"] == "w" for j in js)
    lifecycle.resume(workspace.engine, sid)
    ticker.run_until_idle(later)
    assert len(messages(workspace.engine)) == 3
    assert all(steps(workspace.engine, j)[-1][1:3] == ("a", "sent") for j in js)


def test_contact_deleted_between_claim_and_write_gets_nothing(workspace: Workspace) -> None:
    people = add_contacts(workspace, 2)
    _sid, js = _waiting(workspace.engine, people)
    ticker = JourneyTicker(workspace.engine)

    def delete() -> None:
        with workspace.engine.begin() as conn:
            conn.execute(contacts.delete().where(contacts.c.id == people[0]))

    _between_claim_and_write(ticker, delete)
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    assert [m["contact_id"] for m in messages(workspace.engine)] == [people[1]]
    with workspace.engine.connect() as conn:  # the journey went with the contact
        assert conn.execute(sa.select(journeys.c.id).where(journeys.c.id == js[0])).first() is None


def test_archive_racing_a_batch_on_postgresql_is_not_overwritten(pg: Engine) -> None:
    with pg.begin() as conn:
        people = [conn.execute(contacts.insert().values(
            phone=f"+7916000001{i}", first_name=f"Имя{i}", timezone="Europe/Moscow", custom={}, search_text="",
            created_at=MONDAY_NOON, updated_at=MONDAY_NOON)).inserted_primary_key[0] for i in range(2)]
    sms_template(pg, "Привет", "Здравствуйте, {{ first_name }}!")
    sid = publish(pg, graph("Гонки", [*WAIT_THEN_SMS[0], ("w2", "flow.wait", {"duration": DAY}), ("b", "action.sms", {
        "template": "Привет", "sms_kind": "trigger"})], [*WAIT_THEN_SMS[1], ("a", "next", "w2"), ("w2", "next", "b")]))
    js = enter(pg, sid, people, MONDAY_NOON)
    JourneyTicker(pg).run_until_idle(MONDAY_NOON)
    ticker = JourneyTicker(pg)
    real = ticker._walk_rows
    archiver: list[threading.Thread] = []

    def walk(conn: Any, rows: Any, now: Any, archived: bool) -> int:
        if archiver:
            return real(conn, rows, now, archived)
        # The owner archives while the batch is being walked (another connection, as the GUI would).
        thread = threading.Thread(target=lambda: lifecycle.archive(pg, sid))
        thread.start()
        thread.join(1.0)  # it must wait for the batch's row locks, not slip in before the batch writes
        archiver.append(thread)
        return real(conn, rows, now, archived)

    ticker._walk_rows = walk  # type: ignore[method-assign]
    ticker.run_once(MONDAY_NOON + timedelta(days=1))
    archiver[0].join(10)
    for j in js:  # archived after the batch's step: the step stands, and the journey is over
        row = journey(pg, j)
        assert (row["state"], row["outcome"]) == ("exited", "scenario archived")
        assert [s[2] for s in steps(pg, j)][-3:] == ["sent", "waiting", "exited"]
    assert len(messages(pg)) == 2


def test_new_version_removes_the_node_old_journeys_wait_in_and_reports_split_by_version(
        workspace: Workspace) -> None:
    from app.journeys.report import scenario_report
    from app.scenarios.store import load_scenario, publish_scenario, save_scenario

    sid, old = _waiting(workspace.engine, add_contacts(workspace, 3))
    v2 = load_scenario(workspace.engine, sid)
    v2.remove_node("w")  # the owner drops the wait; three contacts are inside it right now
    v2.connect("t", "next", "a")
    save_scenario(workspace.engine, sid, v2)
    assert publish_scenario(workspace.engine, sid).live_version == 2
    new = enter(workspace.engine, sid, add_contacts(workspace, 2, start=50), MONDAY_NOON, version=2)
    ticker = JourneyTicker(workspace.engine)
    ticker.run_until_idle(MONDAY_NOON)
    assert len(messages(workspace.engine)) == 2  # the new ones at once; the old ones still wait on v1
    ticker.run_until_idle(MONDAY_NOON + timedelta(days=1))
    assert [s[1:3] for s in steps(workspace.engine, old[0])] == [
        ("t", "entered"), ("w", "waiting"), ("w", "passed"), ("a", "sent")]
    assert all(journey(workspace.engine, j)["state"] == "done" for j in old + new)
    assert len(messages(workspace.engine)) == 5

    by_version = {v: {n.node_id: n for n in scenario_report(workspace.engine, sid, version=v).nodes} for v in (1, 2)}
    assert {k: n.entered for k, n in by_version[1].items()} == {"t": 3, "w": 3, "a": 3}
    assert {k: n.entered for k, n in by_version[2].items()} == {"t": 2, "a": 2}
    assert by_version[1]["a"].messages == {"queued": 3} and by_version[2]["a"].messages == {"queued": 2}
    both = {n.node_id: n for n in scenario_report(workspace.engine, sid).nodes}
    assert (both["a"].entered, both["w"].entered) == (5, 3)
    # a node only the old version has is still named as what it was
    assert (both["w"].type, both["w"].title) == ("flow.wait", "Пауза")


def test_template_deleted_or_provider_removed_after_publish_fails_those_journeys_with_the_reason(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.outbox.tables import providers
    from app.providers.store import add_provider
    from app.secrets import SecretStore
    from app.templates.library import delete_template, find_template
    from app.templates.tables import template_versions, templates

    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test")
    add_provider(workspace.engine, SecretStore(workspace.root), "Моя SMS", "sandbox-sms")
    sms_template(workspace.engine, "Привет", "Здравствуйте, {{ first_name }}!")
    sms_template(workspace.engine, "Второе", "Ещё раз, {{ first_name }}")
    sid = publish(workspace.engine, graph("Мир меняется", [
        T, ("w", "flow.wait", {"duration": DAY}),
        ("s", "flow.split", {"branches": [{"key": "A", "percent": 50}, {"key": "B", "percent": 50}]}),
        ("a", "action.sms", {"template": "Привет", "sms_kind": "trigger"}),
        ("b", "action.sms", {"template": "Второе", "sms_kind": "trigger", "provider": "Моя SMS"})],
        [("t", "next", "w"), ("w", "next", "s"), ("s", "A", "a"), ("s", "B", "b")]))
    js = enter(workspace.engine, sid, add_contacts(workspace, 20), MONDAY_NOON)
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
    # Deleting a template a scenario names only archives it; the journeys can still send it.
    hello = find_template(workspace.engine, "Привет").id
    assert delete_template(workspace.engine, hello) == "archived"
    with workspace.engine.begin() as conn:  # gone anyway (edited by hand, an older program): fail plainly
        conn.execute(template_versions.delete().where(template_versions.c.template_id == hello))
        conn.execute(templates.delete().where(templates.c.id == hello))
        conn.execute(providers.delete().where(providers.c.name == "Моя SMS"))
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON + timedelta(days=1))
    assert messages(workspace.engine) == []  # nothing sent with a missing text or through a missing account
    for j in js:
        row = journey(workspace.engine, j)
        assert row["state"] == "failed"
        reason = "'Привет' is no longer in the library" if row["branch"] == "A" else "no provider named 'Моя SMS'"
        assert reason in row["outcome"], row["outcome"]
        assert steps(workspace.engine, j)[-1][1:3] == ("a" if row["branch"] == "A" else "b", "failed")
