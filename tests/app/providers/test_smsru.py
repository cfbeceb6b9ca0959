"""SMS.ru adapter against the fake SMS.ru server: wire format, per-number results, faults."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import httpx
import pytest

from app.errors import ProviderAuth
from app.providers.base import DeliveryStatus, Outcome, ProviderConfig, SendRequest
from app.providers.sms.smsru import SmsRu
from tests.fakes.smsru import FakeSmsRu


@pytest.fixture
def fake() -> Iterator[FakeSmsRu]:
    with FakeSmsRu() as server:
        yield server


def adapter(url: str, api_id: str = "test-api-id", timeout: float = 5.0) -> SmsRu:
    config = ProviderConfig("smsru-main", "smsru", base_url=url, options={"from": "Shop"}, secrets={"api_id": api_id})
    return SmsRu(config, http=httpx.AsyncClient(timeout=timeout))


def req(i: int, text: str = "Привет") -> SendRequest:
    return SendRequest(outbox_id=i, message_id=f"m{i}", channel="sms", to=f"+7916000000{i}", payload={"text": text})


def send(provider: SmsRu, batch: list[SendRequest]) -> list:
    async def run() -> list:
        try:
            return await provider.send(batch)
        finally:
            await provider.http.aclose()
    return asyncio.run(run())


def test_batch_is_one_request_in_the_multi_form_with_per_number_ids(fake: FakeSmsRu) -> None:
    results = send(adapter(fake.url), [req(1, "Привет, Анна"), req(2, "Привет, Олег")])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED, Outcome.ACCEPTED]
    assert results[0].provider_message_id != results[1].provider_message_id
    (request,) = fake.requests_to("/sms/send")
    assert request.method == "POST"
    assert request.form["api_id"] == "test-api-id" and request.form["json"] == "1" and request.form["from"] == "Shop"
    assert request.form["to[79160000001]"] == "Привет, Анна"
    assert request.form["to[79160000002]"] == "Привет, Олег"
    assert fake.received == [("79160000001", "Привет, Анна"), ("79160000002", "Привет, Олег")]


def test_one_refused_number_does_not_affect_the_others(fake: FakeSmsRu) -> None:
    fake.bad_numbers = {"79160000002": 207, "79160000003": 209}
    results = send(adapter(fake.url), [req(1), req(2), req(3)])
    assert results[0].outcome is Outcome.ACCEPTED
    assert results[1].outcome is Outcome.PERMANENT and results[1].code == "207" and not results[1].suppress
    assert results[2].outcome is Outcome.PERMANENT and results[2].suppress  # the number is in a stop list


def test_wrong_api_id_in_a_200_body_is_account_level(fake: FakeSmsRu) -> None:
    results = send(adapter(fake.url, api_id="wrong"), [req(1), req(2)])
    assert {r.outcome for r in results} == {Outcome.ACCOUNT}
    assert "200" in results[0].error and fake.received == []


def test_no_money_is_account_level(fake: FakeSmsRu) -> None:
    fake.balance = 0
    (result,) = send(adapter(fake.url), [req(1)])
    assert result.outcome is Outcome.ACCOUNT and result.code == "201"


def test_429_with_retry_after_is_transient_and_honoured(fake: FakeSmsRu) -> None:
    fake.faults.fail(429, {"status": "ERROR"}, headers={"Retry-After": "7"}, times=1)
    (result,) = send(adapter(fake.url), [req(1)])
    assert result.outcome is Outcome.TRANSIENT and result.retry_after == 7.0 and result.reached


def test_retry_after_as_http_date(fake: FakeSmsRu) -> None:
    fake.faults.fail(503, "", headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}, times=1)
    (result,) = send(adapter(fake.url), [req(1)])
    assert result.outcome is Outcome.TRANSIENT and result.retry_after > 3600


def test_http_500_and_invalid_json_leave_the_outcome_unknown(fake: FakeSmsRu) -> None:
    fake.faults.fail(500, "oops", times=1)
    fake.faults.fail(200, b"{not json", times=1)
    provider = adapter(fake.url)
    assert send(provider, [req(1)])[0].outcome is Outcome.UNKNOWN
    assert send(adapter(fake.url), [req(2)])[0].outcome is Outcome.UNKNOWN


def test_a_hanging_server_is_unknown_not_failed(fake: FakeSmsRu) -> None:
    fake.faults.accept_then_hang(times=1)
    (result,) = send(adapter(fake.url, timeout=0.5), [req(1)])
    assert result.outcome is Outcome.UNKNOWN
    assert fake.received == [("79160000001", "Привет")]  # it did arrive: resending would duplicate


def test_connection_refused_is_certainly_unsent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (result,) = send(adapter(f"http://127.0.0.1:{port}"), [req(1)])
    assert result.outcome is Outcome.TRANSIENT and result.reached is False


def test_same_number_twice_goes_out_in_two_requests(fake: FakeSmsRu) -> None:
    results = send(adapter(fake.url), [req(1, "a"), req(1, "b"), req(2, "c")])
    assert [r.outcome for r in results] == [Outcome.ACCEPTED] * 3
    assert len(fake.requests_to("/sms/send")) == 2


def test_status_polling_and_balance_check(fake: FakeSmsRu) -> None:
    first, second = send(adapter(fake.url), [req(1), req(2)])
    fake.statuses = {second.provider_message_id: 107}

    async def run() -> tuple:
        provider = adapter(fake.url)
        try:
            updates = await provider.fetch_statuses([(first.provider_message_id, "+79160000001"),
                                                     (second.provider_message_id, "+79160000002")])
            return updates, await provider.check()
        finally:
            await provider.http.aclose()

    updates, balance = asyncio.run(run())
    by_id = {u.provider_message_id: u.status for u in updates}
    assert by_id == {first.provider_message_id: DeliveryStatus.DELIVERED,
                     second.provider_message_id: DeliveryStatus.FAILED}
    assert "100" in balance
    with pytest.raises(ProviderAuth):
        asyncio.run(adapter(fake.url, api_id="bad").check())
