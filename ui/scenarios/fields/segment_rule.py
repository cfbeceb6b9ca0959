"""A segment rule edited with the Audiences rule builder (the condition node's yes/no test)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.scenarios.registry import FieldSpec
from ui.audiences.context import BuilderContext
from ui.audiences.group import GroupWidget
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["SegmentRuleField"]


class SegmentRuleField(FieldWidget):
    """The rule JSON; a single condition is shown inside an "all of" group."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        builder_ctx = ctx.builder or BuilderContext()
        self.builder = GroupWidget(builder_ctx, root=True)
        self.builder.changed.connect(self._emit)
        hint = QLabel(self.tr("Contacts who match go out by “Yes”, the others by “No”."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.builder)

    def value(self) -> Any:
        return self.builder.rule()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        try:
            if isinstance(value, dict) and value.get("type") == "group":
                self.builder.set_rule(value)
            elif isinstance(value, dict) and value:
                self.builder.set_rule({"type": "group", "op": "and", "children": [value]})
            else:
                self.builder.set_rule({"type": "group", "op": "and", "children": []})
        finally:
            self.blockSignals(False)
