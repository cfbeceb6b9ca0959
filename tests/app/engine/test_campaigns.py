"""Campaigns: audience materialisation, pre-flight, templates, controls, report, email headers."""

from __future__ import annotations

import asyncio
import email
import email.policy
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from app.campaigns.audience import materialise, preflight
from app.campaigns.model import (
    cancel_campaign,
    create_campaign,
    pause_campaign,
    resume_campaign,
    start_campaign,
)
from app.campaigns.render import read_unsubscribe_token, unsubscribe_secret
from app.campaigns.status import campaign_status, export_report
from app.db.schema import consents, contacts, settings, suppressions
from app.engine.engine import Engine
from app.errors import UserInputError
from app.providers.store import default_provider
from app.templates.library import create_template, save_version
from app.workspace import Workspace
from tests.app.engine.helpers import Clock, add_contacts, launch, rows, sms_campaign

NOON = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def run(ws: Workspace) -> None:
    asyncio.run(Engine(ws, now=Clock(NOON)).run_until_idle(horizon=0))


def test_a_contact_in_two_lists_gets_one_message_and_rematerialising_adds_nothing(workspace: Workspace) -> None:
    add_contacts(workspace, 5, list_name="VIP")
    shared = add_contacts(workspace, 3, start=5, list_name="Новые")
    add_contacts(workspace, 4, start=20)  # in no list
    from app.db.schema import list_members, lists

    with workspace.engine.begin() as conn:
        vip = conn.execute(sa.select(lists.c.id).where(lists.c.name == "VIP")).scalar()
        conn.execute(list_members.insert(), [{"list_id": vip, "contact_id": i, "added_at": NOON} for i in shared])
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"), all_contacts=False,
                            lists_=["VIP", "Новые"])
    start_campaign(workspace.engine, campaign, NOON)
    assert materialise(workspace.engine, campaign, now=NOON, batch=3) == 8
    assert materialise(workspace.engine, campaign, now=NOON) == 8
    ids = [r["message_id"] for r in rows(workspace, campaign)]
    assert len(set(ids)) == 8 and all(len(i) == 32 for i in ids)


def test_preflight_counts_exclusions_and_sms_cost(workspace: Workspace) -> None:
    ids = add_contacts(workspace, 10)
    with workspace.engine.begin() as conn:
        conn.execute(contacts.update().where(contacts.c.id == ids[0]).values(phone=None))
        conn.execute(suppressions.insert().values(channel="sms", address="+79160000001", reason="unsubscribed",
                                                  created_at=NOON))
        conn.execute(consents.delete().where(consents.c.contact_id.in_(ids[2:4]), consents.c.channel == "sms"))
        conn.execute(settings.insert().values(key="sms.price_per_segment", value="3,5"))
    long_text = "Здравствуйте, {{ first_name }}! " + "Большая распродажа в нашем магазине. " * 3
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"), text=long_text)
    result = preflight(workspace.engine, campaign, now=NOON)
    assert result.total == 10 and result.reachable == 6
    assert result.excluded == {"no_address": 1, "suppressed": 1, "no_consent": 2, "capped": 0}
    assert result.segments == 12 and result.cost == 42.0  # 2 UCS-2 parts each at 3.50


def test_campaign_pins_a_template_version_and_renders_per_contact(workspace: Workspace) -> None:
    add_contacts(workspace, 2)
    tpl = create_template(workspace.engine, "Бонусы", "sms", {"schema_version": 1, "type": "sms",
                                                              "text": "{{ first_name }}, ваш бонус 100", "sender": ""})
    campaign = create_campaign(workspace.engine, name="Бонусы", channel="sms", template="Бонусы",
                               all_contacts=True, provider=default_provider(workspace.engine, "sms"))
    save_version(workspace.engine, tpl.template_id, {"schema_version": 1, "type": "sms", "text": "v2", "sender": ""})
    assert campaign.template_version == 1
    launch(workspace, campaign.id, NOON)
    run(workspace)
    lines = (workspace.sandbox_dir / "sms.jsonl").read_text("utf-8").splitlines()
    assert '"text": "Имя0, ваш бонус 100"' in lines[0] and '"text": "Имя1, ваш бонус 100"' in lines[1]
    with pytest.raises(UserInputError, match="is a sms template, not email"):
        create_campaign(workspace.engine, name="x", channel="email", template="Бонусы", all_contacts=True)


def test_pause_resume_and_cancel(workspace: Workspace) -> None:
    add_contacts(workspace, 4)
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"))
    launch(workspace, campaign, NOON)
    pause_campaign(workspace.engine, campaign)
    run(workspace)
    assert campaign_status(workspace.engine, campaign)["states"]["queued"] == 4
    resume_campaign(workspace.engine, campaign)
    run(workspace)
    assert campaign_status(workspace.engine, campaign)["states"]["sent"] == 4
    other = sms_campaign(workspace, default_provider(workspace.engine, "sms"), name="Другая", transactional=True)
    launch(workspace, other, NOON)
    cancel_campaign(workspace.engine, other)
    run(workspace)
    status = campaign_status(workspace.engine, other)
    assert status["status"] == "cancelled" and status["states"]["cancelled"] == 4
    with pytest.raises(UserInputError, match="is cancelled"):
        resume_campaign(workspace.engine, other)


def test_email_campaign_has_signed_unsubscribe_headers_and_a_report(workspace: Workspace, tmp_path: Path) -> None:
    ids = add_contacts(workspace, 3)
    with workspace.engine.begin() as conn:
        conn.execute(settings.insert(), [{"key": "sending.unsubscribe_base_url", "value": "https://u.shop.ru"},
                                         {"key": "sending.unsubscribe_mailto", "value": "unsub@shop.ru"}])
    campaign = create_campaign(workspace.engine, name="Письмо", channel="email", all_contacts=True,
                               content={"subject": "Для {{ first_name }}", "text": "Привет",
                                        "html": "<p>Привет, {{ first_name }}</p>"}, sender="Магазин <news@shop.ru>")
    launch(workspace, campaign.id, NOON)
    run(workspace)
    first = rows(workspace, campaign.id)[0]
    raw = (workspace.sandbox_dir / "email" / f"{first['message_id']}.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(msg["Subject"]) == "Для Имя0" and msg["Message-ID"] == f"<{first['message_id']}@shop.ru>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = msg["List-Unsubscribe"].split(",")[0].strip("<> ")
    token = url.rsplit("/", 1)[1]
    assert url.startswith("https://u.shop.ru/u/") and "@" not in token
    assert read_unsubscribe_token(unsubscribe_secret(workspace.engine), token) == (ids[0], "email")
    assert read_unsubscribe_token(unsubscribe_secret(workspace.engine), token.replace(str(ids[0]), str(ids[1]), 1)) is None
    path = export_report(workspace.engine, campaign.id, tmp_path / "report.xlsx")
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0][0] == "message id" and len(values) == 4
    assert {v[3] for v in values[1:]} == {"sent"}
