"""The route table can be extended (the later events intake), and a handler's crash answers 500 only."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from aiohttp import web

from app.receiver.routes import ROUTES, ReceiverContext
from app.receiver.server import start_receiver
from app.workspace import Workspace


def test_builtin_routes_are_registered() -> None:
    table = {(r.method, r.path) for r in ROUTES.routes()}
    assert {("POST", "/callbacks/{account}"), ("GET", "/callbacks/{account}"), ("GET", "/u/{token}"),
            ("POST", "/u/{token}"), ("GET", "/health")} <= table
    with pytest.raises(ValueError, match="already has a route"):
        ROUTES.copy().add("GET", "/health", ROUTES.routes()[0].handler)


def test_an_extra_route_is_served_and_errors_stay_inside(workspace: Workspace) -> None:
    table = ROUTES.copy()
    seen: list[dict] = []

    @table.route("POST", "/v1/crm-test")
    async def events(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
        seen.append(await request.json())
        return web.json_response({"accepted": 1, "workspace": ctx.workspace.root.name}, status=202)

    @table.route("GET", "/boom")
    async def boom(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
        raise RuntimeError("secret detail")

    async def go() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        receiver = await start_receiver(workspace, host="127.0.0.1", port=0, routes=table)
        try:
            async with httpx.AsyncClient() as client:
                first = await client.post(receiver.url + "/v1/crm-test", json={"event": "order_paid", "phone": "+7999"})
                crash = await client.get(receiver.url + "/boom")
                health = await client.get(receiver.url + "/health")
                return first, crash, health
        finally:
            await receiver.close()

    first, crash, health = asyncio.run(go())
    assert first.status_code == 202 and first.json() == {"accepted": 1, "workspace": "ws"}
    assert seen == [{"event": "order_paid", "phone": "+7999"}]
    assert crash.status_code == 500 and "secret detail" not in crash.text
    assert health.status_code == 200  # the server survived the crash


def test_a_taken_port_is_an_oserror(workspace: Workspace) -> None:
    async def go() -> None:
        first = await start_receiver(workspace, host="127.0.0.1", port=0)
        try:
            with pytest.raises(OSError):
                await start_receiver(workspace, host="127.0.0.1", port=first.port)
        finally:
            await first.close()

    asyncio.run(go())
