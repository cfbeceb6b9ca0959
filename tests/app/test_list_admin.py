"""Static list administration: names checked, members copied in SQL, deletes keep contacts, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.contacts.list_admin import (
    create_list,
    delete_list,
    duplicate_list,
    export_list,
    list_contacts,
    list_overview,
    rename_list,
)
from app.db.schema import contacts
from app.errors import NotFoundError, UserInputError
from app.workspace import Workspace
from tests.ui.demo import add_contacts


def test_create_rename_duplicate_delete(workspace: Workspace) -> None:
    engine = workspace.engine
    add_contacts(engine, 9)  # list "Постоянные" holds every 3rd contact: 3 of them
    [regular] = list_overview(engine)
    assert (regular.name, regular.members) == ("Постоянные", 3)
    empty = create_list(engine, "  Новые   клиенты ")
    assert [(i.name, i.members) for i in list_overview(engine)] == [("Новые клиенты", 0), ("Постоянные", 3)]
    for bad, message in (("   ", "needs a name"), ("Постоянные", "already exists"), ("я" * 201, "at most 200")):
        with pytest.raises(UserInputError, match=message):
            create_list(engine, bad)
    copy = duplicate_list(engine, regular.id, "Постоянные, копия")
    assert [c["id"] for c in list_contacts(engine, copy)] == [c["id"] for c in list_contacts(engine, regular.id)]
    rename_list(engine, copy, "Архив")
    rename_list(engine, copy, "Архив")  # its own name is not "taken"
    with pytest.raises(UserInputError, match="already exists"):
        rename_list(engine, empty, "Архив")
    delete_list(engine, regular.id)
    assert [(i.name, i.members) for i in list_overview(engine)] == [("Архив", 3), ("Новые клиенты", 0)]
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar() == 9  # contacts stay
    with pytest.raises(NotFoundError):
        delete_list(engine, regular.id)
    with pytest.raises(NotFoundError):
        rename_list(engine, regular.id, "Снова")


def test_export_writes_the_members(workspace: Workspace, tmp_path: Path) -> None:
    ids = add_contacts(workspace.engine, 7)
    [regular] = list_overview(workspace.engine)
    target = tmp_path / "список.csv"
    assert export_list(workspace.engine, regular.id, target) == 3
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][:4] == ["Фамилия", "Имя", "Отчество", "Телефон"]
    with workspace.engine.connect() as conn:
        phones = set(conn.execute(sa.select(contacts.c.phone).where(contacts.c.id.in_(ids[::3]))).scalars())
    # "+7…" starts like a formula, so the CSV carries it as text behind an apostrophe.
    assert {row[3] for row in rows[1:]} == {f"'{p}" for p in phones}
