"""One setting key per thing: the SMS price, the receiver's public URL, and the sender identity."""

from __future__ import annotations

import asyncio
import email
import email.policy
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest
import sqlalchemy as sa

from app.campaigns.audience import preflight
from app.campaigns.model import create_campaign, get_campaign
from app.db.schema import suppressions
from app.engine.engine import Engine
from app.providers.store import default_provider
from app.settings import get_decimal, parse_decimal, set_setting
from app.workspace import Workspace
from tests.app.engine.helpers import Clock, add_contacts, launch, rows, sms_campaign
from tests.app.receiver.conftest import RunningReceiver

NOON = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
IDENTITY = {"from_name": "Цветы «Ромашка»", "from_email": "shop@romashka.ru", "reply_to": "owner@romashka.ru",
            "sms_sender": "ROMASHKA"}


def run(ws: Workspace) -> None:
    asyncio.run(Engine(ws, now=Clock(NOON)).run_until_idle(horizon=0))


@pytest.mark.parametrize(("stored", "expected"), [
    (4.95, Decimal("4.95")), ("4,95", Decimal("4.95")), (" 3.5 ", Decimal("3.5")), (2, Decimal("2")),
    ("1 234,50", Decimal("1234.50")), ("", None), ("дорого", None), (-1, None), (True, None), (None, None),
    ("NaN", None),
])
def test_prices_parse_from_numbers_and_russian_or_english_text(stored: object, expected: Decimal | None) -> None:
    assert parse_decimal(stored) == expected


def test_preflight_cost_uses_the_price_the_sms_editor_and_settings_use(workspace: Workspace) -> None:
    add_contacts(workspace, 4)
    set_setting(workspace.engine, "sms.price_per_segment", "2,50")  # as typed by a Russian user
    set_setting(workspace.engine, "sending.sms_price", 99)  # the old duplicate key is no longer read
    campaign = sms_campaign(workspace, default_provider(workspace.engine, "sms"), text="Скидка")
    result = preflight(workspace.engine, campaign, now=NOON)
    assert get_decimal(workspace.engine, "sms.price_per_segment") == Decimal("2.50")
    assert result.reachable == 4 and result.segments == 4 and result.cost == 10.0


def _email_campaign(ws: Workspace, **kwargs: object) -> int:
    return create_campaign(ws.engine, name="Письмо", channel="email", all_contacts=True,
                           content={"subject": "Новости", "text": "Привет, {{ first_name }}",
                                    "html": "<p>Привет</p><a href=\"{{ unsubscribe_url }}\">отписаться</a>"},
                           **kwargs).id  # type: ignore[arg-type]


def _letter(ws: Workspace, row: dict) -> email.message.EmailMessage:
    raw = (ws.sandbox_dir / "email" / f"{row['message_id']}.eml").read_bytes()
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_list_unsubscribe_url_is_served_by_the_receiver_and_one_click_suppresses(workspace: Workspace) -> None:
    ids = add_contacts(workspace, 2)
    receiver = RunningReceiver(workspace)
    try:
        # The receiver's own address stands in for the public URL a tunnel or proxy would forward.
        set_setting(workspace.engine, "receiver.public_url", receiver.url + "/")
        campaign = _email_campaign(workspace)
        launch(workspace, campaign, NOON)
        run(workspace)
        first = rows(workspace, campaign)[0]
        msg = _letter(workspace, first)
        url = msg["List-Unsubscribe"].strip("<> ")
        assert url.startswith(f"{receiver.url}/u/")
        assert url in msg.get_body(("html",)).get_content()  # the footer link is the same URL
        answer = httpx.post(url, data={"List-Unsubscribe": "One-Click"}, timeout=10)
        assert answer.status_code == 200
    finally:
        receiver.close()
    with workspace.engine.connect() as conn:
        blocked = conn.execute(sa.select(suppressions.c.channel, suppressions.c.address)).all()
    assert blocked == [("email", "c0@example.org")] and first["contact_id"] == ids[0]


def test_documented_override_wins_and_https_public_url_gets_one_click_header(workspace: Workspace) -> None:
    add_contacts(workspace, 1)
    set_setting(workspace.engine, "receiver.public_url", "https://kaskad.shop.ru")
    first = _email_campaign(workspace)
    launch(workspace, first, NOON)
    run(workspace)
    msg = _letter(workspace, rows(workspace, first)[0])
    assert msg["List-Unsubscribe"].startswith("<https://kaskad.shop.ru/u/")
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    set_setting(workspace.engine, "sending.unsubscribe_base_url", "https://links.shop.ru")
    second = _email_campaign(workspace, transactional=True)  # a second mailing today would hit the cap
    launch(workspace, second, NOON)
    run(workspace)
    assert _letter(workspace, rows(workspace, second)[0])["List-Unsubscribe"].startswith("<https://links.shop.ru/u/")


def test_sender_identity_gives_from_and_reply_to_and_a_campaign_sender_wins(workspace: Workspace) -> None:
    add_contacts(workspace, 1)
    set_setting(workspace.engine, "sending.identity", IDENTITY)
    plain = _email_campaign(workspace)
    launch(workspace, plain, NOON)
    run(workspace)
    msg = _letter(workspace, rows(workspace, plain)[0])
    assert msg["From"].addresses[0].display_name == "Цветы «Ромашка»"
    assert msg["From"].addresses[0].addr_spec == "shop@romashka.ru"
    assert str(msg["Reply-To"]) == "owner@romashka.ru"
    assert msg["Message-ID"].endswith("@romashka.ru>")

    own = _email_campaign(workspace, sender="Акции <promo@romashka.ru>", transactional=True)
    launch(workspace, own, NOON)
    run(workspace)
    msg = _letter(workspace, rows(workspace, own)[0])
    assert msg["From"].addresses[0].addr_spec == "promo@romashka.ru"
    assert str(msg["Reply-To"]) == "owner@romashka.ru"


def test_sms_sender_name_defaults_to_the_identity(workspace: Workspace) -> None:
    provider = default_provider(workspace.engine, "sms")
    assert get_campaign(workspace.engine, sms_campaign(workspace, provider)).sender is None
    set_setting(workspace.engine, "sending.identity", IDENTITY)
    assert get_campaign(workspace.engine, sms_campaign(workspace, provider)).sender == "ROMASHKA"
    assert get_campaign(workspace.engine, sms_campaign(workspace, provider, sender="SALE")).sender == "SALE"
