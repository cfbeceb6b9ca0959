"""Where a contact or consent came from reads in the UI language, not as the importer's English note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from app.contacts.query import ContactsQuery
from app.db.schema import consents, contacts
from app.workspace import Workspace
from ui.contacts.detail import DetailPanel
from ui.contacts.format import format_source
from ui.i18n import install_translators, remove_translators


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_sources_written_by_the_app_are_translated(russian) -> None:
    assert format_source("import: clients.csv") == "импорт: clients.csv"
    assert format_source("import: column in the file") == "импорт: столбец в файле"
    assert format_source("one-click") == "отписка в один клик"
    assert format_source("анкета в магазине") == "анкета в магазине"  # the owner's own words stay as typed
    assert format_source(None) == ""


def test_detail_panel_shows_russian_sources(workspace: Workspace, qtbot, russian) -> None:
    now = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
    with workspace.engine.begin() as conn:
        contact_id = conn.execute(contacts.insert().values(
            phone="+79161234567", first_name="Ольга", custom={}, source="import: clients.csv",
            search_text="ольга", created_at=now, updated_at=now)).inserted_primary_key[0]
        conn.execute(consents.insert().values(contact_id=contact_id, channel="sms", status="granted",
                                              source="import: column in the file", recorded_at=now))
    panel = DetailPanel()
    qtbot.add_widget(panel)
    panel.show_contact(ContactsQuery(workspace.engine).detail(contact_id))
    texts = " | ".join(label.text() for label in panel.findChildren(QLabel))
    assert "импорт: clients.csv" in texts
    assert "Источник: импорт: столбец в файле" in texts
    assert "import" not in texts
