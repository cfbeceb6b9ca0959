"""The editor's actions: save, publish (with the check and the confirmation), pause/resume, versions, leaving.

A mixin of ScenarioEditor: it uses the editor's engine, canvas, toolbar, status line and state.
"""

from __future__ import annotations

from app.errors import KaskadError
from app.scenarios import store
from app.scenarios.errors import ScenarioInvalid
from app.scenarios.graph import Scenario
from app.scenarios.readwrite import scenario_from_dict, to_dict
from ui.ops import run_in_worker
from ui.scenarios import backend
from ui.scenarios.dialogs import UnsavedChanges
from ui.scenarios.publish import confirm_text
from ui.widgets.dialogs import Confirm, ErrorDialog

__all__ = ["EditorActions", "snapshot"]


def snapshot(scenario: Scenario) -> Scenario:
    """An independent copy, safe to read on a worker thread while the user keeps editing."""
    return scenario_from_dict(to_dict(scenario))


class EditorActions:
    """Save / publish / pause / resume / versions / leave of the scenario editor (mixed into ScenarioEditor)."""

    # -- save / publish / pause -------------------------------------------------------------------
    def save(self) -> bool:
        """Save the edits: into the draft, or as a new draft when the newest version is published."""
        if self.read_only or self.scenario_id is None or self.info is None:
            return False
        if not self.dirty:
            self.set_status(self.tr("No changes to save."))
            return True
        try:
            if self.scenario.name and self.scenario.name != self.info.name:
                backend.rename(self.engine, self.scenario_id, self.scenario.name)
            stored = store.save_scenario(self.engine, self.scenario_id, self.scenario)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return False
        created = self.info.draft_version is None
        self.canvas.undo_stack.setClean()
        self._settings_dirty = False
        self.info = store.get_scenario(self.engine, self.scenario_id)
        self.version = stored.version
        self._fill_versions()
        self._update_state()
        self.set_status(self.tr("Saved as a new draft, version %1.").replace("%1", str(stored.version)) if created
                        else self.tr("Draft version %1 saved.").replace("%1", str(stored.version)))
        self.saved.emit(self.scenario_id)
        return True

    def publish(self) -> None:
        """Save, check against the workspace, confirm who will enter, then make the newest version live."""
        if self.read_only or self.scenario_id is None:
            return
        if self.dirty and not self.save():
            return
        found = backend.run_validation(self.engine, self.scenario)
        self.show_problems(found)
        if found:
            self.set_status(self.tr("Cannot publish: fix the problems listed under the canvas (%1).")
                            .replace("%1", str(len(found))), error=True)
            return
        text = confirm_text(backend.who_enters(self.engine, self.scenario), self.scenario)
        if not Confirm.ask(self, self.tr("Publish the scenario?"), text):
            return
        scenario_id = self.scenario_id
        self.set_status(self.tr("Publishing…"))
        self.last_operation = run_in_worker(backend.publish, self.engine, scenario_id,
                                            on_done=lambda _info: self._lifecycle_done(
                                                self.tr("Published: the scenario is running.")),
                                            on_error=self._lifecycle_failed)

    def pause(self) -> None:
        """Stop new entries; contacts inside wait."""
        if self.scenario_id is not None:
            self.last_operation = run_in_worker(backend.pause, self.engine, self.scenario_id,
                                                on_done=lambda _info: self._lifecycle_done(
                                                    self.tr("Paused: nobody new enters, contacts inside wait.")),
                                                on_error=self._lifecycle_failed)

    def resume(self) -> None:
        """Run the paused scenario again."""
        if self.scenario_id is not None:
            self.last_operation = run_in_worker(backend.resume, self.engine, self.scenario_id,
                                                on_done=lambda _info: self._lifecycle_done(
                                                    self.tr("Resumed: the scenario is running again.")),
                                                on_error=self._lifecycle_failed)

    def _lifecycle_done(self, message: str) -> None:
        if self.scenario_id is None:
            return
        self.open(self.scenario_id)
        self.set_status(message)
        self.saved.emit(self.scenario_id)

    def _lifecycle_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ScenarioInvalid):
            self.show_problems(exc.problems)
            self.set_status(self.tr("Cannot publish: fix the problems listed under the canvas (%1).")
                            .replace("%1", str(len(exc.problems))), error=True)
            return
        self.set_status(str(exc), error=True)
        ErrorDialog.ask(self, exc)

    # -- versions, leaving, simulation, counters ------------------------------------------------
    def _version_picked(self, index: int) -> None:
        wanted = self.toolbar.versions.itemData(index)
        if wanted is None or wanted == self.version or self.scenario_id is None:
            return
        if not self.may_leave():
            self.toolbar.versions.setCurrentIndex(self.toolbar.versions.findData(self.version))
            return
        self.open(self.scenario_id, int(wanted))

    def may_leave(self) -> bool:
        """Ask about unsaved changes; False when the user wants to stay."""
        if not self.dirty:
            return True
        answer = UnsavedChanges.ask(self, self.scenario.name or (self.info.name if self.info else ""))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.canvas.undo_stack.setClean()
            self._settings_dirty = False
            return True
        return False

    def _back(self) -> None:
        if self.may_leave():
            self.counters.stop()
            self.back_requested.emit()

    def test_on_contact(self) -> None:
        """Open the simulation dialog for the scenario as it is on the canvas now."""
        from ui.scenarios.simulate_dialog import SimulateDialog

        dialog = SimulateDialog(self.engine, snapshot(self.scenario), self.canvas, self.registry, self)
        dialog.exec()
        self.canvas.clear_highlight()
