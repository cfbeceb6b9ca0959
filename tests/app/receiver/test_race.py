"""A status callback that overtakes the engine's write of the send result is applied once that write lands."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from app.outbox.store import Finish, OutboxStore
from app.providers.sms.twilio import Twilio
from app.providers.whatsapp.cloud_api import WhatsAppCloud
from app.workspace import Workspace
from tests.app.providers.kit import config, request, send
from tests.app.receiver.conftest import RunningReceiver
from tests.app.receiver.helpers import account, events, row, sent_row
from tests.fakes.callbacks import deliver
from tests.fakes.twilio_server import FakeTwilio
from tests.fakes.whatsapp_cloud_server import FakeWhatsAppCloud


def _wait_for(predicate: object, seconds: float = 6.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def _finish(ws: Workspace, row_id: int, provider_message_id: str) -> None:
    with ws.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO outbox_attempts (outbox_id, attempt_no, provider, started_at) "
                             "VALUES (?, 1, 'x', CURRENT_TIMESTAMP)", (row_id,))
    OutboxStore(ws.engine).finish([Finish(row_id, 1, state="sent", outcome="accepted",
                                          provider_message_id=provider_message_id)], datetime.now(UTC))


def test_twilio_status_before_the_sid_is_stored(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeTwilio() as fake:
        options = {"account_sid": fake.account_sid, "from": "+15017122661"}
        account(workspace, "tw", "twilio", fake.url, options=options, secrets={"auth_token": fake.auth_token})
        row_id, _ = sent_row(workspace, provider="tw", channel="sms", address="+79991234567",
                             provider_message_id=None, state="sending")
        [result] = send(Twilio, config("twilio", fake.url, options=options, secrets={"auth_token": fake.auth_token}),
                        request("+79991234567", {"text": "Привет"}, channel="sms"))
        url = receiver.url + "/callbacks/tw"
        body, headers = fake.status_callback(url, result.provider_message_id, "delivered")
        assert deliver(url, body, headers) == 200  # answered at once; the row does not carry the sid yet
        assert events(workspace, row_id) == []
        _finish(workspace, row_id, result.provider_message_id)
        assert _wait_for(lambda: row(workspace, row_id)["state"] == "delivered")
    assert events(workspace, row_id) == [("sent", "send"), ("delivered", "callback")]


def test_meta_status_while_the_row_is_sending(workspace: Workspace, receiver: RunningReceiver) -> None:
    with FakeWhatsAppCloud() as fake:
        options = {"phone_number_id": fake.phone_number_id}
        secrets = {"access_token": fake.token, "app_secret": fake.app_secret}
        account(workspace, "wa", "whatsapp-cloud", fake.url, options=options, secrets=secrets)
        row_id, message_id = sent_row(workspace, provider="wa", channel="whatsapp", address="+79991234567",
                                      provider_message_id=None, state="sending")
        [result] = send(WhatsAppCloud, config("whatsapp-cloud", fake.url, options=options, secrets=secrets),
                        request("+79991234567", {"template": "order_ready", "params": ["42"]}, channel="whatsapp",
                                message_id=message_id, outbox_id=row_id))
        body, headers = fake.webhook(fake.received[-1], "delivered")
        assert deliver(receiver.url + "/callbacks/wa", body, headers) == 200
        time.sleep(1.5)  # a retry round passes while the row is still sending: nothing is written
        assert row(workspace, row_id)["state"] == "sending" and events(workspace, row_id) == []
        _finish(workspace, row_id, result.provider_message_id)
        assert _wait_for(lambda: row(workspace, row_id)["state"] == "delivered")
    assert events(workspace, row_id) == [("sent", "send"), ("delivered", "callback")]
    assert row(workspace, row_id)["provider_message_id"] == result.provider_message_id


def test_waiting_statuses_are_stored_when_the_receiver_stops(workspace: Workspace) -> None:
    import asyncio

    from app.providers.base import DeliveryStatus
    from app.providers.webhook.inbound import CallbackStatus
    from app.receiver.deferred import DeferredStatuses
    from app.receiver.routes import ReceiverContext
    from app.secrets import SecretStore

    row_id, message_id = sent_row(workspace, provider="wa", channel="whatsapp", address="+79991234567",
                                  provider_message_id=None, state="sending")
    status = CallbackStatus("wamid.X", DeliveryStatus.DELIVERED, datetime.now(UTC), message_id=message_id,
                            event_id="wamid.X:delivered")
    stranger = CallbackStatus("SMnobody", DeliveryStatus.DELIVERED, datetime.now(UTC), event_id="SMnobody:delivered")

    async def go() -> int:
        queue = DeferredStatuses(ReceiverContext(workspace, SecretStore(workspace.root)), interval=0.05)
        queue.start()
        queue.add("wa", "whatsapp", [status, stranger])
        await asyncio.sleep(0.3)
        waiting = len(queue)  # both still waiting: the row is sending, the sid is unknown
        await queue.close()
        return waiting

    assert asyncio.run(go()) == 2
    # On stop the status is kept as an event of its message (the state is left to the send result).
    assert events(workspace, row_id) == [("delivered", "callback")]
    assert row(workspace, row_id)["state"] == "sending"
