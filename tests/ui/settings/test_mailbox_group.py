"""Settings → Mailbox for unsubscribes and bounces, against the real local IMAP server."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.campaigns.render import SETTING_MAILTO
from app.db.schema import settings as settings_table
from app.secrets import SecretStore
from app.settings import get_setting
from app.suppression.imap import SECRET_NAME, last_result, load_mailbox_settings
from app.workspace import Workspace
from tests.app.receiver.helpers import contact, suppressed
from tests.app.suppression.fake_imap import FakeImap
from tests.app.suppression.letters import reply, unsubscribe_request
from tests.app.suppression.test_mailbox import _headers
from ui.settings.mailbox_group import MailboxGroup
from ui.settings.screen import SettingsScreen
from ui.settings.sending_policy import SendingGroup


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


def _fill(group: MailboxGroup, imap: FakeImap, password: str) -> None:
    group.mailto.setText("unsubscribe@shop.example")
    group.host.setText("127.0.0.1")
    group.ssl.setChecked(False)
    group.port.setValue(imap.port)
    group.user.setText(imap.user)
    group.password.setText(password)


def _wait(qtbot, group: MailboxGroup) -> None:
    qtbot.wait_until(lambda: group.poll_button.isEnabled() and group.test_button.isEnabled(), timeout=15000)


def test_check_connection_save_and_the_password_never_comes_back(qtbot, workspace: Workspace) -> None:
    group = MailboxGroup(workspace)
    qtbot.add_widget(group)
    assert group.last.text() == "The mailbox has not been checked yet."
    with FakeImap() as imap:
        imap.add(reply())
        _fill(group, imap, "wrong")
        group.test_button.click()
        _wait(qtbot, group)
        assert group.status.text().startswith("Did not work") and "refused the login" in group.status.text()
        assert load_mailbox_settings(workspace.engine) is None  # a check saves nothing
        group.password.setText(imap.password)
        group.test_button.click()
        _wait(qtbot, group)
        assert group.status.text() == "Connection works: folder “INBOX”, unread letters: 1."
        assert group.save()
    assert group.password.text() == "" and "saved" in group.password.placeholderText()
    assert get_setting(workspace.engine, SETTING_MAILTO) == "unsubscribe@shop.example"
    assert SecretStore(workspace.root).get(SECRET_NAME) == {"password": imap.password}
    with workspace.engine.connect() as conn:
        stored = [str(v) for (v,) in conn.execute(sa.select(settings_table.c.value))]
    assert not any(imap.password in value for value in stored)
    # Shown again later: everything but the password.
    again = MailboxGroup(workspace)
    qtbot.add_widget(again)
    assert (again.host.text(), again.port.value(), again.ssl.isChecked()) == ("127.0.0.1", imap.port, False)
    assert again.password.text() == "" and again.user.text() == imap.user


def test_bad_input_is_refused_in_plain_words(qtbot, workspace: Workspace) -> None:
    group = MailboxGroup(workspace)
    qtbot.add_widget(group)
    group.mailto.setText("not an address")
    assert not group.save() and "not an e-mail address" in group.status.text()
    group.mailto.setText("")
    assert not group.save() and group.status.text() == "Fill in the IMAP server and the login."
    group.host.setText("imap.example.org")
    group.user.setText("box@example.org")
    assert not group.save() and group.status.text() == "Enter the mailbox password."
    assert load_mailbox_settings(workspace.engine) is None


def test_check_now_applies_unsubscribes_and_shows_the_last_result(qtbot, workspace: Workspace) -> None:
    ivan = contact(workspace, email="ivan@example.org")
    group = MailboxGroup(workspace)
    qtbot.add_widget(group)
    with FakeImap() as imap:
        _fill(group, imap, imap.password)
        mailto = _headers(workspace, ivan)["List-Unsubscribe"].split(", ")[1]
        imap.add(unsubscribe_request(mailto))
        imap.add(reply())
        group.poll_button.click()
        _wait(qtbot, group)
        assert group.status.text() == "Done. Letters read: 1."
        assert suppressed(workspace) == {("email", "ivan@example.org", "unsubscribed")}
        assert "unsubscribes: 1" in group.last.text() and last_result(workspace.engine)["ok"] is True
        assert "\\Seen" not in imap.letters[1].flags  # the person's letter is left for the owner
    # The server is gone now: the failure is shown and remembered as the last result.
    group.poll_button.click()
    _wait(qtbot, group)
    assert group.status.text().startswith("Did not work: cannot connect to the mailbox")
    assert "failed — cannot connect" in group.last.text()


def test_the_mailto_field_follows_the_sending_group_on_the_page(qtbot, workspace: Workspace) -> None:
    screen = SettingsScreen(workspace)
    qtbot.add_widget(screen)
    mailbox = next(g for g in screen.groups if isinstance(g, MailboxGroup))
    sending = next(g for g in screen.groups if isinstance(g, SendingGroup))
    mailbox.mailto.setText("unsub@shop.example")
    assert sending.mailto.text() == "unsub@shop.example"
    sending.mailto.setText("other@shop.example")
    assert mailbox.mailto.text() == "other@shop.example"
