"""The template library page: search, kind filter, the list, and New / Duplicate / Rename / Delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.templates.library import TemplateInfo, list_templates
from app.templates.tables import TEMPLATE_KINDS
from ui.templates.common import kind_icon, kind_title
from ui.widgets.menu_button import leave_room_for_arrow
from ui.widgets.search_box import SearchBox

__all__ = ["LibraryPage"]

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryPage(QWidget):
    """Every template with its kind, last change and version.

    Signals:
        open_requested(template id), new_requested(kind), duplicate_requested(id),
        rename_requested(id), delete_requested(id).
    """

    open_requested = Signal(int)
    new_requested = Signal(str)
    duplicate_requested = Signal(int)
    rename_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search templates by name"))
        self.search.setMinimumWidth(260)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in TEMPLATE_KINDS:
            self.kind_combo.addItem(kind_icon(kind), kind_title(kind), kind)
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("New template"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        leave_room_for_arrow(self.new_button)
        menu = QMenu(self.new_button)
        for kind in TEMPLATE_KINDS:
            menu.addAction(kind_icon(kind), kind_title(kind), lambda kind=kind: self.new_requested.emit(kind))
        self.new_button.setMenu(menu)
        self.open_button = QPushButton(self.tr("Open"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(self.tr("Kind:")))
        bar.addWidget(self.kind_combo)
        bar.addStretch(1)
        for button in (self.new_button, self.open_button, self.duplicate_button, self.rename_button,
                       self.delete_button):
            bar.addWidget(button)

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Changed"), self.tr("Version")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 150), (3, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        header.setStretchLastSection(False)
        self.empty = QLabel(self.tr("There are no templates yet.\n\nPress “New template” to make a letter, "
                                    "an SMS, a WhatsApp message or a notification for managers."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #52606d; font-size: 14px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.search.search_changed.connect(lambda _text: self.reload())
        self.kind_combo.activated.connect(lambda _index: self.reload())
        self.tree.itemActivated.connect(lambda item, _column: self.open_requested.emit(item.data(0, _ID_ROLE)))
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(lambda: self._emit_for_selected(self.open_requested))
        self.duplicate_button.clicked.connect(lambda: self._emit_for_selected(self.duplicate_requested))
        self.rename_button.clicked.connect(lambda: self._emit_for_selected(self.rename_requested))
        self.delete_button.clicked.connect(lambda: self._emit_for_selected(self.delete_requested))
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Re-read the library with the current search and kind filter; keep or set the selection."""
        keep = select if select is not None else self.selected_id()
        rows = list_templates(self.engine, kind=self.kind_combo.currentData(), search=self.search.text() or None)
        self.tree.clear()
        for info in rows:
            item = self._item(info)
            self.tree.addTopLevelItem(item)
            if info.id == keep:
                self.tree.setCurrentItem(item)
        filtered = bool(self.search.text() or self.kind_combo.currentData())
        self.stack.setCurrentWidget(self.tree if rows or filtered else self.empty)
        self._selection_changed()

    def _item(self, info: TemplateInfo) -> QTreeWidgetItem:
        changed = info.updated_at.astimezone().strftime("%d.%m.%Y %H:%M")
        item = QTreeWidgetItem([info.name, kind_title(info.kind), changed, str(info.latest_version)])
        item.setIcon(1, kind_icon(info.kind))
        item.setData(0, _ID_ROLE, info.id)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def selected_id(self) -> int | None:
        """The selected template's id, or None."""
        item = self.tree.currentItem()
        return item.data(0, _ID_ROLE) if item is not None and item.isSelected() else None

    def names(self) -> list[str]:
        """The names listed, in order."""
        return [self.tree.topLevelItem(row).text(0) for row in range(self.tree.topLevelItemCount())]

    def select(self, template_id: int) -> None:
        """Select the template with `template_id` when it is listed."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, _ID_ROLE) == template_id:
                self.tree.setCurrentItem(item)

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.open_button, self.duplicate_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)

    def _emit_for_selected(self, signal: Signal) -> None:
        template_id = self.selected_id()
        if template_id is not None:
            signal.emit(template_id)
