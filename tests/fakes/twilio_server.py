"""Fake Twilio Messaging: `Accounts/{Sid}/Messages.json` create/fetch, account fetch, signed status callbacks."""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import re
import secrets
from urllib.parse import urlencode

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeTwilio"]

_E164 = re.compile(r"^\+[1-9]\d{7,14}$")


def _error(status: int, code: int, message: str) -> Reply:
    return Reply(status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                          "status": status})


class FakeTwilio(FakeServer):
    """Speaks Twilio's REST API for messages; `received` holds (To, From, Body, sid).

    Switches: `account_sid`/`auth_token`, `bad_numbers` {To: error code} (e.g. 21610 STOP, 21211
    invalid), `statuses` {sid: status} for fetches (default "delivered").
    """

    def __init__(self, account_sid: str = "AC" + "0" * 32, auth_token: str = "tw-token", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.account_sid, self.auth_token = account_sid, auth_token
        self.bad_numbers: dict[str, int] = {}
        self.statuses: dict[str, str] = {}
        self.received: list[tuple[str, str, str, str]] = []
        self._messages: dict[str, dict] = {}

    def handle(self, request: Request) -> Reply:
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if request.headers.get("authorization") != expected:
            return _error(401, 20003, "Authenticate")
        base = f"/2010-04-01/Accounts/{self.account_sid}"
        if request.path == base + ".json" and request.method == "GET":
            return Reply(200, {"sid": self.account_sid, "friendly_name": "Shop account", "status": "active",
                               "type": "Full"})
        if request.path == base + "/Messages.json" and request.method == "POST":
            return self._create(request)
        match = re.fullmatch(re.escape(base) + r"/Messages/(\w+)\.json", request.path)
        if match and request.method == "GET":
            message = self._messages.get(match.group(1))
            if message is None:
                return _error(404, 20404, f"The requested resource {request.path} was not found")
            return Reply(200, {**message, "status": self.statuses.get(message["sid"], "delivered")})
        return _error(404, 20404, f"The requested resource {request.path} was not found")

    def _create(self, request: Request) -> Reply:
        to, sender, body = request.form.get("To", ""), request.form.get("From", ""), request.form.get("Body", "")
        service = request.form.get("MessagingServiceSid", "")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if not sender and not service:
            return _error(400, 21603, "A 'From' phone number is required.")
        if not body and not request.form.get("MediaUrl"):
            return _error(400, 21602, "Message body is required.")
        if not _E164.match(to.removeprefix("whatsapp:")):
            return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if to in self.bad_numbers:
            code = self.bad_numbers[to]
            text = {21610: "Attempt to send to unsubscribed recipient",
                    21614: f"'To' number {to} is not a valid mobile number"}.get(code, "Refused")
            return _error(400, code, text)
        sid = "SM" + secrets.token_hex(16)
        now = email.utils.formatdate(usegmt=False).replace("-0000", "+0000")
        segments = str(max(1, -(-len(body) // 70)))
        message = {"sid": sid, "account_sid": self.account_sid, "messaging_service_sid": service or None,
                   "from": sender or None, "to": to, "body": body, "status": "queued", "num_segments": segments,
                   "num_media": "0", "direction": "outbound-api", "api_version": "2010-04-01", "price": None,
                   "price_unit": "USD", "error_code": None, "error_message": None, "date_created": now,
                   "date_updated": now, "date_sent": None,
                   "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
                   "subresource_uris": {"media": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}/Media.json"}}
        with self.lock:
            self._messages[sid] = message
            self.received.append((to, sender or service, body, sid))
        return Reply(201, message)

    def status_callback(self, url: str, sid: str, status: str, error_code: str = "") -> tuple[bytes, dict[str, str]]:
        """A StatusCallback form body and its headers, signed like Twilio signs them."""
        message = self._messages[sid]
        params = {"AccountSid": self.account_sid, "ApiVersion": "2010-04-01", "From": message["from"] or "",
                  "To": message["to"], "MessageSid": sid, "MessageStatus": status, "SmsSid": sid, "SmsStatus": status}
        if error_code:
            params["ErrorCode"] = error_code
        data = url + "".join(k + params[k] for k in sorted(params))
        signature = base64.b64encode(hmac.new(self.auth_token.encode(), data.encode(), hashlib.sha1).digest()).decode()
        return urlencode(params).encode(), {"x-twilio-signature": signature,
                                            "content-type": "application/x-www-form-urlencoded",
                                            "i-twilio-idempotency-token": secrets.token_hex(8)}
