"""The Campaigns screen and Settings → Sending speak Russian; the catalogue is complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from app.workspace import Workspace
from ui.campaigns.labels import state_name
from ui.campaigns.screen import CampaignsScreen
from ui.engine_host import EngineHost
from ui.i18n import I18N_DIR, install_translators, remove_translators
from ui.settings.sending_policy import SendingGroup


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_campaigns_catalogue_is_complete_and_compiled() -> None:
    root = ET.parse(I18N_DIR / "campaigns_ru.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "obsolete") or
                    not (m.findtext("translation") or "").strip()]
    assert untranslated == []
    assert (I18N_DIR / "campaigns_ru.qm").stat().st_mtime >= (I18N_DIR / "campaigns_ru.ts").stat().st_mtime - 1


def test_screen_wizard_and_settings_in_russian(qtbot, shop: Workspace, host: EngineHost, russian) -> None:
    screen = CampaignsScreen(shop, host=host)
    qtbot.add_widget(screen)
    assert screen.new_button.text() == "Новая рассылка…"
    assert screen.table.horizontalHeaderItem(3).text() == "Выполнено"
    assert state_name("held") == "Ждут окна отправки"
    screen.new_mailing()
    wizard = screen.wizard
    assert wizard.windowTitle() == "Новая рассылка"
    assert wizard.currentPage().title() == "Кому отправить рассылку"
    assert wizard.currentPage().all_radio.text() == "Все контакты (11)"
    wizard.reject()
    group = SendingGroup(shop)
    qtbot.add_widget(group)
    assert group.save_button.text() == "Сохранить настройки отправки"
    assert group.per_day.specialValueText() == "без ограничений"
