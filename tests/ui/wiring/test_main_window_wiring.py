"""The main window starts the engine (with its receiver), asks before leaving unsaved work,
and the mailing wizard offers saved segments."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import httpx
import pytest
import sqlalchemy as sa

from app.campaigns.audience import materialise
from app.campaigns.model import create_campaign, get_campaign, start_campaign
from app.outbox.tables import outbox
from app.segments.service import create_segment
from app.settings import set_setting
from app.templates.document import new_document
from app.templates.library import create_template
from app.workspace import Workspace
from tests.ui.campaigns.conftest import add_people
from ui.audiences import dialogs as audience_dialogs
from ui.campaigns.screen import CampaignsScreen
from ui.campaigns.wizard import MailingWizard
from ui.main_window import MainWindow
from ui.ops import active_operations
from ui.templates import dialogs as template_dialogs
from ui.widgets.dialogs import Confirm, ErrorDialog

KAZAN = {"type": "field", "field": "city", "op": "eq", "value": "Казань"}


@pytest.fixture(autouse=True)
def quiet_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")
    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "ask", classmethod(lambda cls, parent, exc: shown.append(exc)))
    return shown


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def shop(workspace: Workspace) -> Workspace:
    add_people(workspace, 4, list_name="Постоянные")
    set_setting(workspace.engine, "sending.quiet_hours", {"start": "09:00", "end": "21:00", "channels": []})
    set_setting(workspace.engine, "receiver.port", _free_port())
    create_template(workspace.engine, "Скидка", "sms", new_document("sms") | {"text": "{{ first_name }}, скидка!"})
    return workspace


@pytest.fixture
def make_window(shop: Workspace, qtbot) -> Iterator[Callable[[], MainWindow]]:
    """Opens main windows; afterwards stops their engines first, so closing them asks nothing."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        view = MainWindow(shop)
        view.show()
        made.append(view)
        return view

    yield make
    for view in made:
        host = view.engine_host
        host.shutdown()  # stops its timer too: nothing restarts the engine after the test
        qtbot.wait_until(lambda: not active_operations(), timeout=15000)  # e.g. a template preview render
        if view.isVisible():
            view.close()


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def _sent(ws: Workspace, campaign_id: int) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).where(outbox.c.campaign_id == campaign_id,
                                                                  outbox.c.state == "sent")).scalar() or 0)


def _running_campaigns(ws: Workspace) -> tuple[int, int]:
    """One materialised campaign to send, and one started but not materialised (keeps the engine on)."""
    send = create_campaign(ws.engine, name="Осталась", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(ws.engine, send.id)
    materialise(ws.engine, send.id)
    keep = create_campaign(ws.engine, name="Идёт", channel="sms", template="Скидка", all_contacts=True)
    start_campaign(ws.engine, keep.id)
    return send.id, keep.id


def test_a_running_campaign_resumes_when_the_window_opens_with_the_receiver(
        qtbot, shop: Workspace, make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    send, _keep = _running_campaigns(shop)
    view = make_window()
    assert view.pages.currentIndex() == 0 and "campaigns" not in view._built  # Campaigns never opened
    qtbot.wait_until(lambda: _sent(shop, send) == 4, timeout=20000)
    qtbot.wait_until(lambda: bool(view.engine_host.receiver_url), timeout=10000)
    health = httpx.get(view.engine_host.receiver_url + "/health", timeout=5)
    assert health.status_code == 200 and health.json()["ok"] is True
    # The close guard still asks while sending; saying no keeps everything running.
    asked: list[str] = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: asked.append(text) or False))
    view.close()
    assert len(asked) == 1 and "sending a mailing" in asked[0] and view.isVisible() and view.engine_host.running
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    url = view.engine_host.receiver_url
    view.close()
    qtbot.wait_until(lambda: not view.isVisible(), timeout=15000)
    qtbot.wait_until(lambda: not view.engine_host.running, timeout=15000)
    with pytest.raises(httpx.TransportError):  # the receiver stopped with the engine
        httpx.get(url + "/health", timeout=2)


def test_a_taken_receiver_port_shows_a_warning_and_sending_goes_on(qtbot, shop: Workspace,
                                                                   window: MainWindow) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        set_setting(shop.engine, "receiver.port", port)
        send, _keep = _running_campaigns(shop)
        window.engine_host.sync()
        qtbot.wait_until(lambda: bool(window.engine_host.last_warning), timeout=15000)
        qtbot.wait_until(lambda: _sent(shop, send) == 4, timeout=20000)
    assert str(port) in window.engine_host.last_warning
    assert window.statusBar().currentMessage() == window.engine_host.last_warning
    assert window.engine_host.running and not window.engine_host.receiver_url


def test_leaving_templates_with_unsaved_edits_asks_first(qtbot, shop: Workspace, window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[str] = []
    monkeypatch.setattr(template_dialogs.UnsavedChanges, "ask", classmethod(lambda cls, *a: answers.pop(0)))
    created = create_template(shop.engine, "Письмо", "email", new_document("designer"))
    templates = window.show_section("templates")
    templates.library.reload()
    templates.open_template(created.template_id)
    templates.editor_page.editor.designer.subject.setText("Новая тема")
    answers.append("cancel")
    window.nav.setCurrentRow(0)  # Contacts
    assert window.pages.currentWidget() is templates and window.nav.currentRow() == 2 and not answers
    assert templates.has_unsaved_changes()
    answers.append("discard")
    window.nav.setCurrentRow(0)
    assert window.pages.currentWidget() is window.page("contacts") and not answers
    answers.append("discard")
    assert templates.back_to_library()  # the editor's preview is not left rendering at teardown


def test_leaving_an_unsaved_segment_asks_and_save_keeps_it(qtbot, shop: Workspace, window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           quiet_dialogs: list[BaseException]) -> None:
    answers: list[str] = []
    monkeypatch.setattr(audience_dialogs.UnsavedChanges, "ask", classmethod(lambda cls, *a: answers.pop(0)))
    kazan = create_segment(shop.engine, "Казань", KAZAN)
    audiences = window.show_section("lists")
    audiences.refresh()
    audiences.sidebar.select(audiences.sidebar.segments_view, kazan)
    qtbot.wait_until(lambda: audiences.editor.segment_id == kazan, timeout=5000)
    audiences.editor.builder.set_op("or")
    audiences.editor.builder.add_condition({"type": "field", "field": "city", "op": "eq", "value": "Москва"})
    assert audiences.editor.dirty
    answers.append("cancel")
    window.show_section("settings")
    assert window.pages.currentWidget() is audiences and window.nav.currentRow() == 1
    answers.append("save")
    window.show_section("settings")
    assert not quiet_dialogs
    assert window.pages.currentWidget() is window.page("settings") and not audiences.editor.dirty
    assert window.may_leave_section()  # Settings has no unsaved-work protocol: always free to go

    audiences.editor.builder.set_op("and")
    assert audiences.editor.dirty
    window.show_section("lists")
    answers.append("cancel")
    window.close()  # quitting with unsaved work asks too, and "cancel" keeps the window open
    assert window.isVisible() and audiences.editor.dirty
    answers.append("discard")
    assert window.may_leave_section() and not answers  # what closing asks; "discard" lets it go
    answers.append("discard")  # for the close when the test ends


def test_wizard_offers_saved_segments_as_the_audience(qtbot, shop: Workspace, window: MainWindow) -> None:
    with shop.engine.begin() as conn:
        from app.db.schema import contacts

        first_two = [r for (r,) in conn.execute(sa.select(contacts.c.id).order_by(contacts.c.id).limit(2))]
        conn.execute(contacts.update().where(contacts.c.id.in_(first_two)).values(city="Казань"))
    create_segment(shop.engine, "Казань", KAZAN)
    screen = window.show_section("campaigns")
    assert isinstance(screen, CampaignsScreen)
    screen.new_button.click()
    wizard = screen.wizard
    page = wizard.currentPage()
    assert page.segments.isEnabled() and page.segments.itemText(0) == "Казань"
    page.segment_radio.setChecked(True)
    page.grab().save("/tmp/wiring_audience_page.png")
    wizard.next()
    assert wizard.currentId() == MailingWizard.CHANNEL
    wizard.currentPage().radios["sms"].setChecked(True)
    wizard.next()
    content = wizard.currentPage()
    qtbot.wait_until(lambda: content.isComplete(), timeout=10000)
    assert "Анна0, скидка!" in content.preview.toPlainText()
    wizard.next()
    assert wizard.currentId() == MailingWizard.PREFLIGHT
    campaign = get_campaign(shop.engine, wizard.state.campaign_id)
    assert campaign.audience["segment"] > 0
    qtbot.wait_until(lambda: wizard.state.preflight is not None, timeout=15000)
    assert wizard.state.preflight.total == 2
    wizard.reject()
