"""On a 1280×720 window every editor command and the version picker are on screen, not in an overflow menu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.scenarios import store
from app.workspace import Workspace
from tests.ui.scenarios.screen_helpers import sms_template
from ui.i18n import install_translators, remove_translators
from ui.main_window import MainWindow
from ui.scenarios import backend


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_editor_commands_fit_a_1280_window(workspace: Workspace, qtbot, russian) -> None:
    sms_template(workspace, "Брошенный визит — SMS", "{{ first_name }}, для вас скидка 10% до пятницы!")
    scenario_id = backend.create(workspace.engine, "Брошенный визит", "abandoned_visit")
    store.publish_scenario(workspace.engine, scenario_id)
    window = MainWindow(workspace)
    qtbot.add_widget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_section("scenarios")
    screen.open_scenario(scenario_id)
    editor = screen.editor
    qtbot.wait_until(lambda: editor.toolbar.isVisible(), timeout=5000)
    qtbot.wait(50)
    toolbar = editor.toolbar
    hidden = [a.text() for a in toolbar.actions() if a.isVisible() and not a.isSeparator()
              and not toolbar.widgetForAction(a).isVisible()]
    assert hidden == []
    assert toolbar.versions.isVisible() and toolbar.versions.currentText() == "Версия 1 · работает"
    assert window.width() == 1280
    editor.counters.stop()
    window.close()
