"""Deliver a fake provider's status callback to a receiver over real HTTP, as the provider would."""

from __future__ import annotations

import httpx

__all__ = ["deliver"]


def deliver(url: str, body: bytes, headers: dict[str, str], *, timeout: float = 5.0) -> int:
    """POST `body` with `headers` to `url` (the engine's status receiver); returns the HTTP status."""
    return httpx.post(url, content=body, headers=headers, timeout=timeout).status_code
