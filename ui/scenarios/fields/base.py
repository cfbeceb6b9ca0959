"""The common shape of a field editor: a value in, a value out, `changed` when the user edits it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine

from app.scenarios.registry import FieldSpec, NodeType
from ui.audiences.context import BuilderContext
from ui.scenarios.backend import Choices

__all__ = ["FieldContext", "FieldWidget"]


@dataclass
class FieldContext:
    """What field editors pick from: the node type, pick lists, the rule-builder catalogue, the engine."""

    node_type: NodeType
    choices: Choices
    builder: BuilderContext | None = None
    engine: Engine | None = None


class FieldWidget(QWidget):
    """Edits one node property.

    Signals:
        changed(): the user changed the value (not emitted by `set_value`).
    """

    changed = Signal()

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.ctx = ctx

    def value(self) -> Any:
        """The edited value (JSON-compatible; None when empty)."""
        raise RuntimeError(f"{type(self).__name__} must define value()")

    def set_value(self, value: Any) -> None:
        """Show `value` without emitting `changed`."""
        raise RuntimeError(f"{type(self).__name__} must define set_value()")

    def _emit(self, *_args: object) -> None:
        if not self.signalsBlocked():
            self.changed.emit()
