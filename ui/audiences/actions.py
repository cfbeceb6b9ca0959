"""What the Audiences screen's buttons and menus do: create, duplicate, rename, delete, export, freeze."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from app.contacts.edit import Changes
from app.contacts.list_admin import (
    create_list,
    delete_list,
    duplicate_list,
    export_list,
    list_overview,
    rename_list,
)
from app.errors import KaskadError, UserInputError
from app.segments.service import (
    create_segment,
    delete_segment,
    export_segment,
    freeze_segment,
    get_segment,
    list_segments,
    update_segment,
)
from ui.audiences.dialogs import NameDialog
from ui.ops import run_in_worker
from ui.widgets.dialogs import Confirm, ErrorDialog, SavePath

if TYPE_CHECKING:
    from ui.audiences.screen import AudiencesScreen

__all__ = ["AudienceActions", "EXPORT_FILTERS"]

EXPORT_FILTERS = "Excel (*.xlsx);;CSV (*.csv)"


translate = QCoreApplication.translate
#: Column titles of an exported list, translated when written.
_LIST_HEADER = (
    QT_TRANSLATE_NOOP("AudienceActions", "Last name"), QT_TRANSLATE_NOOP("AudienceActions", "First name"),
    QT_TRANSLATE_NOOP("AudienceActions", "Middle name"), QT_TRANSLATE_NOOP("AudienceActions", "Phone"),
    QT_TRANSLATE_NOOP("AudienceActions", "Email"), QT_TRANSLATE_NOOP("AudienceActions", "City"),
    QT_TRANSLATE_NOOP("AudienceActions", "Birthday"), QT_TRANSLATE_NOOP("AudienceActions", "Tags"),
    QT_TRANSLATE_NOOP("AudienceActions", "Added"),
)


class AudienceActions:
    """Mixed into AudiencesScreen: each action asks what it needs, runs, refreshes and says what happened."""

    def connect_actions(self: AudiencesScreen) -> None:
        """Wire the sidebar's menus."""
        lists, segs = self.sidebar.list_actions, self.sidebar.segment_actions
        lists["duplicate"].triggered.connect(self.duplicate_list)
        lists["rename"].triggered.connect(self.rename_list)
        lists["delete"].triggered.connect(self.delete_list)
        lists["export"].triggered.connect(self.export_list)
        segs["duplicate"].triggered.connect(self.duplicate_segment)
        segs["rename"].triggered.connect(self.rename_segment)
        segs["delete"].triggered.connect(self.delete_segment)
        segs["export"].triggered.connect(self.export_segment)
        segs["freeze"].triggered.connect(self.freeze_segment)

    def _attempt(self: AudiencesScreen, work: Callable[[], Any]) -> Any:
        try:
            return work()
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return None

    def _list_name_taken(self: AudiencesScreen, name: str, except_id: int | None = None) -> bool:
        # Checked here too so the user reads the reason in the interface language.
        if any(i.name == name and i.id != except_id for i in list_overview(self.engine)):
            ErrorDialog.ask(self, UserInputError(translate("AudienceActions", "A list called “%1” already exists.")
                                                 .replace("%1", name)))
            return True
        return False

    def _segment_name_taken(self: AudiencesScreen, name: str, except_id: int | None = None) -> bool:
        if any(s.name == name and s.id != except_id for s in list_segments(self.engine)):
            ErrorDialog.ask(self, UserInputError(translate("AudienceActions", "A segment called “%1” already exists.")
                                                 .replace("%1", name)))
            return True
        return False

    def _in_background(self: AudiencesScreen, fn: Callable[..., Any], *args: Any,
                       done: Callable[[Any], None]) -> None:
        self.notice.setText(translate("AudienceActions", "Working…"))
        self.last_operation = run_in_worker(fn, *args, on_done=done,
                                            on_error=lambda exc: (self.notice.clear(), ErrorDialog.ask(self, exc)))

    # -- lists --------------------------------------------------------------------------------------
    def new_list(self: AudiencesScreen) -> None:
        """Create an empty static list."""
        name = NameDialog.ask(self, translate("AudienceActions", "New list"),
                              translate("AudienceActions", "List name:"))
        if name and not self._list_name_taken(name) and (
                list_id := self._attempt(lambda: create_list(self.engine, name))) is not None:
            self.announce(Changes(lists=True))
            self.refresh()
            self.sidebar.select(self.sidebar.lists_view, list_id)

    def duplicate_list(self: AudiencesScreen) -> None:
        """Copy the selected list with its members."""
        current = self.sidebar.current(self.sidebar.lists_view)
        if current is None:
            return
        name = NameDialog.ask(self, translate("AudienceActions", "Duplicate list"),
                              translate("AudienceActions", "Name of the copy:"),
                              translate("AudienceActions", "%1 (copy)").replace("%1", current[1]))
        if name and not self._list_name_taken(name):
            self._in_background(duplicate_list, self.engine, current[0], name, done=self._lists_changed)

    def rename_list(self: AudiencesScreen) -> None:
        """Rename the selected list."""
        current = self.sidebar.current(self.sidebar.lists_view)
        if current is None:
            return
        name = NameDialog.ask(self, translate("AudienceActions", "Rename list"),
                              translate("AudienceActions", "New name:"), current[1])
        if name and not self._list_name_taken(name, current[0]) and self._attempt(
                lambda: rename_list(self.engine, current[0], name) or True):
            self._lists_changed(current[0])

    def delete_list(self: AudiencesScreen) -> None:
        """Delete the selected list after confirmation (its contacts stay)."""
        current = self.sidebar.current(self.sidebar.lists_view)
        question = translate("AudienceActions", "Delete list “%1”? The contacts stay in the base.")
        if current is None or not Confirm.ask(self, translate("AudienceActions", "Delete list"),
                                              question.replace("%1", current[1])):
            return
        if self._attempt(lambda: delete_list(self.engine, current[0]) or True):
            self.stack.setCurrentWidget(self.welcome)
            self._lists_changed(None)

    def _lists_changed(self: AudiencesScreen, list_id: int | None) -> None:
        self.notice.clear()
        self.announce(Changes(lists=True))
        self.refresh()
        if list_id is not None:
            self.sidebar.select(self.sidebar.lists_view, list_id)

    def export_list(self: AudiencesScreen) -> None:
        """Write the selected list's members to .xlsx or .csv."""
        current = self.sidebar.current(self.sidebar.lists_view)
        if current is None:
            return
        path = SavePath.ask(self, translate("AudienceActions", "Export list"), f"{current[1]}.xlsx", EXPORT_FILTERS)
        if path:
            header = [translate("AudienceActions", h) for h in _LIST_HEADER]
            self._in_background(export_list, self.engine, current[0], path, header,
                                done=lambda count: self._exported(path, count))

    def _exported(self: AudiencesScreen, path: str, count: int) -> None:
        self.notice.setText(translate("AudienceActions", "Exported %1 contacts to %2").replace("%1", QLocale().toString(count))
                            .replace("%2", Path(path).name))

    # -- segments ----------------------------------------------------------------------------------
    def _segment(self: AudiencesScreen) -> tuple[int, str] | None:
        return self.sidebar.current(self.sidebar.segments_view)

    def duplicate_segment(self: AudiencesScreen) -> None:
        """Save a copy of the selected segment under a new name and open it."""
        current = self._segment()
        if current is None:
            return
        name = NameDialog.ask(self, translate("AudienceActions", "Duplicate segment"),
                              translate("AudienceActions", "Name of the copy:"),
                              translate("AudienceActions", "%1 (copy)").replace("%1", current[1]))
        if not name or self._segment_name_taken(name):
            return
        rule = get_segment(self.engine, current[0]).rule
        new_id = self._attempt(lambda: create_segment(self.engine, name, rule))
        if new_id is not None:
            self.refresh()
            self.sidebar.select(self.sidebar.segments_view, new_id)

    def rename_segment(self: AudiencesScreen) -> None:
        """Rename the selected segment."""
        current = self._segment()
        if current is None:
            return
        name = NameDialog.ask(self, translate("AudienceActions", "Rename segment"),
                              translate("AudienceActions", "New name:"), current[1])
        if name and not self._segment_name_taken(name, current[0]) and self._attempt(
                lambda: update_segment(self.engine, current[0], name=name) or True):
            if self.editor.segment_id == current[0]:
                self.editor.name = name
                self.editor._update_title()
            self.refresh()

    def delete_segment(self: AudiencesScreen) -> None:
        """Delete the selected segment after confirmation."""
        current = self._segment()
        question = translate("AudienceActions", "Delete segment “%1”? Its contacts stay in the base.")
        if current is None or not Confirm.ask(self, translate("AudienceActions", "Delete segment"),
                                              question.replace("%1", current[1])):
            return
        if self._attempt(lambda: delete_segment(self.engine, current[0]) or True):
            if self.editor.segment_id == current[0]:
                self.editor.segment_id = None
                self.editor.load(None, "", self.editor.rule())
                self.stack.setCurrentWidget(self.welcome)
            self.refresh()

    def _saved_first(self: AudiencesScreen, segment_id: int) -> bool:
        # Freezing and exporting use the saved rule: save pending edits of that segment first.
        if self.editor.segment_id == segment_id and self.editor.dirty:
            return self.editor.save()
        return True

    def export_segment(self: AudiencesScreen) -> None:
        """Write the selected segment's contacts to .xlsx or .csv."""
        current = self._segment()
        if current is None or not self._saved_first(current[0]):
            return
        path = SavePath.ask(self, translate("AudienceActions", "Export segment"), f"{current[1]}.xlsx", EXPORT_FILTERS)
        if path:
            self._in_background(export_segment, self.engine, current[0], path,
                                done=lambda count: self._exported(path, count))

    def freeze_segment(self: AudiencesScreen) -> None:
        """Copy the segment's current contacts into a static list named by the user."""
        current = self._segment()
        if current is None or not self._saved_first(current[0]):
            return
        title = translate("AudienceActions", "Freeze into a list")
        name = NameDialog.ask(self, title, translate("AudienceActions", "Name of the static list:"), current[1])
        if not name:
            return
        question = translate("AudienceActions", "List “%1” already exists. Add the segment's contacts to it?")
        if any(i.name == name for i in list_overview(self.engine)) and not Confirm.ask(
                self, title, question.replace("%1", name)):
            return
        self._in_background(freeze_segment, self.engine, current[0], name,
                            done=lambda result: self._frozen(name, result))

    def _frozen(self: AudiencesScreen, name: str, result: tuple[int, int]) -> None:
        list_id, members = result
        self._lists_changed(None)
        self.notice.setText(translate("AudienceActions", "List “%1” now holds %2 contacts").replace("%1", name)
                            .replace("%2", QLocale().toString(members)))
        self.sidebar.select(self.sidebar.lists_view, list_id, quiet=True)
