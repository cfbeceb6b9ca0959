"""The live view explains "unknown" messages and the report groups failure reasons with their counts."""

from __future__ import annotations

import sqlalchemy as sa

from app.campaigns.audience import materialise
from app.campaigns.model import create_campaign, start_campaign
from app.outbox.tables import campaigns, outbox
from app.workspace import Workspace
from ui.campaigns.screen import CampaignsScreen
from ui.engine_host import EngineHost


def test_unknown_messages_are_explained_and_failures_grouped(qtbot, shop: Workspace, host: EngineHost) -> None:
    campaign = create_campaign(shop.engine, name="Итоги", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(shop.engine, campaign.id)
    materialise(shop.engine, campaign.id)
    with shop.engine.begin() as conn:
        ids = list(conn.execute(sa.select(outbox.c.id).order_by(outbox.c.id)).scalars())
        conn.execute(outbox.update().where(outbox.c.id.in_(ids[:3])).values(state="sent", cost=4.5))
        conn.execute(outbox.update().where(outbox.c.id.in_(ids[3:6])).values(
            state="failed", error="SMS.ru 207: нет маршрута"))
        conn.execute(outbox.update().where(outbox.c.id.in_(ids[6:8])).values(
            state="unknown", error="no answer after the request was sent"))
        conn.execute(outbox.update().where(outbox.c.id.in_(ids[8:])).values(state="skipped", skip_reason="suppressed"))
        conn.execute(campaigns.update().values(status="finished"))
    screen = CampaignsScreen(shop, host=host)
    qtbot.add_widget(screen)
    screen.show()
    screen.select_campaign(campaign.id)
    progress, report = screen.progress, screen.report
    qtbot.wait_until(lambda: progress.data is not None, timeout=5000)
    assert progress.counts["unknown"].text() == "2" and progress.counts["failed"].text() == "3"
    assert progress.unknown_note.isVisible() and "never resends" in progress.unknown_note.text()
    assert not progress.pause_button.isVisible() and not progress.cancel_button.isVisible()
    failures = {report.failures.item(r, 0).text(): report.failures.item(r, 1).text()
                for r in range(report.failures.rowCount())}
    assert failures == {"SMS.ru 207: нет маршрута": "3", "no answer after the request was sent": "2"}
    assert "13,50" in report.summary.text() or "13.50" in report.summary.text()
    rows = [screen.table.item(r, 3).text() for r in range(screen.table.rowCount())]
    assert rows == ["100 %"]
