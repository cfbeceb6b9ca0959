"""Unisender Go transactional Web API v1: `POST {base}/email/send.json`, our id in `metadata`.

Wire format (Unisender Go docs, cross-checked with django-anymail): every method is a POST
with a JSON body, auth by the `X-API-KEY` header; the send body wraps everything in
`"message"`. Success: `200 {"status": "success", "job_id": ..., "emails": [...],
"failed_emails": {address: reason}}` — a per-recipient refusal arrives inside a 200.
Errors: HTTP 4xx/5xx with `{"status": "error", "message": ..., "code": N}`. Status
callbacks carry an md5 `auth` computed with the API key substituted for it.

Suppression list (`POST suppression/list.json`, Unisender Go Web API reference): body
`{"start_time": "YYYY-MM-DD hh:mm:ss", "limit": N, "cursor": ...}` (start_time is ignored
once a cursor is given); answer `{"status": "success", "suppressions": [{"email", "cause",
"source", "is_deletable", "created"}], "cursor": ...}`, the next chunk asked with that cursor.
Causes: unsubscribed, complained, permanent_unavailable (repeated hard bounces),
temporary_unavailable (refused for the next three days: a soft bounce, counted, not
suppressed), blocked (the service's own decision: not copied).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, register
from app.providers.email._api import Suppression, extra_headers, sender_parts
from app.providers.webhook.inbound import CallbackRejected, CallbackStatus, InboundCallback, same_digest

__all__ = ["SOFT", "UnisenderGo", "callback_auth"]

ID_KEY = "kaskad_id"
#: The Suppression.reason this adapter gives a temporarily unavailable address: the sync
#: counts it as a soft bounce instead of suppressing it.
SOFT = "soft_bounce"
_CAUSES = {"unsubscribed": "unsubscribed", "complained": "complained", "permanent_unavailable": "bounced",
           "temporary_unavailable": SOFT}
#: Page size of suppression/list.json: the documented default, which every account accepts.
_PAGE = 50
#: Guard against a server that never ends the list (100,000 addresses at 50 a page).
_MAX_PAGES = 2000

_STATUS = {"sent": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED, "opened": DeliveryStatus.READ,
           "clicked": DeliveryStatus.READ, "unsubscribed": DeliveryStatus.DELIVERED, "spam": DeliveryStatus.DELIVERED,
           "soft_bounced": DeliveryStatus.SENT, "hard_bounced": DeliveryStatus.FAILED}
_SUPPRESS_STATUS = {"unsubscribed", "spam", "hard_bounced"}


def callback_auth(body: dict, api_key: str) -> str:
    """The md5 Unisender Go puts in `auth`: over the body re-serialised with the key in its place."""
    copy = dict(body)
    copy["auth"] = api_key
    return hashlib.md5(json.dumps(copy, separators=(",", ":")).encode()).hexdigest()  # noqa: S324 (their scheme)


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
        return f"{body.get('message', '')} (code {body.get('code', '?')})"
    except (ValueError, AttributeError):
        return response.text[:200] or f"HTTP {response.status_code}"


@register
class UnisenderGo(HttpProvider):
    """Unisender Go project. Secret: `api_key`. Options: `from`, `from_name`, `track` (1/0).

    Base URL depends on the account's data centre: `https://go1.unisender.ru/ru/transactional/api/v1`
    (default) or `https://go2.unisender.ru/ru/transactional/api/v1`.
    """

    type = "unisender-go"
    channel = "email"
    default_base_url = "https://go1.unisender.ru/ru/transactional/api/v1"
    max_batch = 1

    def _headers(self) -> dict[str, str]:
        return {"X-API-KEY": self.config.secret("api_key"), "Accept": "application/json"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        payload = request.payload
        name, address = sender_parts(request, self.config.options)
        body_parts = {name: payload[key] for name, key in (("plaintext", "text"), ("html", "html"))
                      if payload.get(key)} or {"plaintext": " "}
        message: dict = {
            "recipients": [{"email": request.to,
                            "metadata": {ID_KEY: request.message_id, "kaskad_outbox": str(request.outbox_id)}}],
            "subject": payload.get("subject", ""),
            "body": body_parts,
            "from_email": address,
        }
        if name:
            message["from_name"] = name
        reply_to = payload.get("reply_to") or self.config.option("reply_to")
        if reply_to:
            message["reply_to"] = reply_to
        headers = extra_headers(request)
        if headers:
            message["headers"] = headers
        track = self.config.option("track")
        if track is not None:
            message["track_links"] = message["track_read"] = 1 if str(track) in ("1", "true") else 0
        return self.http.build_request("POST", self.url("/email/send.json"), json={"message": message},
                                       headers=self._headers())

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        if response.status_code in (401, 403):
            return SendResult.account(f"Unisender Go refused the API key: {_message(response)}", str(response.status_code))
        if response.status_code == 404:
            return SendResult.account(f"Unisender Go: method not found, check the base URL ({_message(response)})", "404")
        return super().classify_http_status(response)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        (request,) = batch
        if response.status_code != 200:
            text = f"Unisender Go refused the letter (HTTP {response.status_code}): {_message(response)}"
            if 400 <= response.status_code < 500:
                return [SendResult.permanent(text, str(response.status_code))]
            return [SendResult.unknown(text, str(response.status_code))]
        body = response.json()
        if body.get("status") != "success":
            return [SendResult.unknown(f"Unisender Go answered {body.get('status')!r}: {body.get('message', '')}")]
        failed = {k.lower(): v for k, v in (body.get("failed_emails") or {}).items()}
        accepted = {e.lower() for e in body.get("emails") or []}
        address = request.to.lower()
        reason = failed.get(address)
        if address in accepted:
            return [SendResult.accepted(str(body["job_id"]))]
        if reason is None:
            return [SendResult.unknown("Unisender Go did not report this address; it may have been sent")]
        text = f"Unisender Go refused {request.to}: {reason}"
        if reason == "temporary_unavailable":
            return [SendResult.transient(text, reason)]
        return [SendResult.permanent(text, reason, suppress=reason in ("unsubscribed", "permanent_unavailable"))]

    async def check(self) -> str:
        request = self.http.build_request("POST", self.url("/system/info.json"), json={}, headers=self._headers())
        body = (await self.call(request)).json()
        if body.get("status") != "success":
            raise ProviderAuth(f"Unisender Go: {body.get('message', 'the API key was refused')}")
        return f"Unisender Go: connected as {body.get('email') or body.get('user_id')}"

    async def fetch_suppressions(self, since: datetime | None = None) -> list[Suppression]:
        """The project's suppression list (unsubscribes, complaints, bounces), in cursor pages."""
        found: list[Suppression] = []
        body: dict = {"limit": _PAGE}
        if since is not None:
            body["start_time"] = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        seen: set[str] = set()
        for _ in range(_MAX_PAGES):
            request = self.http.build_request("POST", self.url("/suppression/list.json"), json=body,
                                              headers=self._headers())
            answer = (await self.call(request)).json()
            if not isinstance(answer, dict) or answer.get("status") != "success":
                raise ValueError(f"Unisender Go answered the suppression list with {str(answer)[:200]}")
            items = answer.get("suppressions") or []
            for item in items:
                reason = _CAUSES.get(str(item.get("cause", "")))
                if reason is None or not item.get("email"):
                    continue
                found.append(Suppression.make(str(item["email"]), reason, _time(item.get("created")),
                                              f"{item.get('cause')} ({item.get('source') or 'unknown'})"))
            cursor = str(answer.get("cursor") or "")
            # The last chunk has no cursor; a repeated one would loop forever.
            if not items or not cursor or cursor in seen:
                break
            seen.add(cursor)
            body = {"limit": _PAGE, "cursor": cursor}
        return found

    # -- Callback API ---------------------------------------------------------------------
    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """Statuses from a Callback API POST; the md5 `auth` is checked with the API key."""
        body = callback.json()
        if not isinstance(body, dict) or "events_by_user" not in body:
            raise CallbackRejected("not an Unisender Go callback: 'events_by_user' is missing")
        if not same_digest(callback_auth(body, self.config.secret("api_key")), str(body.get("auth", ""))):
            raise CallbackRejected("Unisender Go callback 'auth' does not match the API key")
        updates = []
        for user in body["events_by_user"]:
            for event in user.get("events") or []:
                if event.get("event_name") != "transactional_email_status":
                    continue
                data = event.get("event_data") or {}
                name = str(data.get("status", ""))
                status = _STATUS.get(name)
                if status is None:
                    continue
                info = data.get("delivery_info") or {}
                try:
                    at = datetime.strptime(str(data.get("event_time")), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
                except ValueError:
                    at = datetime.now(UTC)
                metadata = data.get("metadata") or {}
                detail = " ".join(str(x) for x in (info.get("delivery_status"), info.get("destination_response")) if x)
                updates.append(CallbackStatus(
                    str(data.get("job_id", "")), status, at, code=name, detail=detail,
                    message_id=str(metadata.get(ID_KEY) or ""), suppress=name in _SUPPRESS_STATUS,
                    event_id=f"{data.get('job_id')}:{data.get('email')}:{name}:{data.get('event_time')}",
                    address=str(data.get("email") or "")))
        return updates


def _time(value: object) -> datetime | None:
    """A "YYYY-MM-DD hh:mm:ss" UTC time of the API, None when missing or unreadable."""
    try:
        return datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None
