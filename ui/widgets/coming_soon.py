"""A friendly page for a section not built yet, saying what it will hold."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.workspace import Workspace
from ui.widgets.centered import centered_column

__all__ = ["DESCRIPTIONS", "ComingSoonPage", "coming_soon"]

#: What each future section will hold, translated in context "ComingSoon".
DESCRIPTIONS = {
    "lists": QT_TRANSLATE_NOOP("ComingSoon", "Audiences for your campaigns: create lists, add contacts by filter "
                               "or by hand, and see how many people each list reaches on every channel."),
    "templates": QT_TRANSLATE_NOOP("ComingSoon", "Email, SMS and WhatsApp messages with personal fields "
                                   "(name, city, birthday) and a live preview for a real contact."),
    "campaigns": QT_TRANSLATE_NOOP("ComingSoon", "One-off sends to a list: pick a template and a time, check "
                                   "the cost, then follow delivery, opens and replies as they arrive."),
    "scenarios": QT_TRANSLATE_NOOP("ComingSoon", "Automatic chains of messages: a welcome series, birthday "
                                   "greetings, reminders after a purchase, drawn as a diagram."),
    "reports": QT_TRANSLATE_NOOP("ComingSoon", "Results of your campaigns and scenarios: delivered, opened, "
                                 "clicked, unsubscribed, exportable to Excel."),
}


class ComingSoonPage(QWidget):
    """Says that a section is on its way and what it will do."""

    def __init__(self, section_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"coming-soon-{section_id}")
        title = QLabel(self.tr("Coming soon"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        text = QLabel(QCoreApplication.translate("ComingSoon", DESCRIPTIONS.get(section_id, "")))
        text.setStyleSheet("font-size: 11pt;")
        note = QLabel(self.tr("This section will appear in one of the next versions of Kaskad."))
        note.setStyleSheet("color: palette(placeholder-text);")
        centered_column(self, [title, text, note], width=560)
        self.description = text


def coming_soon(section_id: str) -> Callable[[Workspace, QWidget | None], QWidget]:
    """A section factory building the coming-soon page for `section_id`."""

    def factory(_workspace: Workspace, parent: QWidget | None) -> QWidget:
        return ComingSoonPage(section_id, parent)

    factory.coming_soon = section_id  # type: ignore[attr-defined]  # lets tests tell placeholders apart
    return factory
