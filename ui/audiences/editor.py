"""The segment editor: rule builder, live count, preview of the first matches, Save and Save as."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserInputError
from app.segments.rules import RuleError
from app.segments.service import create_segment, list_segments, update_segment, validate_rule
from app.workspace import Workspace
from ui.audiences.condition_row import ERROR_STYLE
from ui.audiences.context import BuilderContext
from ui.audiences.dialogs import NameDialog, UnsavedChanges
from ui.audiences.group import GroupWidget
from ui.audiences.live_count import PREVIEW_LIMIT, LiveCounter
from ui.audiences.preview import PreviewTable
from ui.audiences.rule_errors import describe_rule_error
from ui.widgets.dialogs import ErrorDialog

__all__ = ["SegmentEditor", "starter_rule"]


def starter_rule() -> dict[str, Any]:
    """What a new segment starts with: one condition on the city."""
    return {"type": "group", "op": "and", "children": [{"type": "field", "field": "city", "op": "eq", "value": ""}]}


class SegmentEditor(QWidget):
    """Edits one segment's rule with a live count and a preview.

    Attributes:
        segment_id: the saved segment being edited, or None for a new one.
        builder: the root GroupWidget; counter: the LiveCounter; preview: the PreviewTable.
        last_count: the latest count shown (None while counting or invalid).

    Signals:
        saved(segment_id): the segment was saved (created or updated).
    """

    saved = Signal(int)

    def __init__(self, workspace: Workspace, ctx: BuilderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ctx = ctx
        self.segment_id: int | None = None
        self.name = ""
        self.last_count: int | None = None
        self._saved_rule: dict[str, Any] = {}

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.count_label = QLabel()
        self.count_label.setObjectName("segment-count")
        self._count_style(ok=True)
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_as_button = QPushButton(self.tr("Save as…"))
        for label in (self.title, self.count_label):
            label.setMinimumWidth(80)  # a long name or message never widens the window
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        head.addWidget(self.save_as_button)

        self.builder = GroupWidget(ctx, root=True)
        holder = QWidget()
        holder_box = QVBoxLayout(holder)
        holder_box.setContentsMargins(6, 6, 6, 6)
        holder_box.addWidget(self.builder)
        holder_box.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(holder)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)

        self.preview = PreviewTable()
        self.preview_title = QLabel(self.tr("First %n matching contact(s)", "", PREVIEW_LIMIT))
        self.preview_title.setStyleSheet("font-weight: bold;")
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 4, 0, 0)
        bottom_box.addWidget(self.preview_title)
        bottom_box.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([500, 240])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.count_label)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        self.counter = LiveCounter(workspace.engine, self)
        self.counter.started.connect(self._counting)
        self.counter.counted.connect(self._counted)
        self.counter.invalid.connect(self._invalid)
        self.counter.failed.connect(self._failed)
        self.builder.changed.connect(self._rule_changed)
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self.save_as)
        self.status.hide()

    def _count_style(self, *, ok: bool) -> None:
        self.count_label.setStyleSheet(f"font-size: 15px; font-weight: bold; color: {'#1d5fa8' if ok else '#b3261e'};")

    # -- loading --------------------------------------------------------------------------------
    def load(self, segment_id: int | None, name: str, rule: dict[str, Any]) -> None:
        """Edit a saved segment (or a new one when `segment_id` is None)."""
        self.segment_id = segment_id
        self.name = name
        self.builder.set_rule(rule)
        self._saved_rule = copy.deepcopy(self.builder.rule())
        self._rule_changed()

    def new_segment(self) -> None:
        """Start a new, unsaved segment."""
        self.load(None, "", starter_rule())

    def rule(self) -> dict[str, Any]:
        """The rule as built."""
        return self.builder.rule()

    @property
    def dirty(self) -> bool:
        """True when the rule differs from what was saved (or, for a new segment, from the starter)."""
        return self.rule() != self._saved_rule

    def _update_title(self) -> None:
        name = self.name or self.tr("New segment")
        self.title.setText(f"{name} *" if self.dirty else name)
        self.save_button.setEnabled(self.dirty or self.segment_id is None)

    # -- live count -------------------------------------------------------------------------------
    def _rule_changed(self) -> None:
        self._update_title()
        self.counter.request(self.rule())

    def _counting(self) -> None:
        self.last_count = None
        self.builder.clear_errors()
        self.status.hide()
        self._count_style(ok=True)
        self.count_label.setText(self.tr("counting…"))

    def _counted(self, count: int, rows: list[dict[str, Any]]) -> None:
        self.last_count = count
        self.count_label.setText(self.tr("Matches: %1").replace("%1", self.tr("%Ln contact(s)", "", count)))
        self.preview.preview.set_rows(rows)

    def _invalid(self, error: UserInputError) -> None:
        self.last_count = None
        self.builder.clear_errors()
        self._count_style(ok=False)
        self.count_label.setText(self.tr("fix the condition marked in red"))
        self.preview.preview.set_rows([])
        if isinstance(error, RuleError):
            self.builder.widget_at(error.path).show_error(describe_rule_error(error.reason))
        else:
            self.status.setText(str(error))
            self.status.show()

    def _failed(self, error: BaseException) -> None:
        self.last_count = None
        self._count_style(ok=False)
        self.count_label.setText(self.tr("could not count"))
        ErrorDialog.ask(self, error)

    # -- saving ---------------------------------------------------------------------------------------
    def _valid_rule(self) -> dict[str, Any] | None:
        rule = self.rule()
        try:
            validate_rule(rule)
        except UserInputError as exc:
            self._invalid(exc)
            return None
        return rule

    def save(self) -> bool:
        """Save the rule into the segment (a new segment asks for a name first)."""
        if self.segment_id is None:
            return self.save_as()
        rule = self._valid_rule()
        if rule is None:
            return False
        try:
            update_segment(self.workspace.engine, self.segment_id, rule=rule)
        except RuleError as exc:  # e.g. a list deleted meanwhile, or a segment including itself
            self._invalid(exc)
            return False
        except UserInputError as exc:
            ErrorDialog.ask(self, exc)
            return False
        self._saved_rule = copy.deepcopy(rule)
        self._update_title()
        self.saved.emit(self.segment_id)
        return True

    def save_as(self) -> bool:
        """Save the rule as a new segment under a name the user gives."""
        rule = self._valid_rule()
        if rule is None:
            return False
        suggested = self.tr("%1 (copy)").replace("%1", self.name) if self.name else ""
        name = NameDialog.ask(self, self.tr("Save segment"), self.tr("Segment name:"), suggested)
        if name is None:
            return False
        if any(s.name == name for s in list_segments(self.workspace.engine)):
            ErrorDialog.ask(self, UserInputError(self.tr("A segment called “%1” already exists.").replace("%1", name)))
            return False
        try:
            segment_id = create_segment(self.workspace.engine, name, rule)
        except RuleError as exc:
            self._invalid(exc)
            return False
        except UserInputError as exc:
            ErrorDialog.ask(self, exc)
            return False
        self.segment_id, self.name = segment_id, name
        self._saved_rule = copy.deepcopy(rule)
        self._update_title()
        self.saved.emit(segment_id)
        return True

    def may_leave(self) -> bool:
        """Ask about unsaved changes; False when the user wants to stay."""
        if not self.dirty:
            return True
        answer = UnsavedChanges.ask(self, self.name or self.tr("New segment"))
        if answer == "save":
            return self.save()
        return answer == "discard"
