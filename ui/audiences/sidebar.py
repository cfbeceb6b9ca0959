"""The left side of the Audiences screen: static lists and saved segments with their counts and actions."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.menu_button import leave_room_for_arrow

__all__ = ["AudienceSidebar"]

_ID = Qt.ItemDataRole.UserRole
_NAME = Qt.ItemDataRole.UserRole + 1


class AudienceSidebar(QWidget):
    """Two groups, "Lists" and "Segments", each with a New button and an Actions menu.

    Attributes:
        lists_view, segments_view: the two QListWidgets (item data: id, name).
        new_list_button, new_segment_button: the "+ New …" buttons.
        list_actions / segment_actions: name -> QAction ("duplicate", "rename", "delete", "export", "freeze").

    Signals:
        list_selected(list_id), segment_selected(segment_id), new_list(), new_segment()
    """

    list_selected = Signal(int)
    segment_selected = Signal(int)
    new_list = Signal()
    new_segment = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists_view = QListWidget()
        self.segments_view = QListWidget()
        self.list_actions = {
            "duplicate": QAction(self.tr("Duplicate…"), self),
            "rename": QAction(self.tr("Rename…"), self),
            "export": QAction(self.tr("Export to Excel…"), self),
            "delete": QAction(self.tr("Delete…"), self),
        }
        self.segment_actions = {
            "duplicate": QAction(self.tr("Duplicate…"), self),
            "rename": QAction(self.tr("Rename…"), self),
            "freeze": QAction(self.tr("Freeze into a list…"), self),
            "export": QAction(self.tr("Export to Excel…"), self),
            "delete": QAction(self.tr("Delete…"), self),
        }
        self.segment_actions["freeze"].setToolTip(self.tr("Save today's matching contacts as a static list"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.new_segment_button = QPushButton(self.tr("+ New segment"))
        self.new_list_button = QPushButton(self.tr("+ New list"))
        layout.addWidget(self._group(self.tr("Segments"), self.segments_view, self.new_segment_button,
                                     self.new_segment, self.segment_actions), 3)
        layout.addWidget(self._group(self.tr("Static lists"), self.lists_view, self.new_list_button,
                                     self.new_list, self.list_actions), 2)
        self.lists_view.currentItemChanged.connect(lambda item, _prev: self._picked(item, self.list_selected))
        self.segments_view.currentItemChanged.connect(lambda item, _prev: self._picked(item, self.segment_selected))
        self._update_actions()

    def _group(self, title: str, view: QListWidget, new_button: QPushButton, new_signal: Signal,
               actions: dict[str, QAction]) -> QGroupBox:
        box = QGroupBox(title)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions(list(actions.values()))
        new_button.clicked.connect(new_signal)
        menu = QMenu(self)
        menu.addActions(list(actions.values()))
        more = QToolButton()
        more.setText(self.tr("Actions"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        leave_room_for_arrow(more)
        more.setMenu(menu)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button, 1)
        buttons.addWidget(more)
        inner = QVBoxLayout(box)
        inner.addWidget(view, 1)
        inner.addLayout(buttons)
        return box

    def _picked(self, item: QListWidgetItem | None, signal: Signal) -> None:
        self._update_actions()
        if item is not None:
            signal.emit(int(item.data(_ID)))

    def _update_actions(self) -> None:
        for view, actions in ((self.lists_view, self.list_actions), (self.segments_view, self.segment_actions)):
            for action in actions.values():
                action.setEnabled(view.currentItem() is not None)

    # -- contents ---------------------------------------------------------------------------------
    @staticmethod
    def _fill(view: QListWidget, rows: list[tuple[int, str, str]], keep: int | None) -> None:
        view.blockSignals(True)  # refilling is not a new choice
        view.clear()
        for item_id, name, count in rows:
            item = QListWidgetItem(f"{name}   ·   {count}")
            item.setData(_ID, item_id)
            item.setData(_NAME, name)
            view.addItem(item)
            if item_id == keep:
                view.setCurrentItem(item)
        view.blockSignals(False)

    def set_lists(self, rows: list[tuple[int, str, int]], keep: int | None = None) -> None:
        """Show (id, name, members) lists; `keep` stays selected."""
        self._fill(self.lists_view, [(i, n, QLocale().toString(c)) for i, n, c in rows], keep)
        self._update_actions()

    def set_segments(self, rows: list[tuple[int, str]], keep: int | None = None) -> None:
        """Show (id, name) segments, their counts pending; `keep` stays selected."""
        self._fill(self.segments_view, [(i, n, "…") for i, n in rows], keep)
        self._update_actions()

    def set_segment_count(self, segment_id: int, count: int | None) -> None:
        """Show a segment's live count (None: it could not be counted)."""
        for row in range(self.segments_view.count()):
            item = self.segments_view.item(row)
            if item.data(_ID) == segment_id:
                shown = QLocale().toString(count) if count is not None else self.tr("error")
                item.setText(f"{item.data(_NAME)}   ·   {shown}")

    def current(self, view: QListWidget) -> tuple[int, str] | None:
        """(id, name) of the selected item of `view`."""
        item = view.currentItem()
        return (int(item.data(_ID)), str(item.data(_NAME))) if item is not None else None

    def select(self, view: QListWidget, item_id: int | None, *, quiet: bool = False) -> None:
        """Select the item with `item_id` (or nothing); `quiet` emits no selection signal."""
        view.blockSignals(quiet)
        view.setCurrentRow(-1)
        for row in range(view.count()):
            if view.item(row).data(_ID) == item_id:
                view.setCurrentRow(row)
        view.blockSignals(False)
        self._update_actions()

    def shown_count(self, view: QListWidget, item_id: int) -> str:
        """The count shown next to an item's name ("…" while counting), "" when there is no such item."""
        for row in range(view.count()):
            if view.item(row).data(_ID) == item_id:
                return view.item(row).text().rsplit("·", 1)[-1].strip()
        return ""

    def names(self, view: QListWidget) -> list[str]:
        """Names of the items, top to bottom."""
        return [str(view.item(row).data(_NAME)) for row in range(view.count())]
