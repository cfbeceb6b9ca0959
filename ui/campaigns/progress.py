"""Live progress of one campaign: counts per state, rate, ETA, pause / resume / cancel."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.campaigns.model import cancel_campaign, get_campaign, pause_campaign, resume_campaign
from app.campaigns.status import campaign_status
from app.errors import KaskadError
from app.workspace import Workspace
from ui.campaigns.labels import channel_name, pause_reason_text, state_name, status_name
from ui.campaigns.poller import Poller
from ui.engine_host import EngineHost
from ui.widgets.dialogs import Confirm, ErrorDialog

__all__ = ["ProgressView", "SHOWN_STATES"]

#: The live counters, in this order.
SHOWN_STATES = ("queued", "sent", "delivered", "failed", "held", "unknown")
_WAITING = ("queued", "sending", "held")


class ProgressView(QGroupBox):
    """What is happening with the selected campaign right now.

    Attributes:
        counts: {state: QLabel} of the live counters.
        data: the last `campaign_status` read (None before the first one).

    Signals:
        status_read(dict): every fresh `campaign_status` (the report view reuses it).
    """

    status_read = Signal(object)

    def __init__(self, workspace: Workspace, host: EngineHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.host = host
        self.campaign_id: int | None = None
        self.data: dict[str, Any] | None = None
        self._samples: list[tuple[float, int]] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("background: #fff4e5; border: 1px solid #f0b35b; border-radius: 4px; padding: 6px;")
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.speed = QLabel()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.counts: dict[str, QLabel] = {}
        for index, state in enumerate(SHOWN_STATES):
            number = QLabel("0")
            number.setStyleSheet("font-size: 16pt; font-weight: bold;")
            caption = QLabel(state_name(state))
            caption.setStyleSheet("color: palette(placeholder-text);")
            # Two rows of three: fits beside the campaigns table on a laptop screen.
            row, column = (index // 3) * 2, index % 3
            grid.addWidget(number, row, column, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(caption, row + 1, column, Qt.AlignmentFlag.AlignLeft)
            self.counts[state] = number
        self.unknown_note = QLabel(self.tr(
            "“Unknown” means the connection broke while these messages were being handed to the provider: they "
            "may have arrived. Kaskad never resends them by itself, so nobody gets the same message twice; check "
            "the provider's report if it matters."))
        self.unknown_note.setWordWrap(True)
        self.unknown_note.setStyleSheet("color: #8a5a00;")
        self.engine_note = QLabel()
        self.engine_note.setWordWrap(True)
        self.engine_note.setStyleSheet("color: #b00020;")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.cancel_button = QPushButton(self.tr("Cancel the mailing"))
        self.pause_button.clicked.connect(self.pause)
        self.resume_button.clicked.connect(self.resume)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.status, self.reason, self.bar, self.speed):
            layout.addWidget(widget)
        layout.addLayout(grid)
        layout.addWidget(self.unknown_note)
        layout.addWidget(self.engine_note)
        layout.addLayout(buttons)
        self.poller = Poller(self._read, 1000, self)
        self.poller.result.connect(self._show)
        host.problem.connect(self._engine_problem)
        self.setEnabled(False)

    # -- data -------------------------------------------------------------------------
    def set_campaign(self, campaign_id: int | None) -> None:
        """Follow another campaign (None: nothing selected)."""
        self.campaign_id = campaign_id
        self.data = None
        self._samples = []
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            button.hide()  # until the first read says which ones apply
        self.setEnabled(campaign_id is not None)
        if campaign_id is None:
            self.poller.stop()
            return
        self.poller.start()

    def _read(self) -> dict[str, Any] | None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return None
        data = campaign_status(self.workspace.engine, campaign_id)
        data["started_at"] = get_campaign(self.workspace.engine, campaign_id).started_at
        return data

    def refresh(self) -> None:
        """Read again now (after a button press)."""
        self.poller.poll()

    def _show(self, data: dict[str, Any] | None) -> None:
        if data is None or data["id"] != self.campaign_id:
            return
        self.data = data
        locale = QLocale()
        states = data["states"]
        self.title.setText(data["name"])
        self.status.setText(self.tr("%1 · %2 · %3 of %4 messages done").replace("%1", channel_name(data["channel"]))
                            .replace("%2", status_name(data["status"])).replace("%3", locale.toString(data["done"]))
                            .replace("%4", locale.toString(data["total"])))
        self.reason.setVisible(bool(data["status"] == "paused" and data["pause_reason"]))
        self.reason.setText(self.tr("Paused: %1").replace("%1", pause_reason_text(data["pause_reason"])))
        self.bar.setMaximum(max(1, data["total"]))
        self.bar.setValue(data["done"] if data["total"] else 0)
        self.bar.setFormat(f"{int(data['done'] * 100 / data['total']) if data['total'] else 0} %")
        for state, number in self.counts.items():
            value = states.get(state, 0) + (states.get("read", 0) if state == "delivered" else 0)
            number.setText(locale.toString(value))
        self.unknown_note.setVisible(states.get("unknown", 0) > 0)
        self.speed.setText(self._speed_text(data))
        status = data["status"]
        self.pause_button.setVisible(status == "running")
        self.resume_button.setVisible(status == "paused")
        self.cancel_button.setVisible(status in ("running", "paused", "draft"))
        if status != "running":
            self.engine_note.clear()
        self.status_read.emit(data)

    def _speed_text(self, data: dict[str, Any]) -> str:
        now = time.monotonic()
        self._samples.append((now, data["done"]))
        self._samples = [s for s in self._samples if now - s[0] <= 10.0]
        waiting = sum(data["states"].get(s, 0) for s in _WAITING)
        if data["status"] != "running" or not waiting:
            return ""
        started = data.get("started_at")
        if started is not None:
            started = started if started.tzinfo else started.replace(tzinfo=UTC)
            if started > datetime.now(UTC):
                return self.tr("Scheduled: sending starts %1.").replace(
                    "%1", QLocale().toString(started.astimezone(), QLocale.FormatType.ShortFormat))
        first_time, first_done = self._samples[0]
        rate = (data["done"] - first_done) / (now - first_time) if now > first_time else 0.0
        if rate <= 0:
            if data["states"].get("held", 0) and not data["states"].get("queued", 0):
                return self.tr("Waiting for the sending window in the recipients' time zones.")
            return self.tr("Starting…")
        seconds = int(waiting / rate)
        eta = (self.tr("%1 min").replace("%1", str(seconds // 60 + 1)) if seconds >= 60
               else self.tr("%1 s").replace("%1", str(max(1, seconds))))
        return self.tr("Speed: %1 messages/s · about %2 left").replace("%1", QLocale().toString(rate, "f", 1)) \
            .replace("%2", eta)

    def _engine_problem(self, text: str) -> None:
        self.engine_note.setText(text)

    # -- actions ----------------------------------------------------------------------
    def pause(self) -> None:
        self._act(lambda cid: pause_campaign(self.workspace.engine, cid,
                                             self.tr("paused by you; press Resume to continue")))

    def resume(self) -> None:
        self._act(lambda cid: resume_campaign(self.workspace.engine, cid))
        self.host.start()

    def cancel(self) -> None:
        if self.campaign_id is None:
            return
        if not Confirm.ask(self, self.tr("Cancel the mailing"),
                           self.tr("Messages not sent yet will not be sent. Messages already sent stay sent. "
                                   "Cancel the mailing?")):
            return
        self._act(lambda cid: cancel_campaign(self.workspace.engine, cid))

    def _act(self, action: Any) -> None:
        if self.campaign_id is None:
            return
        try:
            action(self.campaign_id)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
        self.refresh()
