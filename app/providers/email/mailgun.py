"""Mailgun: `POST /v3/{domain}/messages` (multipart form), our id in `v:` vars, signed webhooks.

Wire format (Mailgun API docs, cross-checked with django-anymail): HTTP Basic `api:<key>`,
multipart/form-data fields `from`, `to`, `subject`, `text`, `html`, `h:<Header>` for custom
headers (Reply-To, List-Unsubscribe ...), `v:<name>` custom variables (echoed in webhooks as
`user-variables`). Success: `200 {"id": "<...@domain>", "message": "Queued. Thank you."}`.
Errors: 400 `{"message": ...}`, 401 plain `Forbidden`, 404 unknown domain, 429, 5xx.
No idempotency key, so an unanswered request stays `unknown`.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, StatusUpdate, register
from app.providers.email._api import Suppression, extra_headers, sender_parts
from app.providers.webhook.inbound import (
    CallbackRejected,
    CallbackStatus,
    InboundCallback,
    from_timestamp,
    same_digest,
)

__all__ = ["Mailgun", "mailgun_signature"]

ID_VAR = "kaskad_id"
_SUPPRESSION_LISTS = (("unsubscribes", "unsubscribed"), ("bounces", "bounced"), ("complaints", "complained"))
OUTBOX_VAR = "kaskad_outbox"

_EVENTS = {"accepted": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED, "opened": DeliveryStatus.READ,
           "clicked": DeliveryStatus.READ, "unsubscribed": DeliveryStatus.DELIVERED,
           "complained": DeliveryStatus.DELIVERED, "failed": DeliveryStatus.FAILED}


def _rfc2822(value: object) -> datetime:
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def mailgun_signature(signing_key: str, timestamp: str, token: str) -> str:
    """Hex HMAC-SHA256 of timestamp+token, as Mailgun signs its webhooks."""
    return hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("message") or response.text[:200])
    except (ValueError, AttributeError):
        return response.text[:200] or f"HTTP {response.status_code}"


def _basic(user: str, password: str) -> dict[str, str]:
    """An HTTP Basic Authorization header (httpx's build_request takes no `auth`)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@register
class Mailgun(HttpProvider):
    """Mailgun domain. Secrets: `api_key`, optional `webhook_signing_key`. Option: `domain` (required),
    `from`, `from_name`, `testmode` (1 = accepted but not delivered).

    Base URL: `https://api.mailgun.net` (EU: `https://api.eu.mailgun.net`).
    """

    type = "mailgun"
    channel = "email"
    default_base_url = "https://api.mailgun.net"
    max_batch = 1
    polls_status = True

    def _domain(self) -> str:
        domain = str(self.config.option("domain", "")).strip()
        if not domain:
            raise ProviderAuth(f"provider {self.config.name!r}: set the sending domain (--option domain=mg.example.com)")
        return domain

    def _auth(self) -> dict[str, str]:
        return _basic("api", self.config.secret("api_key"))

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        payload = request.payload
        name, address = sender_parts(request, self.config.options)
        sender = f'"{name}" <{address}>' if name else address
        fields: list[tuple[str, str]] = [("from", sender), ("to", request.to), ("subject", payload.get("subject", ""))]
        fields += [(key, payload[key]) for key in ("text", "html") if payload.get(key)] or [("text", " ")]
        reply_to = payload.get("reply_to") or self.config.option("reply_to")
        if reply_to:
            fields.append(("h:Reply-To", reply_to))
        fields += [(f"h:{k}", v) for k, v in extra_headers(request).items()]
        fields += [(f"v:{ID_VAR}", request.message_id), (f"v:{OUTBOX_VAR}", str(request.outbox_id))]
        if str(self.config.option("testmode", "")) in ("1", "true"):
            fields.append(("o:testmode", "yes"))
        # Multipart as documented; (None, value) parts carry no filename, i.e. plain fields.
        files = [(key, (None, value.encode("utf-8"))) for key, value in fields]
        url = self.url(f"/v3/{self._domain()}/messages")
        return self.http.build_request("POST", url, files=files, headers=self._auth())

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        if response.status_code in (401, 403):
            return SendResult.account(f"Mailgun refused the API key (HTTP {response.status_code}: "
                                      f"{_message(response)})", str(response.status_code))
        if response.status_code == 404:
            return SendResult.account(f"Mailgun does not know this domain: {_message(response)}", "404")
        return super().classify_http_status(response)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        if response.status_code == 200:
            message_id = str(response.json()["id"]).strip()
            # Events and webhooks show the id without the angle brackets.
            return [SendResult.accepted(message_id.strip("<>"))]
        text = f"Mailgun refused the letter (HTTP {response.status_code}): {_message(response)}"
        if 400 <= response.status_code < 500:
            return [SendResult.permanent(text, str(response.status_code))]
        return [SendResult.unknown(text, str(response.status_code))]

    async def check(self) -> str:
        request = self.http.build_request("GET", self.url(f"/v3/domains/{self._domain()}"), headers=self._auth())
        response = await self.call(request)
        if response.status_code == 404:
            raise ProviderAuth(f"Mailgun does not know the domain {self._domain()!r}")
        state = (response.json().get("domain") or {}).get("state", "")
        return f"Mailgun: connected, domain {self._domain()} is {state or 'known'}"

    async def fetch_suppressions(self, since: datetime | None = None) -> list[Suppression]:
        """The domain's unsubscribes, bounces and complaints (Suppressions API, paged)."""
        found: list[Suppression] = []
        for kind, reason in _SUPPRESSION_LISTS:
            url: str | None = self.url(f"/v3/{self._domain()}/{kind}?limit=1000")
            while url:
                body = (await self.call(self.http.build_request("GET", url, headers=self._auth()))).json()
                items = body.get("items") or []
                for item in items:
                    at = _rfc2822(item.get("created_at"))
                    if since is None or at >= since:
                        detail = str(item.get("error") or item.get("code") or "")
                        found.append(Suppression.make(item["address"], reason, at, detail))
                following = (body.get("paging") or {}).get("next")
                # Follow paging only on the same API host: our key must not travel elsewhere.
                url = following if items and following and following.startswith(self.base_url + "/") else None
        return found

    # -- webhooks -----------------------------------------------------------------------
    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """One status from a JSON webhook `{"signature": {...}, "event-data": {...}}`."""
        body = callback.json()
        if not isinstance(body, dict) or not isinstance(body.get("signature"), dict):
            raise CallbackRejected("not a Mailgun webhook: the 'signature' object is missing")
        sig = body["signature"]
        key = self.config.secrets.get("webhook_signing_key") or self.config.secret("api_key")
        expected = mailgun_signature(key, str(sig.get("timestamp", "")), str(sig.get("token", "")))
        if not same_digest(expected, str(sig.get("signature", ""))):
            raise CallbackRejected("Mailgun webhook signature does not match the signing key")
        update = _status_from_event(body.get("event-data") or {})
        return [update] if update is not None else []

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        """Every stored event of each message, oldest first (Events API, kept ≥ 3 days)."""
        updates: list[StatusUpdate] = []
        for provider_id, _address in sent:
            request = self.http.build_request(
                "GET", self.url(f"/v3/{self._domain()}/events"), headers=self._auth(),
                params={"message-id": provider_id, "ascending": "yes", "limit": "300"})
            for item in (await self.call(request)).json().get("items") or []:
                update = _status_from_event(item)
                if update is not None:
                    updates.append(update)
        return updates


def _status_from_event(data: dict) -> CallbackStatus | None:
    """The status in one Mailgun event-data object (webhook or Events API), or None."""
    name = str(data.get("event", ""))
    status = _EVENTS.get(name)
    if status is None:
        return None
    severity = str(data.get("severity", ""))
    delivery = data.get("delivery-status") or {}
    if name == "failed" and severity == "temporary":
        status = DeliveryStatus.SENT  # Mailgun keeps retrying; not final
    detail = str(delivery.get("description") or delivery.get("message") or data.get("reason") or "")
    suppress = name in ("unsubscribed", "complained") or (name == "failed" and severity == "permanent")
    headers = (data.get("message") or {}).get("headers") or {}
    variables = data.get("user-variables") or {}
    code = name if not delivery.get("code") else f"{name} {delivery['code']}"
    return CallbackStatus(str(headers.get("message-id", "")).strip("<>"), status, from_timestamp(data.get("timestamp")),
                          code=code, detail=detail, message_id=str(variables.get(ID_VAR) or ""),
                          event_id=str(data.get("id") or ""), suppress=suppress,
                          address=str(data.get("recipient") or ""))
