"""Provider accounts for the Settings screen: the session's secret store, deleting an account.

Where the OS has no keyring (headless Linux), secrets live in an encrypted file whose master
password comes from $KASKAD_MASTER_PASSWORD or is asked once per session here.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.errors import UserInputError
from app.outbox.tables import campaigns, providers
from app.secrets import ENV_MASTER_PASSWORD, SecretStore
from app.workspace import Workspace

__all__ = ["MasterPassword", "delete_account", "secret_store"]

_passwords: dict[str, str] = {}


class MasterPassword:
    """Asks for the master password of the encrypted secrets file (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("MasterPassword", "Master password"),
            QCoreApplication.translate("MasterPassword", "This computer has no system password storage, so provider "
                                       "passwords are kept in an encrypted file.\nEnter its master password (a new "
                                       "one is set the first time):"), QLineEdit.EchoMode.Password)
        return text if ok and text else None


def secret_store(workspace: Workspace, parent: QWidget | None = None, *, ask: bool = True) -> SecretStore | None:
    """The workspace's SecretStore, asking for the master password once if the file is used.

    Returns None when a password is needed and the user declined to give one.
    """
    key = str(workspace.root)
    store = SecretStore(workspace.root, _passwords.get(key))
    if store.backend == "keyring" or os.environ.get(ENV_MASTER_PASSWORD) or key in _passwords:
        return store
    if not ask:
        return None
    password = MasterPassword.ask(parent)
    if not password:
        return None
    _passwords[key] = password
    return SecretStore(workspace.root, password)


def delete_account(workspace: Workspace, store: SecretStore | None, name: str) -> None:
    """Remove the account and its secrets; refused while an unfinished mailing uses it."""
    with workspace.engine.begin() as conn:
        busy = conn.execute(sa.select(campaigns.c.name).where(
            sa.or_(campaigns.c.provider == name, campaigns.c.fallback_provider == name),
            campaigns.c.status.in_(("draft", "running", "paused"))).limit(1)).scalar()
        if busy is not None:
            raise UserInputError(QCoreApplication.translate(
                "ProvidersGroup", "The mailing “%1” still uses this account: finish or cancel it first.")
                .replace("%1", busy))
        conn.execute(providers.delete().where(providers.c.name == name))
    if store is not None:
        store.delete(name)
