"""Settings → Sending: provider accounts against a fake SMS.ru, and the sending rules persisting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
import sqlalchemy as sa

from app.campaigns.model import create_campaign
from app.engine.gates import load_policy
from app.outbox.tables import providers
from app.secrets import SecretStore
from app.settings import get_setting
from app.templates.document import new_document
from app.templates.library import create_template
from app.workspace import Workspace
from tests.fakes.smsru import FakeSmsRu
from ui.settings.providers_dialog import ProviderDialog
from ui.settings.screen import SettingsScreen
from ui.settings.sending_policy import SendingGroup
from ui.settings.sending_providers import ProvidersGroup
from ui.widgets.dialogs import Confirm, ErrorDialog


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


@pytest.fixture
def smsru() -> Iterator[FakeSmsRu]:
    with FakeSmsRu(api_id="real-key") as server:
        yield server


def fill(dialog: ProviderDialog, name: str, type_key: str, values: dict[str, str], base_url: str = "") -> None:
    dialog.name.setText(name)
    dialog.type.setCurrentIndex(dialog.type.findData(type_key))
    for key, value in values.items():
        dialog.inputs[key].setText(value)
    dialog.base_url.setText(base_url)


def test_add_provider_test_connection_and_secrets_stay_secret(qtbot, workspace: Workspace, smsru: FakeSmsRu) -> None:
    group = ProvidersGroup(workspace)
    qtbot.add_widget(group)
    group.add_button.click()
    dialog = group.dialog
    assert dialog is not None
    dialog.type.setCurrentIndex(dialog.type.findData("smsru"))
    assert set(dialog.inputs) == {"api_id", "from", "rate_per_second", "rate_per_minute"}
    assert dialog.inputs["api_id"].echoMode() == dialog.inputs["api_id"].EchoMode.Password
    fill(dialog, "SMS.ru основной", "smsru", {"api_id": "wrong-key", "from": "SHOP"}, smsru.url)
    dialog.default.setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [(a.name, a.type, a.is_default) for a in group.accounts] == [("SMS.ru основной", "smsru", True)]
    assert group.selected().name == "SMS.ru основной"

    # The key is in the secret store only: not in the database, not shown back in the form.
    with workspace.engine.connect() as conn:
        stored = conn.execute(sa.select(providers)).mappings().one()
    assert "wrong-key" not in repr(dict(stored))
    assert SecretStore(workspace.root).get("SMS.ru основной") == {"api_id": "wrong-key"}

    group.test_button.click()
    qtbot.wait_until(lambda: group.test_button.isEnabled(), timeout=10000)
    assert group.result.text().startswith("Connection failed") and "200" in group.result.text()

    group.edit_button.click()
    dialog = group.dialog
    assert dialog.inputs["api_id"].text() == "" and "saved" in dialog.inputs["api_id"].placeholderText()
    assert dialog.inputs["from"].text() == "SHOP"
    dialog.inputs["api_id"].setText("real-key")
    dialog.save()
    group.test_button.click()
    qtbot.wait_until(lambda: group.test_button.isEnabled(), timeout=10000)
    assert group.result.text() == "Connection works: SMS.ru: connected, balance 100.0"
    assert len(smsru.requests_to("/my/balance")) == 2


def test_provider_form_refuses_bad_values(qtbot, workspace: Workspace) -> None:
    group = ProvidersGroup(workspace)
    qtbot.add_widget(group)
    group.add_button.click()
    dialog = group.dialog
    fill(dialog, "смс", "smsru", {"api_id": "k", "rate_per_second": "много"})
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted and "must be a number" in dialog.error.text()
    fill(dialog, "", "smsru", {"api_id": "k", "rate_per_second": ""})
    dialog.save()
    assert "needs a name" in dialog.error.text()
    assert group.accounts == []


def test_delete_is_refused_while_a_mailing_uses_the_account(qtbot, workspace: Workspace, monkeypatch) -> None:
    from app.providers.store import add_provider

    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "ask", classmethod(lambda cls, parent, exc: shown.append(exc)))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    add_provider(workspace.engine, SecretStore(workspace.root), "смс", "smsru", secrets={"api_id": "k"})
    create_template(workspace.engine, "Т", "sms", new_document("sms") | {"text": "Привет"})
    create_campaign(workspace.engine, name="Акция", channel="sms", template="Т", all_contacts=True, provider="смс")
    group = ProvidersGroup(workspace)
    qtbot.add_widget(group)
    group.select("смс")
    group.delete_button.click()
    assert shown and "Акция" in str(shown[0])
    assert [a.name for a in group.accounts] == ["смс"]


def test_quiet_hours_caps_price_and_receiver_persist(qtbot, workspace: Workspace) -> None:
    group = SendingGroup(workspace)
    qtbot.add_widget(group)
    assert group.quiet_start.time().toString("HH:mm") == "09:00"  # the default window
    group.quiet_start.setTime(group.quiet_start.time().fromString("10:30", "HH:mm"))
    group.quiet_end.setTime(group.quiet_end.time().fromString("20:00", "HH:mm"))
    group.per_day.setValue(2)
    group.per_week.setValue(5)
    group.price.setValue(4.95)
    group.port.setValue(9090)
    group.base_url.setText("https://kaskad.example.ru/")
    group.from_name.setText("Ромашка")
    group.from_email.setText("shop@example.ru")
    group.sms_sender.setText("ROMASHKA")
    assert group.save()

    with workspace.engine.connect() as conn:
        policy = load_policy(conn)
    assert (policy.quiet_start, policy.quiet_end) == (time(10, 30), time(20, 0))
    assert policy.cap_for("sms") == (2, 5) and policy.cap_for("email") == (2, 5)
    assert get_setting(workspace.engine, "sms.price_per_segment") == 4.95
    assert get_setting(workspace.engine, "sending.sms_price") is None  # one key per thing
    assert get_setting(workspace.engine, "receiver.port") == 9090
    assert get_setting(workspace.engine, "receiver.public_url") == "https://kaskad.example.ru"
    assert get_setting(workspace.engine, "sending.receiver_port") is None

    again = SendingGroup(workspace)
    qtbot.add_widget(again)
    assert again.quiet_start.time().toString("HH:mm") == "10:30"
    assert again.quiet_end.time().toString("HH:mm") == "20:00"
    assert (again.per_day.value(), again.per_week.value()) == (2, 5)
    assert again.price.value() == pytest.approx(4.95)
    assert again.port.value() == 9090
    assert again.sms_sender.text() == "ROMASHKA"

    from ui.campaigns.wizard import sender_for

    assert sender_for(workspace, "email") == "Ромашка <shop@example.ru>"
    assert sender_for(workspace, "sms") == "ROMASHKA"


def test_wrong_sending_values_are_explained_and_not_saved(qtbot, workspace: Workspace) -> None:
    group = SendingGroup(workspace)
    qtbot.add_widget(group)
    group.base_url.setText("kaskad.example.ru")
    group.reply_to.setText("not an address")
    group.quiet_end.setTime(group.quiet_start.time())
    assert not group.save()
    text = group.note.text()
    assert "https://" in text and "Reply-to" in text and "same time" in text
    assert get_setting(workspace.engine, "sending.quiet_hours") is None


def test_settings_page_lists_the_sending_groups(qtbot, workspace: Workspace) -> None:
    screen = SettingsScreen(workspace)
    qtbot.add_widget(screen)
    kinds = [type(g) for g in screen.groups]
    assert ProvidersGroup in kinds and SendingGroup in kinds
