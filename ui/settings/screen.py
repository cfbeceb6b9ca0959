"""The Settings page: one group box per area, listed in SETTINGS_GROUPS (add a line to add a group)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.workspace import Workspace
from ui.settings.language import LanguageGroup
from ui.settings.mailbox_group import MailboxGroup
from ui.settings.sending_policy import SendingGroup
from ui.settings.sending_providers import ProvidersGroup
from ui.settings.suppression_group import SuppressionGroup

__all__ = ["SETTINGS_GROUPS", "SettingsScreen"]

#: Each entry builds one group: `factory(workspace, parent) -> QWidget`, shown top to bottom.
SETTINGS_GROUPS: list[Callable[[Workspace, QWidget | None], QWidget]] = [
    LanguageGroup,
    ProvidersGroup,
    SendingGroup,
    SuppressionGroup,
    MailboxGroup,
]


class SettingsScreen(QScrollArea):
    """All setting groups on one scrollable page.

    Attributes:
        groups: the group widgets, in SETTINGS_GROUPS order.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        self.groups = [factory(workspace, body) for factory in SETTINGS_GROUPS]
        for group in self.groups:
            group.setMaximumWidth(720)
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidget(body)
