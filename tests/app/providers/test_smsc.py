"""SMSC adapter against the fake SMSC server: our id as `id`, errors 1–9 classified, status."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.sms.smsc import Smsc
from tests.fakes.smsc import FakeSmsc


@pytest.fixture
def fake() -> Iterator[FakeSmsc]:
    with FakeSmsc() as server:
        yield server


def adapter(url: str, psw: str = "secret") -> Smsc:
    config = ProviderConfig("smsc", "smsc", base_url=url, options={"login": "shop", "sender": "Shop"},
                            secrets={"psw": psw})
    return Smsc(config, http=httpx.AsyncClient(timeout=5))


def req(i: int, phone: str = "+79160000001", text: str = "Скидка 10%") -> SendRequest:
    return SendRequest(outbox_id=i, message_id=f"m{i}", channel="sms", to=phone, payload={"text": text})


def send(url: str, request: SendRequest, psw: str = "secret") -> object:
    async def go() -> object:
        provider = adapter(url, psw)
        try:
            (result,) = await provider.send([request])
            return result
        finally:
            await provider.http.aclose()
    return asyncio.run(go())


def test_send_uses_fmt3_and_our_outbox_id(fake: FakeSmsc) -> None:
    result = send(fake.url, req(42))
    assert result.outcome is Outcome.ACCEPTED and result.provider_message_id == "42"
    assert result.cost == 2.5
    (request,) = fake.requests_to("/sys/send.php")
    assert request.form["fmt"] == "3" and request.form["id"] == "42" and request.form["charset"] == "utf-8"
    assert request.form["phones"] == "79160000001" and request.form["mes"] == "Скидка 10%"
    assert request.form["sender"] == "Shop" and request.form["login"] == "shop"


def test_repeat_within_a_minute_is_duplicate_not_failed(fake: FakeSmsc) -> None:
    assert send(fake.url, req(7)).outcome is Outcome.ACCEPTED
    again = send(fake.url, req(7))
    assert again.outcome is Outcome.DUPLICATE and again.code == "9"
    assert len(fake.received) == 1


@pytest.mark.parametrize(("setup", "expected", "code"), [
    (lambda f: None, Outcome.ACCOUNT, "2"),                                   # wrong password
    (lambda f: setattr(f, "balance", 0), Outcome.ACCOUNT, "3"),
    (lambda f: f.bad_numbers.update({"79160000001": 8}), Outcome.PERMANENT, "8"),
    (lambda f: f.bad_numbers.update({"79160000001": 6}), Outcome.ACCOUNT, "6"),
    (lambda f: f.faults.fail(200, {"error": "IP blocked", "error_code": 4}, times=1), Outcome.ACCOUNT, "4"),
])
def test_error_codes_are_classified(fake: FakeSmsc, setup, expected: Outcome, code: str) -> None:  # type: ignore[no-untyped-def]
    setup(fake)
    result = send(fake.url, req(1), psw="wrong" if code == "2" else "secret")
    assert result.outcome is expected and result.code == code
    assert fake.received == []


def test_bad_phone_format_is_permanent(fake: FakeSmsc) -> None:
    result = send(fake.url, req(1, phone="+7916"))
    assert result.outcome is Outcome.PERMANENT and result.code == "7"


def test_status_by_phone_and_id_and_balance(fake: FakeSmsc) -> None:
    send(fake.url, req(5))
    fake.statuses[("79160000001", "5")] = 20

    async def go() -> tuple:
        provider = adapter(fake.url)
        try:
            return await provider.fetch_statuses([("5", "+79160000001")]), await provider.check()
        finally:
            await provider.http.aclose()

    (update,), balance = asyncio.run(go())
    assert update.status is DeliveryStatus.FAILED and update.code == "20"
    assert "100.00" in balance
    with pytest.raises(ProviderAuth):
        asyncio.run(adapter(fake.url, psw="bad").check())


def send_many(url: str, requests: list[SendRequest], **options: str) -> list:
    async def go() -> list:
        provider = adapter(url)
        provider.config.options.update(options)
        provider = Smsc(provider.config, http=provider.http)
        try:
            return await provider.send(requests)
        finally:
            await provider.http.aclose()
    return asyncio.run(go())


def test_many_recipients_go_in_one_list_request_with_our_id_per_message(fake: FakeSmsc) -> None:
    batch = [req(11, "+79160000011", "Анна, скидка 10%"), req(12, "+79160000012", "Борис,\nскидка 15%"),
             req(13, "+79160000013", "Вера: скидка 20%")]
    results = send_many(fake.url, batch)
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 3
    assert [r.provider_message_id for r in results] == ["11", "12", "13"] and results[0].cost == 2.5
    (request,) = fake.requests_to("/sys/send.php")
    assert request.form["id"] == "11,12,13" and request.form["op"] == "1" and "phones" not in request.form
    assert request.form["list"].split("\n")[1] == "79160000012:Борис,\\nскидка 15%"
    assert fake.received == [("79160000011", "Анна, скидка 10%", "11"), ("79160000012", "Борис,\nскидка 15%", "12"),
                             ("79160000013", "Вера: скидка 20%", "13")]


def test_one_refused_number_in_a_batch_fails_alone_and_statuses_work_by_our_id(fake: FakeSmsc) -> None:
    fake.bad_numbers["79160000022"] = 8
    results = send_many(fake.url, [req(21, "+79160000021"), req(22, "+79160000022"), req(23, "+79160000023")])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED, Outcome.PERMANENT, Outcome.ACCEPTED]
    assert results[1].code == "8"
    fake.statuses[("79160000023", "23")] = 1

    async def go() -> list:
        provider = adapter(fake.url)
        try:
            return await provider.fetch_statuses([("23", "+79160000023"), ("22", "+79160000022")])
        finally:
            await provider.http.aclose()

    delivered, missing = asyncio.run(go())
    assert delivered.status is DeliveryStatus.DELIVERED and missing.status is DeliveryStatus.UNKNOWN


def test_senders_are_not_mixed_in_one_request_and_batch_1_sends_singly(fake: FakeSmsc) -> None:
    first = SendRequest(31, "m31", "sms", "+79160000031", {"text": "a"}, sender="ShopA")
    second = SendRequest(32, "m32", "sms", "+79160000032", {"text": "b"}, sender="ShopB")
    third = SendRequest(33, "m33", "sms", "+79160000033", {"text": "c"}, sender="ShopA")
    results = send_many(fake.url, [first, second, third])
    assert [r.provider_message_id for r in results] == ["31", "32", "33"]
    forms = sorted((r.form["sender"], r.form.get("id")) for r in fake.requests_to("/sys/send.php"))
    assert forms == [("ShopA", "31,33"), ("ShopB", "32")]
    # Option batch=1: the engine hands the adapter one message per request (phones + mes).
    config = ProviderConfig("smsc", "smsc", base_url=fake.url, options={"login": "shop", "batch": "1"},
                            secrets={"psw": "secret"})
    assert Smsc(config).max_batch == 1 and adapter(fake.url).max_batch == 100
