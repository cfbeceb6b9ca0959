"""The "New mailing" wizard: audience → channel → template → pre-flight → test → schedule → confirm."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.campaigns.model import create_campaign
from app.settings import get_setting
from app.workspace import Workspace
from ui.campaigns.backend import discard_draft
from ui.engine_host import EngineHost

__all__ = ["IDENTITY_KEY", "MailingWizard", "WizardState", "sender_for"]

#: Settings key of the sender identity (Settings → Sending): from_name, from_email, reply_to, sms_sender.
IDENTITY_KEY = "sending.identity"


def sender_for(workspace: Workspace, channel: str) -> str | None:
    """The campaign sender from the saved identity: "Name <address>" for e-mail, the SMS name."""
    identity = get_setting(workspace.engine, IDENTITY_KEY) or {}
    if not isinstance(identity, dict):
        return None
    if channel == "email" and identity.get("from_email"):
        name = str(identity.get("from_name") or "").strip()
        return f"{name} <{identity['from_email']}>" if name else str(identity["from_email"])
    if channel == "sms" and identity.get("sms_sender"):
        return str(identity["sms_sender"])
    return None


@dataclass
class WizardState:
    """What the user chose so far (pages read and write it)."""

    name: str = ""
    list_id: int | None = None
    segment_id: int | None = None
    channel: str = "sms"
    template_id: int | None = None
    provider: str = ""
    transactional: bool = False
    campaign_id: int | None = None
    draft_key: tuple[Any, ...] = ()
    preflight: Any = None
    schedule: str = "now"
    start_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[Any, ...]:
        return (self.name, self.list_id, self.segment_id, self.channel, self.template_id, self.provider, self.transactional)


class MailingWizard(QWizard):
    """Creates a draft campaign once the content is chosen and starts it on Finish.

    Attributes:
        state: the choices; `state.campaign_id` is the draft (discarded if the wizard is cancelled).
        launched_id: the started campaign's id (None until started).

    Signals:
        launched(int): the campaign was started (its audience materialised).
    """

    launched = Signal(int)

    AUDIENCE, CHANNEL, CONTENT, PREFLIGHT, TEST, SCHEDULE, CONFIRM = range(7)

    def __init__(self, workspace: Workspace, host: EngineHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.campaigns.wizard_check import PreflightPage, TestSendPage
        from ui.campaigns.wizard_launch import ConfirmPage, SchedulePage
        from ui.campaigns.wizard_setup import AudiencePage, ChannelPage, ContentPage

        self.workspace = workspace
        self.host = host
        self.state = WizardState()
        self.launched_id: int | None = None
        self.setWindowTitle(self.tr("New mailing"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start sending"))
        pages = (AudiencePage(self), ChannelPage(self), ContentPage(self), PreflightPage(self), TestSendPage(self),
                 SchedulePage(self), ConfirmPage(self))
        for index, page in enumerate(pages):
            self.setPage(index, page)
        self.resize(820, 640)

    def ensure_draft(self) -> int:
        """The draft campaign for the current choices (re-created when they changed)."""
        state = self.state
        if state.campaign_id is not None and state.draft_key == state.key():
            return state.campaign_id
        self.discard()
        campaign = create_campaign(
            self.workspace.engine, name=state.name, channel=state.channel, template=state.template_id,
            lists_=[state.list_id] if state.list_id is not None else None, segment=state.segment_id,
            all_contacts=state.list_id is None and state.segment_id is None,
            provider=state.provider, sender=sender_for(self.workspace, state.channel),
            transactional=state.transactional)
        state.campaign_id, state.draft_key, state.preflight = campaign.id, state.key(), None
        return campaign.id

    def discard(self) -> None:
        """Delete the unstarted draft, if any."""
        if self.state.campaign_id is not None and self.launched_id is None:
            discard_draft(self.workspace.engine, self.state.campaign_id)
        if self.launched_id is None:
            self.state.campaign_id = None

    def start_time(self) -> datetime:
        """When sending starts: now, or the chosen moment."""
        if self.state.schedule == "at" and self.state.start_at is not None:
            return self.state.start_at.astimezone(UTC)
        return datetime.now(UTC)

    def reject(self) -> None:
        self.discard()
        super().reject()

    def mark_launched(self, campaign_id: int) -> None:
        """Called by the confirm page when the campaign runs."""
        self.launched_id = campaign_id
        self.host.start()
        self.launched.emit(campaign_id)
