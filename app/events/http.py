"""`POST /v1/events` on the receiver: token auth, CORS for the website tracker, JSON errors naming the field.

Auth: `Authorization: Bearer <token>`, or `?token=` for the browser's sendBeacon (which
cannot set headers). The API token accepts every event type; the public tracker token only
page_view, time_on_site, form_submitted and goal; its events are stored with source "tracker"
and never add an address to an existing contact (the token is public). Answers:
200 {"ok": true, "stored": N, "duplicates": M} · 400 {"error", "field"} · 401 · 403 · 413.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import sys
import time
from collections import deque
from typing import Any

from aiohttp import web

from app.events.ingest import TRACKER_SOURCE, IngestResult, store_batches
from app.events.payload import EventIn, PayloadError, parse_body
from app.events.tokens import TRACKER_TYPES, api_token, tracker_token
from app.receiver.routes import ROUTES, ReceiverContext, RouteTable

__all__ = ["MAX_BODY", "PATH", "add_routes", "intake", "preflight"]

PATH = "/v1/events"
MAX_BODY = 4 * 1024 * 1024
_TOKEN_TTL = 10.0
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Max-Age": "86400",
    "Cache-Control": "no-store",
}


class _Writer:
    """Group commit: requests that arrive while a write is running are stored together in the next
    transaction, so a burst of single-event requests costs one disk sync instead of one each."""

    MAX_EVENTS = 5000

    def __init__(self, ctx: ReceiverContext) -> None:
        self.ctx = ctx
        self.waiting: deque[tuple[str, list[EventIn], asyncio.Future[IngestResult]]] = deque()
        self.task: asyncio.Task[None] | None = None

    async def submit(self, source: str, batch: list[EventIn]) -> IngestResult:
        future: asyncio.Future[IngestResult] = asyncio.get_running_loop().create_future()
        self.waiting.append((source, batch, future))
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        engine = self.ctx.workspace.engine
        while self.waiting:
            source, batch, future = self.waiting.popleft()
            group = [(batch, future)]
            size = len(batch)
            while (self.waiting and self.waiting[0][0] == source
                   and size + len(self.waiting[0][1]) <= self.MAX_EVENTS):
                _, batch, future = self.waiting.popleft()
                group.append((batch, future))
                size += len(batch)
            try:
                results = await self.ctx.db(store_batches, engine, [b for b, _ in group], source=source)
            except Exception:
                if len(group) == 1:
                    _raise_into(group[0][1])
                    continue
                # One bad request must not fail its neighbours: store them one by one.
                for batch, future in group:
                    try:
                        result = await self.ctx.db(store_batches, engine, [batch], source=source)
                    except Exception:
                        _raise_into(future)
                    else:
                        _resolve(future, result[0])
                continue
            for (_, future), result in zip(group, results, strict=True):
                _resolve(future, result)


def _resolve(future: asyncio.Future[IngestResult], result: IngestResult) -> None:
    if not future.done():  # the client may have gone away meanwhile
        future.set_result(result)


def _raise_into(future: asyncio.Future[IngestResult]) -> None:
    """Pass the exception being handled to the request waiting on `future`."""
    if not future.done():
        future.set_exception(sys.exc_info()[1] or RuntimeError("storing events failed"))


def _answer(status: int, data: dict[str, Any]) -> web.Response:
    return web.json_response(data, status=status, headers=_CORS,
                             dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _error(status: int, message: str, field: str | None = None) -> web.Response:
    return _answer(status, {"error": message, "field": field})


async def _tokens(ctx: ReceiverContext) -> tuple[str, str]:
    cached = ctx.cache.get("events_tokens")
    if cached is None or time.monotonic() - cached[0] > _TOKEN_TTL:
        engine = ctx.workspace.engine
        cached = (time.monotonic(), await ctx.db(api_token, engine), await ctx.db(tracker_token, engine))
        ctx.cache["events_tokens"] = cached
    return cached[1], cached[2]


def _presented(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.query.get("token", "")


async def preflight(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """CORS preflight for browsers posting with an Authorization header or JSON content type."""
    return web.Response(status=204, headers=_CORS)


async def intake(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """Validate, authenticate and store one event or a batch (all or nothing)."""
    given = _presented(request)
    api, tracker = await _tokens(ctx)
    if not given:
        return _error(401, "missing token: send Authorization: Bearer <token>", "Authorization")
    is_api = hmac.compare_digest(given.encode(), api.encode())
    if not is_api and not hmac.compare_digest(given.encode(), tracker.encode()):
        return _error(401, "wrong token", "Authorization")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return _error(413, f"body larger than {MAX_BODY // (1024 * 1024)} MB; send smaller batches", None)
    raw = await request.content.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        return _error(413, f"body larger than {MAX_BODY // (1024 * 1024)} MB; send smaller batches", None)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _error(400, f"body is not valid UTF-8 JSON: {exc}", None)
    try:
        batch = parse_body(body)
    except PayloadError as exc:
        return _error(400, exc.reason, exc.field or None)
    if not is_api:
        for i, event in enumerate(batch):
            if event.type not in TRACKER_TYPES:
                field = f"events[{i}].type" if isinstance(body, dict) and "events" in body else "type"
                return _error(403, f"the website tracker token may not post {event.type!r} events; use the API token",
                              field)
    writer = ctx.cache.get("events_writer")
    if writer is None:
        writer = ctx.cache["events_writer"] = _Writer(ctx)
    result = await writer.submit("api" if is_api else TRACKER_SOURCE, batch)
    return _answer(200, {"ok": True, "stored": result.stored, "duplicates": result.duplicates})


def add_routes(table: RouteTable) -> None:
    """Register POST and OPTIONS /v1/events on a receiver route table (no-op if already there)."""
    present = {(r.method, r.path) for r in table.routes()}
    if ("POST", PATH) not in present:
        table.add("POST", PATH, intake)
    if ("OPTIONS", PATH) not in present:
        table.add("OPTIONS", PATH, preflight)


add_routes(ROUTES)
