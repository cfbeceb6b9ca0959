"""The panel beside the table: every field, custom fields, consents per channel, lists and tags."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.contacts.query import ContactDetail
from app.db.schema import CHANNELS
from ui.contacts.format import format_date, format_datetime, format_phone, format_source

__all__ = ["CHANNEL_TITLES", "DetailPanel"]

CHANNEL_TITLES = {
    "email": QT_TRANSLATE_NOOP("Channels", "Email"),
    "sms": QT_TRANSLATE_NOOP("Channels", "SMS"),
    "whatsapp": QT_TRANSLATE_NOOP("Channels", "WhatsApp"),
    "calls": QT_TRANSLATE_NOOP("Channels", "Calls"),
}
_STATUS = {
    "granted": QT_TRANSLATE_NOOP("Consent", "granted"),
    "withdrawn": QT_TRANSLATE_NOOP("Consent", "withdrawn"),
    "denied": QT_TRANSLATE_NOOP("Consent", "denied"),
}
_SUPPRESSION = {
    "unsubscribed": QT_TRANSLATE_NOOP("Consent", "unsubscribed"),
    "bounced": QT_TRANSLATE_NOOP("Consent", "address bounced"),
    "complained": QT_TRANSLATE_NOOP("Consent", "complained of spam"),
    "manual": QT_TRANSLATE_NOOP("Consent", "blocked by hand"),
}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _value(text: str | None) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPanel(QScrollArea):
    """Shows one contact, a summary of a multiple selection, or a hint when nothing is selected.

    Signals:
        edit_requested(): the Edit button was pressed.
        delete_requested(): the Delete button was pressed.
        export_requested(): the Export button was pressed.
    """

    edit_requested = Signal()
    delete_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.detail: ContactDetail | None = None
        self.show_nothing()

    def _fresh(self) -> QVBoxLayout:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        self.setWidget(body)
        return layout

    def show_nothing(self) -> None:
        """The hint shown while no contact is selected."""
        self.detail = None
        hint = QLabel(self.tr("Select a contact to see everything about it here."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = self._fresh()
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addStretch(2)

    def show_many(self, count: int) -> None:
        """A multiple selection: how many, and what can be done with them."""
        self.detail = None
        layout = self._fresh()
        title = QLabel(self.tr("%n contact(s) selected", "", count))
        title.setObjectName("detail-title")
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(self._buttons(edit=False))
        layout.addStretch(1)

    def show_contact(self, detail: ContactDetail) -> None:
        """Everything about one contact."""
        self.detail = detail
        row = detail.row
        layout = self._fresh()
        title = QLabel(row.full_name or self.tr("(no name)"))
        title.setObjectName("detail-title")
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(self._buttons(edit=True))

        fields = QFormLayout()
        gender = {"m": self.tr("male"), "f": self.tr("female")}.get(detail.gender or "", detail.gender)
        for label, text in (
            (self.tr("Phone"), format_phone(row.phone)), (self.tr("Email"), row.email),
            (self.tr("City"), row.city), (self.tr("Birthday"), format_date(row.birthday)),
            (self.tr("Gender"), gender), (self.tr("Time zone"), detail.timezone),
            (self.tr("External ID"), detail.external_id), (self.tr("Source"), format_source(detail.source)),
            (self.tr("Added"), format_datetime(row.created_at)), (self.tr("Changed"), format_datetime(detail.updated_at)),
        ):
            fields.addRow(label + ":", _value(text))
        layout.addLayout(fields)

        custom = QGroupBox(self.tr("Custom fields"))
        custom_form = QFormLayout(custom)
        for key, value in sorted(detail.custom.items()):
            custom_form.addRow(f"{key}:", _value("" if value is None else str(value)))
        if not detail.custom:
            custom_form.addRow(QLabel(self.tr("None")))
        layout.addWidget(custom)
        layout.addWidget(self._consents(detail))

        member = QGroupBox(self.tr("Lists and tags"))
        member_form = QFormLayout(member)
        member_form.addRow(self.tr("Lists:"), _value(", ".join(detail.lists) or self.tr("not in any list")))
        member_form.addRow(self.tr("Tags:"), _value(", ".join(row.tags) or self.tr("no tags")))
        layout.addWidget(member)
        layout.addStretch(1)

    def _consents(self, detail: ContactDetail) -> QGroupBox:
        box = QGroupBox(self.tr("Consents"))
        grid = QGridLayout(box)
        by_channel = {c.channel: c for c in detail.consents}
        blocked = dict(detail.suppressed)
        for i, channel in enumerate(CHANNELS):
            grid.addWidget(QLabel(f"<b>{_tr('Channels', CHANNEL_TITLES[channel])}</b>"), i, 0, Qt.AlignmentFlag.AlignTop)
            consent = by_channel.get(channel)
            if consent is None:
                text = self.tr("not recorded")
            else:
                text = _tr("Consent", _STATUS.get(consent.status, consent.status))
                text += " · " + format_datetime(consent.recorded_at)
                if consent.source:
                    text += "\n" + self.tr("Source: %1").replace("%1", format_source(consent.source))
            if channel in blocked:
                text += "\n" + self.tr("Blocked: %1").replace("%1", _tr("Consent", _SUPPRESSION.get(blocked[channel], "")))
            grid.addWidget(_value(text), i, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _buttons(self, *, edit: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        if edit:
            self.edit_button = QPushButton(self.tr("Edit…"))
            self.edit_button.clicked.connect(self.edit_requested)
            row.addWidget(self.edit_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_requested)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_requested)
        row.addWidget(self.export_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        return row
