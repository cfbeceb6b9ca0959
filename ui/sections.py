"""THE registry of navigation sections: one line per section (id, title, icon, page factory).

A section's factory is `factory(workspace, parent) -> QWidget`. A section not built yet
uses `coming_soon(...)`, a page saying what will be there; to ship a screen, replace that
entry's factory with the screen's (keep it one line). Titles are marked with
QT_TRANSLATE_NOOP("Sections", ...) and translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from app.workspace import Workspace
from ui.widgets.coming_soon import coming_soon

__all__ = ["SECTIONS", "Section", "PageFactory", "section", "title_of"]

PageFactory = Callable[[Workspace, QWidget | None], QWidget]


def _contacts(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.contacts.screen import ContactsScreen

    return ContactsScreen(workspace, parent)


def _audiences(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.audiences.screen import AudiencesScreen

    return AudiencesScreen(workspace, parent)


def _templates(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.templates.screen import TemplatesScreen

    return TemplatesScreen(workspace, parent)


def _campaigns(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.campaigns.screen import CampaignsScreen

    return CampaignsScreen(workspace, parent)


def _scenarios(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.scenarios.screen import ScenariosScreen

    return ScenariosScreen(workspace, parent)


def _settings(workspace: Workspace, parent: QWidget | None) -> QWidget:
    from ui.settings.screen import SettingsScreen

    return SettingsScreen(workspace, parent)


@dataclass(frozen=True)
class Section:
    """A navigation entry.

    Attributes:
        id: stable identifier ("contacts", ...).
        title: English title, translated in context "Sections".
        icon: a QStyle standard pixmap used as the icon.
        factory: builds the page the first time the section is opened.
    """

    id: str
    title: str
    icon: QStyle.StandardPixmap
    factory: PageFactory


_SP = QStyle.StandardPixmap
SECTIONS: tuple[Section, ...] = (
    Section("contacts", QT_TRANSLATE_NOOP("Sections", "Contacts"), _SP.SP_DirHomeIcon, _contacts),
    Section("lists", QT_TRANSLATE_NOOP("Sections", "Audiences"), _SP.SP_FileDialogListView, _audiences),
    Section("templates", QT_TRANSLATE_NOOP("Sections", "Templates"), _SP.SP_FileIcon, _templates),
    Section("campaigns", QT_TRANSLATE_NOOP("Sections", "Campaigns"), _SP.SP_MediaPlay, _campaigns),
    Section("scenarios", QT_TRANSLATE_NOOP("Sections", "Scenarios"), _SP.SP_BrowserReload, _scenarios),
    Section("reports", QT_TRANSLATE_NOOP("Sections", "Reports"), _SP.SP_FileDialogDetailedView, coming_soon("reports")),
    Section("settings", QT_TRANSLATE_NOOP("Sections", "Settings"), _SP.SP_FileDialogContentsView, _settings),
)


def title_of(entry: Section) -> str:
    """The section's title in the current UI language."""
    return QCoreApplication.translate("Sections", entry.title)


def section(section_id: str) -> Section:
    """The registered section with this id."""
    for entry in SECTIONS:
        if entry.id == section_id:
            return entry
    raise KeyError(section_id)
