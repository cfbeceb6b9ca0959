"""The main window: navigation, coming-soon pages, import routing, closing with work running, startup."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence

from app.workspace import Workspace
from ui import main_window as main_window_module
from ui.app import run_gui
from ui.contacts.screen import ContactsScreen
from ui.main_window import MainWindow
from ui.ops import run_in_worker
from ui.sections import SECTIONS
from ui.settings.screen import SettingsScreen
from ui.widgets.coming_soon import ComingSoonPage
from ui.widgets.dialogs import Confirm

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(workspace: Workspace, qtbot) -> MainWindow:
    win = MainWindow(workspace)
    qtbot.add_widget(win)
    win.show()
    return win


def test_navigation_lists_every_section_and_coming_soon_pages(window: MainWindow, workspace: Workspace) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Contacts", "Audiences", "Templates", "Campaigns", "Scenarios", "Reports", "Settings"]
    assert window.windowTitle() == f"Kaskad — {workspace.root}"
    assert window.width() >= 1200 and window.height() >= 800
    assert isinstance(window.pages.currentWidget(), ContactsScreen)
    for row, entry in enumerate(SECTIONS):
        window.nav.setCurrentRow(row)
        page = window.pages.currentWidget()
        if entry.id == "reports":
            assert isinstance(page, ComingSoonPage)
            assert len(page.description.text()) > 40  # says what will be there
    assert isinstance(window.page("settings"), SettingsScreen)
    for section_id in ("lists", "campaigns", "scenarios", "reports", "templates"):
        assert len(ComingSoonPage(section_id).description.text()) > 40  # every future section is described


def test_import_action_ctrl_i_and_dropped_file_open_the_wizard(window: MainWindow, tmp_path: Path,
                                                               monkeypatch) -> None:
    calls: list[str | None] = []
    monkeypatch.setattr(main_window_module, "open_import", lambda parent, ws, path=None: calls.append(path))
    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    window.import_action.trigger()
    csv = tmp_path / "база.csv"
    csv.write_text("Телефон\n89123456789\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(csv))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert calls == [None, str(csv)]


def test_closing_while_work_runs_asks_first(window: MainWindow, qtbot, monkeypatch) -> None:
    release = threading.Event()

    def slow(cancel) -> str:
        while not release.wait(0.01):
            cancel.raise_if_cancelled()
        return "done"

    cancelled: list[bool] = []
    handle = run_in_worker(slow, on_cancelled=lambda: cancelled.append(True))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: False))
    window.close()
    assert window.isVisible()
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    window.close()
    assert not window.isVisible()
    qtbot.wait_until(lambda: handle.done, timeout=3000)
    assert cancelled == [True]


def test_real_launch_starts_and_quits(tmp_path: Path) -> None:
    # A fresh process, as `make run` starts it: QApplication, translators, qasync loop, window.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "ru_RU.UTF-8"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "gui", "--workspace", str(tmp_path / "ws"),
                           "--quit-after", "0.5"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ws" / "kaskad.db").is_file()


def test_run_gui_reports_an_unusable_workspace(tmp_path: Path, qapp, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.app.QMessageBox.critical", lambda parent, title, text: shown.append(text))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert run_gui(["--workspace", str(blocker / "ws"), "--lang", "en"]) == 4
    assert shown and "cannot be opened" in shown[0]


def test_window_remembers_its_geometry(workspace: Workspace, qtbot) -> None:
    first = MainWindow(workspace)
    qtbot.add_widget(first)
    first.show()
    first.resize(first.minimumSizeHint().width(), 500)  # the offscreen screen is only 800×800
    assert first.height() == 500
    first.close()
    second = MainWindow(workspace)
    qtbot.add_widget(second)
    assert second.height() == 500  # not the 820 a first start gets
