"""Wazzup24 API v3: `POST /v3/message` with our message id as `crmMessageId`, status webhooks.

Wire format (wazzup24.ru API docs, cross-checked with a client built against the live API):
Bearer API key, JSON `{"channelId", "chatType": "whatsapp", "chatId": <digits>, "text"}` or a
WABA template (`templateId` + `templateValues`), and `crmMessageId` — Wazzup refuses the same
crmMessageId within 60 s with `REPEATED_CRM_MESSAGE_ID`, our duplicate guard. Success:
`201 {"messageId", "chatId"}`. Errors: 4xx `{"error": CODE, "description", "data"}`; 429 at
500 requests per 5 s (no Retry-After: wait 5 s). Webhooks are unsigned, so the receiver URL
carries a secret token that is checked here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth, ProviderPermanent
from app.providers.base import (
    DeliveryStatus,
    HttpProvider,
    SendRequest,
    SendResult,
    parse_retry_after,
    register,
)
from app.providers.webhook.inbound import CallbackRejected, CallbackStatus, InboundCallback, same_digest

__all__ = ["Wazzup"]

_ACCOUNT = {"BALANCE_IS_EMPTY", "CHANNEL_NOT_FOUND", "CHANNEL_BLOCKED", "CHANNEL_WAPI_REJECTED",
            "CHANNEL_NO_MONEY", "NO_SUCH_ACCOUNT", "WRONG_TRANSPORT", "TEMPLATE_REJECTED", "MESSAGES_IS_SPAM"}
_TRANSIENT = {"MESSAGE_CHANNEL_UNAVAILABLE": 60.0, "CHANNEL_LIMIT_EXCEEDED": 3600.0}
_STATUS = {"sent": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED, "read": DeliveryStatus.READ,
           "error": DeliveryStatus.FAILED, "failed": DeliveryStatus.FAILED}
#: Wazzup asks to wait at least 5 s after a 429 and sends no Retry-After.
RATE_LIMIT_WAIT = 5.0


def _error(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
    except ValueError:
        return "", response.text[:200]
    if not isinstance(body, dict):
        return "", ""
    description = str(body.get("description") or "")
    fields = (body.get("data") or {}).get("fields") if isinstance(body.get("data"), dict) else None
    if fields:
        description += f" (fields: {fields})"
    return str(body.get("error") or ""), description


def _iso(value: object) -> datetime:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)


@register
class Wazzup(HttpProvider):
    """Wazzup24 account. Secrets: `api_key`, `webhook_token` (the `token` in the webhook URL).
    Options: `channel_id` (required), `chat_type` (default "whatsapp"), `crm_user_id`.
    Payload: `text`, or `template_id` + `template_values`.
    """

    type = "wazzup"
    channel = "whatsapp"
    default_base_url = "https://api.wazzup24.com"
    max_batch = 1

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.config.secret('api_key')}"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        channel = self.config.option("channel_id")
        if not channel:
            raise ProviderAuth(f"provider {self.config.name!r}: set --option channel_id=... (Wazzup channel)")
        payload = request.payload
        body: dict = {"channelId": channel, "chatType": self.config.option("chat_type", "whatsapp"),
                      "chatId": request.to.lstrip("+"), "crmMessageId": request.message_id}
        if payload.get("template_id"):
            body["templateId"] = payload["template_id"]
            body["templateValues"] = [str(v) for v in payload.get("template_values") or []]
        elif payload.get("text"):
            body["text"] = payload["text"]
        else:
            raise ProviderPermanent("the WhatsApp message has neither text nor a template")
        if self.config.option("crm_user_id"):
            body["crmUserId"] = self.config.option("crm_user_id")
        return self.http.build_request("POST", self.url("/v3/message"), json=body, headers=self._headers())

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        if response.status_code == 429:
            wait = parse_retry_after(response.headers.get("Retry-After"))
            return SendResult.transient("Wazzup rate limit (500 requests per 5 s)", "429",
                                        retry_after=wait if wait is not None else RATE_LIMIT_WAIT)
        if response.status_code in (401, 403):
            code, description = _error(response)
            return SendResult.account(f"Wazzup refused the API key (HTTP {response.status_code}) {code} {description}".strip(),
                                      str(response.status_code))
        return super().classify_http_status(response)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        if response.status_code in (200, 201):
            return [SendResult.accepted(str(response.json()["messageId"]))]
        code, description = _error(response)
        text = f"Wazzup error {code or response.status_code}: {description}".rstrip(": ")
        if code == "REPEATED_CRM_MESSAGE_ID":
            return [SendResult.duplicate(text + " (already sent within the last minute)", code)]
        if code in _ACCOUNT:
            return [SendResult.account(text, code)]
        if code in _TRANSIENT:
            return [SendResult.transient(text, code, retry_after=_TRANSIENT[code])]
        if 400 <= response.status_code < 500:
            return [SendResult.permanent(text, code or str(response.status_code))]
        return [SendResult.unknown(text, code or str(response.status_code))]

    async def check(self) -> str:
        response = await self.call(self.http.build_request("GET", self.url("/v3/channels"), headers=self._headers()))
        channels = response.json()
        wanted = self.config.option("channel_id")
        for channel in channels if isinstance(channels, list) else []:
            if channel.get("channelId") == wanted:
                if channel.get("state") != "active":
                    raise ProviderAuth(f"Wazzup: the channel {channel.get('plainId', wanted)} is {channel.get('state')}")
                return f"Wazzup: connected, channel {channel.get('plainId', wanted)} is active"
        raise ProviderAuth(f"Wazzup: no channel {wanted!r} in this account")

    # -- webhooks -------------------------------------------------------------------------
    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """Statuses from a webhook POST; the URL's `token` must equal the `webhook_token` secret."""
        if not same_digest(self.config.secret("webhook_token"), callback.query.get("token", "")):
            raise CallbackRejected("Wazzup webhook with a wrong or missing token in the URL")
        body = callback.json()
        if not isinstance(body, dict):
            raise CallbackRejected("a Wazzup webhook body is a JSON object")
        updates = []
        for item in body.get("statuses") or []:  # {"test": true} and message-only bodies carry none
            name = str(item.get("status", ""))
            if name not in _STATUS:  # "edited" and the like say nothing about delivery
                continue
            error = item.get("error") or {}
            updates.append(CallbackStatus(
                str(item.get("messageId", "")), _STATUS[name], _iso(item.get("timestamp")),
                code=str(error.get("error") or name), detail=str(error.get("description") or ""),
                event_id=f"{item.get('messageId')}:{name}:{item.get('timestamp')}"))
        return updates
