"""Soft bounces: counted per address from callbacks, DSNs and ESP lists; enough within the window suppress."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from app.errors import UserInputError
from app.providers.email.mailgun import Mailgun
from app.providers.email.unisender_go import UnisenderGo
from app.suppression.imap import MailboxSettings, poll_mailbox
from app.suppression.soft import (
    SoftBounce,
    SoftBouncePolicy,
    load_policy,
    record_soft_bounces,
    save_policy,
    soft_bounce_count,
)
from app.suppression.store import list_suppressions
from app.workspace import Workspace
from tests.app.providers.kit import config, request, send
from tests.app.receiver.conftest import RunningReceiver
from tests.app.receiver.helpers import account, contact, row, sent_row, suppressed
from tests.app.suppression.fake_imap import FakeImap
from tests.app.suppression.letters import dsn
from tests.app.suppression.test_mailbox import _letter
from tests.fakes.callbacks import deliver
from tests.fakes.mailgun_server import FakeMailgun
from tests.fakes.unisender_go_server import PREFIX, FakeUnisenderGo

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def _bounce(key: str, days_ago: float, address: str = "olga@example.org") -> SoftBounce:
    return SoftBounce("email", address, NOW - timedelta(days=days_ago), "test: soft", key, "452 mailbox full")


def test_three_soft_bounces_within_thirty_days_suppress_and_old_ones_do_not_count(workspace: Workspace) -> None:
    engine = workspace.engine
    assert load_policy(engine) == SoftBouncePolicy(3, 30)
    # One 40 days old (outside the window) and two recent ones: not yet.
    assert record_soft_bounces(engine, [_bounce("a", 40), _bounce("b", 10), _bounce("c", 1)], now=NOW) == 0
    assert soft_bounce_count(engine, "email", "olga@example.org", now=NOW) == 2
    assert suppressed(workspace) == set()
    # The same bounce reported again (a redelivered callback) counts once.
    assert record_soft_bounces(engine, [_bounce("c", 1)], now=NOW) == 0
    assert suppressed(workspace) == set()
    assert record_soft_bounces(engine, [_bounce("d", 0)], now=NOW) == 1
    [entry] = list_suppressions(engine)
    assert (entry.address, entry.reason) == ("olga@example.org", "bounced")
    assert entry.source.startswith("3 soft bounces in 30 days") and "452 mailbox full" in entry.source


def test_the_policy_is_a_setting_and_is_checked(workspace: Workspace) -> None:
    save_policy(workspace.engine, SoftBouncePolicy(threshold=2, days=7))
    assert load_policy(workspace.engine) == SoftBouncePolicy(2, 7)
    assert record_soft_bounces(workspace.engine, [_bounce("a", 8), _bounce("b", 6)], now=NOW) == 0
    assert record_soft_bounces(workspace.engine, [_bounce("c", 1)], now=NOW) == 1
    with pytest.raises(UserInputError, match="between 1 and 100"):
        save_policy(workspace.engine, SoftBouncePolicy(threshold=0, days=7))
    with pytest.raises(UserInputError, match="between 1 and 365"):
        save_policy(workspace.engine, SoftBouncePolicy(threshold=3, days=0))


def test_esp_soft_bounce_callbacks_count_once_per_letter_then_suppress(workspace: Workspace) -> None:
    receiver = RunningReceiver(workspace)
    try:
        with FakeUnisenderGo() as ug:
            cfg = config("unisender-go", ug.url + PREFIX, options={"from": "news@shop.example"},
                         secrets={"api_key": ug.api_key})
            account(workspace, "ug", "unisender-go", ug.url + PREFIX, options=cfg.options, secrets=cfg.secrets)
            rows = []
            for _ in range(3):
                row_id, message_id = sent_row(workspace, provider="ug", channel="email", address="olga@example.org",
                                              provider_message_id=None)
                send(UnisenderGo, cfg, request("olga@example.org", {"subject": "s", "text": "t"},
                                               message_id=message_id, outbox_id=row_id))
                rows.append((row_id, ug.received[-1]))
            url = receiver.url + "/callbacks/ug"
            first = rows[0][1]
            # Two soft bounces of the same letter (the ESP retried): one soft bounce.
            assert deliver(url, ug.callback(first, "soft_bounced", delivery_status="err_mailbox_full"), {}) == 200
            assert deliver(url, ug.callback(first, "sent", "soft_bounced"), {}) == 200
            assert soft_bounce_count(workspace.engine, "email", "olga@example.org") == 1
            assert deliver(url, ug.callback(rows[1][1], "soft_bounced"), {}) == 200
            assert suppressed(workspace) == set()
            assert deliver(url, ug.callback(rows[2][1], "soft_bounced"), {}) == 200
    finally:
        receiver.close()
    assert suppressed(workspace) == {("email", "olga@example.org", "bounced")}
    assert row(workspace, rows[0][0])["state"] == "sent"  # a soft bounce is not a failure of the letter
    [entry] = list_suppressions(workspace.engine)
    assert "soft bounces" in entry.source and "ug: soft_bounced" in entry.source


def test_mailgun_temporary_failures_count_and_permanent_ones_suppress_at_once(workspace: Workspace) -> None:
    receiver = RunningReceiver(workspace)
    try:
        with FakeMailgun() as fake:
            options = {"domain": "mg.shop.example", "from": "news@shop.example"}
            secrets = {"api_key": fake.api_key, "webhook_signing_key": fake.signing_key}
            account(workspace, "mg", "mailgun", fake.url, options=options, secrets=secrets)
            letters = []
            for to in ("ivan@example.org", "petr@example.org"):
                row_id, message_id = sent_row(workspace, provider="mg", channel="email", address=to,
                                              provider_message_id=None)
                send(Mailgun, config("mailgun", fake.url, options=options, secrets=secrets),
                     request(to, {"subject": "s", "text": "t"}, message_id=message_id, outbox_id=row_id))
                letters.append(fake.received[-1])
            url = receiver.url + "/callbacks/mg"
            status = {"code": 452, "message": "4.2.2 Mailbox full", "description": "Mailbox full"}
            body = fake.webhook(letters[0], "failed", severity="temporary", **{"delivery-status": status})
            assert deliver(url, body, {"content-type": "application/json"}) == 200
            hard = fake.webhook(letters[1], "failed", severity="permanent",
                                **{"delivery-status": {"code": 550, "message": "5.1.1 No such user"}})
            assert deliver(url, hard, {"content-type": "application/json"}) == 200
    finally:
        receiver.close()
    assert soft_bounce_count(workspace.engine, "email", "ivan@example.org") == 1
    assert suppressed(workspace) == {("email", "petr@example.org", "bounced")}


def test_delayed_dsn_in_the_mailbox_counts_as_a_soft_bounce(workspace: Workspace) -> None:
    save_policy(workspace.engine, SoftBouncePolicy(threshold=2, days=30))
    olga = contact(workspace, email="olga@example.org")
    with FakeImap() as imap:
        for n in range(2):
            _row_id, message_id = sent_row(workspace, provider="smtp", channel="email", address="olga@example.org",
                                           provider_message_id=None, contact_id=olga)
            imap.add(dsn(_letter(workspace, olga, "olga@example.org", message_id), "olga@example.org", "4.2.2",
                         diagnostic="smtp; 452 4.2.2 <{r}>: Mailbox full", letter_id=f"<delay{n}@mx.shop.example>"))
        settings = MailboxSettings(host="127.0.0.1", port=imap.port, user=imap.user, password=imap.password,
                                   ssl=False, timeout=5)
        result = asyncio.run(poll_mailbox(workspace, settings))
    assert result.delayed == 2 and result.bounced == 0
    assert suppressed(workspace) == {("email", "olga@example.org", "bounced")}
    assert "mailbox: 4.2.2" in list_suppressions(workspace.engine)[0].source


def test_sendgrid_blocked_bounces_count_and_deferrals_do_not(workspace: Workspace) -> None:
    from tests.app.receiver.test_callbacks import _sendgrid
    from tests.fakes.sendgrid_server import FakeSendGrid

    receiver = RunningReceiver(workspace)
    try:
        with FakeSendGrid() as fake:
            _row_id, letter = _sendgrid(workspace, fake, "Olga@Example.org")
            url = receiver.url + "/callbacks/sg"
            deferred = fake.events(letter, "deferred", response="452 4.2.2 Mailbox full", attempt="1")
            assert deliver(url, deferred, fake.sign(deferred)) == 200
            assert soft_bounce_count(workspace.engine, "email", "olga@example.org") == 0  # still retrying
            blocked = fake.events(letter, "bounce", type="blocked", reason="452 4.2.2 Mailbox full")
            assert deliver(url, blocked, fake.sign(blocked)) == 200
    finally:
        receiver.close()
    assert soft_bounce_count(workspace.engine, "email", "olga@example.org") == 1
    assert suppressed(workspace) == set()
