"""The real preview: Chromium draws the letter for a chosen contact, at desktop and phone width, safely."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.templates.document import new_document
from app.workspace import Workspace
from tests.ui.templates.helpers import page_html, wait_preview
from ui.templates.email_editor import EmailEditor
from ui.templates.preview import DESKTOP_WIDTH, MOBILE_WIDTH


@pytest.fixture
def editor(qtbot, seeded: Workspace) -> EmailEditor:
    widget = EmailEditor(seeded.engine)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    widget.set_template(1, new_document("designer"))
    wait_preview(qtbot, widget.preview)
    return widget


def test_preview_shows_the_contacts_name_and_steps_through_the_audience(qtbot, editor: EmailEditor) -> None:
    pane = editor.preview
    assert pane.load_ok is True
    assert "Здравствуйте, Иван!" in page_html(qtbot, pane.view)
    assert "Иван Петров" in pane.contact_label.text() and "1" in pane.contact_label.text()
    assert pane.total == 3
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, pane)
    assert "Здравствуйте, Мария!" in page_html(qtbot, pane.view)
    # The third contact has no first name: the heading's default applies.
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, pane)
    assert "Здравствуйте, друг!" in page_html(qtbot, pane.view)
    qtbot.mouseClick(pane.prev_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, pane)
    assert "Мария" in pane.contact_label.text()


def test_preview_as_a_list_member_and_the_text_part(qtbot, editor: EmailEditor) -> None:
    pane = editor.preview
    index = next(i for i in range(pane.audience_combo.count()) if pane.audience_combo.itemData(i) is not None)
    pane.audience_combo.setCurrentIndex(index)
    pane.audience_combo.activated.emit(index)
    wait_preview(qtbot, pane)
    assert pane.total == 2
    assert "Здравствуйте, Иван!" in pane.text_part.toPlainText()
    assert "Новости магазина" in pane.inbox.text()


def test_edits_reach_the_preview_after_a_pause(qtbot, editor: EmailEditor) -> None:
    designer = editor.designer
    designer.canvas.setCurrentRow(0)
    designer.properties.form.editors["text"].setPlainText("Скидка для {{ first_name }} и {{ city }}")
    designer.subject.setText("{{ first_name }}, подарок внутри")
    wait_preview(qtbot, editor.preview)
    assert "Скидка для Иван и Москва" in page_html(qtbot, editor.preview.view)
    assert "Иван, подарок внутри" in editor.preview.inbox.text()


def test_mobile_and_desktop_widths(qtbot, editor: EmailEditor) -> None:
    pane = editor.preview
    assert pane.view.width() == DESKTOP_WIDTH and DESKTOP_WIDTH >= 600
    qtbot.mouseClick(pane.mobile_button, Qt.MouseButton.LeftButton)
    assert pane.view.width() == MOBILE_WIDTH == 375
    assert pane.is_mobile() and pane.mobile_button.isChecked()
    qtbot.waitUntil(lambda: pane.view.page().contentsSize().width() <= MOBILE_WIDTH, timeout=5000)
    qtbot.mouseClick(pane.desktop_button, Qt.MouseButton.LeftButton)
    assert pane.view.width() == DESKTOP_WIDTH and not pane.is_mobile()


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a")

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def pixel_server() -> Iterator[str]:
    """A real HTTP server on loopback that counts requests (a tracking pixel's host)."""
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_preview_runs_no_javascript_and_loads_nothing_remote(qtbot, editor: EmailEditor, pixel_server: str) -> None:
    doc = new_document("html")
    doc["html"] = (f'<html><head><link rel="stylesheet" href="{pixel_server}/style.css"></head><body>'
                   f'<p id="who">Привет, {{{{ first_name }}}}</p>'
                   f'<img src="{pixel_server}/open.gif?u=1" alt="pixel">'
                   f'<div style="background:url({pixel_server}/bg.png)">фон</div>'
                   "<script>document.getElementById('who').textContent = 'JS RAN';"
                   f"new Image().src = '{pixel_server}/js.gif';</script></body></html>"
                   '<a href="https://example.ru/unsubscribe">Отписаться</a>')
    editor.designer.set_template(1, doc)
    editor.preview.set_document(editor.document(), at_once=True)
    wait_preview(qtbot, editor.preview)
    qtbot.wait(300)
    html = page_html(qtbot, editor.preview.view)
    assert '<p id="who">Привет, Иван</p>' in html  # the script would have replaced it
    assert _Counter.hits == []
    assert any("open.gif" in url for url in editor.preview.view.interceptor.blocked)


def test_links_in_the_preview_do_not_navigate(qtbot) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage

    from ui.templates.safe_view import SafeWebView

    view = SafeWebView()
    qtbot.addWidget(view)
    page = view.page()
    nav = QWebEnginePage.NavigationType
    assert not page.acceptNavigationRequest(QUrl("https://example.ru/"), nav.NavigationTypeLinkClicked, True)
    assert not page.acceptNavigationRequest(QUrl("file:///etc/passwd"), nav.NavigationTypeRedirect, True)
    assert page.acceptNavigationRequest(QUrl("data:text/html,x"), nav.NavigationTypeOther, True)
    settings = page.settings()
    assert not settings.testAttribute(settings.WebAttribute.JavascriptEnabled)
    assert not settings.testAttribute(settings.WebAttribute.LocalContentCanAccessRemoteUrls)
    assert page.profile().isOffTheRecord()


def test_a_template_that_never_finishes_is_stopped_and_explained(qtbot, editor: EmailEditor) -> None:
    pane = editor.preview
    pane.render_timeout = 1.0
    designer = editor.designer
    designer.canvas.setCurrentRow(0)
    text = designer.properties.form.editors["text"]
    text.setPlainText("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    qtbot.waitUntil(lambda: pane.settled() and pane.last.rendered is None, timeout=15000)
    assert "1 s" in pane.error_label.text() and not pane.error_label.isHidden()
    # The GUI stayed responsive and the next edit renders again in a fresh process.
    text.setPlainText("Снова работает, {{ first_name }}")
    wait_preview(qtbot, pane)
    assert pane.error_label.isHidden()
    assert "Снова работает, Иван" in page_html(qtbot, pane.view)
