"""“Test on a contact”: run the scenario for one contact with a simulated clock and simulated events.

Nothing is written and nothing is sent: the journey engine's simulator (`app.journeys.simulate`)
runs off the GUI thread; the dialog shows the timeline, the messages with their text, and
highlights the path on the canvas.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.scenarios.graph import Scenario
from app.scenarios.registry import Registry, default_registry
from app.segments.catalog import EVENT_TYPES
from ui.audiences.live_count import read_lane
from ui.contacts.format import format_phone
from ui.ops import OpHandle, run_in_worker
from ui.scenarios import backend
from ui.scenarios.sim_texts import detail_label, outcome_label, parse_properties, run_simulation
from ui.scenarios.texts import node_label, pick, unit_label
from ui.widgets.search_box import SearchBox

__all__ = ["SimulateDialog"]

_UNIT_SECONDS = {"minutes": 60, "hours": 3600, "days": 86400}


class SimulateDialog(QDialog):
    """Pick a contact, add simulated events, run, read the timeline and the messages.

    Attributes:
        contact_id: the chosen contact; result: the latest Simulation (None before a run).
        last_operation: the latest background operation (search or run).
    """

    def __init__(self, engine: Engine, scenario: Scenario, canvas: Any = None, registry: Registry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.scenario = scenario
        self.canvas = canvas
        self.registry = registry or default_registry()
        self.contact_id: int | None = None
        self.result: Any = None
        self.last_operation: OpHandle | None = None
        self.setWindowTitle(self.tr("Test on a contact: %1").replace("%1", scenario.name))
        self.resize(1100, 760)
        note = QLabel(self.tr("The scenario runs with a simulated clock for the chosen contact. Nothing is sent and "
                              "nothing is saved; gates (consent, stop list, quiet hours) are checked and reported."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Find a contact by phone, e-mail or name"))
        self.contacts = QListWidget()
        self.contacts.setMaximumHeight(120)
        self.search.search_changed.connect(self.find)
        self.contacts.currentItemChanged.connect(self._contact_picked)
        contact_box = QGroupBox(self.tr("1. Contact"))
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.addWidget(self.search)
        contact_layout.addWidget(self.contacts)
        self.events = QTableWidget(0, 4)
        self.events.setHorizontalHeaderLabels([self.tr("After"), self.tr("Unit"), self.tr("Event"),
                                               self.tr("Properties (name=value; …)")])
        self.events.verticalHeader().hide()
        self.events.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.events.setMaximumHeight(130)
        self.add_event_button = QPushButton(self.tr("+ Event"))
        self.remove_event_button = QPushButton(self.tr("Remove event"))
        self.add_event_button.clicked.connect(lambda: self.add_event(30, "minutes", "form_submitted", ""))
        self.remove_event_button.clicked.connect(self._remove_event)
        event_box = QGroupBox(self.tr("2. What the contact does (optional)"))
        event_buttons = QHBoxLayout()
        event_buttons.addWidget(self.add_event_button)
        event_buttons.addWidget(self.remove_event_button)
        event_buttons.addStretch(1)
        event_layout = QVBoxLayout(event_box)
        event_layout.addWidget(self.events)
        event_layout.addLayout(event_buttons)
        self.run_button = QPushButton(self.tr("Run the test"))
        self.run_button.setDefault(True)
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-weight: bold;")
        self.timeline = QTableWidget(0, 4)
        self.timeline.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Step"), self.tr("Result"),
                                                 self.tr("Details")])
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.messages = QListWidget()
        self.message_view = QTextBrowser()
        self.messages.currentRowChanged.connect(self._show_message)
        message_split = QSplitter(Qt.Orientation.Horizontal)
        message_split.addWidget(self.messages)
        message_split.addWidget(self.message_view)
        message_split.setSizes([320, 600])
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.timeline)
        results.addWidget(message_split)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.outcome, 1)
        run_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        top = QHBoxLayout()
        top.addWidget(contact_box, 1)
        top.addWidget(event_box, 2)
        layout.addLayout(top)
        layout.addLayout(run_row)
        layout.addWidget(results, 1)
        self.find("")

    # -- contact --------------------------------------------------------------------------------
    def find(self, text: str) -> None:
        """Search contacts off the GUI thread."""
        self.last_operation = run_in_worker(backend.find_contacts, self.engine, text, executor=read_lane(),
                                            on_done=self._found)

    def _found(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.contact_id
        self.contacts.blockSignals(True)
        self.contacts.clear()
        for row in rows:
            name = " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p)
            parts = [p for p in (name, format_phone(row.get("phone")), row.get("email")) if p]
            item = QListWidgetItem(" · ".join(parts) or f"#{row['id']}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.contacts.addItem(item)
        if not rows:
            self.contacts.addItem(self.tr("Nobody found"))
        self.contacts.blockSignals(False)
        # A new search keeps the chosen contact when it is still listed.
        self.contact_id = None
        if chosen is not None:
            self.choose_contact(chosen)
        self.run_button.setEnabled(self.contact_id is not None)

    def _contact_picked(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        value = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.contact_id = int(value) if value is not None else None
        self.run_button.setEnabled(self.contact_id is not None)

    def choose_contact(self, contact_id: int) -> None:
        """Select a contact listed in the results."""
        for row in range(self.contacts.count()):
            if self.contacts.item(row).data(Qt.ItemDataRole.UserRole) == contact_id:
                self.contacts.setCurrentRow(row)
                self.contact_id = contact_id
                self.run_button.setEnabled(True)
                return

    # -- events ---------------------------------------------------------------------------------
    def add_event(self, amount: int, unit: str, event_type: str, properties: str) -> None:
        """Add a simulated event `amount unit` after the start."""
        row = self.events.rowCount()
        self.events.insertRow(row)
        spin = QSpinBox()
        spin.setRange(0, 100000)
        spin.setValue(amount)
        units = QComboBox()
        for key in _UNIT_SECONDS:
            units.addItem(unit_label(key), key)
        units.setCurrentIndex(max(0, units.findData(unit)))
        kinds = QComboBox()
        kinds.setEditable(True)
        for key, ru, en in EVENT_TYPES:
            kinds.addItem(pick(ru, en), key)
        index = kinds.findData(event_type)
        if index < 0:
            kinds.addItem(event_type, event_type)
            index = kinds.count() - 1
        kinds.setCurrentIndex(index)
        self.events.setCellWidget(row, 0, spin)
        self.events.setCellWidget(row, 1, units)
        self.events.setCellWidget(row, 2, kinds)
        self.events.setCellWidget(row, 3, QLineEdit(properties))

    def _remove_event(self) -> None:
        row = self.events.currentRow()
        self.events.removeRow(row if row >= 0 else self.events.rowCount() - 1)

    def event_specs(self) -> list[tuple[dt.timedelta, str, dict[str, Any]]]:
        """The simulated events as (offset, type, properties)."""
        specs = []
        for row in range(self.events.rowCount()):
            spin, units, kinds, props = (self.events.cellWidget(row, c) for c in range(4))
            text = kinds.currentText().strip()
            index = kinds.findText(text)
            kind = kinds.itemData(index) if index >= 0 else text
            offset = dt.timedelta(seconds=spin.value() * _UNIT_SECONDS[units.currentData()])
            specs.append((offset, str(kind), parse_properties(props.text())))
        return specs

    # -- run --------------------------------------------------------------------------------------
    def run(self) -> None:
        """Simulate off the GUI thread."""
        if self.contact_id is None:
            return
        try:
            events = self.event_specs()
        except UserInputError as exc:
            self._failed(exc)
            return
        self.run_button.setEnabled(False)
        self.outcome.setText(self.tr("Running…"))
        self.last_operation = run_in_worker(run_simulation, self.engine, self.scenario, self.contact_id,
                                            events, executor=read_lane(), on_done=self.show_result,
                                            on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.outcome.setText(self.tr("The test could not run: %1").replace("%1", str(exc)))
        self.outcome.setStyleSheet("color: #c62828; font-weight: bold;")

    def _time(self, at: dt.datetime) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(at.timestamp())).toLocalTime()
        return QLocale().toString(moment, "dd.MM HH:mm")

    def _node(self, node_id: str) -> str:
        node = self.scenario.nodes.get(node_id)
        return node_label(node, self.registry) if node is not None else node_id

    def _port(self, node_id: str, port: str) -> str:
        node = self.scenario.nodes.get(node_id)
        node_type = self.registry.get(node.type) if node is not None else None
        for candidate in node_type.output_ports(node.props) if node_type else ():
            if candidate.name == port:
                return pick(candidate.title_ru, candidate.title_en) or port
        return port

    def show_result(self, result: Any) -> None:
        """Fill the timeline and the messages; highlight the path on the canvas."""
        self.result = result
        self.run_button.setEnabled(True)
        self.outcome.setStyleSheet("font-weight: bold;")
        self.outcome.setText(self.tr("Result: %1 · steps: %2 · messages: %3")
                             .replace("%1", outcome_label(str(result.outcome))).replace("%2", str(len(result.path)))
                             .replace("%3", str(len(result.messages))))
        self.timeline.setRowCount(len(result.path))
        for r, step in enumerate(result.path):
            port = f" → {self._port(step.node_id, step.port)}" if step.port else ""
            values = [self._time(step.at), self._node(step.node_id), outcome_label(step.outcome) + port,
                      detail_label(step.detail or "", self._time)]
            for c, value in enumerate(values):
                self.timeline.setItem(r, c, QTableWidgetItem(value))
        self.timeline.resizeColumnsToContents()
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.messages.clear()
        for message in result.messages:
            self.messages.addItem(f"{self._time(message.at)} · {message.channel.upper()} · {message.address or '—'}")
        if result.messages:
            self.messages.setCurrentRow(0)
        else:
            self.message_view.setPlainText(self.tr("No messages would be sent on this path."))
        if self.canvas is not None:
            self.canvas.highlight_path([s.node_id for s in result.path], list(result.edges))

    def _show_message(self, row: int) -> None:
        if self.result is None or not 0 <= row < len(self.result.messages):
            return
        message = self.result.messages[row]
        parts = [self.tr("Step: %1").replace("%1", self._node(message.node_id)),
                 self.tr("To: %1").replace("%1", message.address or "—")]
        if message.subject:
            parts.append(self.tr("Subject: %1").replace("%1", message.subject))
        parts.append("")
        parts.append(message.text or "")
        if message.channel == "sms":
            from app.templates.sms import count_sms

            parts.append("")
            parts.append(self.tr("%1 characters, %2 SMS part(s)").replace("%1", str(len(message.text or "")))
                         .replace("%2", str(count_sms(message.text or "").segments)))
        self.message_view.setPlainText("\n".join(parts))
