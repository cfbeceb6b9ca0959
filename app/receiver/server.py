"""Starting and stopping the receiver: an aiohttp server on the running asyncio loop.

It runs inside the GUI (qasync) and in `main.py engine` / `main.py receiver serve` alike.
Handlers come from a `RouteTable` (the default `ROUTES` holds the built-in endpoints);
request bodies are capped, access logs are off (unsubscribe URLs carry tokens), and an
unexpected error answers 500 without details.
"""

from __future__ import annotations

import asyncio
import importlib
import logging

from aiohttp import web

from app import __version__
from app.receiver import callbacks as _callbacks  # noqa: F401  (registers /callbacks/{account})
from app.receiver import unsubscribe as _unsubscribe  # noqa: F401  (registers /u/{token})
from app.receiver.config import receiver_settings
from app.receiver.deferred import DeferredStatuses
from app.receiver.record import prune_events
from app.receiver.routes import ROUTES, ReceiverContext, RouteTable
from app.secrets import SecretStore
from app.workspace import Workspace

__all__ = ["Receiver", "start_receiver"]

log = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024  # SendGrid batches many events per POST
#: Modules that add their own endpoints to `ROUTES` when imported (the events intake).
EXTENSION_MODULES = ("app.events.http",)


def _load_extensions() -> None:
    for name in EXTENSION_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but is broken: that is a bug to see
                raise


@ROUTES.route("GET", "/health")
async def health(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """Liveness for monitoring and the settings screen's check."""
    return web.json_response({"ok": True, "service": "kaskad-receiver", "version": __version__},
                             headers={"Cache-Control": "no-store"})


class Receiver:
    """A running receiver.

    Attributes:
        host: the address it listens on.
        port: the port it listens on (the real one when 0 was asked).
        context: the shared handler context.
    """

    def __init__(self, runner: web.AppRunner, host: str, port: int, context: ReceiverContext) -> None:
        self._runner = runner
        self.host = host
        self.port = port
        self.context = context

    @property
    def url(self) -> str:
        """The local base URL, e.g. http://127.0.0.1:8787."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def close(self) -> None:
        """Stop listening, store statuses still waiting for a retry, release the HTTP client."""
        await self._runner.cleanup()
        deferred = self.context.cache.pop("deferred", None)
        if deferred is not None:
            await deferred.close()
        http = self.context.cache.pop("http", None)
        if http is not None:
            await http.aclose()


def _bind(ctx: ReceiverContext, handler: object) -> object:
    async def bound(request: web.Request) -> web.StreamResponse:
        return await handler(ctx, request)  # type: ignore[operator]
    return bound


@web.middleware
async def _errors(request: web.Request, handler: object) -> web.StreamResponse:
    try:
        return await handler(request)  # type: ignore[operator]
    except web.HTTPException:
        raise
    except Exception:  # a bug must not leak details to the caller, nor kill the server
        log.exception("receiver error on %s %s", request.method, request.path)
        return web.Response(status=500, text="internal error")


async def start_receiver(workspace: Workspace, *, host: str | None = None, port: int | None = None,
                         routes: RouteTable | None = None, secret_store: SecretStore | None = None,
                         public_url: str | None = None) -> Receiver:
    """Listen on `host`:`port` (defaults from the workspace settings; port 0 = any free port).

    Raises OSError when the port is taken."""
    set_host, set_port, set_public = await asyncio.to_thread(receiver_settings, workspace.engine)
    host = host or set_host
    port = set_port if port is None else port
    ctx = ReceiverContext(workspace, secret_store or SecretStore(workspace.root),
                          set_public if public_url is None else public_url.rstrip("/"))
    if routes is None:
        _load_extensions()
    app = web.Application(client_max_size=MAX_BODY, middlewares=[_errors])
    for route in (routes or ROUTES).routes():
        app.router.add_route(route.method, route.path, _bind(ctx, route.handler))
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    actual = port
    for address in runner.addresses:
        actual = int(address[1])
        break
    await ctx.db(prune_events, workspace.engine)
    deferred = ctx.cache["deferred"] = DeferredStatuses(ctx)
    deferred.start()
    log.info("receiver listening on %s:%d", host, actual)
    return Receiver(runner, host, actual, ctx)
