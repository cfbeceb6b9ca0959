"""Receiver settings: listening port and host, and the public base URL providers call."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app.settings import get_int, get_str

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "HOST_KEY", "PORT_KEY", "PUBLIC_URL_KEY", "receiver_settings"]

PORT_KEY = "receiver.port"
HOST_KEY = "receiver.host"
#: e.g. "https://kaskad.shop.example" where a reverse proxy or tunnel forwards to the receiver.
PUBLIC_URL_KEY = "receiver.public_url"
DEFAULT_PORT = 8787
#: Loopback by default: a desktop must not open a port to the LAN unless asked to.
DEFAULT_HOST = "127.0.0.1"


def receiver_settings(engine: Engine) -> tuple[str, int, str]:
    """(host, port, public base URL) from the workspace settings, with defaults."""
    return (get_str(engine, HOST_KEY, DEFAULT_HOST) or DEFAULT_HOST,
            get_int(engine, PORT_KEY, DEFAULT_PORT) or DEFAULT_PORT,
            get_str(engine, PUBLIC_URL_KEY).rstrip("/"))
