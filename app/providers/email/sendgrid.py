"""SendGrid v3 Mail Send: `POST /v3/mail/send`, our message id in `custom_args`, Event Webhook.

Wire format (SendGrid v3 docs, cross-checked with django-anymail's backend): Bearer API key,
JSON body with one personalization per message (every letter is personalised), `from`,
`reply_to`, `subject`, `content` (text/plain before text/html) and custom `headers`
(List-Unsubscribe ...). Success is `202 Accepted` with an empty body and the id in the
`X-Message-Id` header. Rate limits answer 429 with `X-RateLimit-Reset` (epoch seconds) and
no Retry-After. SendGrid has no idempotency key: an unanswered request stays `unknown`.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Sequence
from datetime import datetime

import httpx
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_der_public_key, load_pem_public_key

from app.errors import ProviderAuth
from app.providers.base import (
    DeliveryStatus,
    HttpProvider,
    SendRequest,
    SendResult,
    parse_retry_after,
    register,
)
from app.providers.email._api import Suppression, extra_headers, sender_parts
from app.providers.webhook.inbound import CallbackRejected, CallbackStatus, InboundCallback, from_timestamp

__all__ = ["SendGrid", "rate_limit_wait"]

#: custom_args keys; SendGrid flattens them into every event of the message.
ID_ARG = "kaskad_id"
OUTBOX_ARG = "kaskad_outbox"

_EVENTS = {"processed": DeliveryStatus.SENT, "deferred": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED,
           "open": DeliveryStatus.READ, "click": DeliveryStatus.READ, "dropped": DeliveryStatus.FAILED,
           "bounce": DeliveryStatus.FAILED, "spamreport": DeliveryStatus.DELIVERED,
           "unsubscribe": DeliveryStatus.DELIVERED, "group_unsubscribe": DeliveryStatus.DELIVERED}
#: drop reasons that mean "this address is already suppressed at SendGrid".
_SUPPRESSED_DROPS = ("bounced address", "unsubscribed address", "spam reporting address", "invalid")
_SUPPRESSION_LISTS = (("unsubscribes", "unsubscribed"), ("bounces", "bounced"), ("spam_reports", "complained"))
_PAGE = 500


def rate_limit_wait(response: httpx.Response, *, now: float | None = None) -> float | None:
    """Seconds to wait on a 429: Retry-After if present, else until `X-RateLimit-Reset`."""
    retry = parse_retry_after(response.headers.get("Retry-After"))
    if retry is not None:
        return retry
    reset = response.headers.get("X-RateLimit-Reset")
    try:
        return max(0.0, float(reset) - (time.time() if now is None else now)) if reset else None
    except ValueError:
        return None


def _errors(response: httpx.Response) -> str:
    try:
        items = response.json().get("errors") or []
        text = "; ".join(str(e.get("message", "")) + (f" ({e['field']})" if e.get("field") else "") for e in items)
    except (ValueError, AttributeError):
        text = response.text[:200]
    return text or f"HTTP {response.status_code}"


@register
class SendGrid(HttpProvider):
    """SendGrid account. Secret: `api_key` (and optional `webhook_public_key` for signed events).

    Options: `from`, `from_name`, `sandbox_mode` (1 = SendGrid validates but does not deliver).
    Base URL: `https://api.sendgrid.com` (EU subusers: `https://api.eu.sendgrid.com`).
    """

    type = "sendgrid"
    channel = "email"
    default_base_url = "https://api.sendgrid.com"
    max_batch = 1

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.config.secret('api_key')}"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        payload = request.payload
        name, address = sender_parts(request, self.config.options)
        sender = {"email": address, **({"name": name} if name else {})}
        # text/plain must come first; SendGrid refuses empty values.
        content = [{"type": kind, "value": payload[key]} for kind, key in (("text/plain", "text"), ("text/html", "html"))
                   if payload.get(key)] or [{"type": "text/plain", "value": " "}]
        body: dict = {
            "personalizations": [{"to": [{"email": request.to}],
                                  "custom_args": {ID_ARG: request.message_id, OUTBOX_ARG: str(request.outbox_id)}}],
            "from": sender,
            "subject": payload.get("subject", ""),
            "content": content,
        }
        reply_to = payload.get("reply_to") or self.config.option("reply_to")
        if reply_to:
            body["reply_to"] = {"email": reply_to}
        headers = extra_headers(request)
        if headers:
            body["headers"] = headers
        if str(self.config.option("sandbox_mode", "")) in ("1", "true"):
            body["mail_settings"] = {"sandbox_mode": {"enable": True}}
        return self.http.build_request("POST", self.url("/v3/mail/send"), json=body, headers=self._headers())

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        if response.status_code == 429:
            return SendResult.transient(f"SendGrid rate limit: {_errors(response)}", "429",
                                        retry_after=rate_limit_wait(response))
        if response.status_code in (401, 403):
            return SendResult.account(f"SendGrid refused the API key or sender (HTTP {response.status_code}): "
                                      f"{_errors(response)}", str(response.status_code))
        return super().classify_http_status(response)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        (request,) = batch
        if response.status_code in (200, 202):
            return [SendResult.accepted(response.headers.get("X-Message-Id") or request.message_id)]
        text = f"SendGrid refused the letter (HTTP {response.status_code}): {_errors(response)}"
        if 400 <= response.status_code < 500:
            return [SendResult.permanent(text, str(response.status_code))]
        return [SendResult.unknown(text, str(response.status_code))]

    async def check(self) -> str:
        request = self.http.build_request("GET", self.url("/v3/scopes"), headers=self._headers())
        response = await self.call(request)
        scopes = response.json().get("scopes") or []
        if "mail.send" not in scopes:
            raise ProviderAuth("SendGrid: this API key may not send mail (the 'mail.send' permission is missing)")
        return "SendGrid: connected, the API key may send mail"

    async def fetch_suppressions(self, since: datetime | None = None) -> list[Suppression]:
        """Global unsubscribes, bounces and spam reports SendGrid holds (Suppressions API)."""
        found: list[Suppression] = []
        for kind, reason in _SUPPRESSION_LISTS:
            offset = 0
            while True:
                params = {"limit": str(_PAGE), "offset": str(offset)}
                if since is not None:
                    params["start_time"] = str(int(since.timestamp()))
                request = self.http.build_request("GET", self.url(f"/v3/suppression/{kind}"), params=params,
                                                  headers=self._headers())
                items = (await self.call(request)).json()
                for item in items:
                    found.append(Suppression.make(item["email"], reason, from_timestamp(item.get("created")),
                                                  str(item.get("reason") or "")))
                if len(items) < _PAGE:
                    break
                offset += _PAGE
        return found

    # -- Event Webhook ------------------------------------------------------------------
    def verify_callback(self, callback: InboundCallback) -> None:
        """Check the ECDSA signature when a verification key is configured (Signed Event Webhook)."""
        key_text = self.config.secrets.get("webhook_public_key")
        if not key_text:
            return
        signature = callback.header("X-Twilio-Email-Event-Webhook-Signature")
        timestamp = callback.header("X-Twilio-Email-Event-Webhook-Timestamp")
        if not signature or not timestamp:
            raise CallbackRejected("SendGrid event without a signature, but signed events are configured")
        try:
            if "BEGIN PUBLIC KEY" in key_text:
                key = load_pem_public_key(key_text.encode())
            else:
                key = load_der_public_key(base64.b64decode(key_text))
            if not isinstance(key, ec.EllipticCurvePublicKey):
                raise CallbackRejected("the SendGrid verification key is not an elliptic-curve key")
            key.verify(base64.b64decode(signature), timestamp.encode() + callback.body, ec.ECDSA(hashes.SHA256()))
        except (InvalidSignature, ValueError) as exc:
            raise CallbackRejected("SendGrid event signature does not match") from exc

    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """Statuses from an Event Webhook POST (a JSON array of events)."""
        self.verify_callback(callback)
        events = callback.json()
        if not isinstance(events, list):
            raise CallbackRejected("a SendGrid event webhook body is a JSON array")
        updates = []
        for event in events:
            if not isinstance(event, dict):
                continue
            name = str(event.get("event", ""))
            status = _EVENTS.get(name)
            if status is None:
                continue
            sg_id = str(event.get("sg_message_id") or "")
            # sg_message_id = X-Message-Id + ".filterNNNN..." / ".recvd-..." suffix.
            provider_id = sg_id.split(".filter")[0].split(".recvd")[0]
            reason = str(event.get("reason") or event.get("response") or "")
            suppress = name in ("spamreport", "unsubscribe", "group_unsubscribe") or (
                name == "bounce" and event.get("type", "bounce") == "bounce") or (
                name == "dropped" and reason.lower().startswith(_SUPPRESSED_DROPS))
            updates.append(CallbackStatus(
                provider_id, status, from_timestamp(event.get("timestamp")), code=name,
                detail=reason, message_id=str(event.get(ID_ARG) or ""),
                event_id=str(event.get("sg_event_id") or ""), suppress=suppress,
                address=str(event.get("email") or "")))
        return updates


