"""Wizard pages 1-3: who gets it (audience), how (channel), what (template, provider, service flag)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWizardPage,
)

from app.contacts.lists import list_summaries
from app.db.schema import contacts
from app.errors import KaskadError
from app.providers.store import add_provider, default_provider, list_providers
from app.secrets import SecretStore
from app.segments.service import list_segments
from app.templates.library import get_version, list_templates
from ui.campaigns.labels import channel_name

if TYPE_CHECKING:
    from ui.campaigns.wizard import MailingWizard

__all__ = ["AudiencePage", "ChannelPage", "ContentPage", "render_preview"]

_MUTED = "color: palette(placeholder-text);"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(_MUTED)
    return label


class AudiencePage(QWizardPage):
    """The mailing's name and who gets it: all contacts, one list, or a saved segment."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Who gets the mailing"))
        self.setSubTitle(self.tr("Name the mailing and choose its audience. Next you will see how many of them "
                                 "can really be reached."))
        self.name = QLineEdit(self.tr("Mailing of %1").replace("%1", QLocale().toString(date.today(),
                                                                                      QLocale.FormatType.ShortFormat)))
        self.all_radio = QRadioButton()
        self.list_radio = QRadioButton(self.tr("Contacts of a list:"))
        self.lists = QComboBox()
        self.segment_radio = QRadioButton(self.tr("Contacts of a segment:"))
        self.segments = QComboBox()
        self.group = QButtonGroup(self)
        self.group.addButton(self.all_radio)
        self.group.addButton(self.list_radio)
        self.group.addButton(self.segment_radio)
        self.all_radio.setChecked(True)
        self.lists.currentIndexChanged.connect(lambda _i: self.list_radio.setChecked(True))
        self.segments.currentIndexChanged.connect(lambda _i: self.segment_radio.setChecked(True))
        self.name.textChanged.connect(self.completeChanged)
        form = QFormLayout(self)
        form.addRow(self.tr("Mailing name:"), self.name)
        form.addRow(self.all_radio)
        form.addRow(self.list_radio, self.lists)
        form.addRow(self.segment_radio, self.segments)
        form.addRow(_note(self.tr("Lists and segments are made in the Audiences section. A segment's contacts are "
                                  "taken when the mailing starts; later changes to the segment do not affect it.")))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        engine = self.wiz.workspace.engine
        with engine.connect() as conn:
            total = int(conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar() or 0)
            summaries = list_summaries(conn)
        locale = QLocale()
        self.all_radio.setText(self.tr("All contacts (%1)").replace("%1", locale.toString(total)))
        self.lists.blockSignals(True)
        self.lists.clear()
        for item in summaries:
            self.lists.addItem(f"{item['name']} ({locale.toString(int(item['members']))})", int(item["id"]))
        self.lists.blockSignals(False)
        self.list_radio.setEnabled(bool(summaries))
        self.lists.setEnabled(bool(summaries))
        saved = list_segments(engine)
        self.segments.blockSignals(True)
        self.segments.clear()
        for segment in saved:
            self.segments.addItem(segment.name, segment.id)
        self.segments.blockSignals(False)
        self.segment_radio.setEnabled(bool(saved))
        self.segments.setEnabled(bool(saved))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.wiz.state.name = self.name.text().strip()
        self.wiz.state.list_id = self.lists.currentData() if self.list_radio.isChecked() else None
        self.wiz.state.segment_id = self.segments.currentData() if self.segment_radio.isChecked() else None
        return True


class ChannelPage(QWizardPage):
    """E-mail, SMS or WhatsApp."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("How to send it"))
        self.setSubTitle(self.tr("Each channel reaches the contacts that have its address and agreed to it."))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        notes = {"email": self.tr("Letters with pictures and links; almost free, read later."),
                 "sms": self.tr("Short text to the phone; read within minutes, paid per part (segment)."),
                 "whatsapp": self.tr("A pre-approved WhatsApp template; needs a WhatsApp Business account.")}
        for channel in ("email", "sms", "whatsapp"):
            radio = QRadioButton(channel_name(channel))
            radio.setStyleSheet("font-weight: bold;")
            self.group.addButton(radio)
            self.radios[channel] = radio
            layout.addWidget(radio)
            note = _note(notes[channel])
            note.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(note)
        layout.addStretch(1)
        self.radios["sms"].setChecked(True)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.wiz.state.channel = next(c for c, r in self.radios.items() if r.isChecked())
        return True


class ContentPage(QWizardPage):
    """The template (with a preview for the first contact), the provider account, the service flag."""

    def __init__(self, wizard: MailingWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("What to send and through whom"))
        self.templates = QComboBox()
        self.templates.currentIndexChanged.connect(self._preview)
        self.templates.currentIndexChanged.connect(self.completeChanged)
        self.empty = _note("")
        self.preview = QTextBrowser()
        self.preview.setMinimumHeight(170)
        self.providers = QComboBox()
        self.transactional = QCheckBox(self.tr("Service (transactional) message"))
        explain = _note(self.tr("Tick only for order, booking or payment notices: they go without marketing consent "
                                "and outside quiet hours. Advertising must never be marked as service."))
        form = QFormLayout(self)
        form.addRow(self.tr("Template:"), self.templates)
        form.addRow(self.empty)
        form.addRow(self.tr("Preview:"), self.preview)
        form.addRow(self.tr("Send through:"), self.providers)
        form.addRow(self.transactional)
        form.addRow(explain)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        state = self.wiz.state
        engine = self.wiz.workspace.engine
        self.setSubTitle(self.tr("Channel: %1. The preview uses the first contact of the audience.")
                         .replace("%1", channel_name(state.channel)))
        self.templates.blockSignals(True)
        self.templates.clear()
        for info in list_templates(engine, kind=state.channel):
            self.templates.addItem(info.name, info.id)
        self.templates.blockSignals(False)
        self.empty.setVisible(self.templates.count() == 0)
        self.empty.setText(self.tr("There are no %1 templates yet: create one in the Templates section first.")
                           .replace("%1", channel_name(state.channel)))
        self.providers.clear()
        default = default_provider(engine, state.channel)
        sandbox = f"sandbox-{state.channel}"
        names = [p.name for p in list_providers(engine) if p.channel == state.channel]
        for name in sorted(set(names) | {sandbox}, key=lambda n: (n != default, n == sandbox, n)):
            # The sandbox's internal name ("sandbox-sms") means nothing to a shop owner: describe it instead.
            text = self.tr("Test mode: nothing leaves the computer") if name == sandbox else name
            if name == default and name != sandbox:
                text = self.tr("%1 (default)").replace("%1", name)
            self.providers.addItem(text, name)
        self._preview()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.templates.currentData() is not None

    def _preview(self) -> None:
        template_id = self.templates.currentData()
        if template_id is None:
            self.preview.clear()
            return
        self.preview.setPlainText(render_preview(self.wiz, int(template_id)))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        state = self.wiz.state
        state.template_id = self.templates.currentData()
        state.provider = self.providers.currentData()
        state.transactional = self.transactional.isChecked()
        engine = self.wiz.workspace.engine
        try:
            if state.provider == f"sandbox-{state.channel}" and all(p.name != state.provider
                                                                    for p in list_providers(engine)):
                add_provider(engine, SecretStore(self.wiz.workspace.root), state.provider, state.provider)
            self.wiz.ensure_draft()
        except KaskadError as exc:
            from ui.widgets.dialogs import ErrorDialog

            ErrorDialog.ask(self, exc)
            return False
        return True


def _first_contact(wizard: MailingWizard) -> dict[str, Any]:
    from app.campaigns.audience import audience_condition
    from app.db.schema import list_members

    query = sa.select(contacts).order_by(contacts.c.id).limit(1)
    if wizard.state.list_id is not None:
        query = query.where(contacts.c.id.in_(sa.select(list_members.c.contact_id)
                                              .where(list_members.c.list_id == wizard.state.list_id)))
    elif wizard.state.segment_id is not None:
        query = query.where(audience_condition(wizard.workspace.engine, {"segment": wizard.state.segment_id}))
    with wizard.workspace.engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return dict(row) if row else {}


def render_preview(wizard: MailingWizard, template_id: int) -> str:
    """The template filled for the audience's first contact, as plain text (or why it cannot be)."""
    from app.templates import render

    try:
        version = get_version(wizard.workspace.engine, template_id)
        contact = _first_contact(wizard)
        if version.kind == "email":
            email = render.render_message(version, contact, unsubscribe_url="https://…")
            return QCoreApplication.translate("ContentPage", "Subject: %1").replace("%1", email.subject) + "\n\n" + email.text.strip()
        if version.kind == "sms":
            sms = render.render_sms(version, contact)
            return sms.text + "\n\n" + QCoreApplication.translate("ContentPage", "%1 characters, %2 SMS part(s)").replace(
                "%1", str(len(sms.text))).replace("%2", str(sms.count.segments))
        filled = render.render_whatsapp(version, contact)
        return str(getattr(filled, "text", "") or getattr(filled, "preview", "") or filled)
    except KaskadError as exc:
        return QCoreApplication.translate("ContentPage", "This template cannot be filled for the first contact: %1").replace("%1", str(exc))
