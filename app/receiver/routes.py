"""The receiver's route table and the context every handler gets.

Other modules add their endpoints by registering on `ROUTES` at import time, e.g. the
website/CRM events intake::

    from app.receiver.routes import ROUTES

    @ROUTES.route("POST", "/v1/events")
    async def events(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse: ...

and listing their module in `app.receiver.server.EXTENSION_MODULES` (imported by
`start_receiver`), or passing their own `RouteTable` to it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from app.secrets import SecretStore
from app.workspace import Workspace

__all__ = ["ROUTES", "Handler", "ReceiverContext", "Route", "RouteTable"]

T = TypeVar("T")


@dataclass
class ReceiverContext:
    """What handlers share: the workspace, the secrets, the public URL and small caches.

    Attributes:
        workspace: the open workspace (database engine).
        secret_store: provider credentials.
        public_url: the base URL providers call (behind a proxy / tunnel), or "" to use
            the URL of the request itself. Twilio signs the exact URL it called.
        cache: per-handler caches (adapters, the unsubscribe secret), keyed by name.
    """

    workspace: Workspace
    secret_store: SecretStore
    public_url: str = ""
    cache: dict[str, Any] = field(default_factory=dict)

    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking database work off the event loop (the GUI's loop must not stall)."""
        return await asyncio.to_thread(fn, *args, **kwargs)


Handler = Callable[[ReceiverContext, web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    """One endpoint: HTTP method, aiohttp path pattern (`/u/{token}`) and handler."""

    method: str
    path: str
    handler: Handler


class RouteTable:
    """An ordered, extendable list of routes; a path+method may be registered once."""

    def __init__(self, routes: list[Route] | None = None) -> None:
        self._routes: list[Route] = list(routes or [])

    def add(self, method: str, path: str, handler: Handler) -> None:
        method = method.upper()
        if any(r.method == method and r.path == path for r in self._routes):
            raise ValueError(f"the receiver already has a route {method} {path}")
        self._routes.append(Route(method, path, handler))

    def route(self, method: str, path: str) -> Callable[[Handler], Handler]:
        """Decorator form of `add`."""
        def decorate(handler: Handler) -> Handler:
            self.add(method, path, handler)
            return handler
        return decorate

    def routes(self) -> list[Route]:
        return list(self._routes)

    def copy(self) -> RouteTable:
        return RouteTable(self._routes)


#: The default table; the built-in endpoints register here when `app.receiver.server` loads.
ROUTES = RouteTable()
