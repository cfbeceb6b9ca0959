"""Action nodes on the real database: what each queues in the outbox (rendered, with the right
provider, kind and idempotency key) and what tag / list / field actions change."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.campaigns.render import IDENTITY_KEY
from app.db.schema import contact_tags, contacts, list_members, lists, settings, tags
from app.journeys.runner import JourneyTicker
from app.journeys.tables import step_ref
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.templates.document import new_document
from app.templates.library import create_template, find_template
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts
from tests.app.journeys.runtime_helpers import (
    MONDAY_NOON,
    email_template,
    enter,
    graph,
    journey,
    messages,
    new_sms_version,
    publish,
    sms_template,
    steps,
)

T = ("t", "trigger.event", {"event_type": "form_submitted", "filters": []})


def _run(ws: Workspace, nodes: list, n: int = 1, context: dict | None = None) -> tuple[list[int], list[int]]:
    edges = [(a[0], "next", b[0]) for a, b in zip([T, *nodes], nodes, strict=False)]
    sid = publish(ws.engine, graph("Действия", [T, *nodes], edges))
    people = add_contacts(ws, n)
    js = enter(ws.engine, sid, people, MONDAY_NOON, context=context)
    JourneyTicker(ws.engine).run_until_idle(MONDAY_NOON)
    return people, js


def test_email_to_the_contact_is_rendered_with_identity_unsubscribe_and_event(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        conn.execute(settings.insert(), [
            {"key": IDENTITY_KEY, "value": {"from_name": "Магазин", "from_email": "shop@example.org"}},
            {"key": "receiver.public_url", "value": "https://hooks.example.org"}])
    email_template(workspace.engine, "Письмо", "{{ first_name }}, вы смотрели {{ event.url }}")
    (c,), (j,) = _run(workspace, [("e", "action.email", {"template": "Письмо"})], context={"url": "/prices"})
    (m,) = messages(workspace.engine)
    assert (m["channel"], m["provider"], m["address"], m["transactional"]) == ("email", "sandbox-email",
                                                                                "c0@example.org", False)
    assert m["step_ref"] == step_ref(j, 1) and m["contact_id"] == c
    payload = m["payload"]
    assert payload["subject"] == "Имя0, вы смотрели /prices"
    assert payload["from_addr"].endswith("<shop@example.org>")
    assert payload["headers"]["List-Unsubscribe"].startswith("<https://hooks.example.org/u/")
    assert payload["headers"]["X-Kaskad-Message"] == m["message_id"]
    assert steps(workspace.engine, j)[-1] == (1, "e", "sent", "next")


def test_manager_email_to_all_and_round_robin_with_a_durable_counter(workspace: Workspace) -> None:
    email_template(workspace.engine, "Заявка", "Новая заявка: {{ lead.name }}", kind="manager")
    managers = ["anna@example.org", "boris@example.org"]
    _run(workspace, [("m", "action.email_manager", {"template": "Заявка", "recipients": "all",
                                                    "managers": managers})])
    rows = messages(workspace.engine)
    assert sorted(m["address"] for m in rows) == managers and all(m["transactional"] for m in rows)
    assert rows[0]["payload"]["text"].startswith("Заявка от Имя0")

    sid = publish(workspace.engine, graph("Круговая", [T, ("m", "action.email_manager", {
        "template": "Заявка", "recipients": "round_robin", "managers": managers})], [("t", "next", "m")]))
    people = add_contacts(workspace, 5, start=100)
    picked = []
    for person in people:  # a new ticker each time: the position survives restarts
        (j,) = enter(workspace.engine, sid, [person], MONDAY_NOON)
        JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON)
        picked += [m["address"] for m in messages(workspace.engine) if m["step_ref"].startswith(step_ref(j, 1))]
    assert picked == [managers[i % 2] for i in range(5)]


def test_sms_kind_decides_marketing_or_service_and_provider_is_the_nodes(workspace: Workspace,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test")
    add_provider(workspace.engine, SecretStore(workspace.root), "Моя SMS", "sandbox-sms")
    sms_template(workspace.engine, "Код", "Ваш код {{ event.code }}")
    _run(workspace, [("s1", "action.sms", {"template": "Код", "sms_kind": "service", "provider": "Моя SMS"}),
                     ("s2", "action.sms", {"template": "Код", "sms_kind": "trigger"})], context={"code": "1234"})
    first, second = messages(workspace.engine)
    assert (first["provider"], first["transactional"], first["payload"]["text"]) == ("Моя SMS", True, "Ваш код 1234")
    assert (second["provider"], second["transactional"]) == ("sandbox-sms", False)


def test_whatsapp_template_and_webhook_payload(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test")
    create_template(workspace.engine, "Скидка WA", "whatsapp", new_document("whatsapp"))
    add_provider(workspace.engine, SecretStore(workspace.root), "CRM", "webhook",
                 options={"url": "https://crm.example.org/hook"})
    (c,), (j,) = _run(workspace, [("wa", "action.whatsapp", {"template": "Скидка WA"}),
                                  ("wh", "action.webhook", {"provider": "CRM", "event_type": "lead.created"})],
                      context={"utm_source": "yandex"})
    wa, hook = messages(workspace.engine)
    assert wa["channel"] == "whatsapp" and wa["address"] == "+79160000000"
    assert wa["payload"]["body"].startswith("Здравствуйте, Имя0!")
    assert (hook["channel"], hook["address"], hook["transactional"]) == ("webhook", "https://crm.example.org/hook",
                                                                          True)
    data = hook["payload"]["data"]
    assert hook["payload"]["type"] == "lead.created"
    assert data["contact"]["phone"] == "+79160000000" and data["contact"]["id"] == c
    assert data["journey"]["id"] == j and data["journey"]["scenario"] == "Действия"
    assert data["journey"]["context"] == {"utm_source": "yandex"}


def test_tag_list_and_field_actions_change_the_contact(workspace: Workspace) -> None:
    (c,), (j,) = _run(workspace, [
        ("tag1", "action.tag", {"op": "add", "tag": "горячий"}),
        ("list1", "action.list", {"op": "add", "list": "Лиды"}),
        ("city", "action.update_field", {"field": "city", "value": "Казань"}),
        ("bonus", "action.update_field", {"field": "custom:bonus", "value": "500"}),
        ("bad", "action.update_field", {"field": "email", "value": "not an email"}),
        ("tag2", "action.tag", {"op": "remove", "tag": "горячий"}),
    ])
    with workspace.engine.connect() as conn:
        row = conn.execute(sa.select(contacts).where(contacts.c.id == c)).mappings().one()
        in_list = conn.execute(sa.select(lists.c.name).join(list_members, list_members.c.list_id == lists.c.id)
                               .where(list_members.c.contact_id == c)).scalars().all()
        tagged = conn.execute(sa.select(tags.c.name).join(contact_tags, contact_tags.c.tag_id == tags.c.id)
                              .where(contact_tags.c.contact_id == c)).scalars().all()
    assert (row["city"], row["custom"]["bonus"], row["email"]) == ("Казань", "500", "c0@example.org")
    assert "казань" in row["search_text"]
    assert in_list == ["Лиды"] and tagged == []
    outcomes = [(s[1], s[2]) for s in steps(workspace.engine, j)[1:]]
    assert outcomes == [("tag1", "passed"), ("list1", "passed"), ("city", "passed"), ("bonus", "passed"),
                        ("bad", "skipped"), ("tag2", "passed")]
    assert journey(workspace.engine, j)["state"] == "done"


def test_a_template_that_cannot_render_fails_the_journey_with_the_reason(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Сломан", "Здравствуйте, {{ no_such_field }}!")
    _c, (j,) = _run(workspace, [("s", "action.sms", {"template": "Сломан", "sms_kind": "trigger"})])
    row = journey(workspace.engine, j)
    assert row["state"] == "failed" and "no_such_field" in row["outcome"]
    assert messages(workspace.engine) == []


def test_message_uses_the_template_version_pinned_at_publish(workspace: Workspace) -> None:
    sms_template(workspace.engine, "Привет", "Версия один, {{ first_name }}")
    sid = publish(workspace.engine, graph("Закреплено", [T, ("w", "flow.wait", {"duration": {"amount": 1,
                                                                                            "unit": "days"}}),
                                                          ("s", "action.sms", {"template": "Привет",
                                                                               "sms_kind": "trigger"})],
                                          [("t", "next", "w"), ("w", "next", "s")]))
    new_sms_version(workspace.engine, find_template(workspace.engine, "Привет").id, "Версия два")
    enter(workspace.engine, sid, add_contacts(workspace, 1), MONDAY_NOON)
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON + timedelta(days=1))
    JourneyTicker(workspace.engine).run_until_idle(MONDAY_NOON + timedelta(days=2))
    assert [m["payload"]["text"] for m in messages(workspace.engine)] == ["Версия один, Имя0"]
