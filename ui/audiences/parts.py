"""The editable part of a condition row for each kind: field, tag, list, consent, stop list, activity, segment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.segments.catalog import FieldInfo
from ui.audiences.context import BuilderContext
from ui.audiences.labels import CHANNELS, channel_label, kind_ops, pick
from ui.audiences.values import ValueEditor, make_value_editor

__all__ = ["ConditionPart", "FieldPart", "SimplePart", "combo_of", "days_spin", "fit_width", "select", "select_or_keep"]


def combo_of(items: list[tuple[Any, str]], *, editable: bool = False, width: int | None = None) -> QComboBox:
    """A combo of (data, label) items: `width` pixels, or as wide as its longest label up to a limit."""
    combo = QComboBox()
    combo.setEditable(editable)
    for data, label in items:
        combo.addItem(label, data)
    fit_width(combo, width)
    return combo


def fit_width(combo: QComboBox, width: int | None = None, *, cap: int = 280) -> None:
    """Fix the combo's width to its labels (within 80..`cap`); the popup always shows labels in full."""
    widest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    combo.setFixedWidth(width or min(max(widest + 36, 80), cap))
    combo.view().setMinimumWidth(widest + 48)


def select(combo: QComboBox, data: Any) -> None:
    """Select the item carrying `data`; an editable combo shows unknown text as typed."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable() and data is not None:
        combo.setEditText(str(data))


def select_or_keep(combo: QComboBox, data: Any, label: str) -> None:
    """Select `data`; when the combo lacks it (a list or campaign deleted since), add it as `label`.

    Falling back to the first item would silently change who the rule matches; kept as it is,
    the count reports the missing list or segment next to the row instead.
    """
    if combo.findData(data) < 0:
        combo.addItem(label, data)
    combo.setCurrentIndex(combo.findData(data))


def days_spin(none_text: str) -> QSpinBox:
    """Days 0..3650 where 0 shows `none_text` (no time limit)."""
    spin = QSpinBox()
    spin.setRange(0, 3650)
    spin.setSpecialValueText(none_text)
    spin.setMinimumWidth(110)
    return spin


class ConditionPart(QWidget):
    """Operator and value widgets of one condition kind.

    Signals:
        changed(): anything in the part was edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(6)

    def rule(self) -> dict[str, Any]:
        """The condition as rule JSON (each kind fills it in)."""
        return {}

    def set_rule(self, node: dict[str, Any]) -> None:
        """Show a condition read from a saved rule."""


class FieldPart(ConditionPart):
    """A contact or custom field: operator from `operators_for(type)`, value widget fit for the operator."""

    def __init__(self, info: FieldInfo, ctx: BuilderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.ops = ctx.ops_for(info.type)
        self.op = combo_of([(op.key, pick(op.label_ru, op.label_en)) for op in self.ops])
        self.choices = [(value, pick(ru, en)) for value, ru, en in (info.choices or [])]
        self.editor: ValueEditor = ValueEditor()
        self._kind = ""
        self.box.addWidget(self.op)
        self.box.addWidget(self.editor)
        self.box.addStretch(1)
        self.op.currentIndexChanged.connect(self._op_changed)
        self._op_changed()

    def _op_info(self) -> Any:
        return self.ops[max(0, self.op.currentIndex())]

    def _op_changed(self, *_args: object) -> None:
        kind = self._op_info().value_kind
        if kind != self._kind:  # same kind of value: keep what the user typed
            old = self.editor
            self.editor = make_value_editor(kind, self.info.type, self.choices)
            self.editor.changed.connect(self.changed)
            self.box.replaceWidget(old, self.editor)
            old.deleteLater()
            self.editor.setVisible(kind != "none")
            self._kind = kind
        self.changed.emit()

    def rule(self) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "field", "field": self.info.key, "op": self._op_info().key}
        if self._kind != "none":
            node["value"] = self.editor.value()
        return node

    def set_rule(self, node: dict[str, Any]) -> None:
        select(self.op, node.get("op"))
        if "value" in node:
            self.editor.set_value(node["value"])


class SimplePart(ConditionPart):
    """Tag, list, consent, stop list, campaign activity or saved segment."""

    def __init__(self, kind: str, ctx: BuilderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.op = combo_of(kind_ops(kind))
        self.target: QComboBox | None = None
        self.channel: QComboBox | None = None
        self.action: QComboBox | None = None
        self.within: QSpinBox | None = None
        first: list[QWidget] = [self.op]
        second: list[QWidget] = []
        if kind == "tag":
            self.target = combo_of([(name, name) for name in ctx.tags], editable=True, width=160)
            if self.target.lineEdit() is not None:
                self.target.lineEdit().setPlaceholderText(self.tr("tag name"))
            self.target.editTextChanged.connect(self.changed)
            first.append(self.target)
        elif kind in ("list", "segment"):
            self.target = combo_of(ctx.lists if kind == "list" else ctx.segments, width=200)
            first.append(self.target)
        elif kind in ("consent", "suppressed"):
            self.channel = combo_of([(ch, channel_label(ch)) for ch in CHANNELS])
            first = [QLabel(self.tr("channel")), self.channel, self.op]
        elif kind == "engagement":
            # Two lines, so the row fits beside the list panel: what was done, then which campaign and when.
            self.action = combo_of(ctx.actions)
            self.target = combo_of([(None, self.tr("any campaign")), *ctx.campaigns], width=180)
            self.within = days_spin(self.tr("any time"))
            self.within.setPrefix(self.tr("in the last "))
            self.within.setSuffix(self.tr(" days"))
            self.within.setMinimumWidth(self.within.sizeHint().width())
            self.within.valueChanged.connect(self.changed)
            first.append(self.action)
            second = [self.target, self.within]
        for combo in (self.op, self.channel, self.action, self.target):
            if combo is not None:
                combo.currentIndexChanged.connect(self.changed)
        if not second:
            self._add_line(self.box, first)
        else:
            lines = QVBoxLayout()
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(4)
            row_one, row_two = QHBoxLayout(), QHBoxLayout()
            self._add_line(row_one, first)
            self._add_line(row_two, second)
            lines.addLayout(row_one)
            lines.addLayout(row_two)
            self.box.addLayout(lines, 1)

    @staticmethod
    def _add_line(box: QHBoxLayout, widgets: list[QWidget]) -> None:
        for widget in widgets:
            box.addWidget(widget)
        box.addStretch(1)

    def rule(self) -> dict[str, Any]:
        node: dict[str, Any] = {"type": self.kind, "op": self.op.currentData()}
        if self.channel is not None:
            node["channel"] = self.channel.currentData()
        if self.kind == "engagement":
            assert self.action is not None and self.target is not None and self.within is not None
            node.update(action=self.action.currentData(), campaign=self.target.currentData(),
                        within_days=self.within.value() or None)
        elif self.kind == "tag":
            assert self.target is not None
            node["value"] = self.target.currentText().strip()
        elif self.target is not None:
            node["value"] = self.target.currentData()
        return node

    def set_rule(self, node: dict[str, Any]) -> None:
        select(self.op, node.get("op"))
        if self.channel is not None:
            select(self.channel, node.get("channel"))
        if self.kind == "engagement":
            assert self.action is not None and self.target is not None and self.within is not None
            select(self.action, node.get("action"))
            campaign = node.get("campaign")
            select_or_keep(self.target, campaign, self.tr("campaign #%1").replace("%1", str(campaign)))
            self.within.setValue(int(node.get("within_days") or 0))
        elif self.target is not None:
            value = node.get("value")
            if self.kind in ("list", "segment"):
                # A rule may name a list or segment instead of giving its id; the combo holds ids.
                index = self.target.findText(value) if isinstance(value, str) else -1
                if index >= 0:
                    self.target.setCurrentIndex(index)
                else:
                    select_or_keep(self.target, value, self.tr("%1 (not found)").replace("%1", str(value)))
            else:
                select(self.target, value)
