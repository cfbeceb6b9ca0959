"""The add / edit form of a provider account: type-specific fields, secrets never shown back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import KaskadError, UserInputError
from app.providers.base import provider_types
from app.providers.store import ProviderInfo, add_provider, list_providers
from app.secrets import SecretStore
from app.workspace import Workspace
from ui.settings.providers_fields import COMMON, FIELDS, field_label, type_name

__all__ = ["ProviderDialog"]

_CHANNEL_ORDER = {"email": 0, "sms": 1, "whatsapp": 2, "webhook": 3}


class ProviderDialog(QDialog):
    """Create an account or change one (`existing`); saving writes options and secrets.

    Attributes:
        inputs: {key: QLineEdit} of the current type's fields.
        saved: the stored account after a successful save.
    """

    def __init__(self, workspace: Workspace, store: SecretStore, existing: ProviderInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.store = store
        self.existing = existing
        self.saved: ProviderInfo | None = None
        self.inputs: dict[str, QLineEdit] = {}
        self._secret_keys: set[str] = set()
        self.setWindowTitle(self.tr("Provider account") if existing is None else
                            self.tr("Account “%1”").replace("%1", existing.name))
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setPlaceholderText(self.tr("e.g. SMS.ru main"))
        self.name.setReadOnly(existing is not None)
        self.type = QComboBox()
        types = provider_types()
        for key in sorted(types, key=lambda k: (_CHANNEL_ORDER.get(types[k].channel, 9), k.startswith("sandbox"), k)):
            self.type.addItem(type_name(key), key)
        if existing is not None:
            self.type.setCurrentIndex(self.type.findData(existing.type))
            self.type.setEnabled(False)
        self.type.currentIndexChanged.connect(self._rebuild)
        self.base_url = QLineEdit(existing.base_url or "" if existing else "")
        self.default = QCheckBox(self.tr("Use by default for its channel"))
        self.default.setChecked(bool(existing and existing.is_default))
        self.fields_box = QWidget()
        self.fields = QFormLayout(self.fields_box)
        self.fields.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Type:"), self.type)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.secrets_note = QLabel(self.tr("Passwords and keys are kept in the system's password storage (or an "
                                           "encrypted file), never in the database, and are not shown again."))
        self.secrets_note.setWordWrap(True)
        self.secrets_note.setStyleSheet("color: palette(placeholder-text);")
        self.base_url_label = QLabel(self.tr("API address (only to override):"))
        tail = QFormLayout()
        tail.addRow(self.base_url_label, self.base_url)
        tail.addRow(self.default)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields_box)
        layout.addLayout(tail)
        layout.addWidget(self.secrets_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._rebuild()
        self.resize(560, self.sizeHint().height())

    def _rebuild(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.inputs.clear()
        self._secret_keys.clear()
        type_key = self.type.currentData()
        saved_secrets = self.store.get(self.existing.name) if self.existing else {}
        options = self.existing.options if self.existing else {}
        for field in FIELDS.get(type_key, ()) + COMMON:
            edit = QLineEdit()
            if field.secret:
                self._secret_keys.add(field.key)
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setPlaceholderText(self.tr("saved — leave empty to keep") if saved_secrets.get(field.key)
                                        else "")
            else:
                edit.setText(str(options.get(field.key, "") or ""))
                # Literal examples are not in the catalogue and come back unchanged.
                edit.setPlaceholderText(QCoreApplication.translate("ProviderFields", field.hint))
            self.inputs[field.key] = edit
            self.fields.addRow(field_label(field) + ":", edit)
        default_url = getattr(provider_types().get(type_key), "default_base_url", "")
        self.base_url.setPlaceholderText(default_url or self.tr("not needed"))
        self.base_url.setVisible(not type_key.startswith("sandbox"))
        self.base_url_label.setVisible(not type_key.startswith("sandbox"))

    def values(self) -> tuple[dict[str, str], dict[str, str]]:
        """(options, secrets) entered; empty secrets are left out (they keep the saved value)."""
        options = dict(self.existing.options) if self.existing else {}
        secrets: dict[str, str] = {}
        for key, edit in self.inputs.items():
            text = edit.text().strip()
            if key in self._secret_keys:
                if text:
                    secrets[key] = text
            elif text:
                options[key] = text
            else:
                options.pop(key, None)
        return options, secrets

    def save(self) -> None:
        """Validate and store; the dialog closes only when it worked."""
        options, secrets = self.values()
        try:
            for key in ("rate_per_second", "rate_per_minute", "port"):
                if options.get(key) and not options[key].replace(".", "", 1).isdigit():
                    raise UserInputError(self.tr("“%1” must be a number.").replace("%1", key))
            if self.existing is None and any(p.name == self.name.text().strip()
                                             for p in list_providers(self.workspace.engine)):
                raise UserInputError(self.tr("An account with this name already exists: choose another name."))
            self.saved = add_provider(self.workspace.engine, self.store, self.name.text(), self.type.currentData(),
                                      base_url=self.base_url.text().strip() or None, options=options,
                                      secrets=secrets or None, default=self.default.isChecked())
        except KaskadError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
