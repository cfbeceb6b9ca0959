"""Fake webhook receiver: a customer endpoint that verifies Standard Webhooks signatures and deduplicates."""

from __future__ import annotations

from app.providers.webhook.signing import verify
from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeWebhookReceiver"]


class FakeWebhookReceiver(FakeServer):
    """Accepts signed POSTs on any path; `events` holds each distinct delivery (by `webhook-id`).

    Switches: `secret` (whsec_...), `answer` (status for valid requests, default 204),
    `redirect_to` (answer 307 with this Location). A bad signature gets 401.
    """

    def __init__(self, secret: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.secret = secret
        self.answer = 204
        self.redirect_to = ""
        self.events: dict[str, dict] = {}
        self.deliveries = 0

    def handle(self, request: Request) -> Reply:
        if request.method != "POST":
            return Reply(405, {"error": "method not allowed"})
        if self.redirect_to:
            return Reply(307, b"", {"Location": self.redirect_to})
        if not verify(self.secret, request.headers, request.body):
            return Reply(401, {"error": "invalid signature"})
        with self.lock:
            self.deliveries += 1
            self.events.setdefault(request.headers["webhook-id"], request.json)
        return Reply(self.answer, b"" if self.answer == 204 else {"ok": True})
