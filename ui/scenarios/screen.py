"""The Scenarios section: the list of trigger scenarios and, when one is opened, its editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.errors import KaskadError
from app.workspace import Workspace
from ui.audiences.dialogs import NameDialog
from ui.scenarios import backend
from ui.scenarios.dialogs import NewScenarioDialog, OpenPath
from ui.scenarios.editor import ScenarioEditor
from ui.scenarios.list_page import ScenarioListPage
from ui.widgets.dialogs import Confirm, ErrorDialog, SavePath

__all__ = ["ScenariosScreen"]


class ScenariosScreen(QWidget):
    """List ⇄ editor.

    Attributes:
        list_page: the ScenarioListPage; editor: the ScenarioEditor; stack: which one is shown.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.engine = workspace.engine
        self.list_page = ScenarioListPage()
        self.editor = ScenarioEditor(workspace)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        page = self.list_page
        page.new_button.clicked.connect(self.new_scenario)
        page.empty_new_button.clicked.connect(self.new_scenario)
        page.open_requested.connect(self.open_scenario)
        page.rename_button.clicked.connect(self.rename_current)
        page.duplicate_button.clicked.connect(self.duplicate_current)
        page.import_button.clicked.connect(self.import_file)
        page.export_button.clicked.connect(self.export_current)
        page.archive_button.clicked.connect(self.archive_current)
        page.show_archived.toggled.connect(lambda _on: self.refresh())
        self.editor.back_requested.connect(self.show_list)
        self.editor.saved.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        """Re-read the list (small: one row per scenario)."""
        current = self.list_page.current()
        rows = backend.list_rows(self.engine, include_archived=self.list_page.show_archived.isChecked())
        self.list_page.set_rows(rows, keep if keep is not None else (current.id if current else None))

    def may_leave(self) -> bool:
        """Whether the main window may switch sections (asks about unsaved scenario edits)."""
        return self.stack.currentWidget() is not self.editor or self.editor.may_leave()

    def show_list(self) -> None:
        """Back to the list."""
        self.refresh(self.editor.scenario_id)
        self.stack.setCurrentWidget(self.list_page)

    def open_scenario(self, scenario_id: int) -> None:
        """Open a scenario in the editor."""
        try:
            self.editor.open(scenario_id)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return
        self.stack.setCurrentWidget(self.editor)

    def _run(self, action: Callable[..., Any], *args: object) -> tuple[bool, Any]:
        """Call `action(engine, *args)`; (False, None) after showing the error."""
        try:
            return True, action(self.engine, *args)
        except (KaskadError, OSError) as exc:
            ErrorDialog.ask(self, exc)
            return False, None

    def new_scenario(self) -> None:
        """Blank or from a starter, then straight into the editor."""
        choice = NewScenarioDialog.ask(self)
        if choice is None:
            return
        ok, scenario_id = self._run(backend.create, choice.name, choice.starter)
        if ok:
            self.refresh(int(scenario_id))
            self.open_scenario(int(scenario_id))

    def rename_current(self) -> None:
        """Rename the selected scenario."""
        row = self.list_page.current()
        if row is None:
            return
        name = NameDialog.ask(self, self.tr("Rename the scenario"), self.tr("New name:"), row.name)
        if name and name != row.name and self._run(backend.rename, row.id, name)[0]:
            self.refresh(row.id)

    def duplicate_current(self) -> None:
        """Copy the selected scenario's newest version into a new draft."""
        row = self.list_page.current()
        if row is None:
            return
        ok, new_id = self._run(backend.duplicate, row.id)
        if ok:
            self.refresh(int(new_id))

    def import_file(self) -> None:
        """Store a scenario JSON file as a new draft."""
        path = OpenPath.ask(self, self.tr("Import a scenario"), self.tr("Scenario (*.json)"))
        if not path:
            return
        ok, new_id = self._run(backend.import_json, path)
        if ok:
            self.refresh(int(new_id))

    def export_current(self) -> None:
        """Save the selected scenario's newest version as JSON."""
        row = self.list_page.current()
        if row is None:
            return
        path = SavePath.ask(self, self.tr("Export the scenario"), f"{row.name}.json", self.tr("Scenario (*.json)"))
        if path:
            self._run(backend.export_json, row.id, Path(path))

    def archive_current(self) -> None:
        """Retire the selected scenario after a confirmation saying what happens to contacts inside."""
        row = self.list_page.current()
        if row is None:
            return
        text = self.tr("Archive “%1”? It stops, and the %2 contact(s) inside leave it. You can restore it later.") \
            .replace("%1", row.name).replace("%2", str(row.inside))
        if Confirm.ask(self, self.tr("Archive the scenario?"), text):
            self._run(backend.archive, row.id)
            self.refresh()
