"""The properties panel: the selected node's fields (from its type's FieldSpecs) or the scenario settings.

Every field edit becomes one undoable `canvas.set_node_props`; the panel follows the model's
`node_changed` events, so undo/redo shows up here too.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.scenarios.graph import Node, Scenario
from app.scenarios.registry import Registry, default_registry
from ui.audiences.context import BuilderContext
from ui.scenarios.backend import Choices
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.fields.factory import make_field
from ui.scenarios.settings_form import SettingsForm
from ui.scenarios.texts import category_title, field_title, type_title

__all__ = ["PropertiesPanel"]

#: Fields shown only when another field of the node has a given value: (type, field) → (other field, value).
SHOWN_WHEN = {("trigger.audience", "segment"): ("audience", "segment"),
              ("trigger.audience", "list"): ("audience", "list")}


class CanvasLike(Protocol):
    """The part of ScenarioCanvas the panel uses."""

    @property
    def scenario(self) -> Scenario: ...

    def set_node_props(self, node_id: str, props: dict, title: str | None = None) -> None: ...


class NodeForm(QWidget):
    """The fields of one node."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.kind = QLabel()
        self.kind.setStyleSheet("color: #666;")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("optional: how this step is labelled on the canvas"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.addRow(self.tr("Step name:"), self.title)
        self.no_fields = QLabel(self.tr("This step has nothing to set up."))
        self.no_fields.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.kind)
        layout.addLayout(self.form)
        layout.addWidget(self.no_fields)
        layout.addStretch(1)

    def clear_fields(self) -> None:
        """Remove every field row but the step name."""
        while self.form.rowCount() > 1:
            self.form.removeRow(1)


class PropertiesPanel(QWidget):
    """Shows the settings of the selected node, or of the whole scenario when nothing is selected.

    Attributes:
        node_id: the node shown, or None (settings shown).
        widgets: field name → FieldWidget of the node shown.

    Signals:
        settings_edited(): the scenario settings changed (not undoable; the editor marks itself unsaved).
    """

    settings_edited = Signal()

    def __init__(self, registry: Registry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry or default_registry()
        self.canvas: CanvasLike | None = None
        self.node_id: str | None = None
        self.widgets: dict[str, FieldWidget] = {}
        self.choices = Choices()
        self.builder: BuilderContext | None = None
        self.engine: Engine | None = None
        self._applying = False
        self._watched: Scenario | None = None
        self.settings = SettingsForm()
        self.node_form = NodeForm()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.settings)
        self.stack.addWidget(self.node_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(self.stack)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setMinimumWidth(330)
        self.settings.edited.connect(self.settings_edited)
        self.node_form.title.editingFinished.connect(self._commit)

    def set_sources(self, choices: Choices, builder: BuilderContext | None, engine: Engine | None) -> None:
        """What the pickers offer (re-read when the editor opens a scenario)."""
        self.choices, self.builder, self.engine = choices, builder, engine

    def bind(self, canvas: CanvasLike) -> None:
        """Edit the scenario shown by `canvas` (call again after `canvas.set_scenario`)."""
        self.canvas = canvas
        if self._watched is not None:
            self._watched.node_changed.disconnect(self._node_changed)
            self._watched.node_removed.disconnect(self._node_removed)
            self._watched.settings_changed.disconnect(self._settings_changed)
        self._watched = canvas.scenario
        self._watched.node_changed.connect(self._node_changed)
        self._watched.node_removed.connect(self._node_removed)
        self._watched.settings_changed.connect(self._settings_changed)
        self.show_node(None)

    # -- showing --------------------------------------------------------------------------------
    def show_node(self, node_id: str | None) -> None:
        """Show a node's fields (None: the scenario settings)."""
        scenario = self.canvas.scenario if self.canvas is not None else None
        if scenario is None or node_id is None or node_id not in scenario.nodes:
            self.node_id = None
            self.widgets = {}
            if scenario is not None:
                self.settings.show_scenario(scenario)
            self.stack.setCurrentWidget(self.settings)
            return
        node = scenario.nodes[node_id]
        node_type = self.registry.get(node.type)
        self.node_id = node_id
        form = self.node_form
        form.clear_fields()
        self.widgets = {}
        form.heading.setText(type_title(node_type, node.type))
        form.kind.setText(category_title(node_type.category) if node_type else
                          self.tr("Unknown step type: it is kept, but cannot run."))
        form.title.setText(node.title)
        ctx = FieldContext(node_type, self.choices, self.builder, self.engine) if node_type else None
        for spec in node_type.fields if node_type else ():
            widget = make_field(spec, ctx)  # type: ignore[arg-type]
            widget.set_value(node.props.get(spec.name, spec.default))
            widget.changed.connect(self._commit)
            label = field_title(spec) + (" *" if spec.required else "") + ":"
            form.form.addRow(label, widget)
            self.widgets[spec.name] = widget
        form.no_fields.setVisible(not self.widgets)
        self._dependent_fields()
        self.stack.setCurrentWidget(form)

    def _dependent_fields(self) -> None:
        """Hide fields that do not apply (the list of a one-off start for "all contacts"...)."""
        node = self.canvas.scenario.nodes.get(self.node_id) if self.canvas and self.node_id else None
        if node is None:
            return
        for name, widget in self.widgets.items():
            rule = SHOWN_WHEN.get((node.type, name))
            if rule is not None:
                other = self.widgets.get(rule[0])
                shown = other is not None and other.value() == rule[1]
                widget.setVisible(shown)
                label = self.node_form.form.labelForField(widget)
                if label is not None:
                    label.setVisible(shown)

    def props(self) -> dict[str, Any]:
        """The node's props as the panel's widgets show them (keys kept for fields left empty)."""
        node = self.canvas.scenario.nodes[self.node_id] if self.canvas and self.node_id else None
        props = copy.deepcopy(node.props) if node is not None else {}
        for name, widget in self.widgets.items():
            value = widget.value()
            if value is None:
                props.pop(name, None)
            else:
                props[name] = value
        return props

    # -- editing --------------------------------------------------------------------------------
    def _commit(self) -> None:
        if self.canvas is None or self.node_id is None or self.node_id not in self.canvas.scenario.nodes:
            return
        node: Node = self.canvas.scenario.nodes[self.node_id]
        props = self.props()
        title = self.node_form.title.text().strip()
        if props == node.props and title == node.title:
            return
        self._applying = True
        try:
            self.canvas.set_node_props(self.node_id, props, title)
        finally:
            self._applying = False
        self._dependent_fields()

    def _node_changed(self, node: Node) -> None:
        if self._applying or node.id != self.node_id:
            return
        # Undo/redo or another edit changed the node: show its values without re-emitting.
        self.node_form.title.setText(node.title)
        for name, widget in self.widgets.items():
            if widget.value() != node.props.get(name):
                widget.set_value(node.props.get(name))
        self._dependent_fields()

    def _node_removed(self, node: Node) -> None:
        if node.id == self.node_id:
            self.show_node(None)

    def _settings_changed(self, scenario: Scenario) -> None:
        if self.stack.currentWidget() is self.settings and self.settings.scenario is not None:
            if self.settings.name.text() != scenario.name and not self.settings.name.hasFocus():
                self.settings.show_scenario(scenario)

    def set_read_only(self, read_only: bool) -> None:
        """Published versions: values visible, nothing editable."""
        self.stack.setEnabled(not read_only)
