"""Signed status callbacks travel over real HTTP from the fakes and still verify in the adapters."""

from __future__ import annotations

from app.providers.base import DeliveryStatus
from app.providers.email.mailgun import Mailgun
from app.providers.sms.twilio import Twilio
from app.providers.webhook.inbound import InboundCallback
from app.providers.whatsapp.cloud_api import WhatsAppCloud
from tests.app.providers.kit import config, request, send
from tests.fakes.base import FakeServer, Reply, Request
from tests.fakes.callbacks import deliver
from tests.fakes.mailgun_server import FakeMailgun
from tests.fakes.twilio_server import FakeTwilio
from tests.fakes.whatsapp_cloud_server import FakeWhatsAppCloud


class Receiver(FakeServer):
    """Stands in for the engine's status receiver: records raw requests, answers 200."""

    def handle(self, request: Request) -> Reply:
        return Reply(200, b"")

    def inbound(self, index: int = -1) -> InboundCallback:
        raw = self.requests[index]
        query = "&".join(f"{k}={v}" for k, v in raw.query.items())
        return InboundCallback(raw.method, self.url + raw.path + (f"?{query}" if query else ""), raw.headers, raw.body)


def test_twilio_callback_verifies_after_transport() -> None:
    with FakeTwilio() as twilio, Receiver() as receiver:
        cfg = config("twilio", twilio.url, options={"account_sid": twilio.account_sid, "from": "+15017122661"},
                     secrets={"auth_token": twilio.auth_token})
        sid = send(Twilio, cfg, request("+79991234567", {"text": "Привет"}, channel="sms"))[0].provider_message_id
        body, headers = twilio.status_callback(receiver.url + "/status/twilio", sid, "delivered")
        assert deliver(receiver.url + "/status/twilio", body, headers) == 200
        [update] = Twilio(cfg).parse_callback(receiver.inbound())
    assert (update.provider_message_id, update.status) == (sid, DeliveryStatus.DELIVERED)


def test_meta_and_mailgun_callbacks_verify_after_transport() -> None:
    with FakeWhatsAppCloud() as meta, FakeMailgun() as mailgun, Receiver() as receiver:
        wa_cfg = config("whatsapp-cloud", meta.url, options={"phone_number_id": meta.phone_number_id},
                        secrets={"access_token": meta.token, "app_secret": meta.app_secret})
        send(WhatsAppCloud, wa_cfg, request("+79991234567", {"template": "order_ready", "params": ["42"]},
                                            channel="whatsapp"))
        body, headers = meta.webhook(meta.received[0], "delivered", "read")
        assert deliver(receiver.url + "/status/meta", body, headers) == 200
        statuses = [u.status for u in WhatsAppCloud(wa_cfg).parse_callback(receiver.inbound())]

        mg_cfg = config("mailgun", mailgun.url, options={"domain": "mg.shop.example", "from": "news@shop.example"},
                        secrets={"api_key": mailgun.api_key, "webhook_signing_key": mailgun.signing_key})
        send(Mailgun, mg_cfg, request("ivan@example.org", {"subject": "s", "text": "t"}))
        body = mailgun.webhook(mailgun.received[0], "delivered")
        assert deliver(receiver.url + "/status/mailgun", body, {"content-type": "application/json"}) == 200
        [mail] = Mailgun(mg_cfg).parse_callback(receiver.inbound())
    assert statuses == [DeliveryStatus.DELIVERED, DeliveryStatus.READ]
    assert mail.status is DeliveryStatus.DELIVERED and mail.message_id == "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f"
