"""Fake Wazzup24 API v3: `POST /v3/message` with crmMessageId dedupe, `GET /v3/channels`, 429 limit, webhooks."""

from __future__ import annotations

import json
import time
import uuid

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeWazzup"]

CHAT_TYPES = {"whatsapp", "whatsgroup", "viber", "instagram", "telegram", "telegroup", "vk", "avito", "max", "maxgroup"}


def _error(code: str, description: str, status: int = 400, data: dict | None = None) -> Reply:
    body: dict = {"error": code, "description": description}
    if data is not None:
        body["data"] = data
    return Reply(status, body)


class FakeWazzup(FakeServer):
    """Speaks Wazzup's v3 API; `received` holds (chatId, text or template, crmMessageId, messageId).

    A repeated `crmMessageId` within 60 s answers `REPEATED_CRM_MESSAGE_ID`, as Wazzup does.
    Switches: `api_key`, `channels` {channelId: state}, `bad_contacts` (BAD_CONTACT),
    `balance_empty`, `limit_per_5s` (429 beyond it; the real limit is 500).
    """

    def __init__(self, api_key: str = "wz-key", channel_id: str = "9a3c2b7e-8f1d-4c5a-9b2e-1f0a7c3d5e6f",
                 **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.api_key = api_key
        self.channels = {channel_id: "active"}
        self.bad_contacts: set[str] = set()
        self.balance_empty = False
        self.limit_per_5s = 500
        self.received: list[tuple[str, str, str, str]] = []
        self._crm: dict[str, float] = {}
        self._window: list[float] = []

    def handle(self, request: Request) -> Reply:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            return _error("UNAUTHORIZED", "Invalid API key", 401)
        now = time.time()
        with self.lock:
            self._window = [t for t in self._window if now - t < 5] + [now]
            if len(self._window) > self.limit_per_5s:
                return _error("TOO_MANY_REQUESTS", "Too many requests", 429)
        if request.path == "/v3/channels" and request.method == "GET":
            return Reply(200, [{"channelId": cid, "transport": "whatsapp", "plainId": "79991234567", "state": state}
                               for cid, state in self.channels.items()])
        if request.path == "/v3/message" and request.method == "POST":
            return self._send(request.json if isinstance(request.json, dict) else {}, now)
        return _error("NOT_FOUND", "Route not found", 404)

    def _send(self, body: dict, now: float) -> Reply:
        bad = [f for f in ("channelId", "chatType", "chatId") if not body.get(f)]
        has_text, has_file, has_tpl = bool(body.get("text")), bool(body.get("contentUri")), bool(body.get("templateId"))
        if has_text + has_file + has_tpl != 1:
            bad.append("text")
        if body.get("chatType") and body["chatType"] not in CHAT_TYPES:
            bad.append("chatType")
        if bad:
            return _error("INVALID_MESSAGE_DATA", "Invalid message data", data={"fields": bad})
        if body["channelId"] not in self.channels:
            return _error("CHANNEL_NOT_FOUND", "Channel not found")
        if self.channels[body["channelId"]] == "blocked":
            return _error("CHANNEL_BLOCKED", "Channel is blocked")
        if self.balance_empty:
            return _error("BALANCE_IS_EMPTY", "Balance is empty")
        crm = body.get("crmMessageId")
        with self.lock:
            if crm and now - self._crm.get(crm, -1e9) < 60:
                return _error("REPEATED_CRM_MESSAGE_ID", "Message with this crmMessageId already sent")
            if crm:
                self._crm[crm] = now
        if body["chatId"] in self.bad_contacts:
            return _error("BAD_CONTACT", "Contact is not on WhatsApp")
        message_id = str(uuid.uuid4())
        content = body.get("text") or f"template:{body.get('templateId')}:{body.get('templateValues')}"
        with self.lock:
            self.received.append((body["chatId"], content, crm or "", message_id))
        return Reply(201, {"messageId": message_id, "chatId": body["chatId"]})

    @staticmethod
    def webhook(message_id: str, *statuses: str, error: str = "") -> bytes:
        """A webhook body with one status item per name (Wazzup signs nothing)."""
        items = []
        for status in statuses:
            item: dict = {"messageId": message_id, "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                          "status": status}
            if status == "error":
                item["error"] = {"error": error or "BAD_CONTACT", "description": "Contact is not on WhatsApp"}
            items.append(item)
        return json.dumps({"statuses": items}).encode()
