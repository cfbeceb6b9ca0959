"""The Settings page and its Language group."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox

from app.settings import get_language
from app.workspace import Workspace
from ui.settings.language import LanguageGroup
from ui.settings.screen import SETTINGS_GROUPS, SettingsScreen


def test_settings_switches_the_language(workspace: Workspace, qtbot) -> None:
    group = LanguageGroup(workspace)
    qtbot.add_widget(group)
    group.combo.setCurrentIndex(group.combo.findData("ru"))
    assert get_language(workspace.engine) == "ru"
    assert "Restart" in group.note.text()
    again = LanguageGroup(workspace)
    qtbot.add_widget(again)
    assert again.combo.currentData() == "ru"


def test_settings_page_shows_every_registered_group(workspace: Workspace, qtbot) -> None:
    page = SettingsScreen(workspace)
    qtbot.add_widget(page)
    assert len(page.groups) == len(SETTINGS_GROUPS)
    assert [g.title() for g in page.findChildren(QGroupBox)][0] == "Language"
