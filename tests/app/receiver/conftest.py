"""Fixtures for the receiver tests: a receiver running on its own loop in a thread, over real HTTP."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from app.receiver.server import Receiver, start_receiver
from app.workspace import Workspace


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test setup has no OS keyring, so provider secrets go to the encrypted file.
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


class RunningReceiver:
    """A receiver served by an event loop in a background thread (tests call it synchronously)."""

    def __init__(self, workspace: Workspace, public_url: str | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.receiver: Receiver = asyncio.run_coroutine_threadsafe(
            start_receiver(workspace, host="127.0.0.1", port=0, public_url=public_url), self.loop).result(10)

    @property
    def url(self) -> str:
        return self.receiver.url

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.receiver.close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def receiver(workspace: Workspace) -> Iterator[RunningReceiver]:
    running = RunningReceiver(workspace)
    try:
        yield running
    finally:
        running.close()
