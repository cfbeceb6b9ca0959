"""Fake SendGrid v3: `POST /v3/mail/send` (202, X-Message-Id), `GET /v3/scopes`, signed Event Webhook bodies."""

from __future__ import annotations

import base64
import json
import secrets
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeSendGrid"]


def _errors(*items: tuple[str | None, str]) -> dict:
    return {"errors": [{"field": field, "message": message, "help": None} for field, message in items]}


class FakeSendGrid(FakeServer):
    """Speaks SendGrid's Mail Send API; `received` holds one dict per accepted letter.

    Switches: `api_key`, `scopes`. `rate_limit(seconds)` answers the next request with the real
    429 shape (`X-RateLimit-Reset` epoch, no Retry-After). `events(...)` builds Event Webhook
    bodies, signed with `sign(...)` by the key whose public half is `public_key_b64`.
    """

    def __init__(self, api_key: str = "SG.test-key", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.api_key = api_key
        self.scopes = ["mail.send", "user.profile.read"]
        self.received: list[dict] = []
        #: Suppressions API lists: kind ("unsubscribes", "bounces", "spam_reports") → entries.
        self.suppressions: dict[str, list[dict]] = {"unsubscribes": [], "bounces": [], "spam_reports": []}
        self._private = ec.generate_private_key(ec.SECP256R1())
        der = self._private.public_key().public_bytes(serialization.Encoding.DER,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
        self.public_key_b64 = base64.b64encode(der).decode()

    def rate_limit(self, seconds: int, times: int = 1) -> int:
        """Answer the next `times` requests with 429; returns the X-RateLimit-Reset epoch."""
        reset = int(time.time()) + seconds
        self.faults.fail(429, _errors((None, "too many requests")), times=times,
                         headers={"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "0",
                                  "X-RateLimit-Reset": str(reset)})
        return reset

    def handle(self, request: Request) -> Reply:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            return Reply(401, _errors((None, "authorization required")))
        if request.path == "/v3/scopes" and request.method == "GET":
            return Reply(200, {"scopes": self.scopes})
        kind = request.path.removeprefix("/v3/suppression/")
        if kind in self.suppressions and request.method == "GET":
            since = int(request.query.get("start_time") or 0)
            offset, limit = int(request.query.get("offset") or 0), int(request.query.get("limit") or 500)
            items = [e for e in self.suppressions[kind] if e["created"] >= since]
            return Reply(200, items[offset:offset + limit])
        if request.path != "/v3/mail/send":
            return Reply(404, _errors((None, "resource not found")))
        if request.method != "POST":
            return Reply(405, _errors((None, "method not allowed")))
        body = request.json
        if not isinstance(body, dict):
            return Reply(400, _errors((None, "Bad Request")))
        problems = self._validate(body)
        if problems:
            return Reply(400, _errors(*problems))
        message_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).decode().rstrip("=")
        with self.lock:
            for person in body["personalizations"]:
                self.received.append({"x_message_id": message_id, "to": [t["email"] for t in person["to"]],
                                      "subject": person.get("subject", body.get("subject")),
                                      "custom_args": {**body.get("custom_args", {}), **person.get("custom_args", {})},
                                      "body": body})
        return Reply(202, b"", {"X-Message-Id": message_id, "X-RateLimit-Limit": "600",
                                "X-RateLimit-Remaining": "599", "X-RateLimit-Reset": str(int(time.time()) + 60)})

    @staticmethod
    def _validate(body: dict) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        people = body.get("personalizations")
        if not people:
            problems.append(("personalizations", "The personalizations field is required and must have at least one personalization."))
        if not (body.get("from") or {}).get("email"):
            problems.append(("from.email", "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter."))
        content = body.get("content") or []
        if not body.get("template_id") and not content:
            problems.append(("content", "Unless a valid template_id is provided, the content parameter is required."))
        for index, part in enumerate(content):
            if not isinstance(part.get("value"), str) or not part["value"]:
                problems.append((f"content.{index}.value", "The content value must be a string at least one character in length."))
        if len(content) > 1 and content[0].get("type") != "text/plain":
            problems.append(("content", "If present, text/plain content must be first, followed by any other content."))
        for index, person in enumerate(people or []):
            if not person.get("to"):
                problems.append((f"personalizations.{index}.to", "The to array is required for all personalization objects, and must have at least one email object with a valid email address."))
            if not (person.get("subject") or body.get("subject") or body.get("template_id")):
                problems.append(("subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined."))
        return problems

    # -- Event Webhook ----------------------------------------------------------------------
    def events(self, letter: dict, *names: str, **extra: object) -> bytes:
        """An Event Webhook body (JSON array) with one event per name for an accepted letter."""
        now = int(time.time())
        items = []
        for number, name in enumerate(names):
            event = {"email": letter["to"][0], "timestamp": now + number, "event": name,
                     "sg_event_id": base64.b64encode(secrets.token_bytes(16)).decode(),
                     "sg_message_id": f"{letter['x_message_id']}.filterdrecv-5645d9c87f-{number}.0",
                     "smtp-id": f"<{letter['x_message_id']}@geopod-ismtpd-1>", **letter["custom_args"], **extra}
            items.append(event)
        return json.dumps(items).encode()

    def sign(self, body: bytes, timestamp: str | None = None) -> dict[str, str]:
        """The two headers of a Signed Event Webhook request for `body`."""
        stamp = timestamp or str(int(time.time()))
        signature = self._private.sign(stamp.encode() + body, ec.ECDSA(hashes.SHA256()))
        return {"x-twilio-email-event-webhook-signature": base64.b64encode(signature).decode(),
                "x-twilio-email-event-webhook-timestamp": stamp, "content-type": "application/json",
                "user-agent": "SendGrid Event API"}
