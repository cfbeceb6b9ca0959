"""Fake Mailgun: `POST /v3/{domain}/messages` (multipart), `GET /v3/domains/{domain}`, signed webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import secrets
import time
from email.parser import BytesParser
from email.policy import HTTP

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeMailgun", "parse_multipart"]


def parse_multipart(content_type: str, body: bytes) -> list[tuple[str, str]]:
    """(name, value) of every part of a multipart/form-data body, in order."""
    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        fields.append((str(name), part.get_payload(decode=True).decode("utf-8")))
    return fields


class FakeMailgun(FakeServer):
    """Speaks Mailgun's Messages API; `received` holds the form fields of every accepted letter.

    Switches: `api_key`, `domains`, `signing_key` (for `webhook(...)` bodies).
    """

    def __init__(self, api_key: str = "key-test", domain: str = "mg.shop.example", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.api_key = api_key
        self.domains = {domain}
        self.signing_key = "whk-signing-key"
        self.received: list[dict] = []
        #: stored events per message id (what the Events API answers), oldest first.
        self.stored_events: dict[str, list[dict]] = {}
        #: Suppressions API lists: "unsubscribes", "bounces", "complaints" → entries.
        self.suppressions: dict[str, list[dict]] = {"unsubscribes": [], "bounces": [], "complaints": []}
        self._seq = itertools.count(1)

    def _authorised(self, request: Request) -> bool:
        expected = "Basic " + base64.b64encode(f"api:{self.api_key}".encode()).decode()
        return request.headers.get("authorization") == expected

    def handle(self, request: Request) -> Reply:
        if not self._authorised(request):
            return Reply(401, "Forbidden")
        parts = request.path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "v3" and parts[2] == "messages" and request.method == "POST":
            return self._send(request, parts[1])
        if len(parts) == 3 and parts[0] == "v3" and parts[2] in self.suppressions and request.method == "GET":
            return self._suppressions(request, parts[1], parts[2])
        if len(parts) == 3 and parts[0] == "v3" and parts[2] == "events" and request.method == "GET":
            if parts[1] not in self.domains:
                return Reply(404, {"message": f"Domain not found: {parts[1]}"})
            with self.lock:
                items = list(self.stored_events.get(request.query.get("message-id", ""), []))
            if request.query.get("ascending") != "yes":
                items.reverse()
            base = f"{self.url}/v3/{parts[1]}/events"
            return Reply(200, {"items": items[: int(request.query.get("limit") or 100)],
                               "paging": {"next": f"{base}/W3sib2Zmc2V0IjogMX1d", "previous": f"{base}/W3siYiI6IDF9XQ==",
                                          "first": f"{base}/W3siZiI6IDF9XQ==", "last": f"{base}/W3siTCI6IDF9XQ=="}})
        if len(parts) == 3 and parts[:2] == ["v3", "domains"] and request.method == "GET":
            if parts[2] not in self.domains:
                return Reply(404, {"message": "Domain not found"})
            return Reply(200, {"domain": {"name": parts[2], "state": "active", "type": "custom"},
                               "receiving_dns_records": [], "sending_dns_records": []})
        return Reply(404, {"message": "Not Found"})

    def _suppressions(self, request: Request, domain: str, kind: str) -> Reply:
        if domain not in self.domains:
            return Reply(404, {"message": f"Domain not found: {domain}"})
        # Pages are addressed by a position token, as Mailgun's opaque `page`/`address` cursors are.
        start, limit = int(request.query.get("p") or 0), int(request.query.get("limit") or 100)
        items = self.suppressions[kind][start:start + limit]
        base = f"{self.url}/v3/{domain}/{kind}?limit={limit}"
        return Reply(200, {"items": items, "paging": {"first": base, "last": f"{base}&page=last",
                                                      "next": f"{base}&p={start + limit}",
                                                      "previous": f"{base}&p={max(0, start - limit)}"}})

    def _send(self, request: Request, domain: str) -> Reply:
        if domain not in self.domains:
            return Reply(404, {"message": f"Domain not found: {domain}"})
        ctype = request.headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            return Reply(400, {"message": "Unsupported content type"})
        fields = parse_multipart(ctype, request.body)
        form: dict[str, list[str]] = {}
        for name, value in fields:
            form.setdefault(name, []).append(value)
        for required in ("from", "to"):
            if not any(v.strip() for v in form.get(required, [])):
                return Reply(400, {"message": f"'{required}' parameter is missing"})
        if not any(v.strip() for k in ("text", "html", "amp-html", "template") for v in form.get(k, [])):
            return Reply(400, {"message": "Need at least one of 'text', 'html', 'amp-html' or 'template' parameters specified"})
        message_id = f"{time.strftime('%Y%m%d%H%M%S')}.{next(self._seq)}.{secrets.token_hex(8).upper()}@{domain}"
        letter = {"id": message_id, "fields": fields, "form": form}
        with self.lock:
            self.received.append(letter)
        self.add_event(letter, "accepted")
        return Reply(200, {"id": f"<{message_id}>", "message": "Queued. Thank you."})

    def event_data(self, letter: dict, event: str, **extra: object) -> dict:
        """One event-data object for an accepted letter, as webhooks and the Events API show it."""
        form = letter["form"]
        variables = {k[2:]: v[-1] for k, v in form.items() if k.startswith("v:")}
        return {"event": event, "timestamp": time.time(), "id": secrets.token_urlsafe(16),
                "recipient": form["to"][0], "recipient-domain": form["to"][0].rpartition("@")[2], "tags": [],
                "user-variables": variables, "log-level": "info",
                "message": {"headers": {"to": form["to"][0], "message-id": letter["id"], "from": form["from"][0],
                                        "subject": form.get("subject", [""])[0]}, "attachments": [], "size": 809},
                "delivery-status": {"tls": True, "attempt-no": 1, "description": "", "code": 250, "message": "OK"},
                "flags": {"is-routed": False, "is-authenticated": True, "is-test-mode": False}, **extra}

    def add_event(self, letter: dict, event: str, **extra: object) -> dict:
        """Store an event for the Events API and return it."""
        data = self.event_data(letter, event, **extra)
        with self.lock:
            self.stored_events.setdefault(letter["id"], []).append(data)
        return data

    def webhook(self, letter: dict, event: str, **extra: object) -> bytes:
        """A signed JSON webhook body for an accepted letter."""
        stamp = str(int(time.time()))
        token = secrets.token_hex(25)
        signature = hmac.new(self.signing_key.encode(), f"{stamp}{token}".encode(), hashlib.sha256).hexdigest()
        return json.dumps({"signature": {"timestamp": stamp, "token": token, "signature": signature},
                           "event-data": self.event_data(letter, event, **extra)}).encode()
