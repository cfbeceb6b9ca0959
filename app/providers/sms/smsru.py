"""SMS.ru: `POST /sms/send` with `json=1`, many recipients per request, status by `/sms/status`.

Wire format (sms.ru API; cross-checked with public clients): form fields `api_id`, `json=1`,
`from`, and either `to=<phones>&msg=<text>` or per-number texts `to[<phone>]=<text>` (used
here, since every text is personalised). The answer is HTTP 200 even on errors: a
request-level `"status": "ERROR"` with `status_code`, or per number under `sms[<phone>]`.
SMS.ru has no idempotency key, so an unanswered request leaves its messages `unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth, ProviderTemporary
from app.providers.base import DeliveryStatus, HttpProvider, SendRequest, SendResult, StatusUpdate, register

__all__ = ["SmsRu"]

#: request-level codes that concern the whole account (pause + breaker).
_ACCOUNT = {200: "wrong api_id", 201: "not enough money on the SMS.ru balance",
            204: "the sender name is not approved by the operator", 206: "the daily sending limit is reached",
            210: "the request method was refused (check the base URL)", 211: "method not found (check the base URL)",
            300: "the authorisation token expired", 301: "wrong api_id or password",
            302: "the SMS.ru account is not confirmed"}
_TRANSIENT = {220, 500}
#: per-number codes that mean "this recipient cannot get it" (209/215: stop lists → suppress).
_PERMANENT = {150, 202, 203, 205, 207, 208, 209, 212, 213, 214, 215, 216}
_SUPPRESS = {209, 215}
_DUPLICATE = {231, 232, 233}
_STATUS = {100: DeliveryStatus.SENT, 101: DeliveryStatus.SENT, 102: DeliveryStatus.SENT,
           103: DeliveryStatus.DELIVERED, 110: DeliveryStatus.READ, -1: DeliveryStatus.UNKNOWN}


def _digits(phone: str) -> str:
    return phone.lstrip("+")


@register
class SmsRu(HttpProvider):
    """SMS.ru account. Secret: `api_id`. Options: `from` (sender name), `test` (1 = no real send)."""

    type = "smsru"
    channel = "sms"
    default_base_url = "https://sms.ru"
    max_batch = 100
    polls_status = True

    def _auth(self) -> dict[str, str]:
        return {"api_id": self.config.secret("api_id"), "json": "1"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        data = self._auth()
        sender = batch[0].sender or self.config.option("from")
        if sender:
            data["from"] = sender
        if str(self.config.option("test", "")) in ("1", "true"):
            data["test"] = "1"
        for request in batch:
            data[f"to[{_digits(request.to)}]"] = request.payload.get("text", "")
        return self.http.build_request("POST", self.url("/sms/send"), data=data)

    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        # The multi form is keyed by phone: a number twice in one request would collide,
        # so such a batch goes out in rounds of distinct numbers.
        rounds: list[list[int]] = []
        for index, request in enumerate(batch):
            for round_ in rounds:
                if all(batch[i].to != request.to for i in round_):
                    round_.append(index)
                    break
            else:
                rounds.append([index])
        results: list[SendResult | None] = [None] * len(batch)
        for round_ in rounds:
            sub = [batch[i] for i in round_]
            for i, result in zip(round_, await super().send(sub), strict=True):
                results[i] = result
        return [r for r in results if r is not None]

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        body = response.json()
        if body.get("status") != "OK":
            code = int(body.get("status_code", 0))
            text = f"SMS.ru error {code}: {body.get('status_text') or _ACCOUNT.get(code, 'request refused')}"
            if code in _ACCOUNT:
                result = SendResult.account(text, str(code))
            elif code in _TRANSIENT:
                result = SendResult.transient(text, str(code))
            elif code in _PERMANENT:
                result = SendResult.permanent(text, str(code))
            else:
                result = SendResult.unknown(text, str(code))
            return [result] * len(batch)
        per_number = body.get("sms") or {}
        return [self._one(per_number.get(_digits(r.to))) for r in batch]

    @staticmethod
    def _one(item: dict | None) -> SendResult:
        if item is None:
            return SendResult.unknown("SMS.ru did not report this number; it may have been sent")
        code = int(item.get("status_code", 0))
        if item.get("status") == "OK":
            cost = item.get("cost")
            return SendResult.accepted(str(item["sms_id"]), cost=float(cost) if cost is not None else None,
                                       segments=item.get("sms"))
        text = f"SMS.ru error {code}: {item.get('status_text', '')}".rstrip(": ")
        if code in _DUPLICATE:
            return SendResult.duplicate(text + " (an identical message was just sent)", str(code))
        if code in _ACCOUNT:
            return SendResult.account(text, str(code))
        if code in _TRANSIENT or code == 230:
            return SendResult.transient(text, str(code), retry_after=3600.0 if code == 230 else None)
        return SendResult.permanent(text, str(code), suppress=code in _SUPPRESS)

    async def check(self) -> str:
        request = self.http.build_request("POST", self.url("/my/balance"), data=self._auth())
        body = (await self.call(request)).json()
        if body.get("status") != "OK":
            code = int(body.get("status_code", 0))
            message = f"SMS.ru error {code}: {body.get('status_text', '')}"
            if code in _ACCOUNT:
                raise ProviderAuth(message)
            raise ProviderTemporary(message)
        return f"SMS.ru: connected, balance {body.get('balance')}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        updates: list[StatusUpdate] = []
        ids = [pid for pid, _ in sent]
        for start in range(0, len(ids), 100):
            chunk = ids[start:start + 100]
            request = self.http.build_request("POST", self.url("/sms/status"),
                                              data={**self._auth(), "sms_id": ",".join(chunk)})
            body = (await self.call(request)).json()
            if body.get("status") != "OK":
                raise ProviderAuth(f"SMS.ru error {body.get('status_code')}: {body.get('status_text', '')}")
            now = datetime.now(UTC)
            for sms_id, item in (body.get("sms") or {}).items():
                code = int(item.get("status_code", -1))
                status = _STATUS.get(code, DeliveryStatus.FAILED)
                updates.append(StatusUpdate(sms_id, status, now, str(code), item.get("status_text", "")))
        return updates
