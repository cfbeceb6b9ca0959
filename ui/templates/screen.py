"""The Templates section: the library, and the editor of the template being worked on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.errors import KaskadError
from app.templates.document import new_document
from app.templates.library import (
    create_template,
    delete_template,
    duplicate_template,
    get_template,
    rename_template,
)
from app.workspace import Workspace
from ui.templates.common import kind_title
from ui.templates.dialogs import AskText, Inform, UnsavedChanges
from ui.templates.editor_page import TemplateEditorPage
from ui.templates.library_page import LibraryPage
from ui.widgets.dialogs import Confirm, ErrorDialog

__all__ = ["TemplatesScreen", "confirm_leave", "starter_document"]

_DOC_TYPES = {"email": "designer", "sms": "sms", "whatsapp": "whatsapp", "manager": "manager"}


def starter_document(kind: str) -> dict:
    """What a new template of `kind` starts with (a valid, sensible draft)."""
    document = new_document(_DOC_TYPES[kind])
    if kind == "manager" and not document.get("text"):
        document["text"] = ("Новая заявка: {{ lead.name }}, {{ lead.phone }}\n"
                            "Страница: {{ event.page | default(\"—\") }}")
    return document


def confirm_leave(page: TemplateEditorPage) -> bool:
    """Whether the editor may be left: asks about unsaved changes (saving them when told to)."""
    if not page.dirty or page.version is None:
        return True
    answer = UnsavedChanges.ask(page, page.version.name)
    if answer == "save":
        return page.save() is not None
    return answer == "discard"


class TemplatesScreen(QWidget):
    """Library ⇄ editor; every change to a template is a new version, never an overwrite."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.engine = workspace.engine
        self._watched: QObject | None = None
        self.library = LibraryPage(self.engine)
        self.editor_page = TemplateEditorPage(self.engine)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.library)
        self.stack.addWidget(self.editor_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.library.open_requested.connect(self.open_template)
        self.library.new_requested.connect(self.new_template)
        self.library.duplicate_requested.connect(self.duplicate)
        self.library.rename_requested.connect(self.rename)
        self.library.delete_requested.connect(self.delete)
        self.editor_page.back_requested.connect(self.back_to_library)
        self.editor_page.saved.connect(lambda _version: self.library.reload())

    # -- navigation ----------------------------------------------------------------------------
    def open_template(self, template_id: int) -> None:
        """Show the template's latest version in its editor."""
        try:
            self.editor_page.open(template_id)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            self.library.reload()
            return
        self.stack.setCurrentWidget(self.editor_page)

    def back_to_library(self) -> bool:
        """Return to the library unless the user keeps editing unsaved changes."""
        if self.stack.currentWidget() is self.editor_page and not confirm_leave(self.editor_page):
            return False
        self.stack.setCurrentWidget(self.library)
        if self.editor_page.version is not None:
            self.library.reload(select=self.editor_page.version.template_id)
        self.editor_page.dirty = False
        return True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Watch the window's close, so unsaved edits are not lost when the app is closed."""
        window = self.window()
        if window is not self and self._watched is not window:
            window.installEventFilter(self)
            self._watched = window
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ask about unsaved changes before the window closes; keep it open on "keep editing"."""
        if event.type() == QEvent.Type.Close and watched is self._watched and self.has_unsaved_changes():
            if not confirm_leave(self.editor_page):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def has_unsaved_changes(self) -> bool:
        """Whether the open template has edits not saved yet."""
        return self.stack.currentWidget() is self.editor_page and self.editor_page.dirty

    def may_leave(self) -> bool:
        """Whether the main window may switch to another section (asks about unsaved edits)."""
        return not self.has_unsaved_changes() or confirm_leave(self.editor_page)

    # -- library actions -----------------------------------------------------------------------
    def new_template(self, kind: str) -> int | None:
        """Ask a name, create a `kind` template with a starter document, open it."""
        name = AskText.ask(self, self.tr("New template"),
                           self.tr("Name of the new template ({0}):").format(kind_title(kind)))
        if name is None:
            return None
        try:
            created = create_template(self.engine, name, kind, starter_document(kind))
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return None
        self.library.reload(select=created.template_id)
        self.open_template(created.template_id)
        return created.template_id

    def duplicate(self, template_id: int) -> int | None:
        """Copy the template's latest version into a new template named "… (копия)"."""
        try:
            copy = duplicate_template(self.engine, template_id)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return None
        self.library.reload(select=copy.template_id)
        return copy.template_id

    def rename(self, template_id: int) -> bool:
        """Ask a new name and rename (campaigns keep pointing at the same template)."""
        try:
            info = get_template(self.engine, template_id)
            name = AskText.ask(self, self.tr("Rename template"), self.tr("New name:"), info.name)
            if name is None or name.strip() == info.name:
                return False
            rename_template(self.engine, template_id, name)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return False
        self.library.reload(select=template_id)
        return True

    def delete(self, template_id: int) -> str | None:
        """Delete after confirming; a template a campaign or scenario uses is archived instead, and the user is told."""
        try:
            info = get_template(self.engine, template_id)
            if not Confirm.ask(self, self.tr("Delete template"),
                               self.tr("Delete the template “{0}” with all its {1} versions?").format(
                                   info.name, info.latest_version)):
                return None
            outcome = delete_template(self.engine, template_id)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return None
        if outcome == "archived":
            Inform.ask(self, self.tr("Template archived"),
                       self.tr("“{0}” is used by a campaign or a scenario, so it cannot be deleted: a campaign "
                               "must still know what it sent, and a scenario's steps send it. It was archived "
                               "instead and no longer appears in the list.")
                       .format(info.name))
        self.library.reload()
        return outcome
