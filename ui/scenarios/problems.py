"""The problems list under the canvas: every validation problem in plain words; a click selects the node."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.scenarios.errors import ScenarioError
from app.scenarios.graph import Scenario
from app.scenarios.registry import Registry, default_registry
from ui.scenarios.texts import field_title, node_label, pick

__all__ = ["ProblemsList", "describe", "problems_by_node"]

translate = QCoreApplication.translate
_PORT = re.compile(r"exit '([^']*)'")
_NAMED = re.compile(r"named '([^']*)'")


def _port_title(problem: ScenarioError, scenario: Scenario, registry: Registry) -> str:
    match = _PORT.search(problem.reason)
    name = match.group(1) if match else ""
    if problem.node_ids and problem.node_ids[0] in scenario.nodes:
        node = scenario.nodes[problem.node_ids[0]]
        node_type = registry.get(node.type)
        for port in node_type.output_ports(node.props) if node_type else ():
            if port.name == name:
                return pick(port.title_ru, port.title_en) or name
    return name


def _field(problem: ScenarioError, scenario: Scenario, registry: Registry) -> str:
    if problem.node_ids and problem.node_ids[0] in scenario.nodes and problem.field:
        node_type = registry.get(scenario.nodes[problem.node_ids[0]].type)
        spec = node_type.field(problem.field) if node_type else None
        if spec is not None:
            return field_title(spec)
    return problem.field or ""


def describe(problem: ScenarioError, scenario: Scenario, registry: Registry | None = None) -> str:
    """One problem as a shop owner reads it (the technical reason is kept for values the words cannot cover)."""
    registry = registry or default_registry()
    nodes = [scenario.nodes[n] for n in problem.node_ids if n in scenario.nodes]
    step = "«" + node_label(nodes[0], registry) + "»" if nodes else ""
    named = _NAMED.search(problem.reason)
    code = problem.code
    if code == "no_entry_trigger":
        return translate("ScenarioProblems", "There is no trigger: add one from “Triggers” so contacts can enter.")
    if code == "too_many_triggers":
        return translate("ScenarioProblems", "There are several triggers: keep one (only “Event received” "
                                             "triggers may be combined).")
    if code == "unknown_node_type":
        return translate("ScenarioProblems", "%1: this kind of step is unknown to this version of Kaskad; it is "
                                             "kept but cannot run.").replace("%1", step)
    if code == "unreachable_node":
        return translate("ScenarioProblems", "%1: nothing leads to this step from the trigger. Connect it or "
                                             "delete it.").replace("%1", step)
    if code == "unconnected_branch":
        return translate("ScenarioProblems", "%1: the exit “%2” leads nowhere. Connect it to the next step.") \
            .replace("%1", step).replace("%2", _port_title(problem, scenario, registry))
    if code == "bad_connection":
        return translate("ScenarioProblems", "%1: a connection uses an exit this step does not have, or one exit "
                                             "leads to two steps. Delete the extra arrow.").replace("%1", step)
    if code == "cycle_without_wait":
        names = ", ".join("«" + node_label(n, registry) + "»" for n in nodes)
        return translate("ScenarioProblems", "These steps form a loop without a pause, a contact would go round it "
                                             "endlessly: %1. Add a “Wait” step to the loop.").replace("%1", names)
    if code == "missing_template":
        if named:
            if "is a" in problem.reason:
                return translate("ScenarioProblems", "%1: the template “%2” is of another kind; choose a template "
                                                     "for this channel.").replace("%1", step).replace("%2", named.group(1))
            return translate("ScenarioProblems", "%1: there is no template “%2” in the library. Create it in "
                                                 "Templates or choose another.").replace("%1", step) \
                .replace("%2", named.group(1))
        return translate("ScenarioProblems", "%1: choose a template.").replace("%1", step)
    if code == "missing_provider":
        if named:
            return translate("ScenarioProblems", "%1: there is no provider account “%2” for this channel.") \
                .replace("%1", step).replace("%2", named.group(1))
        return translate("ScenarioProblems", "%1: choose a provider account.").replace("%1", step)
    if code == "bad_field_value":
        if problem.field == "entry":
            return translate("ScenarioProblems", "Entry rule: “once per N days” needs N of at least 1.")
        field = _field(problem, scenario, registry)
        if problem.reason.endswith("is required"):
            return translate("ScenarioProblems", "%1: fill in “%2”.").replace("%1", step).replace("%2", field)
        if "add up to" in problem.reason:
            return translate("ScenarioProblems", "%1: the branch shares must add up to 100 %.").replace("%1", step)
        if "no saved segment" in problem.reason and named:
            return translate("ScenarioProblems", "%1: there is no saved segment “%2”.").replace("%1", step) \
                .replace("%2", named.group(1))
        if "same time" in problem.reason:
            return translate("ScenarioProblems", "%1: the time window starts and ends at the same time.") \
                .replace("%1", step)
        detail = problem.reason.split(": ", 2)[-1]
        return translate("ScenarioProblems", "%1: “%2” is not right (%3).").replace("%1", step) \
            .replace("%2", field).replace("%3", detail)
    return f"{step}: {problem.reason}" if step else problem.reason


def problems_by_node(problems: list[ScenarioError], scenario: Scenario,
                     registry: Registry | None = None) -> dict[str, list[str]]:
    """Node id → the described problems naming it (for `canvas.set_problems`)."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        text = describe(problem, scenario, registry)
        for node_id in problem.node_ids:
            found.setdefault(node_id, []).append(text)
    return found


class ProblemsList(QWidget):
    """A short list of problems; "No problems" in green when there are none.

    Signals:
        node_clicked(str): the user clicked a problem that names a node.
    """

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.set_problems([], Scenario())

    def set_problems(self, problems: list[ScenarioError], scenario: Scenario, registry: Registry | None = None) -> None:
        """Show `problems` of `scenario`."""
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem("⚠ " + describe(problem, scenario, registry))
            item.setData(Qt.ItemDataRole.UserRole, problem.node_ids[0] if problem.node_ids else None)
            item.setToolTip(str(problem))
            self.list.addItem(item)
        if problems:
            self.header.setText(translate("ScenarioProblems", "Problems to fix before publishing: %1")
                                .replace("%1", str(len(problems))))
            self.header.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.header.setText(translate("ScenarioProblems", "No problems found: the scenario is ready to run."))
            self.header.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.list.setVisible(bool(problems))

    def texts(self) -> list[str]:
        """The shown problem lines (tests read them)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_clicked.emit(str(node_id))
