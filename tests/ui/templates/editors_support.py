"""Shared set-up for the SMS, WhatsApp and manager editor tests: Russian UI and contacts in the base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import Engine

from app.db.schema import contacts, list_members, lists
from ui.i18n import I18N_DIR

QM = I18N_DIR / "editors_ru.qm"


@pytest.fixture
def editors_ru(qapp) -> Iterator[None]:
    """The editors in Russian (their own catalogue and a Russian locale), as most users see them."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def add_contacts(engine: Engine, rows: list[dict[str, Any]], list_name: str | None = None) -> list[int]:
    """Insert contacts (phone, first_name, custom, ...); optionally put them all in a new list."""
    now = dt.datetime.now(dt.UTC)
    ids = []
    with engine.begin() as conn:
        for row in rows:
            ids.append(conn.execute(contacts.insert().values(created_at=now, updated_at=now, **row))
                       .inserted_primary_key[0])
        if list_name:
            list_id = conn.execute(lists.insert().values(name=list_name, created_at=now)).inserted_primary_key[0]
            conn.execute(list_members.insert(), [{"list_id": list_id, "contact_id": i, "added_at": now} for i in ids])
    return ids


def list_id(engine: Engine, name: str) -> int:
    """The id of the list called `name`."""
    with engine.connect() as conn:
        return conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar_one()


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` as key presses (QTest.keyClicks only knows ASCII; Russian users type Cyrillic)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
