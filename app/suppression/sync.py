"""Copying the ESPs' own suppression lists (unsubscribes, bounces, complaints) into ours.

The engine should call `sync_from_providers` before it claims the first message of a
campaign (and the GUI at least daily): an address that unsubscribed through the ESP's own
link or bounced there must be skipped by our gates too. Each account remembers when it was
last synced (setting `suppression.synced.<account>`), so later runs ask only for what is new.
An entry the ESP marks as only temporarily unavailable (reason "soft_bounce", Unisender Go)
is counted as a soft bounce (`app.suppression.soft`), once per ESP entry, not suppressed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.errors import (
    EnvironmentProblem,
    KaskadError,
    NotFoundError,
    ProviderAuth,
    ProviderTemporary,
    UserInputError,
)
from app.progress import ProgressCallback, no_progress
from app.providers.base import create_provider, provider_class
from app.providers.store import list_providers, load_config
from app.secrets import SecretStore
from app.settings import get_str, set_setting
from app.suppression.soft import SoftBounce, record_soft_bounces
from app.suppression.store import add_suppressions, normalise_address
from app.workspace import Workspace

__all__ = ["SyncResult", "keep_synced", "sync_from_providers", "sync_now"]

log = logging.getLogger(__name__)

SYNCED_KEY = "suppression.synced."
#: ESP lists are read from a little before the last sync: their clocks and ours differ.
_OVERLAP = timedelta(minutes=10)


@dataclass
class SyncResult:
    """What one sync did.

    Attributes:
        accounts: account name → addresses the ESP reported.
        added: new suppressions stored (already-suppressed addresses are not counted).
        soft: temporarily unavailable addresses reported (counted as soft bounces).
        errors: account name → why it could not be read (the others still synced).
        error_kinds: account name → "auth" (key or password refused), "unavailable" (no
            connection, a timeout, the service busy) or "answer" (an answer we could not read).
    """

    accounts: dict[str, int] = field(default_factory=dict)
    added: int = 0
    soft: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    error_kinds: dict[str, str] = field(default_factory=dict)


async def sync_from_providers(workspace: Workspace, *, secret_store: SecretStore | None = None,
                              full: bool = False, max_age: timedelta | None = None,
                              now: datetime | None = None, progress: ProgressCallback = no_progress) -> SyncResult:
    """Read `fetch_suppressions` of every configured account that has it and store the results.

    `full=True` re-reads everything instead of what changed since the last sync; `max_age`
    skips accounts synced more recently than that (cheap to call before every campaign).
    `progress(done, total, account name)` is called before each account is read."""
    store = secret_store or SecretStore(workspace.root)
    result = SyncResult()
    accounts = []
    for info in list_providers(workspace.engine):
        try:
            if hasattr(provider_class(info.type), "fetch_suppressions"):
                accounts.append(info)
        except NotFoundError:  # an account of a type this version no longer has
            continue
    for done, info in enumerate(accounts):
        progress(done, len(accounts), info.name)
        key = SYNCED_KEY + info.name
        started = now or datetime.now(UTC)
        last = _parse(get_str(workspace.engine, key))
        if max_age is not None and last is not None and started - last < max_age:
            continue
        since = None if full else last
        try:
            config = load_config(workspace.engine, store, info.name, workspace.sandbox_dir)
            adapter = create_provider(config)
            try:
                found = await adapter.fetch_suppressions(since - _OVERLAP if since else None)
            finally:
                await adapter.aclose()
        except (KaskadError, ValueError, KeyError) as exc:  # credentials, network, an unreadable answer
            result.errors[info.name] = str(exc) or type(exc).__name__
            result.error_kinds[info.name] = ("auth" if isinstance(exc, ProviderAuth) else
                                             "unavailable" if isinstance(exc, ProviderTemporary | EnvironmentProblem)
                                             else "answer")
            continue
        result.accounts[info.name] = len(found)
        items, soft = [], []
        for item in found:
            try:
                address = normalise_address(info.channel, item.address)
            except UserInputError:
                continue  # an ESP entry we cannot use (a malformed address) must not stop the sync
            source = f"{info.name}: {item.detail}".strip(": ")[:500]
            if item.reason == "soft_bounce":
                # Keyed by the ESP's entry, so re-reading the list (overlap, --full) counts it once.
                soft.append(SoftBounce(info.channel, address, item.at, source,
                                       f"{info.name}:{item.at.isoformat()}"))
            else:
                items.append((info.channel, address, item.reason, source))
        result.added += add_suppressions(workspace.engine, items, now=started)
        result.soft += len(soft)
        result.added += record_soft_bounces(workspace.engine, soft, now=started)
        set_setting(workspace.engine, key, started.isoformat())
    progress(len(accounts), len(accounts), "")
    return result


def sync_now(workspace: Workspace, secret_store: SecretStore | None = None, *, full: bool = False,
             progress: ProgressCallback = no_progress) -> SyncResult:
    """`sync_from_providers` for a worker thread (runs its own event loop)."""
    return asyncio.run(sync_from_providers(workspace, secret_store=secret_store, full=full, progress=progress))


def _parse(value: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


async def keep_synced(workspace: Workspace, stop: asyncio.Event, *, interval: float = 900.0,
                      secret_store: SecretStore | None = None) -> None:
    """Until `stop` is set: every `interval` seconds sync the ESP lists and poll the mailbox.

    For long-running hosts (`main.py receiver serve`, the engine); problems are logged and
    retried at the next round, never raised."""
    from app.suppression.imap import poll_mailbox

    store = secret_store or SecretStore(workspace.root)
    while not stop.is_set():
        try:
            result = await sync_from_providers(workspace, secret_store=store)
            for name, error in result.errors.items():
                log.warning("suppression sync of %s failed: %s", name, error)
            await poll_mailbox(workspace, secret_store=store)
        except (KaskadError, OSError) as exc:
            log.warning("suppression sync failed: %s", exc)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)
