"""Polling the unsubscribe / bounce mailbox over IMAP (`imaplib` in a worker thread).

The mailbox is the one named in the `mailto:` of List-Unsubscribe and, ideally, the
Return-Path of our letters. Each poll looks at the headers of the UNSEEN letters (a PEEK that
marks nothing) and downloads only reports and letters whose subject carries our token:
mailto unsubscribe requests suppress the contact on the token's channel; DSN hard bounces
fail the message (when it is still `sent`) and suppress its address; DSN 4.x.x (delayed /
temporary) count as soft bounces (`app.suppression.soft`). A person's letters are never
touched, and one that only looked like ours is marked unseen again.

Settings: `suppression.mailbox` = {"host", "port", "user", "folder", "ssl"}; the password is
kept with the provider secrets under the name `mailbox:unsubscribe`; every poll leaves its
outcome (counts or the error) in `suppression.mailbox.last`.
"""

from __future__ import annotations

import asyncio
import imaplib
import ipaddress
import ssl as ssl_module
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from app.errors import EnvironmentProblem, UserInputError
from app.providers.base import DeliveryStatus
from app.providers.webhook.inbound import CallbackStatus
from app.secrets import SecretStore
from app.settings import get_setting, set_setting
from app.suppression.mailparse import MailFinding, classify, might_be_ours
from app.suppression.soft import SoftBounce, record_soft_bounces
from app.suppression.store import add_suppression, normalise_address
from app.suppression.unsubscribe import resolve_token, unsubscribe_contact
from app.workspace import Workspace

__all__ = ["MailboxResult", "MailboxSettings", "check_connection", "last_result", "load_mailbox_settings",
           "poll_mailbox", "poll_mailbox_blocking", "save_mailbox_settings"]

SETTING_KEY = "suppression.mailbox"
LAST_KEY = "suppression.mailbox.last"
SECRET_NAME = "mailbox:unsubscribe"
#: letters downloaded per poll; the rest wait for the next one (a flood must not stall the engine).
MAX_PER_POLL = 500
#: unseen letters whose headers one poll looks at (a mailbox full of unread mail stays cheap).
MAX_HEADER_LOOKS = 5000


@dataclass
class MailboxSettings:
    """Where the unsubscribe / bounce mailbox is."""

    host: str
    user: str
    password: str = field(default="", repr=False)
    port: int = 993
    folder: str = "INBOX"
    ssl: bool = True
    timeout: float = 30.0


@dataclass
class MailboxResult:
    """What one poll did: letters read, unsubscribes and bounces applied, letters left alone.

    `skipped` letters were not even downloaded (their headers show they are not ours);
    `ignored` ones looked like ours but were not (a damaged token, an unknown message)."""

    read: int = 0
    unsubscribed: int = 0
    bounced: int = 0
    delayed: int = 0
    ignored: int = 0
    skipped: int = 0


def load_mailbox_settings(engine: Engine, secret_store: SecretStore | None = None) -> MailboxSettings | None:
    """The configured mailbox (password from the secret store), or None when none is set."""
    value = get_setting(engine, SETTING_KEY)
    if not isinstance(value, dict) or not value.get("host"):
        return None
    password = secret_store.get(SECRET_NAME).get("password", "") if secret_store is not None else ""
    return MailboxSettings(host=str(value["host"]), user=str(value.get("user", "")), password=password,
                           port=int(value.get("port") or 993), folder=str(value.get("folder") or "INBOX"),
                           ssl=bool(value.get("ssl", True)))


def save_mailbox_settings(engine: Engine, secret_store: SecretStore, settings: MailboxSettings) -> None:
    """Store the mailbox; the password goes to the keyring / encrypted file only."""
    if not settings.host or not settings.user:
        raise UserInputError("the mailbox needs a host and a user name")
    set_setting(engine, SETTING_KEY, {"host": settings.host, "port": settings.port, "user": settings.user,
                                      "folder": settings.folder, "ssl": settings.ssl})
    if settings.password:
        secret_store.set(SECRET_NAME, {"password": settings.password})


def _connect(settings: MailboxSettings) -> imaplib.IMAP4:
    """A connection that never sends the password in clear over the network: SSL, else
    STARTTLS when offered, else plain only to a server on this computer."""
    try:
        if settings.ssl:
            return imaplib.IMAP4_SSL(settings.host, settings.port, ssl_context=ssl_module.create_default_context(),
                                     timeout=settings.timeout)
        client = imaplib.IMAP4(settings.host, settings.port, timeout=settings.timeout)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise EnvironmentProblem(f"cannot connect to the mailbox {settings.host}:{settings.port}: {exc}") from exc
    try:
        if "STARTTLS" in client.capabilities:
            client.starttls(ssl_module.create_default_context())
        elif not ipaddress.ip_address(client.sock.getpeername()[0]).is_loopback:
            raise EnvironmentProblem(f"the mailbox {settings.host}:{settings.port} offers no encryption; "
                                     "use its SSL port (usually 993)")
    except (OSError, imaplib.IMAP4.error, ssl_module.SSLError) as exc:
        client.shutdown()
        raise EnvironmentProblem(f"cannot secure the connection to {settings.host}: {exc}") from exc
    except EnvironmentProblem:
        client.shutdown()
        raise
    return client


def _apply(engine: Engine, finding: MailFinding, now: datetime) -> str:
    """Act on one finding; returns the MailboxResult counter to bump ("ignored" when not ours)."""
    from app.receiver.record import record_statuses

    if finding.kind == "unsubscribe":
        target = resolve_token(engine, finding.token)
        if target is None:
            return "ignored"
        unsubscribe_contact(engine, target[0], target[1], source="mailto", now=now)
        return "unsubscribed"
    if finding.kind == "delayed":
        return "delayed" if _soft_bounce(engine, finding, now) else "ignored"
    status = CallbackStatus("", DeliveryStatus.FAILED, now, code=finding.status,
                            detail=finding.diagnostic or f"bounced ({finding.status})", message_id=finding.message_id,
                            event_id=f"dsn:{finding.letter_id}" if finding.letter_id else "", suppress=True,
                            address=finding.recipient)
    if finding.message_id:
        result = record_statuses(engine, "mailbox", [status], source="bounce", now=now)
        if result.stored or result.duplicates:
            return "bounced"
    target = resolve_token(engine, finding.token) if finding.token else None
    if target is not None and finding.recipient:
        # Our letter (the token is signed) whose row is gone: still never mail the address again.
        try:
            add_suppression(engine, target[1], finding.recipient, "bounced", f"bounce {finding.status}", now=now)
        except UserInputError:
            return "ignored"
        return "bounced"
    return "ignored"


def _soft_bounce(engine: Engine, finding: MailFinding, now: datetime) -> bool:
    """Count a temporary failure of one of our letters; False when the letter is not ours."""
    import sqlalchemy as sa

    from app.outbox.tables import outbox

    row = None
    if finding.message_id:
        with engine.connect() as conn:
            row = conn.execute(sa.select(outbox.c.id, outbox.c.channel, outbox.c.address).where(
                outbox.c.message_id == finding.message_id)).first()
    if row is not None:
        channel, address, key = row.channel, row.address or finding.recipient, f"outbox:{row.id}"
    else:
        target = resolve_token(engine, finding.token) if finding.token else None
        if target is None:
            return False
        channel, address, key = target[1], finding.recipient, f"dsn:{finding.letter_id or finding.recipient}"
    try:
        address = normalise_address(channel, address)
    except UserInputError:
        return False
    record_soft_bounces(engine, [SoftBounce(channel, address, now, f"mailbox: {finding.status}", key,
                                            finding.diagnostic)], now=now)
    return True


def _fetched(client: imaplib.IMAP4, number: bytes, what: str) -> bytes:
    status, parts = client.fetch(number, what)
    if status != "OK":
        return b""
    return next((p[1] for p in parts if isinstance(p, tuple) and len(p) == 2), b"")


def _open(settings: MailboxSettings) -> imaplib.IMAP4:
    """Connected, logged in and with the folder selected; EnvironmentProblem in plain words if not."""
    client = _connect(settings)
    try:
        try:
            client.login(settings.user, settings.password)
        except imaplib.IMAP4.error as exc:
            raise EnvironmentProblem(f"the mailbox {settings.host} refused the login for {settings.user}: {exc}") from exc
        try:
            status, _ = client.select(_quoted(settings.folder))
        except imaplib.IMAP4.error:
            status = "NO"
        if status != "OK":
            raise EnvironmentProblem(f"the mailbox has no folder {settings.folder!r}")
    except (EnvironmentProblem, OSError) as exc:
        _logout(client)
        if isinstance(exc, OSError):
            raise EnvironmentProblem(f"the mailbox {settings.host} closed the connection: {exc}") from exc
        raise
    return client


def _logout(client: imaplib.IMAP4) -> None:
    try:
        client.logout()
    except (OSError, imaplib.IMAP4.error):
        pass


def check_connection(settings: MailboxSettings) -> int:
    """Log in and open the folder without reading anything; returns the number of unread letters."""
    client = _open(settings)
    try:
        status, data = client.search(None, "UNSEEN")
        return len((data[0] or b"").split()) if status == "OK" and data else 0
    finally:
        _logout(client)


def last_result(engine: Engine) -> dict | None:
    """The last poll's outcome: {"at": ISO time, "ok": bool, "error": str, **MailboxResult counts}."""
    value = get_setting(engine, LAST_KEY)
    return value if isinstance(value, dict) else None


def poll_mailbox_blocking(engine: Engine, settings: MailboxSettings, *, now: datetime | None = None) -> MailboxResult:
    """One poll (blocking: run it in a worker thread; `poll_mailbox` does). Its outcome, or the
    error, is remembered for Settings (`last_result`)."""
    started = datetime.now(UTC)
    try:
        try:
            result = _poll(engine, settings, now)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise EnvironmentProblem(f"the mailbox {settings.host} broke off the connection: {exc}") from exc
    except EnvironmentProblem as exc:
        set_setting(engine, LAST_KEY, {"at": started.isoformat(), "ok": False, "error": str(exc)})
        raise
    set_setting(engine, LAST_KEY, {"at": started.isoformat(), "ok": True, "error": "", **asdict(result)})
    return result


def _poll(engine: Engine, settings: MailboxSettings, now: datetime | None) -> MailboxResult:
    result = MailboxResult()
    client = _open(settings)
    try:
        status, data = client.search(None, "UNSEEN")
        numbers = (data[0] or b"").split() if status == "OK" and data else []
        # Newest first; people's letters stay unseen, so only downloads are capped, not header looks.
        for number in reversed(numbers[-MAX_HEADER_LOOKS:]):
            if result.read >= MAX_PER_POLL:
                break
            # Headers first, without marking anything seen: a person's letter is never downloaded
            # or touched.
            if not might_be_ours(_fetched(client, number, "(BODY.PEEK[HEADER])")):
                result.skipped += 1
                continue
            raw = _fetched(client, number, "(RFC822)")
            if not raw:
                continue
            result.read += 1
            finding = classify(raw)
            outcome = _apply(engine, finding, now or datetime.now(UTC)) if finding is not None else "ignored"
            setattr(result, outcome, getattr(result, outcome) + 1)
            # FETCH RFC822 marks the letter seen; a letter that is not ours goes back to unseen for a person.
            client.store(number, "+FLAGS" if outcome != "ignored" else "-FLAGS", "(\\Seen)")
    finally:
        _logout(client)
    return result


async def poll_mailbox(workspace: Workspace, settings: MailboxSettings | None = None, *,
                       secret_store: SecretStore | None = None, now: datetime | None = None) -> MailboxResult | None:
    """Poll the configured mailbox off the event loop; None when no mailbox is configured."""
    if settings is None:
        settings = await asyncio.to_thread(load_mailbox_settings, workspace.engine,
                                           secret_store or SecretStore(workspace.root))
        if settings is None:
            return None
    return await asyncio.to_thread(poll_mailbox_blocking, workspace.engine, settings, now=now)


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
