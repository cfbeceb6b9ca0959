"""SMS Aero API v2: `POST /v2/sms/send` (JSON), errors as HTTP 200 `success: false`, status polling.

Wire format (smsaero/smsaero_python, the vendor's SDK): HTTP Basic with the account e-mail
and API key, JSON `{"number": 79031234567, "sign": ..., "text": ...}`. Answers are
`{"success": true, "data": {"id": ..., "cost": ...}, "message": null}`; failures come as
`{"success": false, "message": ...}` (often with HTTP 200), `{"result": "no credits"}` or
`{"result": "reject", "reason": ...}`. One number per request, so every recipient gets its
own verdict. Status: `POST /v2/sms/status {"id": N}`. No idempotency key.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth, ProviderPermanent, ProviderTemporary
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, StatusUpdate, register

__all__ = ["SmsAero"]

#: SMS Aero status codes (vendor docs): 0 queue, 1 delivered, 2 not delivered, 3 passed to the
#: operator, 4 awaiting status, 6 rejected, 8 on moderation.
_STATUS = {0: DeliveryStatus.SENT, 1: DeliveryStatus.DELIVERED, 2: DeliveryStatus.FAILED, 3: DeliveryStatus.SENT,
           4: DeliveryStatus.SENT, 6: DeliveryStatus.FAILED, 8: DeliveryStatus.SENT}
#: words in `message` that point at the account, not at the recipient.
_ACCOUNT_WORDS = ("auth", "credential", "api key", "balance", "money", "credit", "sign")


def _classify_failure(body: dict) -> SendResult:
    if body.get("result") == "no credits":
        return SendResult.account("SMS Aero: not enough money on the balance", "no credits")
    if body.get("result") == "reject":
        return SendResult.permanent(f"SMS Aero rejected the message: {body.get('reason', '')}", "reject")
    message = str(body.get("message") or "unknown error")
    text = f"SMS Aero error: {message}"
    data = body.get("data")
    if isinstance(data, dict) and data:
        text += " (" + "; ".join(f"{k}: {v}" for k, v in data.items()) + ")"
    if any(word in message.lower() for word in _ACCOUNT_WORDS):
        return SendResult.account(text, "account")
    return SendResult.permanent(text, "validation")


def _basic(user: str, password: str) -> dict[str, str]:
    """An HTTP Basic Authorization header (httpx's build_request takes no `auth`)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@register
class SmsAero(HttpProvider):
    """SMS Aero account. Secret: `api_key`; option or secret `email` (the login). Option: `sign`
    (sender name, default "SMS Aero"), `test` (1 = the vendor's test endpoints, nothing is sent).

    Base URL: `https://gate.smsaero.ru/v2` (mirrors: gate.smsaero.org, gate.smsaero.net).
    """

    type = "smsaero"
    channel = "sms"
    default_base_url = "https://gate.smsaero.ru/v2"
    max_batch = 1
    polls_status = True

    def _auth(self) -> dict[str, str]:
        login = self.config.option("email") or self.config.secrets.get("email")
        if not login:
            raise ProviderAuth(f"provider {self.config.name!r}: set the SMS Aero login e-mail (--option email=...)")
        return _basic(login, self.config.secret("api_key"))

    def _test(self) -> bool:
        return str(self.config.option("test", "")) in ("1", "true")

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        (request,) = batch
        digits = request.to.lstrip("+")
        if not digits.isdigit():
            raise ProviderPermanent(f"not a phone number: {request.to!r}")
        body = {"number": int(digits), "sign": request.sender or self.config.option("sign", "SMS Aero"),
                "text": request.payload.get("text", "")}
        callback = self.config.option("callback_url")
        if callback:
            body["callbackUrl"] = callback
        path = "/sms/testsend" if self._test() else "/sms/send"
        return self.http.build_request("POST", self.url(path), json=body, headers=self._auth())

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        body = response.json()
        if not isinstance(body, dict):
            raise ValueError("the answer is not a JSON object")
        if body.get("success") is True and isinstance(body.get("data"), dict):
            data = body["data"]
            if int(data.get("status", 0)) == 6:
                return [SendResult.permanent(f"SMS Aero rejected the message ({data.get('extendStatus', '')})", "6")]
            cost = data.get("cost")
            return [SendResult.accepted(str(data["id"]), cost=float(cost) if cost not in (None, "") else None)]
        return [_classify_failure(body)]

    async def _post(self, path: str, body: dict, *, missing_ok: bool = False) -> dict | None:
        request = self.http.build_request("POST", self.url(path), json=body, headers=self._auth())
        answer = (await self.call(request)).json()
        if missing_ok and not answer.get("success") and "not found" in str(answer.get("message", "")).lower():
            return None
        if not answer.get("success"):
            verdict = _classify_failure(answer)
            if verdict.outcome == "account":
                raise ProviderAuth(verdict.error)
            raise ProviderTemporary(verdict.error)
        return answer.get("data") or {}

    async def check(self) -> str:
        data = await self._post("/balance", {}) or {}
        return f"SMS Aero: connected, balance {data.get('balance')}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        updates = []
        path = "/sms/teststatus" if self._test() else "/sms/status"
        for provider_id, phone in sent:
            data = await self._post(path, {"id": int(provider_id)}, missing_ok=True)
            if data is None:  # SMS Aero does not know this id: say so, keep polling the others
                updates.append(StatusUpdate(provider_id, DeliveryStatus.UNKNOWN, datetime.now(UTC), "not found",
                                            phone=phone))
                continue
            code = int(data.get("status", -1))
            stamp = data.get("dateAnswer") or data.get("dateSend")
            at = datetime.fromtimestamp(int(stamp), UTC) if stamp else datetime.now(UTC)
            updates.append(StatusUpdate(provider_id, _STATUS.get(code, DeliveryStatus.UNKNOWN), at, str(code),
                                        str(data.get("extendStatus", "")), phone=phone))
        return updates
