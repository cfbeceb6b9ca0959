"""The contacts table model: paging with fetchMore over thousands of rows, sorting, filters."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.contacts.query import ContactFilter, ContactsQuery
from app.workspace import Workspace
from tests.ui.demo import add_contacts
from ui.contacts.model import COLUMNS, ContactsTableModel


@pytest.fixture
def model(workspace: Workspace, qapp) -> ContactsTableModel:
    add_contacts(workspace.engine, 3000)
    model = ContactsTableModel(ContactsQuery(workspace.engine))
    model.set_filter(ContactFilter())
    return model


def test_model_passes_qt_model_tester(model: ContactsTableModel, qtmodeltester) -> None:
    qtmodeltester.check(model, force_py=True)


def test_pages_in_rows_with_fetch_more(model: ContactsTableModel) -> None:
    assert model.total == 3000
    assert model.rowCount() == model.PAGE  # only the first page is loaded
    assert model.canFetchMore(QModelIndex())
    pages = 1
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        pages += 1
    assert model.rowCount() == 3000 and pages == 3000 // model.PAGE
    ids = [model.contact_id(r) for r in range(3000)]
    assert len(set(ids)) == 3000
    last = model.index(2999, COLUMNS.index("phone"))
    assert model.data(last) == "+7 912 102-09-93"  # shown readably, loaded lazily for that block


def test_sorting_by_clicking_columns(model: ContactsTableModel, qtbot) -> None:
    model.sort(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True)
    assert names[0].startswith("Соколова")
    model.sort(COLUMNS.index("birthday"), Qt.SortOrder.AscendingOrder)  # no index: sorted off the GUI thread
    qtbot.wait_until(lambda: model.filter.sort == "birthday", timeout=5000)
    assert model.total == 3000
    assert model.data(model.index(0, COLUMNS.index("birthday"))) == "01.01.1970"
    before = model.filter
    model.sort(COLUMNS.index("tags"), Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes
    assert model.filter == before


def test_search_and_filters_update_the_count(model: ContactsTableModel, qtbot) -> None:
    with qtbot.wait_signal(model.count_changed) as blocker:
        model.set_filter(replace(model.filter, search="8 (912) 100-00-07"))
    assert blocker.args == [1]
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "+7 912 100-00-07"
    query = model.query
    (the_list,) = query.lists()
    model.set_filter(ContactFilter(list_id=the_list.id))
    assert model.total == 1000
    vip = next(t for t in query.tags() if t.name == "VIP")
    model.set_filter(ContactFilter(list_id=the_list.id, tag_id=vip.id))
    assert model.total == 250
    assert all("VIP" in model.data(model.index(r, COLUMNS.index("tags"))) for r in range(model.rowCount()))


def test_refresh_keeps_loaded_rows_and_invalidate_rereads(model: ContactsTableModel, workspace: Workspace) -> None:
    model.fetchMore(QModelIndex())
    loaded = model.rowCount()
    cid = model.contact_id(4)
    assert model.data(model.index(4, COLUMNS.index("city"))) == "Пермь"
    from app.contacts.query import ContactEdit

    model.query.update_contact(cid, ContactEdit(phone="+79990001122", city="Тверь"))
    model.invalidate({cid})
    assert model.data(model.index(4, COLUMNS.index("city"))) == "Тверь"
    model.refresh()
    assert model.rowCount() == loaded


def test_text_search_runs_in_the_background(model: ContactsTableModel, qtbot) -> None:
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.set_filter(ContactFilter(search="иванов"))  # a free-text scan: off the GUI thread
    assert counts == [-1] and model.filter.search == ""  # the previous rows stay until matches arrive
    qtbot.wait_until(lambda: model.filter.search == "иванов", timeout=5000)
    assert model.rowCount() == model.PAGE and model.canFetchMore(QModelIndex())
    qtbot.wait_until(lambda: model.total is not None, timeout=5000)
    # "иванов" is the last name of every 9th demo contact (Иванов/Иванова) and part of no other word
    assert counts == [-1, 334] and model.total == 334
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 334
    assert all(model.data(model.index(r, 0)).startswith("Иванов") for r in range(334))


def test_a_stale_background_search_is_ignored(model: ContactsTableModel, qtbot) -> None:
    model.set_filter(ContactFilter(search="петрович"))
    first = model.pending
    model.set_filter(ContactFilter(search="8 912 100-00-07"))
    assert model.total == 1
    qtbot.wait_until(lambda: first is not None and first.done, timeout=5000)
    assert model.total == 1 and model.filter.search == "8 912 100-00-07"
