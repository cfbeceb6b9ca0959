"""SMS audience statistics: segments over the rendered texts of a list (or the whole base) and the cost."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import shiboken6
import sqlalchemy as sa
from PySide6.QtCore import QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.contacts.lists import list_summaries
from app.db.schema import contacts, list_members
from app.progress import CancelToken, ProgressCallback, no_progress
from app.settings import SMS_PRICE_KEY, get_decimal
from app.templates.render import DryRunReport, dry_run
from app.templates.sms import SmsAudienceStats, audience_stats
from ui.ops import OpHandle, run_in_worker
from ui.templates._sms_errors import template_error_text

__all__ = ["PRICE_KEY", "AudiencePanel", "audience_report", "price_per_segment"]

#: Settings key of the price of one SMS segment (a number or a decimal string, in roubles).
PRICE_KEY = SMS_PRICE_KEY
# The count only reads, so it runs beside the shared write lane instead of queueing behind an import.
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-sms-count")
# Item data of "All contacts" (a None item data is mishandled by some PySide6 versions).
_ALL = -1


def price_per_segment(engine: Engine | None) -> Decimal | None:
    """The configured price of one segment, or None when it is not set (or not a number)."""
    return None if engine is None else get_decimal(engine, PRICE_KEY)


def _audience(engine: Engine, list_id: int | None) -> tuple[int, Iterator[dict[str, Any]]]:
    query = sa.select(contacts).order_by(contacts.c.id)
    count = sa.select(sa.func.count()).select_from(contacts)
    if list_id is not None:
        member = sa.select(list_members.c.contact_id).where(list_members.c.list_id == list_id)
        query = query.where(contacts.c.id.in_(member))
        count = count.where(contacts.c.id.in_(member))

    def rows() -> Iterator[dict[str, Any]]:
        with engine.connect() as conn:
            for row in conn.execution_options(yield_per=2000).execute(query):
                yield dict(row._mapping)

    with engine.connect() as conn:
        total = conn.execute(count).scalar_one()
    return total, rows()


def audience_report(engine: Engine, document: dict[str, Any], list_id: int | None,
                    price: Decimal | None, progress: ProgressCallback = no_progress,
                    cancel: CancelToken | None = None) -> tuple[SmsAudienceStats, DryRunReport]:
    """Render the SMS for every contact of the list (all contacts when None); segment stats and cost."""
    total, rows = _audience(engine, list_id)
    report = dry_run(document, rows, total=total, progress=progress, cancel=cancel, limit_problems=50)
    return audience_stats(report.sms_segments, price or 0), report


class AudiencePanel(QGroupBox):
    """"Who gets it": choose a list, compute min/avg/max segments and the estimated cost in a worker."""

    def __init__(self, engine: Engine | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Audience and cost"), parent)
        self.engine = engine
        self.document: dict[str, Any] = {}
        self.handle: OpHandle | None = None
        self.stats: SmsAudienceStats | None = None
        self.list_combo = QComboBox()
        self.list_combo.setMinimumWidth(200)
        self.compute_button = QPushButton(self.tr("Calculate"))
        self.compute_button.setToolTip(self.tr("Render the text for every recipient and count the SMS"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.result = QLabel(self.tr("Press “Calculate” to count the SMS for every recipient."))
        self.result.setWordWrap(True)
        self.result.setObjectName("sms-audience-result")
        self.price_label = QLabel()
        self.price_label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Recipients:")), 0, 0)
        grid.addWidget(self.list_combo, 0, 1)
        grid.addWidget(self.compute_button, 0, 2)
        grid.addWidget(self.cancel_button, 0, 3)
        grid.addWidget(self.progress, 1, 0, 1, 4)
        grid.addWidget(self.result, 2, 0, 1, 4)
        grid.addWidget(self.price_label, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Lists and the price may have changed elsewhere since the editor was last shown."""
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Re-read the lists and the price (the chosen list stays chosen)."""
        keep = self.list_combo.currentData()
        self.list_combo.clear()
        self.list_combo.addItem(self.tr("All contacts"), _ALL)
        if self.engine is not None:
            with self.engine.connect() as conn:
                for row in list_summaries(conn):
                    members = QLocale().toString(int(row["members"]))
                    self.list_combo.addItem(f"{row['name']} ({members})", row["id"])
        self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(keep)) if keep is not None else 0)
        price = price_per_segment(self.engine)
        if price is None:
            self.price_label.setText(self.tr("The price of one SMS is not set (Settings → SMS); "
                                             "the cost is not estimated."))
        else:
            self.price_label.setText(self.tr("Price of one SMS: %1 ₽").replace("%1", _money(price)))

    def list_id(self) -> int | None:
        """The chosen list, or None for all contacts."""
        value = self.list_combo.currentData()
        return None if value == _ALL else int(value)

    def compute(self) -> None:
        """Start the count in a worker (the previous one is cancelled)."""
        if self.engine is None:
            return
        self.cancel()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.compute_button.setEnabled(False)
        self.result.setText(self.tr("Counting…"))
        self.handle = run_in_worker(audience_report, self.engine, dict(self.document),
                                    self.list_id(), price_per_segment(self.engine),
                                    progress_cb=self._progressed, on_done=self._done,
                                    on_error=self._failed, on_cancelled=self._cancelled, executor=_READER)
        # Closing the editor stops the count instead of leaving it running to the end.
        self.destroyed.connect(self.handle.cancel)

    def cancel(self) -> None:
        """Stop a running count."""
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()

    def _progressed(self, done: int, total: object, _stage: str) -> None:
        if not self._alive():
            return
        if isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _alive(self) -> bool:
        """False once the editor was closed while counting (its widgets are gone)."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.result)

    def _finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.compute_button.setEnabled(True)

    def _done(self, result: tuple[SmsAudienceStats, DryRunReport]) -> None:
        if not self._alive():
            return
        self._finish()
        stats, report = result
        self.stats = stats
        if stats.messages == 0:
            self.result.setText(self.tr("Nobody to count: the audience is empty or every text failed."))
        else:
            loc = QLocale()
            text = self.tr("%1 messages · SMS per message: min %2, avg %3, max %4 · total %5 SMS")
            for key, value in (("%1", loc.toString(stats.messages)), ("%2", str(stats.min_segments)),
                               ("%3", loc.toString(stats.avg_segments, "f", 2)), ("%4", str(stats.max_segments)),
                               ("%5", loc.toString(stats.total_segments))):
                text = text.replace(key, value)
            if price_per_segment(self.engine) is not None:
                text += " · " + self.tr("≈ %1 ₽").replace("%1", _money(stats.cost))
            self.result.setText(text)
        failed = report.total - len(report.sms_segments)
        if failed and report.errors:
            self.result.setText(self.result.text() + "\n" + self.tr("Contacts that cannot get this text: %1. "
                                                                   "For example, %2: %3")
                                .replace("%1", QLocale().toString(failed))
                                .replace("%2", report.errors[0].label).replace("%3", report.errors[0].detail))

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._finish()
        self.result.setText(self.tr("The count failed: %1").replace("%1", template_error_text(exc)))

    def _cancelled(self) -> None:
        if not self._alive():
            return
        self._finish()
        self.result.setText(self.tr("The count was cancelled."))


def _money(value: Decimal) -> str:
    return QLocale().toString(float(value), "f", 2)
