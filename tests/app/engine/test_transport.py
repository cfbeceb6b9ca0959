"""The engine's aiohttp-backed HTTP client: answers, and which failures count as "never sent"."""

from __future__ import annotations

import asyncio
import socket

import httpx

from app.providers.base import HttpProvider, Outcome, ProviderConfig, SendRequest, SendResult
from app.providers.transport import create_http_client


class _Echo(HttpProvider):
    type = "echo"
    channel = "sms"

    def build_request(self, batch: list[SendRequest]) -> httpx.Request:
        return self.http.build_request("POST", self.url("/send"), data={"to": batch[0].to})

    def parse_response(self, batch: list[SendRequest], response: httpx.Response) -> list[SendResult]:
        return [SendResult.accepted(response.json()["id"])]


async def _server(reply: bytes | None) -> tuple[asyncio.Server, int, list[bytes]]:
    """A raw HTTP server: answers `reply`, or reads the request and drops the connection (None)."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(next((line.split(b":")[1] for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length")), b"0"))
        seen.append(head + await reader.readexactly(length))
        if reply is not None:
            writer.write(reply)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], seen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _send(port: int) -> list[SendResult]:
    async def go() -> list[SendResult]:
        http = create_http_client(2.0)
        try:
            config = ProviderConfig(name="e", type="echo", base_url=f"http://127.0.0.1:{port}")
            return await _Echo(config, http=http).send([SendRequest(1, "m1", "sms", "+79160000001", {}, "", False, 1)])
        finally:
            await http.aclose()
    return asyncio.run(go())


def test_answer_is_read_and_form_body_arrives() -> None:
    async def go() -> tuple[list[SendResult], list[bytes]]:
        body = b'{"id": "abc"}'
        server, port, seen = await _server(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                           b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        async with server:
            http = create_http_client(2.0)
            try:
                config = ProviderConfig(name="e", type="echo", base_url=f"http://127.0.0.1:{port}")
                results = await _Echo(config, http=http).send(
                    [SendRequest(1, "m1", "sms", "+79160000001", {}, "", False, 1)])
            finally:
                await http.aclose()
        return results, seen
    results, seen = asyncio.run(go())
    assert results[0].outcome is Outcome.ACCEPTED and results[0].provider_message_id == "abc"
    assert seen[0].startswith(b"POST /send") and seen[0].endswith(b"to=%2B79160000001")


def test_refused_connection_is_certainly_unsent() -> None:
    (result,) = _send(_free_port())
    assert result.outcome is Outcome.TRANSIENT and result.reached is False


def test_drop_after_the_request_was_read_is_unknown_not_retryable() -> None:
    async def go() -> tuple[list[SendResult], list[bytes]]:
        server, port, seen = await _server(None)
        async with server:
            http = create_http_client(2.0)
            try:
                config = ProviderConfig(name="e", type="echo", base_url=f"http://127.0.0.1:{port}")
                results = await _Echo(config, http=http).send(
                    [SendRequest(1, "m1", "sms", "+79160000001", {}, "", False, 1)])
            finally:
                await http.aclose()
        return results, seen
    results, seen = asyncio.run(go())
    assert len(seen) == 1  # the provider got it exactly once: no silent retry of the POST
    assert results[0].outcome is Outcome.UNKNOWN
