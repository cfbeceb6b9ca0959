"""`/callbacks/{account}`: provider status callbacks (POST) and Meta's subscription handshake (GET).

The account's adapter verifies and parses the request (`parse_callback`); a failed check is
answered 403 and nothing is stored. Statuses are stored before the answer (a few ms), so a
database problem answers 503 and the provider delivers again instead of the status being lost.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import httpx
from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from app.errors import KaskadError, NotFoundError
from app.providers.base import create_provider
from app.providers.store import load_config
from app.providers.webhook.inbound import CallbackRejected, InboundCallback, same_digest
from app.receiver.record import record_statuses
from app.receiver.routes import ROUTES, ReceiverContext

__all__ = ["CALLBACK_TOKEN", "callback_url", "load_adapter"]

log = logging.getLogger(__name__)

#: Optional account secret: when set, every callback URL must carry `?token=<it>`.
CALLBACK_TOKEN = "callback_token"
#: Adapters are cached briefly: changed credentials take effect within this many seconds.
_ADAPTER_TTL = 30.0


def callback_url(ctx: ReceiverContext, request: web.Request) -> str:
    """The URL the provider called (Twilio signs it): the public base URL when one is set."""
    if ctx.public_url:
        return ctx.public_url.rstrip("/") + request.path_qs
    return str(request.url)


def _load(ctx: ReceiverContext, account: str) -> Any:
    http = ctx.cache.get("http")
    if http is None:  # adapters only parse here; the client is shared and closed with the receiver
        http = ctx.cache["http"] = httpx.AsyncClient(timeout=10.0)
    config = load_config(ctx.workspace.engine, ctx.secret_store, account, ctx.workspace.sandbox_dir)
    return create_provider(config, http=http)


async def load_adapter(ctx: ReceiverContext, account: str) -> Any | None:
    """The adapter of the account `account`, or None when there is no such account.

    Other problems (the secrets cannot be opened) raise KaskadError: the caller answers 503
    so the provider delivers again later instead of giving up."""
    adapters: dict[str, tuple[float, Any]] = ctx.cache.setdefault("adapters", {})
    cached = adapters.get(account)
    if cached and time.monotonic() - cached[0] < _ADAPTER_TTL:
        return cached[1]
    try:
        adapter = await ctx.db(_load, ctx, account)
    except NotFoundError:
        return None
    adapters[account] = (time.monotonic(), adapter)
    return adapter


def _inbound(ctx: ReceiverContext, request: web.Request, body: bytes) -> InboundCallback:
    return InboundCallback(request.method, callback_url(ctx, request),
                           {k.lower(): v for k, v in request.headers.items()}, body)


def _text(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text, headers={"Cache-Control": "no-store"})


@ROUTES.route("POST", "/callbacks/{account}")
async def status_callback(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """Verify, parse and store one status callback."""
    account = request.match_info["account"]
    try:
        adapter = await load_adapter(ctx, account)
    except KaskadError as exc:
        log.warning("callback to %s cannot be handled now: %s", account, exc)
        return _text(503, "try again later")
    if adapter is None or not hasattr(adapter, "parse_callback"):
        return _text(404, "unknown callback address")
    callback = _inbound(ctx, request, await request.read())
    # Providers that sign nothing (or accounts without the signing key) can still be protected
    # by a secret in the URL: `--secret callback_token=...` and `?token=...` in the registered URL.
    token = adapter.config.secrets.get(CALLBACK_TOKEN)
    if token and not same_digest(token, callback.query.get("token", "")):
        log.warning("callback to %s refused: wrong or missing token in the URL", account)
        return _text(403, "forbidden")
    try:
        statuses = adapter.parse_callback(callback)
    except CallbackRejected as exc:
        log.warning("callback to %s refused: %s", account, exc)
        return _text(403, "forbidden")
    except KaskadError as exc:  # a secret the check needs is not configured
        log.warning("callback to %s cannot be checked: %s", account, exc)
        return _text(403, "forbidden")
    deferred = ctx.cache.get("deferred")
    try:
        result = await ctx.db(record_statuses, ctx.workspace.engine, account, statuses, channel=adapter.channel,
                              defer=deferred is not None)
    except SQLAlchemyError:
        log.exception("callback to %s could not be stored", account)
        return _text(503, "try again later")
    if result.deferred and deferred is not None:
        deferred.add(account, adapter.channel, result.deferred)
    if result.unmatched:
        log.info("callback to %s: %d statuses for unknown messages %s", account, result.unmatched,
                 result.unmatched_ids[:5])
    return _text(200, "ok")


@ROUTES.route("GET", "/callbacks/{account}")
async def subscription_check(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """Meta's `hub.challenge` handshake; other providers' probes get a plain 200."""
    try:
        adapter = await load_adapter(ctx, request.match_info["account"])
    except KaskadError:
        return _text(503, "try again later")
    if adapter is None:
        return _text(404, "unknown callback address")
    verify = getattr(adapter, "verify_subscription", None)
    if verify is None:
        return _text(200, "ok")
    try:
        challenge = verify(_inbound(ctx, request, b""))
    except KaskadError:  # CallbackRejected, or no verify token configured
        return _text(403, "forbidden")
    return _text(200, challenge)
