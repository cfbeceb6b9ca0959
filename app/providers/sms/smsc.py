"""SMSC.ru: `send.php` with `fmt=3` (JSON), our outbox id as `id`, errors 1–9 classified.

Wire format (smsc.ru/api/http): `login` + `psw` (or `apikey`), `sender`, `charset=utf-8`,
`fmt=3`, `cost=2` (send and return the price), `id` (the client's message id: our outbox row
id, so SMSC can refuse a repeat with error 9 and a status can be looked up by phone + our
own id). Errors come as HTTP 200 `{"error": ..., "error_code": N}`.

One recipient: `phones` + `mes`. Several (up to `batch`, default 100, per request): `list`
with one `phone:text` line per message (each its own personalised text; a line break inside
a text is sent as `\n`), `id` with our outbox ids in the same order, comma-separated, and
`op=1` so the answer lists every phone with its own cost or error (R5: one verdict per
recipient). A phone missing from that list may or may not have been sent: `unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from app.errors import ProviderAuth, ProviderTemporary
from app.providers.base import (
    DeliveryStatus,
    HttpProvider,
    ProviderConfig,
    SendRequest,
    SendResult,
    StatusUpdate,
    register,
)

__all__ = ["Smsc"]

_ACCOUNT = {2: "wrong login or password", 3: "not enough money on the SMSC balance",
            4: "SMSC temporarily blocked this IP address because of frequent errors",
            6: "the message is forbidden (by its text or by the sender name)"}
_PERMANENT = {1: "parameter error", 5: "wrong date format", 7: "wrong phone number format",
              8: "the message cannot be delivered to this number"}
_STATUS = {-3: DeliveryStatus.UNKNOWN, -1: DeliveryStatus.SENT, 0: DeliveryStatus.SENT,
           1: DeliveryStatus.DELIVERED, 2: DeliveryStatus.READ, 4: DeliveryStatus.READ}


@register
class Smsc(HttpProvider):
    """SMSC.ru account. Secrets: `psw` (with option/secret `login`) or `apikey`. Option: `sender`."""

    type = "smsc"
    channel = "sms"
    default_base_url = "https://smsc.ru"
    max_batch = 100
    polls_status = True
    #: status.php finds a message by the `id` we sent (our outbox id) and says -3 when unknown.
    lookup_by_our_id = True

    def __init__(self, config: ProviderConfig, *, http: httpx.AsyncClient | None = None) -> None:
        super().__init__(config, http=http)
        # Option `batch`: messages per request (1 = the plain `phones` + `mes` form).
        self.max_batch = max(1, min(int(config.option("batch", type(self).max_batch)), type(self).max_batch))

    def _auth(self) -> dict[str, str]:
        if self.config.secrets.get("apikey"):
            return {"apikey": self.config.secrets["apikey"], "fmt": "3"}
        login = self.config.option("login") or self.config.secrets.get("login")
        if not login:
            raise ProviderAuth(f"provider {self.config.name!r}: set the SMSC login (--option login=...)")
        return {"login": login, "psw": self.config.secret("psw"), "fmt": "3"}

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        first = batch[0]
        data = {**self._auth(), "charset": "utf-8", "cost": "2"}
        if len(batch) == 1:
            data.update(phones=first.to.lstrip("+"), mes=first.payload.get("text", ""), id=str(first.outbox_id))
        else:
            data.update(op="1", id=",".join(str(r.outbox_id) for r in batch),
                        list="\n".join(f"{r.to.lstrip('+')}:{_one_line(r.payload.get('text', ''))}" for r in batch))
        sender = first.sender or self.config.option("sender")
        if sender:
            data["sender"] = sender
        return self.http.build_request("POST", self.url("/sys/send.php"), data=data)

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        body = response.json()
        if "error_code" in body:
            return [_refusal(int(body["error_code"]), body.get("error"), len(batch))] * len(batch)
        if len(batch) == 1:
            cost = body.get("cost")
            return [SendResult.accepted(str(body["id"]), cost=float(cost) if cost is not None else None,
                                        segments=body.get("cnt"))]
        per_phone = {str(p.get("phone", "")).lstrip("+"): p for p in body.get("phones") or []}
        results = []
        for request in batch:
            entry = per_phone.get(request.to.lstrip("+"))
            if entry is None:
                results.append(SendResult.unknown("SMSC did not report this number in its answer", "missing"))
            elif str(entry.get("error") or "0") not in ("0", ""):
                code = int(entry["error"])
                results.append(_refusal(code, entry.get("error_text"), 1))
            else:
                cost = entry.get("cost")
                results.append(SendResult.accepted(str(request.outbox_id),
                                                   cost=float(cost) if cost not in (None, "") else None,
                                                   segments=entry.get("cnt") or body.get("cnt_sms")))
        return results

    async def check(self) -> str:
        request = self.http.build_request("POST", self.url("/sys/balance.php"), data=self._auth())
        body = (await self.call(request)).json()
        if "error_code" in body:
            code = int(body["error_code"])
            message = f"SMSC error {code}: {body.get('error', '')}"
            if code in _ACCOUNT:
                raise ProviderAuth(message)
            raise ProviderTemporary(message)
        return f"SMSC: connected, balance {body.get('balance')}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        updates = []
        for provider_id, phone in sent:
            request = self.http.build_request("POST", self.url("/sys/status.php"),
                                              data={**self._auth(), "phone": phone.lstrip("+"), "id": provider_id})
            body = (await self.call(request)).json()
            if "error_code" in body:
                if int(body["error_code"]) in _ACCOUNT:
                    raise ProviderAuth(f"SMSC error {body['error_code']}: {body.get('error', '')}")
                continue
            code = int(body.get("status", -3))
            at = datetime.fromtimestamp(int(body["last_timestamp"]), UTC) if body.get("last_timestamp") else datetime.now(UTC)
            updates.append(StatusUpdate(provider_id, _STATUS.get(code, DeliveryStatus.FAILED), at, str(code),
                                        f"err {body.get('err', 0)}", phone=phone))
        return updates


def _one_line(text: str) -> str:
    # A `list` line ends at a line break: breaks inside a text travel as the two characters \n.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _refusal(code: int, error: str | None, batch_size: int) -> SendResult:
    """The outcome of SMSC error `code` for a request of `batch_size` messages."""
    text = f"SMSC error {code}: {error or _ACCOUNT.get(code) or _PERMANENT.get(code, '')}"
    if code == 9:
        # "more than one identical request within a minute": the first one most likely went
        # through. Never count it as failed, never retry the same payload (reliability §2.1).
        return SendResult.duplicate(text + " (probably already sent)", "9")
    if code in _ACCOUNT:
        return SendResult.account(text, str(code))
    if code in _PERMANENT:
        if batch_size > 1:
            # The whole request was refused over one recipient: nothing was sent, try again
            # (each number's own error comes back per phone when SMSC accepts the request).
            return SendResult.transient(text + " (the whole request was refused)", str(code))
        return SendResult.permanent(text, str(code))
    return SendResult.unknown(text, str(code))
