"""Helpers for the adapter tests: run an adapter against a fake server with short timeouts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from app.providers.base import ProviderConfig, SendRequest, SendResult

T = TypeVar("T")


def config(type_name: str, url: str | None, *, options: dict | None = None, secrets: dict | None = None,
           name: str = "acct") -> ProviderConfig:
    return ProviderConfig(name=name, type=type_name, base_url=url, options=options or {}, secrets=secrets or {})


def request(to: str, payload: dict[str, Any], *, outbox_id: int = 7, message_id: str = "0f8c6c1e9a7b4c3d8e2f1a0b9c8d7e6f",
            channel: str = "email", sender: str = "") -> SendRequest:
    return SendRequest(outbox_id=outbox_id, message_id=message_id, channel=channel, to=to, payload=payload,
                       sender=sender)


def run(cls: type, cfg: ProviderConfig, action: Callable[[Any], Awaitable[T]], *, timeout: float = 2.0,
        **kwargs: Any) -> T:
    """Create the adapter with its own short-timeout client and run `action(adapter)`."""
    async def go() -> T:
        async with httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=1.0)) as http:
            return await action(cls(cfg, http=http, **kwargs))
    return asyncio.run(go())


def send(cls: type, cfg: ProviderConfig, *requests: SendRequest, timeout: float = 2.0, **kwargs: Any) -> list[SendResult]:
    return run(cls, cfg, lambda adapter: adapter.send(list(requests)), timeout=timeout, **kwargs)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connect refused)."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
