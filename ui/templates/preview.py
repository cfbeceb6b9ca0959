"""The real preview: the letter as Chromium draws it for a chosen contact, desktop or phone width.

Rendering (compile, personalise, lint) is debounced after edits and runs in a render process
with a time limit (driven from a private thread); only the newest result is shown. The view
is a SafeWebView (no JavaScript, no network).
"""

from __future__ import annotations

import html as html_lib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import KaskadError, TemplateError
from app.templates.lint import LintIssue
from app.templates.render import RenderedEmail
from ui.contacts.format import format_phone
from ui.ops import OpHandle, run_in_worker
from ui.templates.audience import SAMPLE_CONTACT, Audience
from ui.templates.safe_view import SafeWebView
from ui.templates.workers import preview_worker

__all__ = ["DESKTOP_WIDTH", "MOBILE_WIDTH", "PreviewPane", "PreviewResult"]

DESKTOP_WIDTH = 620
MOBILE_WIDTH = 375
PREVIEW_UNSUBSCRIBE = "https://example.invalid/unsubscribe"
_executor: ThreadPoolExecutor | None = None


def _preview_lane() -> ThreadPoolExecutor:
    """Previews get their own thread: a long dry run on the shared lane must not stall them."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-preview")
    return _executor


@dataclass(frozen=True)
class PreviewResult:
    """One render: the letter (or the error), the contact it was made for, and the lint."""

    rendered: RenderedEmail | None
    error: str
    contact: dict[str, Any] | None
    position: int
    total: int
    issues: list[LintIssue]


def _render(document: dict[str, Any], kind: str, list_id: int | None, position: int, engine: Engine,
            known: set[str] | None, timeout: float) -> PreviewResult:
    audience = Audience(engine, list_id)
    total = audience.count()
    position = min(max(0, position), max(0, total - 1))
    contact = audience.contact_at(position) if total else None
    worker = preview_worker()
    try:
        issues = worker.run("lint_document", document, kind, known_fields=known, timeout=timeout)
    except TemplateError as exc:
        issues = [LintIssue("syntax", "error", f"Ошибка в шаблоне: {exc}", f"Template error: {exc}")]
    try:
        rendered = worker.run("render_message", document, contact or SAMPLE_CONTACT,
                              unsubscribe_url=PREVIEW_UNSUBSCRIBE, timeout=timeout)
    except KaskadError as exc:
        return PreviewResult(None, str(exc), contact, position, total, issues)
    return PreviewResult(rendered, "", contact, position, total, issues)


def _contact_label(contact: dict[str, Any] | None) -> str:
    contact = contact or SAMPLE_CONTACT
    name = " ".join(str(contact[k]) for k in ("first_name", "last_name") if contact.get(k))
    address = contact.get("email") or format_phone(contact.get("phone")) or ""
    return f"{name} <{address}>" if name and address else name or address or f"#{contact.get('id')}"


class PreviewPane(QWidget):
    """Inbox line, desktop/phone letter, text part, and the contact chooser with ◀ ▶.

    Signals:
        result_ready(PreviewResult): a render finished and is shown (lint included).
        letter_loaded(bool): Chromium finished drawing the shown letter (True when it loaded).
    """

    result_ready = Signal(object)
    letter_loaded = Signal(bool)

    def __init__(self, engine: Engine, known_fields: set[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.known_fields = known_fields
        #: Seconds one render may take before its process is killed and the user told.
        self.render_timeout = 5.0
        self.document: dict[str, Any] | None = None
        self.kind = "email"
        self.position = 0
        self.total = 0
        self.last: PreviewResult | None = None
        self._sequence = 0
        self._shown = -1
        self.load_ok: bool | None = None
        self._pending: OpHandle | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.refresh)

        self.desktop_button = QToolButton()
        self.desktop_button.setText(self.tr("Computer"))
        self.mobile_button = QToolButton()
        self.mobile_button.setText(self.tr("Phone"))
        group = QButtonGroup(self)
        for button in (self.desktop_button, self.mobile_button):
            button.setCheckable(True)
            group.addButton(button)
        self.desktop_button.setChecked(True)
        self.audience_combo = QComboBox()
        # Long list names must not push the editor wider than the screen: show ~12 characters at least.
        self.audience_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.audience_combo.setMinimumContentsLength(12)
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(34)
        self.prev_button.setToolTip(self.tr("Previous contact"))
        self.next_button.setToolTip(self.tr("Next contact"))
        self.contact_label = QLabel()
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        controls = QHBoxLayout()
        controls.addWidget(self.desktop_button)
        controls.addWidget(self.mobile_button)
        controls.addStretch(1)
        # The contact chooser gets its own row, beside the contact it shows: on one row with the
        # width buttons it made the editor wider than a 1280-pixel screen.
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Preview as:")))
        who.addWidget(self.audience_combo)
        who.addWidget(self.prev_button)
        who.addWidget(self.next_button)
        who.addWidget(self.contact_label, 1)

        self.inbox = QLabel()
        self.inbox.setObjectName("inbox-row")
        self.inbox.setTextFormat(Qt.TextFormat.RichText)
        # Long subjects are cut at the pane's edge, as an inbox does, instead of widening the window.
        for label in (self.inbox, self.contact_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.inbox.setStyleSheet("QLabel#inbox-row { background: #ffffff; border: 1px solid #d5dae1; "
                                 "border-radius: 4px; padding: 6px 8px; }")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b42318; font-weight: bold;")
        self.error_label.hide()
        self.note_label = QLabel(self.tr("Pictures from the internet are not loaded in the preview, "
                                         "so opening it never tells anyone the letter was seen."))
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #52606d;")

        self.view = SafeWebView()
        self.view.setFixedWidth(DESKTOP_WIDTH)
        holder = QWidget()
        holder.setStyleSheet("background: #e4e7eb;")
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(4, 8, 4, 8)
        holder_layout.addStretch(1)
        holder_layout.addWidget(self.view)
        holder_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(holder)
        self.text_part = QPlainTextEdit()
        self.text_part.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scroll, self.tr("Letter"))
        self.tabs.addTab(self.text_part, self.tr("Text version"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(who)
        layout.addWidget(self.inbox)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note_label)

        self.desktop_button.toggled.connect(lambda on: self.set_mobile(not on))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.audience_combo.activated.connect(self._audience_changed)
        self.view.loadFinished.connect(self._loaded)
        self.load_audiences()

    # -- audience ------------------------------------------------------------------------------
    def load_audiences(self) -> None:
        """Fill the chooser: the whole base, then every list."""
        current = self.audience_combo.currentData()
        self.audience_combo.clear()
        self.audience_combo.addItem(self.tr("Whole base"), None)
        for entry in Audience.lists(self.engine):
            self.audience_combo.addItem(self.tr("List “{0}” ({1})").format(entry.name, entry.count), entry.id)
        self.audience_combo.setCurrentIndex(max(0, self.audience_combo.findData(current)))

    def list_id(self) -> int | None:
        """The list chosen as the audience, None for the whole base."""
        return self.audience_combo.currentData()

    def _audience_changed(self, _index: int = 0) -> None:
        self.position = 0
        self.refresh()

    def step(self, delta: int) -> None:
        """Show the previous (-1) or next (+1) contact of the audience."""
        if self.total:
            self.position = (self.position + delta) % self.total
            self.refresh()

    # -- rendering -----------------------------------------------------------------------------
    def set_document(self, document: dict[str, Any], kind: str = "email", *, at_once: bool = False) -> None:
        """Show `document`; re-rendered after a short pause so typing stays smooth."""
        self.document = document
        self.kind = kind
        if at_once:
            self.refresh()
        else:
            self._timer.start()

    def set_mobile(self, mobile: bool) -> None:
        """Phone width (375 px) or desktop width."""
        self.view.setFixedWidth(MOBILE_WIDTH if mobile else DESKTOP_WIDTH)
        button = self.mobile_button if mobile else self.desktop_button
        if not button.isChecked():
            button.setChecked(True)

    def is_mobile(self) -> bool:
        """Whether the phone width is shown."""
        return self.view.width() == MOBILE_WIDTH

    def refresh(self) -> None:
        """Render the current document for the current contact now (on the preview thread)."""
        self._timer.stop()
        if self.document is None:
            return
        self._sequence += 1
        sequence = self._sequence
        self._pending = run_in_worker(_render, self.document, self.kind, self.list_id(), self.position, self.engine,
                                      self.known_fields, self.render_timeout, executor=_preview_lane(),
                                      on_done=lambda result: self._show(sequence, result),
                                      on_error=lambda exc: self._failed(sequence, exc))

    def settled(self) -> bool:
        """True when the newest requested render is shown and Chromium finished loading it."""
        return (not self._timer.isActive() and self._shown == self._sequence and self.load_ok is not None)

    def _loaded(self, ok: bool) -> None:
        self.load_ok = ok
        self.letter_loaded.emit(ok)

    def _failed(self, sequence: int, exc: BaseException) -> None:
        if sequence == self._sequence and shiboken6.isValid(self):
            self.error_label.setText(self.tr("The preview failed: {0}").format(exc))
            self.error_label.show()

    def _show(self, sequence: int, result: PreviewResult) -> None:
        if sequence != self._sequence or not shiboken6.isValid(self):
            return  # an older render finished after a newer one was asked for, or the pane is gone
        self.last = result
        self._shown = sequence
        self.load_ok = None
        self.position, self.total = result.position, result.total
        if result.total:
            self.contact_label.setText(self.tr("{0} — contact {1} of {2}").format(
                _contact_label(result.contact), result.position + 1, result.total))
        else:
            self.contact_label.setText(self.tr("Example: {0} (there are no contacts in this audience yet)").format(
                _contact_label(None)))
        self.prev_button.setEnabled(result.total > 1)
        self.next_button.setEnabled(result.total > 1)
        if result.rendered is None:
            self.error_label.setText(self.tr("This letter cannot be made for this contact: {0}").format(result.error))
            self.error_label.show()
            self.view.show_letter("")
            self.text_part.setPlainText("")
            self.inbox.setText("")
        else:
            self.error_label.hide()
            rendered = result.rendered
            subject = html_lib.escape(rendered.subject) or self.tr("(no subject)")
            preheader = html_lib.escape(rendered.preheader)
            self.inbox.setText(f"<b>{subject}</b>" + (f" <span style='color:#6b7280'>— {preheader}</span>"
                                                      if preheader else ""))
            self.view.show_letter(rendered.html)
            self.text_part.setPlainText(rendered.text)
        self.result_ready.emit(result)
