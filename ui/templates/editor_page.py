"""The page that edits one template: its editor, the version chooser and Save (a new version)."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from app.errors import KaskadError
from app.templates.library import TemplateVersion, get_version, list_versions, save_version
from app.templates.render import compile_document
from ui.templates.common import kind_icon, kind_title
from ui.templates.email_editor import EmailEditor
from ui.templates.fallback_editor import JsonEditor
from ui.widgets.dialogs import ErrorDialog

__all__ = ["EDITOR_MODULES", "TemplateEditorPage", "VERSION_NOTE", "make_editor"]

#: Where each non-email kind's editor lives (module, class); loaded when first needed.
EDITOR_MODULES = {
    "sms": ("ui.templates.sms_editor", "SmsEditor"),
    "whatsapp": ("ui.templates.whatsapp_editor", "WhatsAppEditor"),
    "manager": ("ui.templates.manager_editor", "ManagerEditor"),
}
#: Document key holding the optional note typed next to Save ("summer sale, new prices").
VERSION_NOTE = "version_note"


def make_editor(kind: str, engine: Engine) -> QWidget:
    """The editor widget for a template kind; a plain source editor when that kind's editor is missing."""
    if kind == "email":
        return EmailEditor(engine)
    module_name, class_name = EDITOR_MODULES[kind]
    try:
        editor_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return JsonEditor()
    return editor_class(engine)


class TemplateEditorPage(QWidget):
    """Edits the latest (or a chosen) version of one template; Save appends a version.

    Signals:
        back_requested(): the user wants the library back.
        saved(TemplateVersion): a new version was stored.
    """

    back_requested = Signal()
    saved = Signal(object)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.version: TemplateVersion | None = None
        self.editor: QWidget | None = None
        self.dirty = False

        self.back_button = QPushButton(self.tr("◀ All templates"))
        self.icon_label = QLabel()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        # A long template name wraps instead of widening the window past a 1280-pixel screen.
        self.title.setWordWrap(True)
        self.version_combo = QComboBox()
        self.version_combo.setToolTip(self.tr("Open an earlier version; saving it makes it the newest"))
        self.status = QLabel()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for this version"))
        self.note.setMinimumWidth(160)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addSpacing(8)
        bar.addWidget(self.icon_label)
        bar.addWidget(self.title, 1)  # the name gets the free room; it wraps only when there is none
        bar.addWidget(self.version_combo)
        bar.addWidget(self.status)
        bar.addWidget(self.note)
        bar.addWidget(self.save_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self.body, 1)

        self.back_button.clicked.connect(self.back_requested.emit)
        self.save_button.clicked.connect(self.save)
        self.version_combo.activated.connect(self._version_chosen)

    # -- loading -----------------------------------------------------------------------------
    def open(self, template_id: int, version: int | None = None) -> None:
        """Load a template's version (the latest by default) into the right editor."""
        loaded = get_version(self.engine, template_id, version)
        if self.editor is None or self.version is None or self.version.kind != loaded.kind:
            if self.editor is not None:
                # Out of the layout now: deletion waits for the event loop, and until then the old
                # editor would sit above the new one and stretch the window.
                self.body.removeWidget(self.editor)
                self.editor.hide()
                self.editor.deleteLater()
            self.editor = make_editor(loaded.kind, self.engine)
            self.editor.changed.connect(self._edited)
            self.body.addWidget(self.editor)
        self.version = loaded
        document = dict(loaded.document)
        document.pop(VERSION_NOTE, None)
        self.editor.set_template(template_id, document)
        self.icon_label.setPixmap(kind_icon(loaded.kind).pixmap(20, 20))
        self.title.setText(f"{loaded.name} · {kind_title(loaded.kind)}")
        self._fill_versions(template_id, loaded.version)
        self.note.clear()
        self._set_dirty(False)

    def _fill_versions(self, template_id: int, current: int) -> None:
        self.version_combo.clear()
        for number, created in reversed(list_versions(self.engine, template_id)):
            label = self.tr("Version {0} · {1}").format(number, created.astimezone().strftime("%d.%m.%Y %H:%M"))
            note = get_version(self.engine, template_id, number).document.get(VERSION_NOTE)
            self.version_combo.addItem(f"{label} · {note}" if note else label, number)
        self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(current)))

    def _version_chosen(self, _index: int) -> None:
        if self.version is None:
            return
        number = self.version_combo.currentData()
        if number == self.version.version:
            return
        from ui.templates.screen import confirm_leave

        if not confirm_leave(self):
            self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(self.version.version)))
            return
        self.open(self.version.template_id, number)

    # -- editing and saving -------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        """The edited document (what Save would store)."""
        assert self.editor is not None
        return self.editor.document()

    def _edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        latest = self.version_combo.itemData(0) if self.version_combo.count() else 0
        if dirty:
            self.status.setText(self.tr("Unsaved changes"))
            self.status.setStyleSheet("color: #b54708; font-weight: bold;")
        elif self.version is not None and self.version.version != latest:
            self.status.setText(self.tr("An earlier version is open"))
            self.status.setStyleSheet("color: #b54708;")
        else:
            self.status.setText(self.tr("Saved"))
            self.status.setStyleSheet("color: #067647;")
        self.save_button.setText(self.tr("Save as version {0}").format((latest or 0) + 1))

    def save(self) -> TemplateVersion | None:
        """Store the edited document as the next version; None when it cannot be saved (the user is told)."""
        if self.version is None:
            return None
        note = " ".join(self.note.text().split())
        try:
            document = self.document()
            if note:
                document[VERSION_NOTE] = note
            # A version that cannot be compiled (a Jinja syntax error) is never stored.
            compile_document(document, self.version.kind)
            stored = save_version(self.engine, self.version.template_id, document)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return None
        self.version = stored
        self._fill_versions(stored.template_id, stored.version)
        self.note.clear()
        self._set_dirty(False)
        self.saved.emit(stored)
        return stored

