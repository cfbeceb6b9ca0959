"""The unsubscribe link: GET shows a page and changes nothing, one-click POST suppresses, forged tokens fail."""

from __future__ import annotations

import httpx
import pytest

from app.campaigns.render import make_unsubscribe_token, unsubscribe_secret
from app.workspace import Workspace
from tests.app.receiver.conftest import RunningReceiver
from tests.app.receiver.helpers import contact, sent_row, suppressed


def _token(ws: Workspace, contact_id: int, channel: str = "email") -> str:
    return make_unsubscribe_token(unsubscribe_secret(ws.engine), contact_id, channel)


def test_get_shows_a_bilingual_page_and_does_not_unsubscribe(workspace: Workspace,
                                                             receiver: RunningReceiver) -> None:
    person = contact(workspace, email="ivan@example.org")
    page = httpx.get(f"{receiver.url}/u/{_token(workspace, person)}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Отписаться" in page.text and "Unsubscribe" in page.text and '<form method="post">' in page.text
    assert "set-cookie" not in page.headers and page.headers["cache-control"] == "no-store"
    assert suppressed(workspace) == set()


@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_one_click_post_suppresses_idempotently(workspace: Workspace, receiver: RunningReceiver, kind: str) -> None:
    person = contact(workspace, email="ivan@example.org")
    # The letter went to an older address of the same person: both are suppressed.
    sent_row(workspace, provider="sg", channel="email", address="ivan.old@example.org", provider_message_id="x",
             contact_id=person)
    url = f"{receiver.url}/u/{_token(workspace, person)}"
    if kind == "urlencoded":
        send = lambda: httpx.post(url, content=b"List-Unsubscribe=One-Click",  # noqa: E731
                                  headers={"content-type": "application/x-www-form-urlencoded"})
    else:
        send = lambda: httpx.post(url, files={"List-Unsubscribe": (None, "One-Click")})  # noqa: E731
    first = send()
    assert first.status_code == 200 and "Вы отписаны" in first.text
    assert not first.is_redirect and "set-cookie" not in first.headers
    assert send().status_code == 200  # mailbox providers repeat the POST
    assert suppressed(workspace) == {("email", "ivan@example.org", "unsubscribed"),
                                     ("email", "ivan.old@example.org", "unsubscribed")}


def test_sms_token_suppresses_the_phone(workspace: Workspace, receiver: RunningReceiver) -> None:
    person = contact(workspace, email="ivan@example.org", phone="+79991234567")
    assert httpx.post(f"{receiver.url}/u/{_token(workspace, person, 'sms')}",
                      data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert suppressed(workspace) == {("sms", "+79991234567", "unsubscribed")}


def test_forged_or_damaged_tokens_get_400_without_details(workspace: Workspace, receiver: RunningReceiver) -> None:
    person = contact(workspace, email="ivan@example.org")
    other_secret = make_unsubscribe_token(b"another workspace secret", person, "email")
    genuine = _token(workspace, person)
    for token in (other_secret, genuine[:-2] + "AA", f"{person + 1}.email.{genuine.split('.')[2]}", "garbage"):
        for answer in (httpx.get(f"{receiver.url}/u/{token}"),
                       httpx.post(f"{receiver.url}/u/{token}", data={"List-Unsubscribe": "One-Click"})):
            assert answer.status_code == 400
            assert "недействительна" in answer.text and token not in answer.text and "ivan" not in answer.text
    assert suppressed(workspace) == set()
