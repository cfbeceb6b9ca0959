"""What runs next to the send engine: the status/unsubscribe receiver and the suppression sync.

Both `main.py engine` and the GUI's engine thread use `start_companions` before the engine
claims anything: ESP suppression lists are synced first (accounts synced within the last hour
are skipped), then the receiver listens on the configured port and a background task keeps
suppressions in sync. A port that is already taken must not stop sending: the problem is kept
as a plain-language `warning` and sending carries on without the receiver.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from app.errors import KaskadError
from app.receiver.config import receiver_settings
from app.receiver.server import Receiver, start_receiver
from app.secrets import SecretStore
from app.suppression.sync import keep_synced, sync_from_providers
from app.workspace import Workspace

__all__ = ["Companions", "start_companions"]

log = logging.getLogger(__name__)

#: Accounts synced more recently than this are not read again before a run.
SYNC_MAX_AGE = timedelta(hours=1)


class Companions:
    """The receiver (None when off or its port was taken) and the background sync task.

    Attributes:
        receiver: the running receiver, or None.
        warning: why the receiver is not running ("" when it runs or was not asked for).
        port: the port the receiver was asked to listen on (None when it was not started).
    """

    def __init__(self) -> None:
        self.receiver: Receiver | None = None
        self.warning = ""
        self.port: int | None = None
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def close(self) -> None:
        """Stop the sync task and the receiver (safe to call twice)."""
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.receiver is not None:
            receiver, self.receiver = self.receiver, None
            await receiver.close()


async def _sync_later(workspace: Workspace, stop: asyncio.Event, interval: float,
                      store: SecretStore) -> None:
    # The first round already ran before the engine started: wait one interval first.
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), interval)
    if not stop.is_set():
        await keep_synced(workspace, stop, interval=interval, secret_store=store)


async def start_companions(workspace: Workspace, *, receiver: bool = True, secret_store: SecretStore | None = None,
                           port: int | None = None, sync_interval: float = 900.0) -> Companions:
    """Sync suppressions, start the receiver (unless `receiver=False`) and the periodic sync."""
    store = secret_store or SecretStore(workspace.root)
    companions = Companions()
    try:
        result = await sync_from_providers(workspace, secret_store=store, max_age=SYNC_MAX_AGE)
        for name, error in result.errors.items():
            log.warning("suppression sync of %s failed: %s", name, error)
    except (KaskadError, OSError) as exc:  # sending must not wait for an ESP that is down
        log.warning("suppression sync failed: %s", exc)
    if receiver:
        host, set_port, _public = await asyncio.to_thread(receiver_settings, workspace.engine)
        port = companions.port = set_port if port is None else port
        try:
            companions.receiver = await start_receiver(workspace, port=port, secret_store=store)
        except OSError as exc:
            companions.warning = (
                f"the status receiver could not listen on {host}:{port} ({exc.strerror or exc}); sending goes on, "
                f"but delivery statuses and unsubscribe clicks are not received until the port is free "
                f"(or another port is set in Settings)")
            log.warning("%s", companions.warning)
    companions._task = asyncio.create_task(_sync_later(workspace, companions._stop, sync_interval, store),
                                           name="kaskad-suppression-sync")
    return companions
