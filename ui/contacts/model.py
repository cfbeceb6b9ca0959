"""The contacts table model: ordered ids paged in with fetchMore, display rows cached lazily.

Never loads the whole base: `ids` grows a page at a time as the view scrolls
(canFetchMore/fetchMore), and `data()` loads rows for a block of ids around the one asked
for. An edit invalidates cached rows instead of resetting the view.

A free-text search is a scan of the table and sorting by city or birthday sorts it whole
(see app.contacts.query), so those run on a background thread: the view keeps the
previous rows until the first page arrives, then the count follows (`count_changed`
sends -1 meanwhile). Phone, email, list and tag filters and indexed sorts are answered
on the spot.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.contacts.query import ContactFilter, ContactRow, ContactsQuery
from ui.contacts.format import format_date, format_datetime, format_phone
from ui.ops import OpHandle, run_in_worker

__all__ = ["COLUMNS", "ContactsTableModel"]

#: Column ids in display order; the sort key for each (None = not sortable).
COLUMNS = ("name", "phone", "email", "city", "birthday", "tags", "created")
_SORT = {"name": "name", "phone": "phone", "email": "email", "city": "city", "birthday": "birthday",
         "created": "created"}
_Index = QModelIndex | QPersistentModelIndex
_search_lane: ThreadPoolExecutor | None = None


def _search_executor() -> ThreadPoolExecutor:
    # Not the write lane: a search must not wait behind a long import (WAL lets reads run).
    global _search_lane
    if _search_lane is None:
        _search_lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-search")
    return _search_lane


class ContactsTableModel(QAbstractTableModel):
    """Contacts matching a ContactFilter, in its order.

    Attributes:
        PAGE: ids fetched per fetchMore.
        BLOCK: rows loaded at once when data() meets an uncached row.

    Signals:
        count_changed(int): number of contacts matching the filter; -1 while it is being counted.

    Attributes:
        pending: the latest background search or count, if any.
    """

    PAGE = 200
    BLOCK = 100
    CACHE_LIMIT = 5000
    count_changed = Signal(int)

    def __init__(self, query: ContactsQuery, parent: Any = None) -> None:
        super().__init__(parent)
        self.query = query
        self.filter = ContactFilter()
        self._ids: list[int] = []
        self._total: int | None = 0
        self._more = False
        self._generation = 0
        self.pending: OpHandle | None = None
        self._cache: dict[int, ContactRow] = {}
        self._headers = {
            "name": self.tr("Name"), "phone": self.tr("Phone"), "email": self.tr("Email"), "city": self.tr("City"),
            "birthday": self.tr("Birthday"), "tags": self.tr("Tags"), "created": self.tr("Added"),
        }

    @property
    def total(self) -> int | None:
        """Contacts matching the filter (not only the rows loaded so far); None while counting."""
        return self._total

    def set_filter(self, flt: ContactFilter, keep_rows: int = 0) -> None:
        """Show contacts matching `flt`, loading at least `keep_rows` rows (to keep a scroll position)."""
        self._generation += 1
        want = max(self.PAGE, keep_rows)
        if self.query.page_is_quick(flt):
            ids = self.query.page_ids(flt, 0, want)
            # A short first page is the whole answer: nothing to count.
            self._apply(flt, ids, want, len(ids) if len(ids) < want else self.query.count(flt))
            return
        generation = self._generation
        self.count_changed.emit(-1)
        self.pending = self._in_background(self.query.page_ids, flt, 0, want,
                                           done=lambda ids: self._paged(generation, flt, ids, want))

    def _in_background(self, fn: Any, *args: Any, done: Any) -> OpHandle:
        return run_in_worker(fn, *args, executor=_search_executor(), on_done=done,
                             on_error=lambda exc: sys.excepthook(type(exc), exc, exc.__traceback__))

    def _paged(self, generation: int, flt: ContactFilter, ids: list[int], want: int) -> None:
        if generation != self._generation:
            return  # the user typed on meanwhile
        total = len(ids) if len(ids) < want else self.query.count(flt) if self.query.count_is_quick(flt) else None
        self._apply(flt, ids, want, total)
        if total is None:
            self.pending = self._in_background(self.query.count, flt, done=lambda n: self._counted(generation, n))

    def _apply(self, flt: ContactFilter, ids: list[int], want: int, total: int | None) -> None:
        self.beginResetModel()
        self.filter = flt
        self._ids = ids
        self._total = total
        self._more = len(ids) == want
        self._cache.clear()
        self.endResetModel()
        if total is not None:
            self.count_changed.emit(total)

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self._total = count
            self.count_changed.emit(count)

    def refresh(self) -> None:
        """Re-read after a change, keeping as many rows loaded as before."""
        self.set_filter(self.filter, keep_rows=len(self._ids))

    def invalidate(self, ids: set[int] | frozenset[int]) -> None:
        """Forget cached rows of edited contacts; the view redraws them from the database."""
        for cid in ids:
            self._cache.pop(cid, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def contact_id(self, row: int) -> int:
        """The contact shown in `row`."""
        return self._ids[row]

    def row_of(self, contact_id: int) -> int:
        """The row showing `contact_id` among the loaded rows, or -1."""
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 - Qt API
        if parent.isValid():
            return False
        return self._more if self._total is None else len(self._ids) < self._total

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 - Qt API
        if parent.isValid():
            return
        more = self.query.page_ids(self.filter, len(self._ids), self.PAGE)
        self._more = len(more) == self.PAGE
        if not more:  # rows vanished since the count (deleted elsewhere)
            self._total = len(self._ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._ids.extend(more)
        self.endInsertRows()

    def row(self, row: int) -> ContactRow | None:
        """The cached (or freshly loaded) display row; None when the contact was deleted meanwhile."""
        cid = self._ids[row]
        if cid not in self._cache:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            start = max(0, row - self.BLOCK // 2)
            block = [i for i in self._ids[start:start + self.BLOCK] if i not in self._cache]
            self._cache.update(self.query.rows(block))
        return self._cache.get(cid)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        rec = self.row(index.row())
        if rec is None:
            return None
        column = COLUMNS[index.column()]
        if column == "name":
            return rec.full_name
        if column == "phone":
            return format_phone(rec.phone)
        if column == "birthday":
            return format_date(rec.birthday)
        if column == "tags":
            return ", ".join(rec.tags)
        if column == "created":
            return format_datetime(rec.created_at)
        return getattr(rec, column) or ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is None:
            return  # tags are not sortable: the order stays as it was
        self.set_filter(replace(self.filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder))
