"""Translations: Russian catalogues load, the language follows setting then system, plurals work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt

from app.workspace import Workspace
from tests.ui.demo import add_contacts
from ui.contacts.screen import ContactsScreen
from ui.i18n import I18N_DIR, choose_language, install_translators, remove_translators, system_language
from ui.main_window import MainWindow


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_every_area_has_a_compiled_russian_catalogue() -> None:
    names = {p.name for p in I18N_DIR.glob("*_ru.qm")}
    assert {"shell_ru.qm", "contacts_ru.qm", "settings_ru.qm"} <= names


def test_russian_ui(workspace: Workspace, qtbot, russian) -> None:
    add_contacts(workspace.engine, 3)
    window = MainWindow(workspace)
    qtbot.add_widget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Контакты", "Аудитории", "Шаблоны", "Рассылки", "Сценарии", "Отчёты", "Настройки"]
    screen = window.page("contacts")
    assert isinstance(screen, ContactsScreen)
    assert screen.count_label.text() == "3 контакта"
    assert screen.search.placeholderText() == "Поиск по телефону, e-mail или имени"
    assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Имя"


def test_large_counts_read_naturally(workspace: Workspace, qtbot, russian) -> None:
    screen = ContactsScreen(workspace)
    qtbot.add_widget(screen)
    screen._count_changed(1_000_000)
    assert screen.count_label.text() == "1\u00a0000\u00a0000 контактов"
    screen._count_changed(21)
    assert screen.count_label.text() == "21 контакт"


def test_language_choice_order(monkeypatch) -> None:
    assert choose_language("en", "ru") == "en"
    assert choose_language(None, "ru") == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Russian)))
    assert system_language() == "ru" and choose_language(None, "") == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert choose_language(None, None) == "en"


def test_english_plurals(workspace: Workspace, qtbot, qapp) -> None:
    translators = install_translators(qapp, "en")
    try:
        screen = ContactsScreen(workspace)
        qtbot.add_widget(screen)
        screen._count_changed(1)
        assert screen.count_label.text() == "1 contact"
        screen._count_changed(1_000_000)
        assert screen.count_label.text() == "1,000,000 contacts"
    finally:
        remove_translators(qapp, translators)


def test_russian_catalogues_of_the_shell_contacts_and_settings_are_complete() -> None:
    import xml.etree.ElementTree as ET

    for area in ("shell", "contacts", "settings"):
        root = ET.parse(I18N_DIR / f"{area}_ru.ts").getroot()
        untranslated = [m.findtext("source") for m in root.iter("message")
                        if m.find("translation").get("type") in ("unfinished", "obsolete")]
        assert untranslated == [], area
