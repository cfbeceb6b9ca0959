"""One condition of a rule: what to test (field or kind), the kind's operator and value, an inline error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.segments.catalog import FieldInfo
from ui.audiences.context import BuilderContext
from ui.audiences.event_part import EventPart
from ui.audiences.labels import KINDS, kind_label, pick
from ui.audiences.parts import ConditionPart, FieldPart, SimplePart, fit_width

__all__ = ["ConditionRow", "ERROR_STYLE"]

ERROR_STYLE = "color: #b3261e;"


class ConditionRow(QFrame):
    """A condition row of the rule builder.

    Attributes:
        picker: the "what to test" combo; data "field:<key>" or a kind ("tag", "event", ...).
        part: the operator/value widgets of the picked kind.
        error: the inline error label (hidden while the condition is valid).

    Signals:
        changed(), remove_requested()
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, ctx: BuilderContext, node: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Custom fields a saved rule uses that the catalogue does not offer (or types differently).
        self._own_fields: dict[str, FieldInfo] = {}
        self.setObjectName("condition-row")
        self.picker = QComboBox()
        self.picker.setMaxVisibleItems(25)
        for info in ctx.fields:
            self.picker.addItem(pick(info.label_ru, info.label_en), f"field:{info.key}")
        self.picker.insertSeparator(self.picker.count())
        for kind in KINDS:
            self.picker.addItem(kind_label(kind), kind)
        fit_width(self.picker, cap=230)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this condition"))
        self.part: ConditionPart = ConditionPart()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.line.addWidget(self.picker, 0, Qt.AlignmentFlag.AlignTop)
        self.line.addWidget(self.part, 1)
        self.line.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(self.line)
        layout.addWidget(self.error)
        self.picker.currentIndexChanged.connect(self._picked)
        self.remove.clicked.connect(self.remove_requested)
        if node is not None:
            self.set_rule(node)
        else:
            self._picked()

    def _picked(self, *_args: object) -> None:
        choice = str(self.picker.currentData() or "")
        if choice.startswith("field:"):
            info = self._own_fields.get(choice[6:]) or self.ctx.field_info(choice[6:])
            part: ConditionPart = FieldPart(info, self.ctx) if info is not None else ConditionPart()
        elif choice == "event":
            part = EventPart(self.ctx)
        else:
            part = SimplePart(choice, self.ctx)
        self.line.replaceWidget(self.part, part)
        self.part.deleteLater()
        self.part = part
        part.changed.connect(self.changed)
        self.changed.emit()

    def pick_field(self, key: str) -> None:
        """Switch the row to a contact or custom field."""
        self.picker.setCurrentIndex(self.picker.findData(f"field:{key}"))

    def pick_kind(self, kind: str) -> None:
        """Switch the row to a non-field kind ("tag", "list", "event", ...)."""
        self.picker.setCurrentIndex(self.picker.findData(kind))

    def rule(self) -> dict[str, Any]:
        """The condition as rule JSON."""
        return self.part.rule()

    def _adopt_custom_field(self, key: str, op: str) -> None:
        # The catalogue guesses custom types from recent contacts; the saved operator decides here.
        info = self.ctx.field_info(key)
        if info is not None and op in (o.key for o in self.ctx.ops_for(info.type)):
            return
        kind = next((k for k in ("text", "number", "date") if op in (o.key for o in self.ctx.ops_for(k))), "text")
        name = key[len("custom:"):]
        label = self.tr("Custom: %1").replace("%1", name)
        self._own_fields[key] = FieldInfo(key, label, label, kind)
        if self.picker.findData(f"field:{key}") < 0:
            self.picker.insertItem(len(self.ctx.fields), label, f"field:{key}")

    def set_rule(self, node: dict[str, Any]) -> None:
        """Show a condition read from a saved rule."""
        key = str(node.get("field"))
        if node.get("type") == "field" and key.startswith("custom:"):
            self._adopt_custom_field(key, str(node.get("op")))
        choice = f"field:{key}" if node.get("type") == "field" else str(node.get("type"))
        index = self.picker.findData(choice)
        self.picker.blockSignals(True)
        self.picker.setCurrentIndex(max(0, index))
        self.picker.blockSignals(False)
        self._picked()
        if index >= 0:
            self.part.set_rule(node)

    def show_error(self, text: str) -> None:
        """Show a problem with this condition under it."""
        self.error.setText(text)
        self.error.show()

    def clear_error(self) -> None:
        """Hide the inline error."""
        self.error.clear()
        self.error.hide()
