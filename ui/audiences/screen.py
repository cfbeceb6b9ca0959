"""The Audiences section: saved segments and static lists on the left, the segment editor or a list on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy.engine import Engine

from app.contacts.edit import Changes
from app.contacts.list_admin import list_contacts, list_overview
from app.errors import KaskadError
from app.segments.service import count_segment, get_segment, list_segments
from app.workspace import Workspace
from ui.audiences.actions import AudienceActions
from ui.audiences.context import BuilderContext
from ui.audiences.editor import SegmentEditor
from ui.audiences.list_page import ListPage, WelcomePage
from ui.audiences.live_count import read_lane
from ui.audiences.sidebar import AudienceSidebar
from ui.ops import OpHandle, change_bus, run_in_worker

__all__ = ["AudiencesScreen"]


def _count_all(engine: Engine, rules: list[tuple[int, Any]]) -> dict[int, int | None]:
    counts: dict[int, int | None] = {}
    for segment_id, rule in rules:
        try:
            counts[segment_id] = count_segment(engine, rule)
        except KaskadError:
            counts[segment_id] = None  # e.g. it uses a list deleted since; shown as "error"
    return counts


class AudiencesScreen(AudienceActions, QWidget):
    """Lists and segments side by side with a rule builder, live count and preview.

    Attributes:
        sidebar: the AudienceSidebar; editor: the SegmentEditor; list_page: the ListPage.
        notice: a one-line message about the last action (frozen, exported, ...).
        last_operation: the latest background operation (counts, export, freeze), for waiting on it.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        QWidget.__init__(self, parent)
        self.workspace = workspace
        self.engine = workspace.engine
        self.ctx = BuilderContext.load(self.engine)
        self.last_operation: OpHandle | None = None
        self.sidebar = AudienceSidebar()
        self.sidebar.setMinimumWidth(250)
        self.welcome = WelcomePage()
        self.list_page = ListPage()
        self.editor = SegmentEditor(workspace, self.ctx)
        self.stack = QStackedWidget()
        for page in (self.welcome, self.list_page, self.editor):
            self.stack.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #2e7d32;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.notice)

        self.sidebar.segment_selected.connect(self.open_segment)
        self.sidebar.list_selected.connect(self.open_list)
        self.sidebar.new_segment.connect(self.new_segment)
        self.welcome.new_segment_button.clicked.connect(self.new_segment)
        self.sidebar.new_list.connect(self.new_list)
        self.list_page.export_requested.connect(self.export_list)
        self.editor.saved.connect(self._segment_saved)
        self.connect_actions()
        change_bus().changes_applied.connect(self._changes_applied)
        self.refresh()

    # -- contents ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read lists and segments (counts of segments arrive from a worker)."""
        self.ctx.reload(self.engine)
        keep_list = self.sidebar.current(self.sidebar.lists_view)
        keep_segment = self.sidebar.current(self.sidebar.segments_view)
        self.sidebar.set_lists([(i.id, i.name, i.members) for i in list_overview(self.engine)],
                               keep_list[0] if keep_list else None)
        segments = list_segments(self.engine)
        self.sidebar.set_segments([(s.id, s.name) for s in segments], keep_segment[0] if keep_segment else None)
        if segments:
            self.last_operation = run_in_worker(
                _count_all, self.engine, [(s.id, s.rule) for s in segments], executor=read_lane(),
                on_done=self._segment_counts)
        if self.stack.currentWidget() is self.list_page and self.list_page.list_id is not None:
            self._show_list(self.list_page.list_id)

    def _segment_counts(self, counts: dict[int, int | None]) -> None:
        for segment_id, count in counts.items():
            self.sidebar.set_segment_count(segment_id, count)

    def _changes_applied(self, changes: Changes, initiator: object) -> None:
        if initiator is not self and (changes.lists or changes.tags or changes.contacts):
            self.refresh()

    def announce(self, changes: Changes) -> None:
        """Tell other screens (Contacts) what this one changed."""
        change_bus().changes_applied.emit(changes, self)

    # -- navigation -------------------------------------------------------------------------------
    def may_leave(self) -> bool:
        """Whether the main window may switch to another section (asks about an unsaved segment)."""
        return self._leave_editor()

    def _leave_editor(self) -> bool:
        return self.stack.currentWidget() is not self.editor or self.editor.may_leave()

    def _restore_selection(self) -> None:
        on_editor = self.stack.currentWidget() is self.editor
        self.sidebar.select(self.sidebar.segments_view, self.editor.segment_id if on_editor else None, quiet=True)
        on_list = self.stack.currentWidget() is self.list_page
        self.sidebar.select(self.sidebar.lists_view, self.list_page.list_id if on_list else None, quiet=True)

    def open_segment(self, segment_id: int) -> None:
        """Edit a saved segment (after asking about unsaved changes of the current one)."""
        if self.stack.currentWidget() is self.editor and self.editor.segment_id == segment_id:
            return
        if not self._leave_editor():
            self._restore_selection()
            return
        info = get_segment(self.engine, segment_id)
        self.editor.load(info.id, info.name, info.rule)
        self.stack.setCurrentWidget(self.editor)
        self._restore_selection()

    def new_segment(self) -> None:
        """Start a new segment in the editor."""
        if not self._leave_editor():
            return
        self.editor.new_segment()
        self.stack.setCurrentWidget(self.editor)
        self._restore_selection()

    def open_list(self, list_id: int) -> None:
        """Show a static list."""
        if not self._leave_editor():
            self._restore_selection()
            return
        self._show_list(list_id)
        self.stack.setCurrentWidget(self.list_page)
        self._restore_selection()

    def _show_list(self, list_id: int) -> None:
        info = next((i for i in list_overview(self.engine) if i.id == list_id), None)
        if info is None:
            self.stack.setCurrentWidget(self.welcome)
            return
        self.list_page.show_list(info.id, info.name, info.members, list_contacts(self.engine, list_id))

    def _segment_saved(self, segment_id: int) -> None:
        self.refresh()
        self.sidebar.select(self.sidebar.segments_view, segment_id, quiet=True)
