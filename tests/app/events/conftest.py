"""A real receiver with the events intake on 127.0.0.1, served from a background event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest

import app.events.http  # noqa: F401  (registers POST/OPTIONS /v1/events on the receiver's routes)
from app.events.tokens import api_token, tracker_token
from app.receiver.server import Receiver, start_receiver
from app.workspace import Workspace


class Intake:
    """The running receiver plus an HTTP client and both tokens."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.receiver: Receiver = asyncio.run_coroutine_threadsafe(
            start_receiver(workspace, host="127.0.0.1", port=0), self.loop).result(10)
        self.url = f"{self.receiver.url}/v1/events"
        self.api = api_token(workspace.engine)
        self.tracker = tracker_token(workspace.engine)
        self.http = httpx.Client(timeout=10)

    def post(self, body: object, token: str | None = None) -> httpx.Response:
        headers = {} if token == "" else {"Authorization": f"Bearer {token or self.api}"}
        return self.http.post(self.url, json=body, headers=headers)

    def close(self) -> None:
        self.http.close()
        asyncio.run_coroutine_threadsafe(self.receiver.close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    # The receiver opens the secret store; without an OS keyring it uses the encrypted file.
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


@pytest.fixture
def intake(workspace: Workspace) -> Iterator[Intake]:
    running = Intake(workspace)
    try:
        yield running
    finally:
        running.close()
