"""Compliance gates in the claim, with a controllable clock: quiet hours, consent, suppression, caps."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import sqlalchemy as sa

from app.campaigns.status import campaign_status
from app.db.schema import consents, contacts, settings, suppressions
from app.engine.engine import Engine
from app.providers.store import default_provider
from app.workspace import Workspace
from tests.app.engine.helpers import Clock, add_contacts, launch, rows, sms_campaign


def run(ws: Workspace, clock: Clock) -> None:
    asyncio.run(Engine(ws, now=clock).run_until_idle(horizon=0))


def test_quiet_hours_hold_until_the_local_window_opens(workspace: Workspace) -> None:
    clock = Clock(datetime(2026, 11, 24, 19, 30, tzinfo=UTC))  # 22:30 in Moscow
    add_contacts(workspace, 2)  # Moscow
    add_contacts(workspace, 1, start=10, timezone=None)
    with workspace.engine.begin() as conn:  # a Novosibirsk customer by city (UTC+7)
        conn.execute(contacts.update().where(contacts.c.phone == "+79160000010").values(city="Новосибирск"))
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"))
    launch(workspace, campaign, clock())
    run(workspace, clock)
    held = rows(workspace, campaign)
    assert {r["state"] for r in held} == {"held"}
    opening = {r["address"]: r["next_attempt_at"] for r in held}
    assert opening["+79160000000"] == datetime(2026, 11, 25, 6, 0)      # 09:00 Moscow
    assert opening["+79160000010"] == datetime(2026, 11, 25, 2, 0)      # 09:00 Novosibirsk
    clock.advance(hours=6, minutes=45)                                  # 02:15 UTC
    run(workspace, clock)
    assert [r["state"] for r in rows(workspace, campaign)] == ["held", "held", "sent"]
    clock.advance(hours=4)                                              # 06:15 UTC
    run(workspace, clock)
    assert {r["state"] for r in rows(workspace, campaign)} == {"sent"}
    assert campaign_status(workspace.engine, campaign)["status"] == "finished"


def test_a_mobile_without_zone_gets_the_most_restrictive_russian_window(workspace: Workspace) -> None:
    add_contacts(workspace, 1, timezone=None)
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"))
    clock = Clock(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))  # 13:00 Moscow but 22:00 in Kamchatka
    launch(workspace, campaign, clock())
    run(workspace, clock)
    (row,) = rows(workspace, campaign)
    assert row["state"] == "held"
    assert row["next_attempt_at"] == datetime(2026, 11, 25, 7, 0)  # 09:00 at UTC+2 = 19:00 at UTC+12


def test_service_messages_ignore_quiet_hours_and_consent(workspace: Workspace) -> None:
    add_contacts(workspace, 2, consent=())
    clock = Clock(datetime(2026, 11, 24, 23, 0, tzinfo=UTC))  # 02:00 Moscow
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"), transactional=True)
    launch(workspace, campaign, clock())
    run(workspace, clock)
    assert {r["state"] for r in rows(workspace, campaign)} == {"sent"}


def test_suppressed_unconsented_and_addressless_contacts_are_skipped_with_reasons(workspace: Workspace) -> None:
    ids = add_contacts(workspace, 4)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    with workspace.engine.begin() as conn:
        conn.execute(suppressions.insert().values(channel="sms", address="+79160000000", reason="unsubscribed",
                                                  source="STOP reply", created_at=now))
        conn.execute(consents.update().where(consents.c.contact_id == ids[1], consents.c.channel == "sms")
                     .values(status="withdrawn"))
        conn.execute(contacts.update().where(contacts.c.id == ids[2]).values(phone=None))
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"))
    launch(workspace, campaign, now)
    run(workspace, Clock(now))
    result = {r["contact_id"]: (r["state"], r["skip_reason"]) for r in rows(workspace, campaign)}
    assert result == {ids[0]: ("skipped", "suppressed"), ids[1]: ("skipped", "no_consent"),
                      ids[2]: ("skipped", "no_address"), ids[3]: ("sent", None)}


def test_caps_hold_across_two_concurrent_campaigns_and_per_week(workspace: Workspace) -> None:
    add_contacts(workspace, 20)
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    sandbox = default_provider(workspace.engine, "sms")
    first = sms_campaign(workspace, sandbox, name="A")
    second = sms_campaign(workspace, sandbox, name="B")
    launch(workspace, first, clock())
    launch(workspace, second, clock())  # both running at once
    run(workspace, clock)
    everything = rows(workspace)
    sent_per_contact: dict[int, int] = {}
    for r in everything:
        sent_per_contact[r["contact_id"]] = sent_per_contact.get(r["contact_id"], 0) + (r["state"] == "sent")
    assert set(sent_per_contact.values()) == {1}  # the daily cap of 1: exactly one each
    assert sum(r["skip_reason"] == "capped" for r in everything) == 20

    with workspace.engine.begin() as conn:  # 2 a week
        conn.execute(settings.insert().values(key="sending.frequency_caps", value={"sms": {"day": 1, "week": 2}}))
    clock.advance(days=1, minutes=1)
    third = sms_campaign(workspace, sandbox, name="C")
    launch(workspace, third, clock())
    run(workspace, clock)
    assert {r["state"] for r in rows(workspace, third)} == {"sent"}
    clock.advance(days=1, minutes=1)
    fourth = sms_campaign(workspace, sandbox, name="D")
    launch(workspace, fourth, clock())
    run(workspace, clock)
    assert {(r["state"], r["skip_reason"]) for r in rows(workspace, fourth)} == {("skipped", "capped")}
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(suppressions)).scalar() == 0
