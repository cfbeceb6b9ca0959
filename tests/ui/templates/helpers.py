"""Data for the Templates screen tests and screenshots: a few real contacts, a list, a letter."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts, list_members, lists

PEOPLE = [
    ("Иван", "Петров", "ivan.petrov@example.ru", "+79161234567", "Москва", {"bonus": 350}),
    ("Мария", "Смирнова", "maria@example.ru", "+79161234568", "Казань", {"bonus": 1200}),
    ("", "Сидоров", "sidorov@example.ru", "+79161234569", "Пермь", {}),
]


def seed_contacts(engine: Engine, people: list[tuple] = PEOPLE, list_name: str | None = "Постоянные покупатели") -> int | None:
    """Insert `people` (first, last, email, phone, city, custom); put all but the last in a list."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        ids = []
        for first, last, email, phone, city, custom in people:
            ids.append(conn.execute(contacts.insert().values(
                first_name=first or None, last_name=last, email=email, phone=phone, city=city, custom=custom,
                search_text=f"{last} {first} {email}".lower(), created_at=now, updated_at=now)).inserted_primary_key[0])
        if list_name is None:
            return None
        list_id = conn.execute(lists.insert().values(name=list_name, created_at=now)).inserted_primary_key[0]
        conn.execute(list_members.insert(), [{"list_id": list_id, "contact_id": cid, "added_at": now}
                                             for cid in ids[:-1]])
    return list_id


def count_versions(engine: Engine, template_id: int) -> int:
    """Stored versions of a template."""
    from app.templates.tables import template_versions

    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(template_versions)
                            .where(template_versions.c.template_id == template_id)).scalar_one()


def page_html(qtbot, view, timeout: int = 10000) -> str:
    """The HTML Chromium holds for the view's page (read through `toHtml`'s callback)."""
    found: list[str] = []
    view.page().toHtml(found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=timeout)
    return found[0]


def wait_preview(qtbot, pane, timeout: int = 15000) -> None:
    """Wait until the newest render is shown and Chromium reported `loadFinished(True)` for it."""
    qtbot.waitUntil(lambda: pane.settled() and pane.load_ok, timeout=timeout)
