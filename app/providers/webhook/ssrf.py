"""SSRF guard for user-configured webhook URLs: resolve the host, allow only global addresses.

A desktop app sits inside the user's LAN (router pages, NAS, a local CRM), and webhook URLs
may come from imported configs or templated contact data. So (reliability §4.4): http(s)
only, default ports only, every resolved address must be `is_global` (IPv4-mapped IPv6
unwrapped), and the caller connects to the checked address itself — a second DNS lookup
could answer differently (DNS rebinding). "Allow local network" lifts the address and port
rules for on-premises integrations.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from app.errors import ProviderPermanent

__all__ = ["BlockedUrl", "Resolver", "Target", "address_allowed", "check_url", "system_resolver"]

#: (host, port) → the addresses the name resolves to.
Resolver = Callable[[str, int], Awaitable[list[str]]]
DEFAULT_PORTS = {"http": 80, "https": 443}


class BlockedUrl(ProviderPermanent):
    """The webhook URL is not allowed (scheme, port, or a private / local address)."""


@dataclass(frozen=True)
class Target:
    """A checked URL and the address to connect to.

    Attributes:
        url: the URL as given.
        host: the host name (for the Host header and TLS SNI).
        address: the checked IP address to connect to.
        connect_url: `url` with the host replaced by `address`.
    """

    url: str
    host: str
    address: str
    connect_url: str


async def system_resolver(host: str, port: int) -> list[str]:
    """All addresses of `host` from the operating system's resolver."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_allowed(address: str, *, allow_local: bool = False) -> bool:
    """True if `address` is a public (global) address, or any address when `allow_local`."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if allow_local:
        return not ip.is_multicast
    return ip.is_global and not ip.is_multicast


async def check_url(url: str, *, allow_local: bool = False, resolver: Resolver | None = None) -> Target:
    """Validate `url` and pick the address to connect to; BlockedUrl explains any refusal."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BlockedUrl(f"webhook URL must start with https:// (or http://): {_shown(url)!r}")
    host = parts.hostname
    if not host:
        raise BlockedUrl(f"webhook URL has no host: {_shown(url)!r}")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise BlockedUrl(f"webhook URL has an invalid port: {_shown(url)!r}") from exc
    if port not in DEFAULT_PORTS.values() and not allow_local:
        raise BlockedUrl(f"webhook URL uses port {port}; only 80 and 443 are allowed unless "
                         f"'allow local network' is switched on")
    try:
        addresses = [host] if _is_literal(host) else await (resolver or system_resolver)(host, port)
    except (OSError, UnicodeError) as exc:
        raise BlockedUrl(f"cannot resolve the webhook host {host!r}: {exc}") from exc
    if not addresses:
        raise BlockedUrl(f"the webhook host {host!r} has no address")
    refused = [a for a in addresses if not address_allowed(a, allow_local=allow_local)]
    if refused:
        raise BlockedUrl(f"the webhook host {host!r} points to a private or local address ({', '.join(refused)}); "
                         f"switch on 'allow local network' for on-premises systems")
    address = addresses[0]
    shown = f"[{address}]" if ":" in address else address
    netloc = shown if parts.port is None else f"{shown}:{parts.port}"
    return Target(url, host, address, urlunsplit(parts._replace(netloc=netloc)))


def _shown(url: str) -> str:
    # Error texts end up in the outbox and reports: never the query string or user info
    # (webhook URLs often carry tokens there).
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", "")) + ("?…" if parts.query else "")


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
