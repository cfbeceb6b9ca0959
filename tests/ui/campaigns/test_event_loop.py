"""The window stays responsive while a campaign is sent; the engine host handles a second sender."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from app.campaigns.audience import materialise
from app.campaigns.model import create_campaign, start_campaign
from app.engine.lock import EngineLock, lock_path_for
from app.workspace import Workspace
from tests.ui.campaigns.conftest import add_people
from ui.campaigns.screen import CampaignsScreen
from ui.engine_host import EngineHost
from ui.widgets.dialogs import Confirm

#: Generous: the target is 100 ms, but the test machine's 2 cores are shared with other work.
STALL_BOUND_MS = 250


def test_gui_event_loop_stays_responsive_during_a_2000_message_campaign(qtbot, shop: Workspace,
                                                                        host: EngineHost) -> None:
    add_people(shop, 2000, start=10_000)
    screen = CampaignsScreen(shop, host=host)
    qtbot.add_widget(screen)
    screen.show()
    campaign = create_campaign(shop.engine, name="Большая", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(shop.engine, campaign.id)
    total = materialise(shop.engine, campaign.id)
    assert total >= 2000
    screen.select_campaign(campaign.id)

    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    started = time.monotonic()
    timer.start()
    host.start()
    qtbot.wait_until(lambda: screen.progress.data is not None and screen.progress.data["status"] == "finished",
                     timeout=60000)
    timer.stop()
    elapsed = time.monotonic() - started
    longest_ms = max(gaps) * 1000
    print(f"\n{total} messages in {elapsed:.2f} s; longest event-loop stall {longest_ms:.0f} ms "
          f"over {len(gaps)} ticks")
    sent = int(screen.progress.counts["sent"].text().replace("\xa0", "").replace(",", ""))
    assert sent == total - 2  # everyone but the contact without consent and the suppressed one
    assert longest_ms < STALL_BOUND_MS


def test_a_second_sender_is_reported_in_plain_words(qtbot, shop: Workspace, host: EngineHost) -> None:
    other = EngineLock(shop.engine, lock_path_for(shop.engine, shop.root))
    other.acquire()
    try:
        problems: list[str] = []
        host.problem.connect(problems.append)
        host.start()
        qtbot.wait_until(lambda: bool(problems), timeout=10000)
        assert "already sending from this workspace" in problems[0]
        qtbot.wait_until(lambda: not host.running, timeout=5000)
    finally:
        other.release()


def test_closing_the_main_window_while_sending_asks_and_stops_gracefully(qtbot, shop: Workspace,
                                                                         monkeypatch) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(shop)
    qtbot.add_widget(window)
    window.show()
    screen = window.show_section("campaigns")
    assert isinstance(screen, CampaignsScreen)
    host = screen.host
    campaign = create_campaign(shop.engine, name="Идёт", channel="sms", template="Скидка", all_contacts=True)
    # Started but not materialised: the campaign stays running (and the engine with it) until we are done.
    start_campaign(shop.engine, campaign.id)
    host.sync()
    qtbot.wait_until(lambda: host.running, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: asked.append(text) or False))
    window.close()
    assert len(asked) == 1 and "sending a mailing" in asked[0]
    assert window.isVisible() and host.running
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    window.close()
    qtbot.wait_until(lambda: not window.isVisible(), timeout=15000)
    # The engine thread ends with the window (it may take a moment to be seen as finished).
    qtbot.wait_until(lambda: not host.running, timeout=15000)


def test_a_stop_someone_waits_for_is_not_undone_by_the_next_idle_check(qtbot, shop: Workspace,
                                                                     host: EngineHost) -> None:
    # The race behind a window that would not close: the engine thread ended, its "stopped"
    # news still queued, and the periodic check saw the running campaign and started a new
    # engine, whose thread then received the old thread's news.
    campaign = create_campaign(shop.engine, name="Идёт", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(shop.engine, campaign.id)  # running and not materialised: the engine stays up
    host.start()
    qtbot.wait_until(lambda: host.running, timeout=5000)
    seen: list[bool] = []
    host.stop(then=lambda: seen.append(host.running))
    thread = host._thread
    assert thread is not None
    thread.join(10)  # the thread ended; the GUI has not handled its "stopped" yet
    host.sync()
    qtbot.wait_until(lambda: bool(seen), timeout=5000)
    # When the waiter runs, the engine is stopped; a later idle check may legitimately start a
    # new one for the running campaign (every 200 ms here), so that is not asserted.
    assert seen == [False]
