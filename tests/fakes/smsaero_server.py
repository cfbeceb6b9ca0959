"""Fake SMS Aero API v2: `/v2/sms/send`, `/v2/sms/status`, `/v2/balance`; errors as HTTP 200 `success: false`."""

from __future__ import annotations

import base64
import itertools
import time

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeSmsAero"]


def _fail(message: str, data: object = None, status: int = 200) -> Reply:
    return Reply(status, {"success": False, "data": data, "message": message})


class FakeSmsAero(FakeServer):
    """Speaks SMS Aero's JSON API behind HTTP Basic (e-mail:API key); `received` holds (number, text, sign, id).

    Switches: `email`/`api_key`, `balance` (0 → `{"result": "no credits"}`), `signs` (approved sender
    names), `reject` {number: reason} (`{"result": "reject"}`), `statuses` {id: code} (default 1).
    """

    def __init__(self, email: str = "owner@shop.example", api_key: str = "aero-key", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.email, self.api_key = email, api_key
        self.balance = 337.03
        self.signs = {"SMS Aero", "SHOP"}
        self.reject: dict[str, str] = {}
        self.statuses: dict[int, int] = {}
        self.received: list[tuple[str, str, str, int]] = []
        self._ids = itertools.count(12345)
        self._sent: dict[int, dict] = {}

    def handle(self, request: Request) -> Reply:
        expected = "Basic " + base64.b64encode(f"{self.email}:{self.api_key}".encode()).decode()
        if request.headers.get("authorization") != expected:
            return _fail("Your credentials are incorrect", status=401)
        body = request.json if isinstance(request.json, dict) else {}
        if request.path == "/v2/auth":
            return Reply(200, {"success": True, "data": None, "message": "Successful authorization."})
        if request.path == "/v2/balance":
            return Reply(200, {"success": True, "data": {"balance": self.balance}, "message": None})
        if request.path in ("/v2/sms/send", "/v2/sms/testsend"):
            return self._send(body)
        if request.path in ("/v2/sms/status", "/v2/sms/teststatus"):
            item = self._sent.get(int(body.get("id") or 0))
            if item is None:
                return _fail("Sms not found")
            code = self.statuses.get(item["id"], 1)
            extend = {0: "queue", 1: "delivery", 2: "delivery error", 3: "smsc submit", 4: "smsc reject",
                      6: "rejected", 8: "moderation"}.get(code, "unknown")
            return Reply(200, {"success": True, "data": {**item, "status": code, "extendStatus": extend,
                                                         "dateAnswer": item["dateSend"] + 5}, "message": None})
        return Reply(404, {"success": False, "data": None, "message": "Not Found"})

    def _send(self, body: dict) -> Reply:
        number, text, sign = body.get("number"), body.get("text"), body.get("sign")
        errors = {}
        if not isinstance(number, int) or not 10 <= len(str(number)) <= 15:
            errors["number"] = ["Invalid number."]
        if not text:
            errors["text"] = ["Text cannot be blank."]
        if errors:
            return _fail("Validation error.", errors)
        if sign not in self.signs:
            return _fail("Sign is not approved.")
        if self.balance <= 0:
            return Reply(200, {"result": "no credits"})
        if str(number) in self.reject:
            return Reply(200, {"result": "reject", "reason": self.reject[str(number)]})
        now = int(time.time())
        sms_id = next(self._ids)
        item = {"id": sms_id, "from": sign, "number": str(number), "text": text, "status": 0, "extendStatus": "queue",
                "channel": "FREE SIGN", "cost": 5.49, "dateCreate": now, "dateSend": now}
        with self.lock:
            self._sent[sms_id] = item
            self.received.append((str(number), text, sign, sms_id))
        return Reply(200, {"success": True, "data": item, "message": None})
