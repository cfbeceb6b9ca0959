"""A group of conditions joined by AND or OR, optionally negated, holding rows and nested groups."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.audiences.condition_row import ERROR_STYLE, ConditionRow
from ui.audiences.context import BuilderContext

__all__ = ["GroupWidget"]

_STEP = re.compile(r"^children\[(\d+)\]\.?")


class GroupWidget(QFrame):
    """Conditions joined by И (all) or ИЛИ (any); nested groups are drawn indented with a border.

    Attributes:
        op_combo: "and" / "or"; negate: the НЕ check box; children: rows and groups in order.

    Signals:
        changed(), remove_requested()
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, ctx: BuilderContext, *, root: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.root = root
        self.children_: list[ConditionRow | GroupWidget] = []
        self.setObjectName("rule-root" if root else "rule-group")
        if not root:
            self.setStyleSheet("QFrame#rule-group { border-left: 3px solid #7aa7d8; background: rgba(122,167,216,0.08); }")
        self.op_combo = QComboBox()
        self.op_combo.addItem(self.tr("AND: all conditions"), "and")
        self.op_combo.addItem(self.tr("OR: any condition"), "or")
        self.negate = QCheckBox(self.tr("NOT (exclude these)"))
        self.add_condition_button = QPushButton(self.tr("+ Condition"))
        self.add_group_button = QPushButton(self.tr("+ Group"))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this group"))
        self.remove.setVisible(not root)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Match:") if root else self.tr("Group:")))
        head.addWidget(self.op_combo)
        head.addWidget(self.negate)
        head.addStretch(1)
        head.addWidget(self.remove)
        foot = QHBoxLayout()
        foot.setContentsMargins(0 if root else 14, 2, 0, 0)
        foot.addWidget(self.add_condition_button)
        foot.addWidget(self.add_group_button)
        foot.addStretch(1)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0 if root else 14, 0, 0, 0)
        self.body.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0 if root else 8, 4, 4, 6)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addLayout(self.body)
        layout.addLayout(foot)
        self.op_combo.currentIndexChanged.connect(self._op_changed)
        self.negate.toggled.connect(self.changed)
        self.add_condition_button.clicked.connect(lambda: self.add_condition())
        self.add_group_button.clicked.connect(lambda: self.add_group())
        self.remove.clicked.connect(self.remove_requested)

    # -- building ---------------------------------------------------------------------------------
    def add_condition(self, node: dict[str, Any] | None = None) -> ConditionRow:
        """Append a condition row (a new one, or showing `node`)."""
        row = ConditionRow(self.ctx, node)
        self._adopt(row)
        return row

    def add_group(self, node: dict[str, Any] | None = None) -> GroupWidget:
        """Append a nested group; a new group starts with one condition."""
        group = GroupWidget(self.ctx)
        if node is not None:
            group.set_rule(node)
        else:
            group.op_combo.setCurrentIndex(1)  # a nested group is usually an "any of" alternative
            group.add_condition()
        self._adopt(group)
        return group

    def _adopt(self, child: ConditionRow | GroupWidget) -> None:
        self.children_.append(child)
        child.changed.connect(self.changed)
        child.remove_requested.connect(lambda: self.remove_child(child))
        self._relayout()
        self.changed.emit()

    def remove_child(self, child: ConditionRow | GroupWidget) -> None:
        """Take a row or nested group out of this group."""
        if child in self.children_:
            self.children_.remove(child)
            child.setParent(None)
            child.deleteLater()
            self._relayout()
            self.changed.emit()

    def _relayout(self) -> None:
        # Rebuild the column with a small И/ИЛИ connector between children, so the rule reads aloud.
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget()
            if widget is not None and widget not in self.children_:
                widget.hide()  # an old connector: gone at once, not at the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        word = self._connector_word()
        for i, child in enumerate(self.children_):
            if i:
                connector = QLabel(word)
                connector.setObjectName("connector")
                connector.setStyleSheet("color: #5f6b7a; font-weight: bold; font-size: 11px;")
                connector.setAlignment(Qt.AlignmentFlag.AlignLeft)
                connector.setContentsMargins(8, 0, 0, 0)
                self.body.addWidget(connector)
            self.body.addWidget(child)

    def _connector_word(self) -> str:
        return self.tr("AND") if self.op_combo.currentData() == "and" else self.tr("OR")

    def _op_changed(self, *_args: object) -> None:
        word = self._connector_word()
        for label in self.findChildren(QLabel, "connector"):
            if label.parent() is self:
                label.setText(word)
        self.changed.emit()

    def set_op(self, op: str) -> None:
        """Join the children by "and" or "or"."""
        self.op_combo.setCurrentIndex(self.op_combo.findData(op))

    def clear(self) -> None:
        """Remove every child."""
        for child in list(self.children_):
            self.remove_child(child)

    # -- rule JSON ----------------------------------------------------------------------------------
    def rule(self) -> dict[str, Any]:
        """The group as rule JSON."""
        node: dict[str, Any] = {"type": "group", "op": self.op_combo.currentData(),
                                "children": [child.rule() for child in self.children_]}
        if self.negate.isChecked():
            node["negate"] = True
        return node

    def set_rule(self, node: dict[str, Any]) -> None:
        """Show a group read from a saved rule (its children replace the current ones)."""
        self.blockSignals(True)
        try:
            self.clear()
            self.set_op(str(node.get("op", "and")))
            self.negate.setChecked(bool(node.get("negate", False)))
            for child in node.get("children") or []:
                if isinstance(child, dict) and child.get("type") == "group":
                    self.add_group(child)
                else:
                    self.add_condition(child)
        finally:
            self.blockSignals(False)
        self.changed.emit()  # once for the whole rule, not once per row

    # -- errors ---------------------------------------------------------------------------------------
    def widget_at(self, path: str) -> ConditionRow | GroupWidget:
        """The row or group a rule path ("children[1].children[0].value") points into."""
        match = _STEP.match(path)
        if match is None or int(match.group(1)) >= len(self.children_):
            return self
        child = self.children_[int(match.group(1))]
        rest = path[match.end():]
        return child.widget_at(rest) if isinstance(child, GroupWidget) else child

    def clear_errors(self) -> None:
        """Hide every inline error in this group and below."""
        self.error.hide()
        for child in self.children_:
            child.clear_errors() if isinstance(child, GroupWidget) else child.clear_error()

    def show_error(self, text: str) -> None:
        """Show a problem with the group itself."""
        self.error.setText(text)
        self.error.show()

    def rows(self) -> list[ConditionRow]:
        """Every condition row in this group and below, top to bottom."""
        found: list[ConditionRow] = []
        for child in self.children_:
            found.extend(child.rows() if isinstance(child, GroupWidget) else [child])
        return found
