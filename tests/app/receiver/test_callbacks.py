"""Signed status callbacks from the fake providers, over real HTTP, update the outbox and are stored once."""

from __future__ import annotations

import json

import httpx
import pytest

from app.providers.email.mailgun import Mailgun
from app.providers.email.sendgrid import SendGrid
from app.providers.sms.twilio import Twilio
from app.providers.whatsapp.cloud_api import WhatsAppCloud
from app.providers.whatsapp.wazzup import Wazzup
from app.workspace import Workspace
from tests.app.providers.kit import config, request, send
from tests.app.receiver.conftest import RunningReceiver
from tests.app.receiver.helpers import account, all_events, events, row, sent_row, suppressed
from tests.fakes.callbacks import deliver
from tests.fakes.mailgun_server import FakeMailgun
from tests.fakes.sendgrid_server import FakeSendGrid
from tests.fakes.twilio_server import FakeTwilio
from tests.fakes.wazzup_server import FakeWazzup
from tests.fakes.whatsapp_cloud_server import FakeWhatsAppCloud


def _sendgrid(ws: Workspace, fake: FakeSendGrid, to: str) -> tuple[int, dict]:
    options = {"from": "news@shop.example"}
    secrets = {"api_key": fake.api_key, "webhook_public_key": fake.public_key_b64}
    account(ws, "sg", "sendgrid", fake.url, options=options, secrets=secrets)
    row_id, message_id = sent_row(ws, provider="sg", channel="email", address=to, provider_message_id=None)
    [result] = send(SendGrid, config("sendgrid", fake.url, options=options, secrets=secrets),
                    request(to, {"subject": "Скидки", "text": "Привет"}, message_id=message_id, outbox_id=row_id))
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET provider_message_id = ? WHERE id = ?",
                             (result.provider_message_id, row_id))
    return row_id, fake.received[-1]


def test_sendgrid_events_advance_the_row_and_duplicates_are_stored_once(workspace: Workspace,
                                                                         receiver: RunningReceiver) -> None:
    with FakeSendGrid() as fake:
        row_id, letter = _sendgrid(workspace, fake, "ivan@example.org")
        body = fake.events(letter, "processed", "delivered", "open")
        url = receiver.url + "/callbacks/sg"
        assert deliver(url, body, fake.sign(body)) == 200
        assert row(workspace, row_id)["state"] == "read"
        assert events(workspace, row_id) == [("sent", "callback"), ("delivered", "callback"), ("read", "callback")]
        # SendGrid redelivers the same batch when our answer was lost: nothing is stored twice.
        assert deliver(url, body, fake.sign(body)) == 200
        assert len(events(workspace, row_id)) == 3


def test_sendgrid_forged_signature_is_refused_and_nothing_stored(workspace: Workspace,
                                                                 receiver: RunningReceiver) -> None:
    with FakeSendGrid() as fake:
        row_id, letter = _sendgrid(workspace, fake, "ivan@example.org")
        body = fake.events(letter, "bounce", type="bounce", reason="550 5.1.1 no such user")
        headers = fake.sign(body)
        forged = body.replace(b"bounce", b"delivered", 1)
        assert deliver(receiver.url + "/callbacks/sg", forged, headers) == 403
        unsigned = {"content-type": "application/json"}
        assert deliver(receiver.url + "/callbacks/sg", body, unsigned) == 403
        assert all_events(workspace) == 0 and row(workspace, row_id)["state"] == "sent"
        assert suppressed(workspace) == set()
        # The genuine request then works: a hard bounce fails the row and suppresses the address.
        assert deliver(receiver.url + "/callbacks/sg", body, headers) == 200
    failed = row(workspace, row_id)
    assert failed["state"] == "failed" and "550 5.1.1 no such user" in failed["error"]
    assert suppressed(workspace) == {("email", "ivan@example.org", "bounced")}


def test_sendgrid_spam_report_suppresses_as_complaint(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeSendGrid() as fake:
        row_id, letter = _sendgrid(workspace, fake, "Olga@Example.org")
        body = fake.events(letter, "delivered", "spamreport")
        assert deliver(receiver.url + "/callbacks/sg", body, fake.sign(body)) == 200
    assert row(workspace, row_id)["state"] == "delivered"
    assert suppressed(workspace) == {("email", "olga@example.org", "complained")}


def test_mailgun_signed_webhook_matches_by_our_id_and_forgery_is_refused(workspace: Workspace,
                                                                          receiver: RunningReceiver) -> None:
    with FakeMailgun() as fake:
        options = {"domain": "mg.shop.example", "from": "news@shop.example"}
        secrets = {"api_key": fake.api_key, "webhook_signing_key": fake.signing_key}
        account(workspace, "mg", "mailgun", fake.url, options=options, secrets=secrets)
        # Our row does not know Mailgun's id yet (as after a crash before the answer): our id still matches.
        row_id, message_id = sent_row(workspace, provider="mg", channel="email", address="ivan@example.org",
                                      provider_message_id=None, state="unknown")
        send(Mailgun, config("mailgun", fake.url, options=options, secrets=secrets),
             request("ivan@example.org", {"subject": "s", "text": "t"}, message_id=message_id, outbox_id=row_id))
        letter = fake.received[-1]
        url = receiver.url + "/callbacks/mg"
        forged = json.loads(fake.webhook(letter, "delivered"))
        forged["signature"]["signature"] = "0" * 64
        assert deliver(url, json.dumps(forged).encode(), {"content-type": "application/json"}) == 403
        assert all_events(workspace) == 0
        body = fake.webhook(letter, "delivered")
        assert deliver(url, body, {"content-type": "application/json"}) == 200
        assert deliver(url, body, {"content-type": "application/json"}) == 200  # redelivered
        assert events(workspace, row_id) == [("delivered", "callback")]
        assert row(workspace, row_id)["state"] == "delivered"
        assert row(workspace, row_id)["provider_message_id"] == letter["id"]  # the lost answer's id, recovered
        unsub = fake.webhook(letter, "unsubscribed")
        assert deliver(url, unsub, {"content-type": "application/json"}) == 200
    assert suppressed(workspace) == {("email", "ivan@example.org", "unsubscribed")}


def test_twilio_signed_status_callbacks(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeTwilio() as fake:
        options = {"account_sid": fake.account_sid, "from": "+15017122661"}
        secrets = {"auth_token": fake.auth_token}
        account(workspace, "tw", "twilio", fake.url, options=options, secrets=secrets)
        cfg = config("twilio", fake.url, options=options, secrets=secrets)
        sids = [send(Twilio, cfg, request(p, {"text": "Привет"}, channel="sms"))[0].provider_message_id
                for p in ("+79991234567", "+79990000001")]
        ok_id, _ = sent_row(workspace, provider="tw", channel="sms", address="+79991234567", provider_message_id=sids[0])
        bad_id, _ = sent_row(workspace, provider="tw", channel="sms", address="+79990000001",
                             provider_message_id=sids[1])
        url = receiver.url + "/callbacks/tw"
        body, headers = fake.status_callback(url, sids[0], "delivered")
        assert deliver(url, body, {**headers, "x-twilio-signature": "AAAA" + headers["x-twilio-signature"][4:]}) == 403
        assert all_events(workspace) == 0
        assert deliver(url, body, headers) == 200
        body, headers = fake.status_callback(url, sids[1], "undelivered", error_code="21610")
        assert deliver(url, body, headers) == 200
    assert row(workspace, ok_id)["state"] == "delivered"
    failed = row(workspace, bad_id)
    assert failed["state"] == "failed" and failed["error_code"] == "21610"
    # Error 21610 = the recipient replied STOP.
    assert suppressed(workspace) == {("sms", "+79990000001", "unsubscribed")}


def test_twilio_signature_checks_the_public_url(workspace: Workspace) -> None:
    from tests.app.receiver.conftest import RunningReceiver as Running

    public = "https://hooks.shop.example"
    running = Running(workspace, public_url=public)
    try:
        with FakeTwilio() as fake:
            options = {"account_sid": fake.account_sid, "from": "+15017122661"}
            account(workspace, "tw", "twilio", fake.url, options=options, secrets={"auth_token": fake.auth_token})
            [result] = send(Twilio, config("twilio", fake.url, options=options, secrets={"auth_token": fake.auth_token}),
                            request("+79991234567", {"text": "x"}, channel="sms"))
            row_id, _ = sent_row(workspace, provider="tw", channel="sms", address="+79991234567",
                                 provider_message_id=result.provider_message_id)
            # Twilio called the public URL (a tunnel forwards it here) and signed that URL.
            body, headers = fake.status_callback(public + "/callbacks/tw", result.provider_message_id, "delivered")
            assert deliver(running.url + "/callbacks/tw", body, headers) == 200
    finally:
        running.close()
    assert row(workspace, row_id)["state"] == "delivered"


def test_meta_handshake_and_signed_statuses(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeWhatsAppCloud() as fake:
        options = {"phone_number_id": fake.phone_number_id}
        secrets = {"access_token": fake.token, "app_secret": fake.app_secret, "verify_token": "my-verify"}
        account(workspace, "wa", "whatsapp-cloud", fake.url, options=options, secrets=secrets)
        url = receiver.url + "/callbacks/wa"
        ok = httpx.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "my-verify",
                                    "hub.challenge": "1158201444"})
        assert (ok.status_code, ok.text) == (200, "1158201444")
        bad = httpx.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"})
        assert bad.status_code == 403 and "1" not in bad.text

        row_id, message_id = sent_row(workspace, provider="wa", channel="whatsapp", address="+79991234567",
                                      provider_message_id=None)
        send(WhatsAppCloud, config("whatsapp-cloud", fake.url, options=options, secrets=secrets),
             request("+79991234567", {"template": "order_ready", "params": ["42"]}, channel="whatsapp",
                     message_id=message_id, outbox_id=row_id))
        # Out of order, as Meta delivers them: read before delivered; the state only moves forward.
        body, headers = fake.webhook(fake.received[-1], "read", "delivered")
        assert deliver(url, body, {**headers, "x-hub-signature-256": "sha256=" + "0" * 64}) == 403
        assert all_events(workspace) == 0
        assert deliver(url, body, headers) == 200
        assert deliver(url, body, headers) == 200
    assert row(workspace, row_id)["state"] == "read"
    assert events(workspace, row_id) == [("read", "callback"), ("delivered", "callback")]


def test_wazzup_token_in_url_and_error_status(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeWazzup() as fake:
        options = {"channel_id": next(iter(fake.channels))}
        secrets = {"api_key": fake.api_key, "webhook_token": "s3cret-token"}
        account(workspace, "wz", "wazzup", fake.url, options=options, secrets=secrets)
        cfg = config("wazzup", fake.url, options=options, secrets=secrets)
        ids = [send(Wazzup, cfg, request(p, {"text": "Заказ готов"}, channel="whatsapp", message_id=m))[0]
               .provider_message_id for p, m in (("+79011112233", "a" * 32), ("+79011112244", "b" * 32))]
        ok_id, _ = sent_row(workspace, provider="wz", channel="whatsapp", address="+79011112233",
                            provider_message_id=ids[0])
        bad_id, _ = sent_row(workspace, provider="wz", channel="whatsapp", address="+79011112244",
                             provider_message_id=ids[1])
        headers = {"content-type": "application/json"}
        assert deliver(receiver.url + "/callbacks/wz?token=wrong", fake.webhook(ids[0], "delivered"), headers) == 403
        assert deliver(receiver.url + "/callbacks/wz", fake.webhook(ids[0], "delivered"), headers) == 403
        assert all_events(workspace) == 0
        url = receiver.url + "/callbacks/wz?token=s3cret-token"
        assert deliver(url, b'{"test": true}', headers) == 200  # Wazzup's check when the URL is registered
        assert deliver(url, fake.webhook(ids[0], "sent", "delivered"), headers) == 200
        assert deliver(url, fake.webhook(ids[1], "error", error="BAD_CONTACT"), headers) == 200
    assert row(workspace, ok_id)["state"] == "delivered"
    failed = row(workspace, bad_id)
    assert failed["state"] == "failed" and "not on WhatsApp" in failed["error"]


def test_unknown_account_and_health(workspace: Workspace, receiver: RunningReceiver) -> None:
    assert deliver(receiver.url + "/callbacks/nobody", b"[]", {"content-type": "application/json"}) == 404
    health = httpx.get(receiver.url + "/health")
    assert health.status_code == 200 and health.json()["ok"] is True


def test_unisender_go_md5_auth_and_hard_bounce(workspace: Workspace, receiver: RunningReceiver) -> None:
    from app.providers.email.unisender_go import UnisenderGo
    from tests.fakes.unisender_go_server import PREFIX, FakeUnisenderGo

    with FakeUnisenderGo() as fake:
        options, secrets = {"from": "news@shop.example"}, {"api_key": fake.api_key}
        account(workspace, "ug", "unisender-go", fake.url + PREFIX, options=options, secrets=secrets)
        row_id, message_id = sent_row(workspace, provider="ug", channel="email", address="ivan@example.org",
                                      provider_message_id=None)
        send(UnisenderGo, config("unisender-go", fake.url + PREFIX, options=options, secrets=secrets),
             request("ivan@example.org", {"subject": "s", "text": "t"}, message_id=message_id, outbox_id=row_id))
        url = receiver.url + "/callbacks/ug"
        headers = {"content-type": "application/json"}
        body = fake.callback(fake.received[-1], "hard_bounced", delivery_status="err_user_unknown")
        assert deliver(url, body.replace(b"err_user_unknown", b"err_mailbox_full"), headers) == 403
        assert all_events(workspace) == 0
        assert deliver(url, body, headers) == 200
        assert deliver(url, body, headers) == 200
    assert events(workspace, row_id) == [("failed", "callback")]
    failed = row(workspace, row_id)
    assert failed["state"] == "failed" and "err_user_unknown" in failed["error"]
    assert suppressed(workspace) == {("email", "ivan@example.org", "bounced")}


def test_callback_token_protects_an_account_without_signatures(workspace: Workspace,
                                                              receiver: RunningReceiver) -> None:
    with FakeSendGrid() as fake:
        options = {"from": "news@shop.example"}
        account(workspace, "sg", "sendgrid", fake.url, options=options,
                secrets={"api_key": fake.api_key, "callback_token": "k9-url-secret"})
        row_id, message_id = sent_row(workspace, provider="sg", channel="email", address="ivan@example.org",
                                      provider_message_id=None)
        send(SendGrid, config("sendgrid", fake.url, options=options, secrets={"api_key": fake.api_key}),
             request("ivan@example.org", {"subject": "s", "text": "t"}, message_id=message_id, outbox_id=row_id))
        body = fake.events(fake.received[-1], "delivered")
        headers = {"content-type": "application/json"}
        assert deliver(receiver.url + "/callbacks/sg", body, headers) == 403
        assert deliver(receiver.url + "/callbacks/sg?token=guess", body, headers) == 403
        assert all_events(workspace) == 0
        assert deliver(receiver.url + "/callbacks/sg?token=k9-url-secret", body, headers) == 200
    assert row(workspace, row_id)["state"] == "delivered"


def test_locked_secrets_answer_503_so_the_provider_retries(workspace: Workspace,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeWazzup() as fake:
        account(workspace, "wz", "wazzup", fake.url, options={"channel_id": "c"},
                secrets={"api_key": fake.api_key, "webhook_token": "t"})
        # Started without the master password: the encrypted secrets cannot be opened.
        monkeypatch.delenv("KASKAD_MASTER_PASSWORD")
        running = RunningReceiver(workspace)
        try:
            url = running.url + "/callbacks/wz?token=t"
            assert deliver(url, fake.webhook("x", "delivered"), {"content-type": "application/json"}) == 503
            assert deliver(running.url + "/callbacks/nobody", b"{}", {"content-type": "application/json"}) == 404
        finally:
            running.close()
