"""Meta WhatsApp Cloud API: template messages via `POST /{version}/{phone_number_id}/messages`.

Wire format (Graph API docs, cross-checked with the pywa client): Bearer access token, JSON
`{"messaging_product": "whatsapp", "recipient_type": "individual", "to": <digits>,
"type": "template", "template": {"name", "language": {"code"}, "components": [...]},
"biz_opaque_callback_data": <our message id>}`. Success: `200 {"messages": [{"id": "wamid..."}]}`.
Errors use the Graph envelope `{"error": {"code", "message", "error_data"}}` and are classified
by `error.code`, not by the HTTP status. Statuses arrive as webhooks signed with
`X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from app.errors import ProviderAuth, ProviderPermanent
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, register
from app.providers.webhook.inbound import (
    CallbackRejected,
    CallbackStatus,
    InboundCallback,
    from_timestamp,
    same_digest,
)

__all__ = ["WhatsAppCloud", "classify_graph_error", "hub_signature", "template_components"]

_AUTH = {0, 3, 10, 190} | set(range(200, 300))
_THROTTLE = {4: 60.0, 80007: 60.0, 130429: 1.0, 131048: 3600.0, 131056: 6.0, 133016: 60.0, 131064: 60.0}
_ACCOUNT = {368, 131031, 130497, 131042, 131044, 131045, 131057, 131037, 131063, 131005,
            132015, 132016, 132001}
_RECIPIENT = {131026, 131047, 131030, 131050, 131049, 130472, 131021, 137000, 131062}
_GENERIC = {1, 2, 131000, 131016, 135000}
#: the user asked to stop marketing messages: never send them one again.
_SUPPRESS = {131050}
_STATUS = {"sent": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED, "read": DeliveryStatus.READ,
           "played": DeliveryStatus.READ, "failed": DeliveryStatus.FAILED}


def hub_signature(app_secret: str, body: bytes) -> str:
    """`sha256=<hex>` as Meta signs webhook bodies."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def template_components(payload: Mapping[str, Any]) -> list[dict]:
    """Template components from the payload: explicit `components`, else `params` for the body
    (a list → positional {{1}}..., a mapping → named parameters) and an optional `header_image`."""
    if payload.get("components"):
        return list(payload["components"])
    components: list[dict] = []
    if payload.get("header_image"):
        components.append({"type": "header",
                           "parameters": [{"type": "image", "image": {"link": payload["header_image"]}}]})
    params = payload.get("params")
    if isinstance(params, str):
        params = [params]
    if isinstance(params, Mapping):
        body = [{"type": "text", "parameter_name": str(k), "text": str(v)} for k, v in params.items()]
    else:
        body = [{"type": "text", "text": str(v)} for v in params or []]
    if body:
        components.append({"type": "body", "parameters": body})
    return components


def classify_graph_error(error: Mapping[str, Any], status: int) -> SendResult:
    """The outcome for a Graph error object (see providers.md C1 table)."""
    code = int(error.get("code") or 0)
    details = (error.get("error_data") or {}).get("details") or ""
    text = f"WhatsApp error {code}: {error.get('message', '')}" + (f" — {details}" if details else "")
    if code in _THROTTLE:
        return SendResult.transient(text, str(code), retry_after=_THROTTLE[code])
    if code in _AUTH or code in _ACCOUNT:
        return SendResult.account(text, str(code))
    if code in _RECIPIENT:
        return SendResult.permanent(text, str(code), suppress=code in _SUPPRESS)
    if code in _GENERIC or status >= 500:
        return SendResult.unknown(text, str(code))
    return SendResult.permanent(text, str(code))


@register
class WhatsAppCloud(HttpProvider):
    """A WhatsApp Business phone number on Meta's Cloud API.

    Secrets: `access_token`; `app_secret` (webhook signatures), `verify_token` (webhook handshake).
    Options: `phone_number_id` (required), `api_version` (default v21.0), `language` (default "ru").
    Payload: `template`, `language`, `params` (list or mapping) / `components`, `header_image`.
    """

    type = "whatsapp-cloud"
    channel = "whatsapp"
    default_base_url = "https://graph.facebook.com"
    max_batch = 1

    def _number_url(self, tail: str = "") -> str:
        number = self.config.option("phone_number_id")
        if not number:
            raise ProviderAuth(f"provider {self.config.name!r}: set --option phone_number_id=... (WhatsApp Manager)")
        return self.url(f"/{self.config.option('api_version', 'v21.0')}/{number}{tail}")

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.config.secret('access_token')}"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        payload = request.payload
        if not payload.get("template"):
            # Business-initiated messages outside the 24 h window must be approved templates.
            raise ProviderPermanent("WhatsApp Cloud API sends approved templates only: the message has no template name")
        body = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": request.to.lstrip("+"),
            "type": "template",
            "biz_opaque_callback_data": request.message_id,
            "template": {"name": payload["template"],
                         "language": {"code": payload.get("language") or self.config.option("language", "ru")}},
        }
        components = template_components(payload)
        if components:
            body["template"]["components"] = components
        return self.http.build_request("POST", self._number_url("/messages"), json=body, headers=self._headers())

    @staticmethod
    def _graph_error(response: httpx.Response) -> dict | None:
        try:
            body = response.json()
        except ValueError:
            return None
        error = body.get("error") if isinstance(body, dict) else None
        return error if isinstance(error, dict) else None

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        error = self._graph_error(response) if response.status_code >= 400 else None
        if error is not None:
            return classify_graph_error(error, response.status_code)
        return super().classify_http_status(response)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        body = response.json()
        if response.status_code == 200 and body.get("messages"):
            return [SendResult.accepted(str(body["messages"][0]["id"]))]
        return [SendResult.unknown(f"WhatsApp answered HTTP {response.status_code} without a message id",
                                   str(response.status_code))]

    async def check(self) -> str:
        request = self.http.build_request("GET", self._number_url(), headers=self._headers(),
                                          params={"fields": "display_phone_number,verified_name,quality_rating"})
        response = await self.call(request)
        error = self._graph_error(response)
        if error is not None:
            raise ProviderAuth(classify_graph_error(error, response.status_code).error)
        body = response.json()
        return (f"WhatsApp Cloud API: {body.get('verified_name', '')} {body.get('display_phone_number', '')}, "
                f"quality {body.get('quality_rating', 'unknown')}")

    # -- webhooks -------------------------------------------------------------------------
    def verify_subscription(self, callback: InboundCallback) -> str:
        """Answer Meta's GET handshake: the `hub.challenge` to echo, if the verify token matches."""
        query = callback.query
        if query.get("hub.mode") != "subscribe" or not same_digest(
                self.config.secret("verify_token"), query.get("hub.verify_token", "")):
            raise CallbackRejected("WhatsApp webhook handshake with a wrong verify token")
        return query.get("hub.challenge", "")

    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """Statuses from a `messages` webhook, after checking `X-Hub-Signature-256`."""
        expected = hub_signature(self.config.secret("app_secret"), callback.body)
        if not same_digest(expected, callback.header("X-Hub-Signature-256")):
            raise CallbackRejected("X-Hub-Signature-256 does not match the app secret")
        body = callback.json()
        updates = []
        for entry in body.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                for item in value.get("statuses") or []:
                    name = str(item.get("status", ""))
                    if name not in _STATUS:
                        continue
                    errors = item.get("errors") or [{}]
                    code = int(errors[0].get("code") or 0)
                    detail = str(errors[0].get("title") or (errors[0].get("error_data") or {}).get("details") or "")
                    updates.append(CallbackStatus(
                        str(item.get("id", "")), _STATUS[name],
                        from_timestamp(item.get("timestamp")), code=str(code) if code else name, detail=detail,
                        message_id=str(item.get("biz_opaque_callback_data") or ""),
                        event_id=f"{item.get('id')}:{name}", suppress=code in _SUPPRESS,
                        address="+" + str(item.get("recipient_id", "")).lstrip("+")))
        return updates
