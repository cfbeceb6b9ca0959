"""Fake SMS.ru: `/sms/send`, `/sms/status`, `/my/balance` with `json=1`, errors as HTTP 200 bodies."""

from __future__ import annotations

import itertools
import threading

from tests.fakes.base import FakeServer, Reply, Request

__all__ = ["FakeSmsRu"]


class FakeSmsRu(FakeServer):
    """Speaks SMS.ru's JSON API; `received` holds (phone, text) of every accepted SMS.

    Switches: `api_id` (the valid key), `balance` (0 → error 201 for sends),
    `bad_numbers` {phone: status_code} per-number refusals (e.g. 207 no route),
    `statuses` {sms_id: status_code} to answer `/sms/status` (default 103 delivered).
    """

    def __init__(self, api_id: str = "test-api-id", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.api_id = api_id
        self.balance = 100.0
        self.bad_numbers: dict[str, int] = {}
        self.statuses: dict[str, int] = {}
        self.received: list[tuple[str, str]] = []
        self._ids = itertools.count(1)
        self._id_lock = threading.Lock()

    def _auth_error(self, request: Request) -> Reply | None:
        if request.param("api_id") != self.api_id:
            return Reply(200, {"status": "ERROR", "status_code": 200, "status_text": "Неправильный api_id"})
        return None

    def handle(self, request: Request) -> Reply:
        if request.path == "/sms/send":
            return self._send(request)
        if request.path == "/sms/status":
            return self._status(request)
        if request.path == "/my/balance":
            return self._auth_error(request) or Reply(200, {"status": "OK", "status_code": 100, "balance": self.balance})
        return Reply(200, {"status": "ERROR", "status_code": 211, "status_text": "Метод не найден"})

    def _send(self, request: Request) -> Reply:
        if request.method != "POST":
            return Reply(200, {"status": "ERROR", "status_code": 210, "status_text": "Используется GET, где необходимо использовать POST"})
        error = self._auth_error(request)
        if error:
            return error
        if self.balance <= 0:
            return Reply(200, {"status": "ERROR", "status_code": 201, "status_text": "Не хватает средств на лицевом счету"})
        pairs: list[tuple[str, str]] = []
        for key, values in request.form_lists.items():  # multi form: to[79991234567]=text
            if key.startswith("to[") and key.endswith("]"):
                pairs.append((key[3:-1], values[-1]))
        if not pairs:
            text = request.param("msg") or ""
            if not text:
                return Reply(200, {"status": "ERROR", "status_code": 203, "status_text": "Нет текста сообщения"})
            pairs = [(p.strip(), text) for p in (request.param("to") or "").split(",") if p.strip()]
        if len(pairs) > 100:
            return Reply(200, {"status": "ERROR", "status_code": 213, "status_text": "Слишком много получателей"})
        sms: dict[str, dict] = {}
        for phone, text in pairs:
            code = self.bad_numbers.get(phone)
            if code is not None:
                sms[phone] = {"status": "ERROR", "status_code": code, "status_text": f"Ошибка {code}"}
                continue
            with self._id_lock:
                sms_id = f"{next(self._ids):06d}-{100000000 + len(self.received)}"
            with self.lock:
                self.received.append((phone, text))
            sms[phone] = {"status": "OK", "status_code": 100, "sms_id": sms_id}
        return Reply(200, {"status": "OK", "status_code": 100, "sms": sms, "balance": self.balance})

    def _status(self, request: Request) -> Reply:
        error = self._auth_error(request)
        if error:
            return error
        ids = [i for i in (request.param("sms_id") or "").split(",") if i]
        sms = {}
        for sms_id in ids:
            code = self.statuses.get(sms_id, 103)
            sms[sms_id] = {"status": "OK" if code != -1 else "ERROR", "status_code": code,
                           "status_text": "Сообщение доставлено" if code == 103 else f"Статус {code}"}
        return Reply(200, {"status": "OK", "status_code": 100, "sms": sms})
