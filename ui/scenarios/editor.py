"""The scenario editor: palette | canvas (problems below) | properties, a toolbar, a report tab, a status line."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.engine import Engine

from app.scenarios import store
from app.scenarios.errors import ScenarioError
from app.scenarios.graph import Scenario
from app.scenarios.registry import default_registry
from app.workspace import Workspace
from ui.audiences.context import BuilderContext
from ui.audiences.live_count import read_lane
from ui.campaigns.poller import Poller
from ui.ops import OpHandle, run_in_worker
from ui.scenarios import backend
from ui.scenarios.canvas.palette import NodePalette
from ui.scenarios.canvas.view import ScenarioCanvas
from ui.scenarios.editor_actions import EditorActions, snapshot
from ui.scenarios.problems import ProblemsList, problems_by_node
from ui.scenarios.properties import PropertiesPanel
from ui.scenarios.report_view import ReportView
from ui.scenarios.texts import status_label
from ui.scenarios.toolbar import EditorToolbar

__all__ = ["ScenarioEditor"]

#: How often the canvas counters are re-read while the editor is visible.
COUNTER_INTERVAL_MS = 3000


def _read_sources(engine: Engine) -> tuple[backend.Choices, BuilderContext]:
    return backend.load_choices(engine), BuilderContext.load(engine)


class ScenarioEditor(EditorActions, QWidget):
    """Edits one scenario's newest version; older versions are shown read-only.

    Attributes:
        scenario_id / info: the scenario being edited; version: the version shown.
        read_only: True for an older version or an archived scenario.
        canvas, palette, properties, problems, report: the parts; toolbar: the EditorToolbar.
        problems_found: the latest validation result; last_operation: the latest background operation.

    Signals:
        back_requested(): the user wants the list (after the unsaved-changes question).
        saved(int): the scenario was saved, published, paused or resumed (its id).
    """

    back_requested = Signal()
    saved = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        QWidget.__init__(self, parent)
        self.workspace = workspace
        self.engine = workspace.engine
        self.registry = default_registry()
        self.scenario_id: int | None = None
        self.info: store.ScenarioInfo | None = None
        self.version: int | None = None
        self.read_only = False
        self.problems_found: list[ScenarioError] = []
        self.last_operation: OpHandle | None = None
        self.validation: OpHandle | None = None
        self.operation: OpHandle | None = None
        self._settings_dirty = False
        self._validation_seq = 0

        self.toolbar = EditorToolbar()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff8e1; border: 1px solid #f0d58c; padding: 6px;")
        self.palette = NodePalette(self.registry)
        self.palette.setMinimumWidth(200)
        self.canvas = ScenarioCanvas(self.registry)
        self.properties = PropertiesPanel(self.registry)
        self.problems = ProblemsList()
        self.problems.setMinimumHeight(60)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.canvas)
        middle.addWidget(self.problems)
        middle.setStretchFactor(0, 4)
        middle.setStretchFactor(1, 1)
        middle.setSizes([600, 90])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.palette)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.properties)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 800, 380])
        self.splitter.setChildrenCollapsible(False)
        self.report = ReportView(self.engine)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, self.tr("Scenario"))
        self.tabs.addTab(self.report, self.tr("Report"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.toolbar.versions_label)
        title_row.addWidget(self.toolbar.versions)
        layout.addLayout(title_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(400)
        self._validate_timer.timeout.connect(self.revalidate)
        self.counters = Poller(self._read_counters, COUNTER_INTERVAL_MS, self)
        self.counters.result.connect(self._counters_read)
        self._connect()

    def _connect(self) -> None:
        bar = self.toolbar
        bar.back.triggered.connect(self._back)
        bar.save.triggered.connect(self.save)
        bar.publish.triggered.connect(self.publish)
        bar.pause.triggered.connect(self.pause)
        bar.resume.triggered.connect(self.resume)
        bar.undo.triggered.connect(self.canvas.undo_stack.undo)
        bar.redo.triggered.connect(self.canvas.undo_stack.redo)
        bar.zoom_in.triggered.connect(self.canvas.zoom_in)
        bar.zoom_out.triggered.connect(self.canvas.zoom_out)
        bar.fit.triggered.connect(self.canvas.fit_to_view)
        bar.layout.triggered.connect(self.canvas.auto_layout)
        bar.test.triggered.connect(self.test_on_contact)
        bar.versions.activated.connect(self._version_picked)
        stack = self.canvas.undo_stack
        stack.canUndoChanged.connect(bar.undo.setEnabled)
        stack.canRedoChanged.connect(bar.redo.setEnabled)
        stack.cleanChanged.connect(self._clean_changed)
        self.canvas.changed.connect(self._edited)
        self.canvas.message.connect(lambda text: self.set_status(text, error=True))
        self.canvas.selection_changed.connect(self._selection)
        self.properties.settings_edited.connect(self._settings_edited)
        self.palette.type_activated.connect(lambda type_id: self.canvas.add_node_of_type(type_id))
        self.problems.node_clicked.connect(self.canvas.select_node)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- state ----------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Unsaved edits (canvas or settings) on an editable version."""
        return not self.read_only and (not self.canvas.undo_stack.isClean() or self._settings_dirty)

    @property
    def scenario(self) -> Scenario:
        """The scenario shown (the canvas's live model)."""
        return self.canvas.scenario

    def open(self, scenario_id: int, version: int | None = None) -> None:
        """Show a stored scenario: its newest version (editable), or an older one read-only."""
        self.info = store.get_scenario(self.engine, scenario_id)
        self.scenario_id = scenario_id
        self.version = version or self.info.latest_version
        scenario = store.load_scenario(self.engine, scenario_id, self.version, registry=self.registry)
        self.read_only = self.version != self.info.latest_version or self.info.status == "archived"
        self._load_sources()
        self.canvas.set_scenario(scenario)
        self.canvas.set_read_only(self.read_only)
        self.properties.bind(self.canvas)
        self.properties.set_read_only(self.read_only)
        self.palette.setEnabled(not self.read_only)
        self.canvas.undo_stack.setClean()
        self._settings_dirty = False
        self._fill_versions()
        self._update_state()
        self.tabs.setCurrentIndex(0)
        QTimer.singleShot(0, lambda: self.canvas.fit_to_view(readable=True))  # once the layout sized the view
        self.revalidate()
        if self.isVisible():
            self._start_counters()

    def _load_sources(self) -> None:
        """Re-read the pickers' lists (templates, providers, segments, rule catalogue) off the GUI thread."""
        self.operation = run_in_worker(_read_sources, self.engine, executor=read_lane(),
                                       on_done=self._sources_loaded)

    def _sources_loaded(self, sources: tuple[backend.Choices, BuilderContext]) -> None:
        self.properties.set_sources(sources[0], sources[1], self.engine)
        focus = QApplication.focusWidget()
        if self.properties.node_id is not None and not (focus and self.properties.isAncestorOf(focus)):
            self.properties.show_node(self.properties.node_id)  # with the full pick lists now

    def _fill_versions(self) -> None:
        combo = self.toolbar.versions
        combo.clear()
        for stored in reversed(store.list_versions(self.engine, self.scenario_id)):
            if stored.published_at is None:
                text = self.tr("Version %1 · draft")
            elif self.info and stored.version == self.info.live_version:
                text = self.tr("Version %1 · live")
            else:
                text = self.tr("Version %1 · published earlier")
            combo.addItem(text.replace("%1", str(stored.version)), stored.version)
        combo.setCurrentIndex(max(0, combo.findData(self.version)))

    def _update_state(self) -> None:
        info = self.info
        if info is None:
            return
        bar = self.toolbar
        latest_published = info.draft_version is None
        bar.save.setEnabled(not self.read_only)
        self._publish_enabled()
        bar.pause.setVisible(info.status == "published")
        bar.resume.setVisible(info.status == "paused")
        bar.undo.setEnabled(self.canvas.undo_stack.canUndo())
        bar.redo.setEnabled(self.canvas.undo_stack.canRedo())
        bar.layout.setEnabled(not self.read_only)
        self.tabs.setTabEnabled(1, info.live_version is not None)
        if info.status == "archived":
            banner = self.tr("This scenario is archived: it is shown read-only.")
        elif self.read_only:
            banner = self.tr("You are looking at version %1, which was published: it cannot be changed. Pick the "
                             "newest version to edit.").replace("%1", str(self.version))
        elif latest_published and info.live_version is not None:
            banner = self.tr("Version %1 is running. Your changes are saved as a new draft (version %2); contacts "
                             "already inside finish on version %1, and new ones enter the draft only after you "
                             "publish it.").replace("%1", str(info.live_version)).replace("%2",
                                                                                          str(info.latest_version + 1))
        elif info.live_version is not None:
            banner = self.tr("Draft version %1. Version %2 keeps running until you publish this draft.") \
                .replace("%1", str(info.draft_version)).replace("%2", str(info.live_version))
        else:
            banner = ""
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self._update_title()

    def _clean_changed(self, _clean: bool) -> None:
        if shiboken6.isValid(self.canvas) and shiboken6.isValid(self.canvas.undo_stack):
            self._update_title()  # not while the window is being torn down
            self._publish_enabled()

    def _publish_enabled(self) -> None:
        # Nothing to publish when the running version is the newest and nothing was edited.
        info = self.info
        pending = info is not None and (info.draft_version is not None or info.status == "draft")
        self.toolbar.publish.setEnabled(not self.read_only and (pending or self.dirty))

    def _update_title(self) -> None:
        if self.info is None:
            return
        name = self.scenario.name or self.info.name
        self.title.setText(f"{name} — {status_label(self.info.status)}" + (" *" if self.dirty else ""))

    def set_status(self, text: str, error: bool = False) -> None:
        """Show a one-line message under the editor."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    # -- edits and validation -------------------------------------------------------------------
    def _edited(self) -> None:
        self._update_title()
        self._publish_enabled()
        self._validate_timer.start()

    def _settings_edited(self) -> None:
        self._settings_dirty = True
        self._edited()

    def _selection(self, node_ids: list[str]) -> None:
        self.properties.show_node(node_ids[0] if len(node_ids) == 1 else None)
        # The rule builder of a condition needs room: widen the panel while it is shown.
        wide = any(w.spec.type == "segment_rule" for w in self.properties.widgets.values())
        sizes = self.splitter.sizes()
        wanted = max(sizes[2], 780) if wide else min(sizes[2], 380)
        if wanted != sizes[2] and sum(sizes) > wanted + sizes[0] + 300:
            self.splitter.setSizes([sizes[0], sum(sizes) - sizes[0] - wanted, wanted])

    def revalidate(self) -> None:
        """Check the scenario on a worker thread; problems go to the list and onto the nodes."""
        self._validate_timer.stop()
        self._validation_seq += 1
        seq, copy = self._validation_seq, snapshot(self.scenario)
        self.validation = run_in_worker(backend.run_validation, self.engine, copy, executor=read_lane(),
                                        on_done=lambda found: self._validated(seq, found),
                                        on_error=lambda exc: self.set_status(str(exc), error=True))

    def _validated(self, seq: int, found: list[ScenarioError]) -> None:
        if seq != self._validation_seq:
            return  # an older check finished after a newer edit
        self.show_problems(found)

    def show_problems(self, found: list[ScenarioError]) -> None:
        """Show `found` in the list and on the canvas."""
        self.problems_found = list(found)
        self.problems.set_problems(self.problems_found, self.scenario, self.registry)
        self.canvas.set_problems(problems_by_node(self.problems_found, self.scenario, self.registry))

    def _read_counters(self) -> tuple[int | None, dict[str, dict[str, int]]]:
        scenario_id = self.scenario_id
        return scenario_id, (backend.node_counters(self.engine, scenario_id) if scenario_id is not None else {})

    def _counters_read(self, result: tuple[int | None, dict[str, dict[str, int]]]) -> None:
        scenario_id, counters = result
        if scenario_id == self.scenario_id:  # not the numbers of a scenario closed meanwhile
            self.canvas.set_counters(counters)

    def _start_counters(self) -> None:
        if self.info is not None and self.info.live_version is not None:
            self.counters.start()
        else:
            self.counters.stop()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.scenario_id is not None:
            self.report.load(self.scenario_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._start_counters()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.counters.stop()
        super().hideEvent(event)
