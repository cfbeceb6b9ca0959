"""Fake Meta WhatsApp Cloud API: `POST /{version}/{phone_number_id}/messages` templates, signed status webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeWhatsAppCloud"]

_ERRORS = {
    130429: "Rate limit hit", 131056: "(Business Account, Consumer Account) pair rate limit hit",
    131026: "Message undeliverable", 131030: "Recipient phone number not in allowed list",
    131050: "User has stopped marketing messages", 131047: "Re-engagement message",
    132001: "Template name does not exist in the translation", 132000: "Number of parameters does not match",
    131042: "Business eligibility payment issue", 190: "Invalid OAuth access token - Cannot parse access token",
}


def graph_error(code: int, status: int = 400, details: str = "") -> Reply:
    """A Graph API error envelope as the Cloud API sends it."""
    error: dict = {"message": f"(#{code}) {_ERRORS.get(code, 'Error')}", "type": "OAuthException", "code": code,
                   "fbtrace_id": base64.b64encode(secrets.token_bytes(9)).decode()}
    if details or code >= 130000:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details or _ERRORS.get(code, "")}
    return Reply(status, {"error": error})


class FakeWhatsAppCloud(FakeServer):
    """Speaks the Cloud API's send endpoint; `received` holds (to, template name, params, wamid, opaque data).

    Switches: `token`, `phone_number_id`, `version`, `templates` {name: body parameter count},
    `recipient_errors` {digits: error code}, `app_secret` for `webhook(...)` signatures.
    """

    def __init__(self, token: str = "EAAG-test", phone_number_id: str = "1122334455667", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.token, self.phone_number_id, self.version = token, phone_number_id, "v21.0"
        self.templates = {"winter_sale": 2, "order_ready": 1}
        self.recipient_errors: dict[str, int] = {}
        self.app_secret = "meta-app-secret"
        self.received: list[dict] = []

    def handle(self, request: Request) -> Reply:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return graph_error(190, 401)
        number_path = f"/{self.version}/{self.phone_number_id}"
        if request.path == number_path and request.method == "GET":
            return Reply(200, {"verified_name": "Магазин", "display_phone_number": "+7 999 123-45-67",
                               "quality_rating": "GREEN", "id": self.phone_number_id})
        if request.path != number_path + "/messages" or request.method != "POST":
            return Reply(400, {"error": {"message": "Unsupported post request.", "type": "GraphMethodException",
                                         "code": 100, "error_subcode": 33, "fbtrace_id": "A1"}})
        body = request.json if isinstance(request.json, dict) else {}
        if body.get("messaging_product") != "whatsapp":
            return graph_error(131009, details="messaging_product must be whatsapp")
        template = body.get("template") or {}
        if body.get("type") != "template" or template.get("name") not in self.templates:
            return graph_error(132001, 404, details=f"template name ({template.get('name')}) does not exist in "
                                                    f"{(template.get('language') or {}).get('code')}")
        params = [p for c in template.get("components") or [] if c.get("type") == "body" for p in c["parameters"]]
        if len(params) != self.templates[template["name"]]:
            return graph_error(132000, details=f"body: number of localizable_params ({len(params)}) does not match "
                                               f"the expected number of params ({self.templates[template['name']]})")
        to = str(body.get("to", ""))
        if to in self.recipient_errors:
            return graph_error(self.recipient_errors[to])
        wamid = "wamid." + base64.b64encode(b"\x15\x02\x00\x11\x18\x12" + secrets.token_bytes(18)).decode()
        with self.lock:
            self.received.append({"to": to, "template": template["name"], "params": [p.get("text") for p in params],
                                  "wamid": wamid, "opaque": body.get("biz_opaque_callback_data")})
        return Reply(200, {"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}],
                           "messages": [{"id": wamid, "message_status": "accepted"}]})

    def webhook(self, sent: dict, *statuses: str, error_code: int | None = None) -> tuple[bytes, dict[str, str]]:
        """A `messages` webhook with one status per name, and its signature header."""
        items = []
        for status in statuses:
            item: dict = {"id": sent["wamid"], "status": status, "timestamp": str(int(time.time())),
                          "recipient_id": sent["to"]}
            if sent.get("opaque"):
                item["biz_opaque_callback_data"] = sent["opaque"]
            if status == "failed" and error_code:
                item["errors"] = [{"code": error_code, "title": _ERRORS.get(error_code, "Error"),
                                   "message": _ERRORS.get(error_code, "Error"),
                                   "error_data": {"details": _ERRORS.get(error_code, "")}}]
            items.append(item)
        body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "5467539754836534", "changes": [
            {"field": "messages", "value": {"messaging_product": "whatsapp",
                                            "metadata": {"display_phone_number": "79991234567",
                                                         "phone_number_id": self.phone_number_id},
                                            "statuses": items}}]}]}).encode()
        signature = "sha256=" + hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()
        return body, {"x-hub-signature-256": signature, "content-type": "application/json"}
