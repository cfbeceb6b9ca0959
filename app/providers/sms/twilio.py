"""Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{Sid}/Messages.json`, signed callbacks.

Wire format (twilio-python, generated from Twilio's OpenAPI): HTTP Basic `AccountSid:AuthToken`,
form fields `To`, `From` or `MessagingServiceSid`, `Body`, `StatusCallback`. Success:
`201 Created` with the message resource (`sid` = "SM" + 32 hex, `status`, `num_segments`,
`price`). Errors: `{"code": 21211, "message": ..., "more_info": ..., "status": 400}`.
Status callbacks are forms signed with `X-Twilio-Signature` (base64 HMAC-SHA1 of the URL plus
the sorted parameters, keyed with the auth token). No idempotency key.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import httpx

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, StatusUpdate, register
from app.providers.webhook.inbound import CallbackRejected, CallbackStatus, InboundCallback, same_digest

__all__ = ["Twilio", "twilio_signature"]

_STATUS = {"queued": DeliveryStatus.SENT, "accepted": DeliveryStatus.SENT, "scheduled": DeliveryStatus.SENT,
           "sending": DeliveryStatus.SENT, "sent": DeliveryStatus.SENT, "delivered": DeliveryStatus.DELIVERED,
           "read": DeliveryStatus.READ, "undelivered": DeliveryStatus.FAILED, "failed": DeliveryStatus.FAILED,
           "canceled": DeliveryStatus.FAILED, "partially_delivered": DeliveryStatus.DELIVERED}
#: error codes about the account or its sender (pause the campaign, do not touch recipients).
_ACCOUNT = {20003: "authentication failed", 20005: "the account is not active", 20008: "test credentials",
            20404: "the account or resource was not found (check the Account SID)",
            21212: "the From number is not valid", 21606: "the From number cannot send SMS",
            21659: "the From number is not a Twilio number", 21703: "the Messaging Service has no senders",
            30002: "the account is suspended"}
_TRANSIENT = {20429: "too many concurrent requests", 63017: "account rate limit", 63018: "sender rate limit"}
#: the recipient replied STOP: never text them again.
_SUPPRESS = {21610}


def twilio_signature(auth_token: str, url: str, params: Mapping[str, Sequence[str]]) -> str:
    """Base64 HMAC-SHA1 of url + sorted name/value pairs, as Twilio's RequestValidator computes it."""
    data = url
    for name in sorted(set(params)):
        for value in sorted(set(params[name])):
            data += name + value
    return base64.b64encode(hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def _url_variants(url: str) -> list[str]:
    # Twilio may sign with or without the default port; validate both, as its SDK does.
    parts = urlsplit(url)
    variants = [url]
    default = {"https": 443, "http": 80}.get(parts.scheme)
    if parts.port is None and default:
        variants.append(urlunsplit(parts._replace(netloc=f"{parts.netloc}:{default}")))
    elif parts.port == default and parts.hostname:
        variants.append(urlunsplit(parts._replace(netloc=parts.hostname)))
    return variants


def _error(response: httpx.Response) -> tuple[int, str]:
    try:
        body = response.json()
        return int(body.get("code") or 0), str(body.get("message") or body.get("detail") or "")
    except (ValueError, AttributeError, TypeError):
        return 0, response.text[:200]


def _rfc2822(value: object) -> datetime:
    try:
        return email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return datetime.now(UTC)


def _basic(user: str, password: str) -> dict[str, str]:
    """An HTTP Basic Authorization header (httpx's build_request takes no `auth`)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@register
class Twilio(HttpProvider):
    """Twilio account. Option or secret `account_sid`; secret `auth_token`. Options: `from` (E.164
    sender or alphanumeric ID) or `messaging_service_sid`, `status_callback` (public URL).
    """

    type = "twilio"
    channel = "sms"
    default_base_url = "https://api.twilio.com"
    max_batch = 1
    polls_status = True

    def _sid(self) -> str:
        sid = self.config.option("account_sid") or self.config.secrets.get("account_sid")
        if not sid:
            raise ProviderAuth(f"provider {self.config.name!r}: set the Twilio Account SID (--option account_sid=AC...)")
        return str(sid)

    def _auth(self) -> dict[str, str]:
        return _basic(self._sid(), self.config.secret("auth_token"))

    def _path(self, tail: str) -> str:
        return self.url(f"/2010-04-01/Accounts/{self._sid()}{tail}")

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        data = {"To": request.to, "Body": request.payload.get("text", "")}
        service = self.config.option("messaging_service_sid")
        sender = request.sender or self.config.option("from")
        if service:
            data["MessagingServiceSid"] = service
        elif sender:
            data["From"] = sender
        else:
            raise ProviderAuth(f"provider {self.config.name!r}: set --option from=+1... or messaging_service_sid=MG...")
        callback = self.config.option("status_callback")
        if callback:
            data["StatusCallback"] = callback
        return self.http.build_request("POST", self._path("/Messages.json"), data=data, headers=self._auth())

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        if response.status_code in (200, 201):
            body = response.json()
            if body.get("status") in ("failed", "undelivered"):
                return [SendResult.permanent(f"Twilio error {body.get('error_code')}: {body.get('error_message')}",
                                             str(body.get("error_code") or ""))]
            price = body.get("price")
            segments = body.get("num_segments")
            return [SendResult.accepted(str(body["sid"]), cost=abs(float(price)) if price else None,
                                        segments=int(segments) if segments else None)]
        code, message = _error(response)
        text = f"Twilio error {code}: {message}" if code else f"Twilio HTTP {response.status_code}: {message}"
        if code in _ACCOUNT:
            return [SendResult.account(f"{text} ({_ACCOUNT[code]})", str(code))]
        if code in _TRANSIENT:
            return [SendResult.transient(text, str(code))]
        if 400 <= response.status_code < 500:
            return [SendResult.permanent(text, str(code or response.status_code), suppress=code in _SUPPRESS)]
        return [SendResult.unknown(text, str(code or response.status_code))]

    async def check(self) -> str:
        body = (await self.call(self.http.build_request("GET", self._path(".json"), headers=self._auth()))).json()
        if body.get("status") not in (None, "active"):
            raise ProviderAuth(f"Twilio: the account is {body.get('status')}")
        return f"Twilio: connected to {body.get('friendly_name') or self._sid()}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        updates = []
        for sid, phone in sent:
            request = self.http.build_request("GET", self._path(f"/Messages/{sid}.json"), headers=self._auth())
            response = await self.call(request)
            if response.status_code == 404:
                updates.append(StatusUpdate(sid, DeliveryStatus.UNKNOWN, datetime.now(UTC), "20404", phone=phone))
                continue
            body = response.json()
            status = _STATUS.get(str(body.get("status")), DeliveryStatus.UNKNOWN)
            updates.append(StatusUpdate(sid, status, _rfc2822(body.get("date_updated")),
                                        str(body.get("error_code") or body.get("status")),
                                        str(body.get("error_message") or ""), phone=phone))
        return updates

    # -- status callbacks -----------------------------------------------------------------
    def parse_callback(self, callback: InboundCallback) -> list[CallbackStatus]:
        """The status from a StatusCallback form POST, after checking `X-Twilio-Signature`."""
        params = callback.form_lists()
        token = self.config.secret("auth_token")
        received = callback.header("X-Twilio-Signature")
        if not any(same_digest(twilio_signature(token, url, params), received) for url in _url_variants(callback.url)):
            raise CallbackRejected("X-Twilio-Signature does not match (check the auth token and the public URL)")
        form = {k: v[-1] for k, v in params.items()}
        sid = form.get("MessageSid") or form.get("SmsSid")
        if not sid:
            raise CallbackRejected("a Twilio status callback without MessageSid")
        name = form.get("MessageStatus") or form.get("SmsStatus") or ""
        if name not in _STATUS:  # receiving / received concern inbound messages
            return []
        code = form.get("ErrorCode", "")
        return [CallbackStatus(sid, _STATUS[name], datetime.now(UTC),
                               code=code or name, detail=name,
                               event_id=callback.header("I-Twilio-Idempotency-Token") or f"{sid}:{name}",
                               suppress=code.isdigit() and int(code) in _SUPPRESS,
                               address=form.get("To", "").removeprefix("whatsapp:"))]
