"""The unsubscribe mailbox over real IMAP: mailto requests and DSN hard bounces become suppressions."""

from __future__ import annotations

import asyncio

import pytest

from app.campaigns.render import SETTING_BASE_URL, SETTING_MAILTO, CampaignRenderer
from app.errors import EnvironmentProblem
from app.providers.base import SendRequest
from app.providers.email.message import build_letter
from app.secrets import SecretStore
from app.settings import set_setting
from app.suppression.imap import MailboxSettings, load_mailbox_settings, poll_mailbox, save_mailbox_settings
from app.suppression.mailparse import classify
from app.workspace import Workspace
from tests.app.receiver.helpers import contact, events, row, sent_row, suppressed
from tests.app.suppression.fake_imap import FakeImap
from tests.app.suppression.letters import dsn, reply, unsubscribe_request


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def _headers(ws: Workspace, contact_id: int) -> dict[str, str]:
    set_setting(ws.engine, SETTING_BASE_URL, "https://shop.example")
    set_setting(ws.engine, SETTING_MAILTO, "unsubscribe@shop.example")
    renderer = CampaignRenderer(ws.engine)
    renderer.prepare()
    return renderer.unsubscribe_headers(contact_id)[0]


def _letter(ws: Workspace, contact_id: int, to: str, message_id: str) -> bytes:
    request = SendRequest(outbox_id=1, message_id=message_id, channel="email", to=to, contact_id=contact_id,
                          payload={"subject": "Скидки", "text": "Привет", "headers": {
                              **_headers(ws, contact_id), "X-Kaskad-Message": message_id}})
    return build_letter(request, "Магазин <news@shop.example>")


def _settings(imap: FakeImap) -> MailboxSettings:
    return MailboxSettings(host="127.0.0.1", port=imap.port, user=imap.user, password=imap.password, ssl=False,
                           timeout=5)


def test_mailto_unsubscribe_and_dsn_bounce_become_suppressions(workspace: Workspace) -> None:
    ivan = contact(workspace, email="ivan@example.org")
    olga = contact(workspace, email="olga@example.org")
    row_id, message_id = sent_row(workspace, provider="smtp", channel="email", address="olga@example.org",
                                  provider_message_id=None, contact_id=olga)
    mailto = _headers(workspace, ivan)["List-Unsubscribe"].split(", ")[1]
    with FakeImap() as imap:
        imap.add(unsubscribe_request(mailto))
        imap.add(dsn(_letter(workspace, olga, "olga@example.org", message_id), "olga@example.org"))
        imap.add(reply())
        imap.add(unsubscribe_request(mailto.replace("unsubscribe-", "unsubscribe-9")))  # damaged token
        result = asyncio.run(poll_mailbox(workspace, _settings(imap)))
        flags = [letter.flags for letter in imap.letters]
        # A second poll finds nothing new: handled letters are seen.
        again = asyncio.run(poll_mailbox(workspace, _settings(imap)))
    assert (result.read, result.unsubscribed, result.bounced, result.ignored, result.skipped) == (3, 1, 1, 1, 1)
    assert suppressed(workspace) == {("email", "ivan@example.org", "unsubscribed"),
                                     ("email", "olga@example.org", "bounced")}
    bounced = row(workspace, row_id)
    assert bounced["state"] == "failed" and "User unknown" in bounced["error"] and bounced["error_code"] == "5.1.1"
    assert events(workspace, row_id) == [("failed", "bounce")]
    # Letters that are not ours stay unread for a person to see.
    assert ["\\Seen" in f for f in flags] == [True, True, False, False]
    assert (again.read, again.ignored, again.skipped) == (1, 1, 1)
    assert imap.commands.count("FETCH") == 3 + 4 + 1 + 2  # the reply was never downloaded
    assert "LOGIN" in imap.commands and "LOGOUT" in imap.commands


def test_full_returned_message_and_soft_bounce(workspace: Workspace) -> None:
    olga = contact(workspace, email="olga@example.org")
    row_id, message_id = sent_row(workspace, provider="smtp", channel="email", address="olga@example.org",
                                  provider_message_id=None, contact_id=olga)
    letter = _letter(workspace, olga, "olga@example.org", message_id)
    with FakeImap() as imap:
        imap.add(dsn(letter, "olga@example.org", "4.2.2", diagnostic="smtp; 452 4.2.2 Mailbox full",
                     letter_id="<soft@mx>"))
        result = asyncio.run(poll_mailbox(workspace, _settings(imap)))
        assert (result.delayed, result.bounced) == (1, 0) and suppressed(workspace) == set()
        imap.add(dsn(letter, "olga@example.org", headers_only=False, letter_id="<hard@mx>"))
        imap.add(dsn(letter, "olga@example.org", headers_only=False, letter_id="<hard@mx>"))  # the MTA sent it twice
        result = asyncio.run(poll_mailbox(workspace, _settings(imap)))
    assert result.bounced == 2 and row(workspace, row_id)["state"] == "failed"
    assert events(workspace, row_id) == [("failed", "bounce")]
    assert suppressed(workspace) == {("email", "olga@example.org", "bounced")}


def test_classify_reads_our_ids_from_the_returned_headers(workspace: Workspace) -> None:
    olga = contact(workspace, email="olga@example.org")
    letter = _letter(workspace, olga, "Olga@Example.org", "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f")
    finding = classify(dsn(letter, "Olga@Example.org"))
    assert finding is not None and finding.kind == "bounce"
    assert (finding.message_id, finding.recipient, finding.status) == (
        "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f", "olga@example.org", "5.1.1")
    assert finding.token.startswith(f"{olga}.email.")
    assert classify(reply()) is None


def test_wrong_password_is_a_clear_error_and_settings_round_trip(workspace: Workspace) -> None:
    store = SecretStore(workspace.root)
    assert asyncio.run(poll_mailbox(workspace)) is None  # no mailbox configured: nothing to do
    with FakeImap() as imap:
        settings = _settings(imap)
        save_mailbox_settings(workspace.engine, store, settings)
        loaded = load_mailbox_settings(workspace.engine, SecretStore(workspace.root))
        assert loaded is not None and (loaded.host, loaded.port, loaded.password) == ("127.0.0.1", imap.port,
                                                                                       imap.password)
        assert asyncio.run(poll_mailbox(workspace)).read == 0  # configured mailbox, empty
        settings.password = "wrong"
        with pytest.raises(EnvironmentProblem, match="refused the login"):
            asyncio.run(poll_mailbox(workspace, settings))
    from tests.app.providers.kit import closed_port_url

    port = int(closed_port_url().rsplit(":", 1)[1])
    with pytest.raises(EnvironmentProblem, match="cannot connect to the mailbox"):
        asyncio.run(poll_mailbox(workspace, MailboxSettings("127.0.0.1", "x", port=port, ssl=False, timeout=2)))


def test_unread_human_mail_does_not_starve_our_letters(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.suppression.imap as imap_module

    monkeypatch.setattr(imap_module, "MAX_PER_POLL", 2)
    people = [contact(workspace, email=f"p{i}@example.org") for i in range(3)]
    with FakeImap() as imap:
        for _ in range(6):
            imap.add(reply())
        for person in people:
            imap.add(unsubscribe_request(_headers(workspace, person)["List-Unsubscribe"].split(", ")[1]))
        first = asyncio.run(poll_mailbox(workspace, _settings(imap)))
        second = asyncio.run(poll_mailbox(workspace, _settings(imap)))
    assert (first.unsubscribed, second.unsubscribed) == (2, 1)
    assert {a for _, a, _ in suppressed(workspace)} == {"p0@example.org", "p1@example.org", "p2@example.org"}
    assert all("\\Seen" not in letter.flags for letter in imap.letters[:6])
