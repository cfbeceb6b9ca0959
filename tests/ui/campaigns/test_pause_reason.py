"""A paused mailing explains itself in the UI language only: no English half of a stored note."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.campaigns.audience import materialise
from app.campaigns.model import create_campaign, pause_campaign, start_campaign
from app.engine.decide import Decider
from app.workspace import Workspace
from ui.campaigns.labels import pause_reason_text
from ui.campaigns.screen import CampaignsScreen
from ui.engine_host import EngineHost
from ui.i18n import install_translators, remove_translators


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_reasons_written_by_the_app_are_translated(russian) -> None:
    engine_note = Decider.pause_reason("SMS.ru основной", "неверный api_id (ошибка 200)")
    text = pause_reason_text(engine_note)
    assert text.startswith("сервис «SMS.ru основной» отказал: неверный api_id (ошибка 200). Проверьте")
    assert "Provider" not in text and "refused" not in text
    assert pause_reason_text("paused by the user") == "приостановлена вручную"
    assert pause_reason_text("закончились деньги") == "закончились деньги"


def test_paused_campaign_shows_the_russian_reason(qtbot, shop: Workspace, host: EngineHost, russian) -> None:
    campaign = create_campaign(shop.engine, name="Напоминание", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(shop.engine, campaign.id)
    materialise(shop.engine, campaign.id)
    pause_campaign(shop.engine, campaign.id, Decider.pause_reason("SMS.ru", "баланс исчерпан"))
    screen = CampaignsScreen(shop, host=host)
    qtbot.add_widget(screen)
    screen.show()
    screen.select_campaign(campaign.id)
    qtbot.wait_until(lambda: screen.progress.data is not None, timeout=5000)
    assert screen.progress.reason.isVisible()
    assert screen.progress.reason.text() == (
        "На паузе: сервис «SMS.ru» отказал: баланс исчерпан. Проверьте его настройки, баланс или имя отправителя "
        "и продолжите рассылку.")
