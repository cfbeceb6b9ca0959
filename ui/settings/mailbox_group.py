"""Settings group "Mailbox for unsubscribes and bounces": IMAP access, the mailto address, checks."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.campaigns.render import SETTING_MAILTO
from app.contacts.normalize import check_email
from app.errors import KaskadError
from app.secrets import SecretStore
from app.settings import get_setting, set_setting
from app.suppression.imap import (
    SECRET_NAME,
    MailboxResult,
    MailboxSettings,
    check_connection,
    last_result,
    load_mailbox_settings,
    poll_mailbox_blocking,
    save_mailbox_settings,
)
from app.workspace import Workspace
from ui.ops import run_in_worker
from ui.settings.providers_store import secret_store
from ui.settings.suppression_layout import NotesGroup, grow_page

__all__ = ["MailboxGroup"]

_OK, _BAD = "color: #1b7f3b;", "color: #b00020;"
_lane: ThreadPoolExecutor | None = None


class MailboxGroup(NotesGroup):
    """Where people's unsubscribe letters and bounce reports arrive, and how Kaskad reads them.

    Attributes:
        status: the outcome of the last save or check, in plain words.
        last: the last time the mailbox was read (by this screen or the background sender).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mailbox for unsubscribes and bounces"), parent)
        self.workspace = workspace
        intro = QLabel(self.tr(
            "Every letter offers “Unsubscribe” with the address below. A person's mail program then sends a letter "
            "there; Kaskad reads this mailbox and takes the person off the list. Reports about undelivered letters "
            "that arrive there are read too. Letters from people are left unread for you."))
        intro.setWordWrap(True)
        honest = QLabel(self.tr(
            "Good to know: Gmail's rule for bulk senders needs one-click unsubscribe over https; this mailbox alone "
            "does not meet it. For large mailings also use your e-mail service's own unsubscribe (SendGrid, Mailgun, "
            "Unisender Go) or a public receiver address."))
        honest.setWordWrap(True)
        honest.setStyleSheet("background: palette(alternate-base); padding: 6px; border-radius: 4px;")
        saved = load_mailbox_settings(workspace.engine)
        self.mailto = QLineEdit(str(get_setting(workspace.engine, SETTING_MAILTO) or ""))
        self.mailto.setPlaceholderText("unsubscribe@example.ru")
        self.host = QLineEdit(saved.host if saved else "")
        self.host.setPlaceholderText("imap.yandex.ru")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(saved.port if saved else 993)
        self.ssl = QCheckBox(self.tr("Encrypted connection (SSL)"))
        self.ssl.setChecked(saved.ssl if saved else True)
        self.ssl.toggled.connect(self._ssl_toggled)
        self.user = QLineEdit(saved.user if saved else "")
        self.user.setPlaceholderText("unsubscribe@example.ru")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit(saved.folder if saved else "INBOX")
        self._password_hint(saved is not None)
        self.save_button = QPushButton(self.tr("Save"))
        self.test_button = QPushButton(self.tr("Check connection"))
        self.poll_button = QPushButton(self.tr("Check the mailbox now"))
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)
        self.poll_button.clicked.connect(self.poll)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.last = QLabel()
        self.last.setWordWrap(True)
        server = QHBoxLayout()
        server.addWidget(self.host, 1)
        server.addWidget(QLabel(self.tr("port")))
        server.addWidget(self.port)
        server.addWidget(self.ssl)
        form = QFormLayout()
        form.addRow(self.tr("Address for unsubscribe letters:"), self.mailto)
        form.addRow(self.tr("IMAP server:"), server)
        form.addRow(self.tr("Login:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Folder:"), self.folder)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.poll_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(honest)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.last)
        self._mirror_sending_group(parent)
        self.show_last()

    def _mirror_sending_group(self, parent: QWidget | None) -> None:
        """The Sending group edits the same mailto setting: keep both fields showing one value."""
        from ui.settings.sending_policy import SendingGroup

        for group in parent.findChildren(SendingGroup) if parent is not None else []:
            other = group.mailto
            other.textChanged.connect(lambda text: self.mailto.setText(text) if self.mailto.text() != text else None)
            self.mailto.textChanged.connect(lambda text, o=other: o.setText(text) if o.text() != text else None)

    def _password_hint(self, saved: bool) -> None:
        self.password.setPlaceholderText(self.tr("saved — type a new one to replace it") if saved else "")

    def _ssl_toggled(self, on: bool) -> None:
        if on and self.port.value() == 143:
            self.port.setValue(993)
        elif not on and self.port.value() == 993:
            self.port.setValue(143)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(_OK if ok else _BAD)
        self.status.setText(text)
        grow_page(self)

    def show_last(self) -> None:
        """Show when the mailbox was last read and what came of it."""
        last = last_result(self.workspace.engine)
        if last is None:
            self.last.setText(self.tr("The mailbox has not been checked yet."))
            return
        try:
            when = datetime.fromisoformat(str(last.get("at"))).astimezone().strftime("%d.%m.%Y %H:%M")
        except ValueError:
            when = "?"
        if not last.get("ok"):
            self.last.setText(self.tr("Last check, %1: failed — %2").replace("%1", when)
                              .replace("%2", str(last.get("error", ""))))
            return
        self.last.setText(self.tr("Last check, %1: letters read: %2, unsubscribes: %3, undelivered: %4, "
                                  "temporary failures: %5.").replace("%1", when).replace("%2", str(last.get("read", 0)))
                          .replace("%3", str(last.get("unsubscribed", 0))).replace("%4", str(last.get("bounced", 0)))
                          .replace("%5", str(last.get("delayed", 0))))

    def _form(self, store: SecretStore) -> MailboxSettings | None:
        """The settings typed in (the saved password when none is typed), or None after saying what is wrong."""
        mailto = self.mailto.text().strip()
        if mailto and check_email(mailto)[0] is None:
            self._say(self.tr("The address for unsubscribe letters is not an e-mail address."), ok=False)
            return None
        if not self.host.text().strip() or not self.user.text().strip():
            self._say(self.tr("Fill in the IMAP server and the login."), ok=False)
            return None
        password = self.password.text() or store.get(SECRET_NAME).get("password", "")
        if not password:
            self._say(self.tr("Enter the mailbox password."), ok=False)
            return None
        return MailboxSettings(host=self.host.text().strip(), user=self.user.text().strip(), password=password,
                               port=self.port.value(), folder=self.folder.text().strip() or "INBOX",
                               ssl=self.ssl.isChecked(), timeout=20)

    def save(self) -> bool:
        """Store the settings; the password goes to the protected storage only, never back to the screen."""
        store = secret_store(self.workspace, self)
        if store is None:
            return False
        settings = self._form(store)
        if settings is None:
            return False
        try:
            save_mailbox_settings(self.workspace.engine, store, settings)
        except KaskadError as exc:
            self._say(str(exc), ok=False)
            return False
        set_setting(self.workspace.engine, SETTING_MAILTO, self.mailto.text().strip() or None)
        self.password.clear()
        self._password_hint(True)
        self._say(self.tr("Saved."))
        return True

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.test_button, self.poll_button):
            button.setEnabled(not busy)

    def test(self) -> None:
        """Log in with what is typed (nothing is saved or read), off the GUI thread."""
        store = secret_store(self.workspace, self)
        settings = self._form(store) if store is not None else None
        if settings is None:
            return
        self._busy(True)
        self._say(self.tr("Connecting to %1…").replace("%1", settings.host))
        run_in_worker(check_connection, settings, executor=_network_lane(),
                      on_done=lambda unread: self._tested(settings, int(unread)), on_error=self._failed)

    def _tested(self, settings: MailboxSettings, unread: int) -> None:
        self._busy(False)
        self._say(self.tr("Connection works: folder “%1”, unread letters: %2.").replace("%1", settings.folder)
                  .replace("%2", str(unread)))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(self.tr("Did not work: %1").replace("%1", str(exc)), ok=False)
        self.show_last()

    def poll(self) -> None:
        """Save, then read the mailbox once now (unsubscribes and bounces are applied)."""
        if not self.save():
            return
        store = secret_store(self.workspace, self, ask=False)
        settings = load_mailbox_settings(self.workspace.engine, store)
        if settings is None:
            return
        self._busy(True)
        self._say(self.tr("Reading the mailbox…"))
        run_in_worker(poll_mailbox_blocking, self.workspace.engine, settings, on_done=self._polled,
                      on_error=self._failed)

    def _polled(self, result: MailboxResult) -> None:
        self._busy(False)
        self._say(self.tr("Done. Letters read: %1.").replace("%1", str(result.read)))
        self.show_last()



def _network_lane() -> ThreadPoolExecutor:
    """Connection tests write nothing, so they need not queue behind database work."""
    global _lane
    if _lane is None:
        _lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaskad-mailbox")
    return _lane
