"""Fixtures for the Audiences screen tests: a small base with known cities, tags and birthdays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.db.schema import contact_tags, contacts, list_members, lists, tags
from app.workspace import Workspace
from ui.audiences import dialogs
from ui.audiences.screen import AudiencesScreen
from ui.widgets import dialogs as common_dialogs

NOW = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


def birthday_in(days: int | None) -> dt.date | None:
    """A birthday `days` from today (in a leap year, so 29 February exists)."""
    if days is None:
        return None
    return (dt.date.today() + dt.timedelta(days=days)).replace(year=1992)


#: (phone, city, VIP?, birthday in N days) — the expected counts are worked out from these rows.
PEOPLE: list[tuple[str, str | None, bool, int | None]] = [
    ("+79000000001", "Казань", True, 60),
    ("+79000000002", "Казань", False, 3),
    ("+79000000003", "Казань", False, 20),
    ("+79000000004", "Москва", True, 2),
    ("+79000000005", "Казань", True, 0),
    ("+79000000006", "Пермь", False, None),
    ("+79000000007", "Казань", False, None),
    ("+79000000008", "Москва", False, 6),
]


@dataclass
class Person:
    """A contact of the test base as the test reasons about it."""

    id: int
    phone: str
    city: str | None
    vip: bool
    birthday_days: int | None

    @property
    def birthday_within_week(self) -> bool:
        return self.birthday_days is not None and 0 <= self.birthday_days <= 7


@dataclass
class Base:
    """The test base: its people and the id of the list "Постоянные" (people 1 and 4)."""

    people: list[Person]
    list_id: int

    def phones(self, predicate: Callable[[Person], bool]) -> set[str]:
        return {p.phone for p in self.people if predicate(p)}

    def ids(self, predicate: Callable[[Person], bool]) -> set[int]:
        return {p.id for p in self.people if predicate(p)}


@pytest.fixture
def base(workspace: Workspace) -> Base:
    """Eight contacts in Kazan, Moscow and Perm, three of them VIP, a list of two."""
    people = []
    with workspace.engine.begin() as conn:
        vip = conn.execute(tags.insert().values(name="VIP")).inserted_primary_key[0]
        conn.execute(tags.insert().values(name="опт"))
        list_id = conn.execute(lists.insert().values(name="Постоянные", created_at=NOW)).inserted_primary_key[0]
        for n, (phone, city, is_vip, days) in enumerate(PEOPLE):
            cid = conn.execute(contacts.insert().values(
                phone=phone, first_name=f"Клиент{n + 1}", last_name="Тестов", city=city, birthday=birthday_in(days),
                custom={}, source="test", search_text=phone, created_at=NOW, updated_at=NOW)).inserted_primary_key[0]
            if is_vip:
                conn.execute(contact_tags.insert().values(contact_id=cid, tag_id=vip))
            if n in (0, 3):
                conn.execute(list_members.insert().values(list_id=list_id, contact_id=cid, added_at=NOW))
            people.append(Person(cid, phone, city, is_vip, days))
    return Base(people, list_id)


@dataclass
class Answers:
    """Scripted answers to the screen's questions, and what it reported."""

    names: list[str | None] = field(default_factory=list)
    unsaved: list[str] = field(default_factory=list)
    paths: list[str | None] = field(default_factory=list)
    confirm: bool = True
    errors: list[BaseException] = field(default_factory=list)
    asked: list[tuple[str, ...]] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    """Replace every dialog of the screen with scripted answers."""
    found = Answers()

    def name(cls: Any, parent: Any, title: str, label: str, text: str = "") -> str | None:
        found.asked.append((title, label, text))
        return found.names.pop(0)

    monkeypatch.setattr(dialogs.NameDialog, "ask", classmethod(name))
    monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(lambda cls, *a: found.unsaved.pop(0)))
    monkeypatch.setattr(common_dialogs.SavePath, "ask", classmethod(lambda cls, *a: found.paths.pop(0)))
    monkeypatch.setattr(common_dialogs.Confirm, "ask", classmethod(lambda cls, *a: found.confirm))
    monkeypatch.setattr(common_dialogs.ErrorDialog, "ask", classmethod(lambda cls, parent, exc: found.errors.append(exc)))
    return found


@pytest.fixture
def screen(workspace: Workspace, base: Base, answers: Answers, qtbot) -> AudiencesScreen:
    """The Audiences screen over the test base, shown."""
    widget = AudiencesScreen(workspace)
    qtbot.add_widget(widget)
    widget.resize(1280, 800)
    widget.show()
    settle(qtbot, widget)
    return widget


def type_text(widget: Any, text: str) -> None:
    """Type `text` key by key (QTest cannot type Cyrillic: it sends key events carrying the text)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def settle(qtbot: Any, screen: AudiencesScreen) -> None:
    """Wait until the live count and any background action have finished."""
    qtbot.wait_until(lambda: not screen.editor.counter.busy
                     and (screen.last_operation is None or screen.last_operation.done), timeout=10_000)
