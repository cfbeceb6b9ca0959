"""POST /v1/events over real HTTP: auth, CORS, idempotency, and 4xx answers that name the field."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app.db.schema import contacts
from app.events.tables import events
from app.workspace import Workspace
from tests.app.events.conftest import Intake


def _count(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar() or 0)


def test_single_and_batch_are_stored_and_retries_are_harmless(intake: Intake, workspace: Workspace) -> None:
    one = {"id": "ord-1", "type": "purchase", "phone": "8 (912) 345-67-89", "occurred_at": "2026-11-24T10:00:00+03:00",
           "properties": {"amount": 5400, "item": "Шуба"}}
    answer = intake.post(one)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"ok": True, "stored": 1, "duplicates": 0}
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    batch = {"events": [one, {"id": "pv-1", "type": "page_view", "visitor_id": "v-1"},
                        {"id": "pv-1", "type": "page_view", "visitor_id": "v-1"}]}
    assert intake.post(batch).json() == {"ok": True, "stored": 1, "duplicates": 2}
    assert intake.post(batch).json() == {"ok": True, "stored": 0, "duplicates": 3}
    assert _count(workspace) == 2
    with workspace.engine.connect() as conn:
        row = conn.execute(sa.select(events).where(events.c.key == "ord-1")).one()
    assert row.properties == {"amount": 5400, "item": "Шуба", "phone": "+79123456789"}  # unknown caller kept
    assert row.contact_id is None
    assert row.occurred_at.replace(tzinfo=None).isoformat() == "2026-11-24T07:00:00"


@pytest.mark.parametrize(("body", "field", "words"), [
    ({"events": [{"type": "goal", "visitor_id": "v"}] * 3 + [{"visitor_id": "v"}]}, "events[3].type", "required"),
    ({"events": [{"type": "lead", "phone": "12"}]}, "events[0].phone", "phone"),
    ({"type": "lead", "email": "not-an-email"}, "email", "email"),
    ({"type": "page view", "visitor_id": "v"}, "type", "type name"),
    ({"type": "goal", "visitor_id": "v", "occurred_at": "2026-11-24T10:00:00"}, "occurred_at", "time zone"),
    ({"type": "goal", "visitor_id": "v", "occurred_at": "вчера"}, "occurred_at", "ISO 8601"),
    ({"type": "purchase", "phone": "+79123456789", "properties": {"amount": "много"}}, "properties.amount", "number"),
    ({"type": "call", "phone": "+79123456789", "properties": {"status": "busy"}}, "properties.status", "answered"),
    ({"type": "goal", "visitor_id": "v", "colour": "red"}, "colour", "unknown field"),
    ({"type": "goal"}, None, "phone, email, external_id or visitor_id"),
    ({"events": []}, "events", "non-empty"),
    ({"events": [{"type": "goal", "visitor_id": "v"}] * 1001}, "events", "1000"),
    ({"type": "goal", "visitor_id": "v", "properties": [1]}, "properties", "object"),
    ([1, 2], None, "event object"),
])
def test_bad_payload_gets_400_naming_the_field(intake: Intake, workspace: Workspace, body: object, field: str | None,
                                               words: str) -> None:
    answer = intake.post(body)
    assert answer.status_code == 400
    data = answer.json()
    assert data["field"] == field
    assert words in data["error"]
    assert _count(workspace) == 0  # nothing of a bad batch is stored


def test_not_json_and_auth_failures(intake: Intake, workspace: Workspace) -> None:
    answer = intake.http.post(intake.url, content=b"{oops", headers={"Authorization": f"Bearer {intake.api}"})
    assert answer.status_code == 400 and "JSON" in answer.json()["error"]
    event = {"type": "goal", "visitor_id": "v"}
    missing = intake.post(event, token="")
    assert missing.status_code == 401 and missing.json()["field"] == "Authorization"
    assert intake.post(event, token="wrong").status_code == 401
    forbidden = intake.post({"events": [event, {"type": "purchase", "phone": "+79123456789"}]}, token=intake.tracker)
    assert forbidden.status_code == 403 and forbidden.json()["field"] == "events[1].type"
    assert _count(workspace) == 0


def test_browser_beacon_with_token_in_query_and_preflight(intake: Intake, workspace: Workspace) -> None:
    pre = intake.http.options(intake.url, headers={"Origin": "https://shop.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 204
    assert pre.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in pre.headers["Access-Control-Allow-Headers"]
    # sendBeacon: text/plain body, token in the query string, no Authorization header.
    body = json.dumps({"type": "page_view", "visitor_id": "v-9", "properties": {"path": "/"}})
    answer = intake.http.post(intake.url, params={"token": intake.tracker}, content=body.encode(),
                              headers={"Content-Type": "text/plain;charset=UTF-8"})
    assert answer.status_code == 200, answer.text
    assert _count(workspace) == 1


def test_form_creates_contact_and_links_earlier_visits(intake: Intake, workspace: Workspace) -> None:
    from app.segments.service import count_segment

    token = intake.tracker
    assert intake.post({"type": "page_view", "visitor_id": "v-42", "properties": {"path": "/price"}}, token).is_success
    assert intake.post({"type": "time_on_site", "visitor_id": "v-42", "properties": {"seconds": 95}}, token).is_success
    form = {"type": "form_submitted", "visitor_id": "v-42", "phone": "+7 912 000-11-22", "email": "Olga@Mail.RU",
            "name": "Сидорова Ольга Петровна"}
    assert intake.post(form, token).is_success
    assert intake.post({"type": "page_view", "visitor_id": "v-42"}, token).is_success
    with workspace.engine.connect() as conn:
        person = conn.execute(sa.select(contacts)).one()
        owners = conn.execute(sa.select(events.c.contact_id)).scalars().all()
    assert (person.phone, person.email, person.source) == ("+79120001122", "olga@mail.ru", "website form")
    assert (person.last_name, person.first_name, person.middle_name) == ("Сидорова", "Ольга", "Петровна")
    assert owners == [person.id] * 4
    rule = {"type": "event", "event_type": "page_view", "op": "has", "count_gte": 2,
            "filters": [], "within_days": None}
    assert count_segment(workspace.engine, rule) == 1


def test_concurrent_single_requests_are_all_stored_once(intake: Intake, workspace: Workspace) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def post(i: int) -> dict:
        return intake.post({"id": f"e-{i % 30}", "type": "goal", "visitor_id": f"v-{i % 7}",
                            "properties": {"goal": "cart"}}).json()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(post, range(60)))
    assert sum(a["stored"] for a in answers) == 30
    assert sum(a["duplicates"] for a in answers) == 30
    assert _count(workspace) == 30


def test_public_tracker_token_cannot_add_addresses_to_known_contacts(intake: Intake, workspace: Workspace) -> None:
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    with workspace.engine.begin() as conn:
        conn.execute(contacts.insert().values(phone="+79120000001", custom={}, created_at=now, updated_at=now))
    form = {"type": "form_submitted", "phone": "+79120000001", "email": "someone@else.ru"}
    assert intake.post(form, intake.tracker).is_success
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(contacts.c.email)).scalar() is None
        assert conn.execute(sa.select(events.c.source)).scalar() == "tracker"
    assert intake.post(form).is_success  # the secret API token is trusted (a CRM)
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(contacts.c.email)).scalar() == "someone@else.ru"
