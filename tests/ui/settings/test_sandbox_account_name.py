"""The built-in test account is listed as "Тестовый режим", not by its internal name "sandbox-sms"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.providers.store import add_provider, default_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from ui.i18n import install_translators, remove_translators
from ui.settings.sending_providers import ProvidersGroup


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_sandbox_account_reads_as_test_mode(qtbot, workspace: Workspace, russian, monkeypatch) -> None:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")
    assert default_provider(workspace.engine, "sms") == "sandbox-sms"  # created on first use, as a mailing does
    add_provider(workspace.engine, SecretStore(workspace.root), "SMS.ru основной", "smsru", secrets={"api_id": "x"})
    group = ProvidersGroup(workspace)
    qtbot.add_widget(group)
    names = {group.table.item(row, 0).text(): group.table.item(row, 1).text() for row in range(group.table.rowCount())}
    assert names["Тестовый режим"] == "Тестовый режим: SMS сохраняются в файл"
    assert "SMS.ru основной" in names and not any(name.startswith("sandbox") for name in names)
