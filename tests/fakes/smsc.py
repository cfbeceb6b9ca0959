"""Fake SMSC.ru: `/sys/send.php` and `/sys/status.php` with fmt=3 JSON, errors 1–9 in HTTP 200."""

from __future__ import annotations

import itertools
import time

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeSmsc"]

_ERRORS = {
    1: "ошибка в параметрах", 2: "неверный логин или пароль", 3: "недостаточно средств на счете Клиента",
    4: "IP-адрес временно заблокирован из-за частых ошибок в запросах", 5: "неверный формат даты",
    6: "сообщение запрещено (по тексту или по имени отправителя)", 7: "неверный формат номера телефона",
    8: "сообщение на указанный номер не может быть доставлено",
    9: "отправка более одного одинакового запроса на передачу SMS-сообщения в течение минуты",
}


class FakeSmsc(FakeServer):
    """Speaks SMSC's HTTP API; `received` holds (phone, text, id) of every accepted SMS.

    A repeated identical request (same phones, text and `id`) within 60 s gets error 9, as
    SMSC documents (switch off with `dedupe = False` to see every duplicate a client makes). Switches: `login`/`psw`, `balance`, `bad_numbers` {phone: error code},
    `statuses` {(phone, id): status} for status.php (default 1 delivered).
    """

    def __init__(self, login: str = "shop", psw: str = "secret", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.login, self.psw = login, psw
        self.balance = 100.0
        self.bad_numbers: dict[str, int] = {}
        self.statuses: dict[tuple[str, str], int] = {}
        self.received: list[tuple[str, str, str]] = []
        #: refuse a repeated identical request within 60 s with error 9, as SMSC does
        self.dedupe = True
        self._recent: dict[tuple[str, str, str], float] = {}
        self._ids = itertools.count(1000)

    @staticmethod
    def _error(code: int, message_id: str | None = None) -> Reply:
        body: dict = {"error": _ERRORS[code], "error_code": code}
        if code in (3, 6, 7, 8) and message_id:
            body["id"] = int(message_id) if message_id.isdigit() else message_id
        return Reply(200, body)

    def _authorised(self, request: Request) -> bool:
        if request.param("apikey"):
            return request.param("apikey") == self.psw
        return request.param("login") == self.login and request.param("psw") == self.psw

    def handle(self, request: Request) -> Reply:
        if request.path == "/sys/send.php":
            return self._send(request)
        if request.path == "/sys/status.php":
            return self._status(request)
        if request.path == "/sys/balance.php":
            return Reply(200, {"balance": f"{self.balance:.2f}"}) if self._authorised(request) else self._error(2)
        return Reply(404, "not found")

    def _send(self, request: Request) -> Reply:
        if not self._authorised(request):
            return self._error(2)
        if request.param("list"):
            return self._send_list(request)
        phones = [p.strip().lstrip("+") for p in (request.param("phones") or "").replace(";", ",").split(",") if p.strip()]
        text = request.param("mes") or ""
        message_id = request.param("id") or str(next(self._ids))
        if not phones or not text:
            return self._error(1)
        if self.balance <= 0:
            return self._error(3, message_id)
        for phone in phones:
            if not phone.isdigit() or len(phone) < 10:
                return self._error(7, message_id)
            if phone in self.bad_numbers:
                return self._error(self.bad_numbers[phone], message_id)
        key = (",".join(phones), text, message_id)
        now = time.time()
        with self.lock:
            if self.dedupe and now - self._recent.get(key, -1e9) < 60:
                return self._error(9)
            self._recent[key] = now
            for phone in phones:
                self.received.append((phone, text, message_id))
        body: dict = {"id": int(message_id) if message_id.isdigit() else message_id, "cnt": len(phones)}
        if (request.param("cost") or "0") in ("2", "3"):
            body["cost"] = f"{2.5 * len(phones):.2f}"
        if request.param("cost") == "3":
            body["balance"] = f"{self.balance:.2f}"
        return Reply(200, body)

    def _send_list(self, request: Request) -> Reply:
        """`list` of `phone:text` lines with comma-separated ids in the same order; `op=1`
        answers per phone (its cost, or its own error) as SMSC does."""
        lines = [line for line in (request.param("list") or "").split("\n") if line.strip()]
        ids = (request.param("id") or "").split(",")
        if len(ids) != len(lines):
            ids = [str(next(self._ids)) for _ in lines]
        if self.balance <= 0:
            return self._error(3)
        pairs = []
        for line, message_id in zip(lines, ids, strict=True):
            phone, _, text = line.partition(":")
            if not text:
                return self._error(1)
            pairs.append((phone.strip().lstrip("+"), text.replace("\\n", "\n"), message_id))
        key = ("list", request.param("list") or "", request.param("id") or "")
        now = time.time()
        phones = []
        with self.lock:
            if self.dedupe and now - self._recent.get(key, -1e9) < 60:  # type: ignore[arg-type]
                return self._error(9)
            self._recent[key] = now  # type: ignore[index]
            for phone, text, message_id in pairs:
                if not phone.isdigit() or len(phone) < 10:
                    phones.append({"phone": phone, "error": 7})
                elif phone in self.bad_numbers:
                    phones.append({"phone": phone, "error": self.bad_numbers[phone]})
                else:
                    self.received.append((phone, text, message_id))
                    phones.append({"phone": phone, "mccmnc": "25001", "cost": "2.50", "cnt": 1})
        body: dict = {"id": ids[0], "cnt": sum(1 for p in phones if "error" not in p)}
        if request.param("op") == "1":
            body["phones"] = phones
        if (request.param("cost") or "0") in ("2", "3"):
            body["cost"] = f"{2.5 * body['cnt']:.2f}"
        return Reply(200, body)

    def _status(self, request: Request) -> Reply:
        if not self._authorised(request):
            return self._error(2)
        phone = (request.param("phone") or "").lstrip("+")
        message_id = request.param("id") or ""
        with self.lock:
            known = any(p == phone and i == message_id for p, _t, i in self.received)
        status = self.statuses.get((phone, message_id), 1 if known else -3)  # -3: no such message
        now = int(time.time())
        return Reply(200, {"status": status, "last_date": time.strftime("%d.%m.%Y %H:%M:%S"),
                           "last_timestamp": now, "err": 0})
