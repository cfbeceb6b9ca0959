"""Copying the ESPs' own suppression lists (unsubscribes, bounces, complaints) into ours.

The engine should call `sync_from_providers` before it claims the first message of a
campaign (and the GUI at least daily): an address that unsubscribed through the ESP's own
link or bounced there must be skipped by our gates too. Each account remembers when it was
last synced (setting `suppression.synced.<account>`), so later runs ask only for what is new.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.errors import KaskadError, NotFoundError, UserInputError
from app.providers.base import create_provider, provider_class
from app.providers.store import list_providers, load_config
from app.secrets import SecretStore
from app.settings import get_str, set_setting
from app.suppression.store import add_suppressions, normalise_address
from app.workspace import Workspace

__all__ = ["SyncResult", "keep_synced", "sync_from_providers"]

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
        errors: account name → why it could not be read (the others still synced).
    """

    accounts: dict[str, int] = field(default_factory=dict)
    added: int = 0
    errors: dict[str, str] = field(default_factory=dict)


async def sync_from_providers(workspace: Workspace, *, secret_store: SecretStore | None = None,
                              full: bool = False, max_age: timedelta | None = None,
                              now: datetime | None = None) -> SyncResult:
    """Read `fetch_suppressions` of every configured account that has it and store the results.

    `full=True` re-reads everything instead of what changed since the last sync; `max_age`
    skips accounts synced more recently than that (cheap to call before every campaign)."""
    store = secret_store or SecretStore(workspace.root)
    result = SyncResult()
    for info in list_providers(workspace.engine):
        try:
            if not hasattr(provider_class(info.type), "fetch_suppressions"):
                continue
        except NotFoundError:  # an account of a type this version no longer has
            continue
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
            continue
        result.accounts[info.name] = len(found)
        items = []
        for item in found:
            try:
                address = normalise_address(info.channel, item.address)
            except UserInputError:
                continue  # an ESP entry we cannot use (a malformed address) must not stop the sync
            items.append((info.channel, address, item.reason, f"{info.name}: {item.detail}".strip(": ")[:500]))
        result.added += add_suppressions(workspace.engine, items, now=started)
        set_setting(workspace.engine, key, started.isoformat())
    return result


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
