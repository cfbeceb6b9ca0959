"""Base of the fake provider servers: a real HTTP/1.1 server on 127.0.0.1 in a background thread.

A fake subclasses `FakeServer` and implements `handle(request) -> Reply` speaking the
provider's documented API. Tests then:

* read `server.url` (``http://127.0.0.1:<port>``) and pass it as the adapter's base URL;
* inspect `server.requests` (every request received, parsed: method, path, query, form,
  json, headers, raw body) to assert the exact wire payload;
* inject faults that apply before `handle` runs, for the next N requests or for all:

    server.faults.fail(status=429, headers={"Retry-After": "2"}, times=1)
    server.faults.fail(status=503)                       # all requests until cleared
    server.faults.fail(status=200, body=b"{not json")    # invalid JSON with 200
    server.faults.delay = 0.5                            # slow answers
    server.faults.hang(times=1)                          # read the request, never answer
    server.faults.accept_then_hang(times=1)              # process (record as sent), never answer
    server.faults.clear()

Use as a context manager or call `start()` / `stop()`; `with FakeSms() as srv: ...`.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["FakeServer", "Faults", "Reply", "Request"]


@dataclass
class Request:
    """One request as the fake received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    form: dict[str, str] = field(default_factory=dict)
    form_lists: dict[str, list[str]] = field(default_factory=dict)
    json: Any = None
    at: float = field(default_factory=time.time)

    def param(self, name: str, default: str | None = None) -> str | None:
        """A parameter from the form body, else the query string."""
        return self.form.get(name, self.query.get(name, default))


@dataclass
class Reply:
    """What the fake answers."""

    status: int = 200
    body: bytes | str | dict | list = b""
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, dict | list):
            return json.dumps(self.body, ensure_ascii=False).encode(), "application/json; charset=utf-8"
        if isinstance(self.body, str):
            return self.body.encode(), "text/plain; charset=utf-8"
        return self.body, "application/json; charset=utf-8"


@dataclass
class _Fault:
    kind: str                  # "reply", "hang", "accept_then_hang"
    times: int | None          # None = until cleared
    reply: Reply | None = None


class Faults:
    """Fault-injection switches, checked in order before the fake's own handler."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[_Fault] = []
        self.delay: float = 0.0
        #: called with each request; return a Reply to override (e.g. fail 3% at random).
        self.hook: Callable[[Request], Reply | str | None] | None = None

    def fail(self, status: int, body: bytes | str | dict = b"", headers: dict[str, str] | None = None,
             times: int | None = None) -> None:
        """Answer `status` with `body` instead of handling the request."""
        with self._lock:
            self._queue.append(_Fault("reply", times, Reply(status, body, headers or {})))

    def hang(self, times: int | None = None) -> None:
        """Read the request and never answer (the client times out; nothing processed)."""
        with self._lock:
            self._queue.append(_Fault("hang", times))

    def accept_then_hang(self, times: int | None = None) -> None:
        """Process the request (the message counts as received), then never answer."""
        with self._lock:
            self._queue.append(_Fault("accept_then_hang", times))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self.delay = 0.0
            self.hook = None

    def take(self) -> _Fault | None:
        with self._lock:
            if not self._queue:
                return None
            fault = self._queue[0]
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._queue.pop(0)
            return fault


class FakeServer:
    """A real HTTP/1.1 keep-alive server (asyncio, in its own thread); subclasses implement `handle`.

    asyncio rather than `http.server` threads: a thread per connection tops out at a few
    hundred requests a second on a busy 2-core machine, too slow for the send benchmarks.
    `handle` runs on the server's loop, so it must not block (use `faults.delay` for slowness).
    """

    #: how long a hung request is held open (the client's timeout should be shorter).
    hang_seconds = 30.0

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.faults = Faults()
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self._sock.listen(1024)
        self._sock.setblocking(False)
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    # -- to implement -------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        """Answer one request the way the real provider would."""
        return Reply(404, {"error": "not found"})

    # -- lifecycle ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeServer:
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            self._stopped = asyncio.Event()
            server = self._loop.run_until_complete(asyncio.start_server(self._client, sock=self._sock, backlog=1024))
            ready.set()
            self._loop.run_until_complete(self._stopped.wait())
            server.close()
            tasks = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
            for task in tasks:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()

        self._thread = threading.Thread(target=serve, name=type(self).__name__, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._stopped.set)  # type: ignore[union-attr]
        self._thread.join(timeout=10)
        self._thread = None

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def requests_to(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    # -- plumbing -----------------------------------------------------------------------
    async def _dispatch(self, request: Request) -> Reply | None:
        """Returns the reply, or None to hang without answering."""
        with self.lock:
            self.requests.append(request)
        if self.faults.delay:
            await asyncio.sleep(self.faults.delay)
        fault = self.faults.take()
        if fault is not None:
            if fault.kind == "reply":
                return fault.reply
            if fault.kind == "accept_then_hang":
                self.handle(request)
            return None
        if self.faults.hook is not None:
            hooked = self.faults.hook(request)
            if hooked == "hang":
                return None
            if hooked == "accept_then_hang":
                self.handle(request)
                return None
            if isinstance(hooked, Reply):
                return hooked
        return self.handle(request)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                line = await reader.readline()
                if not line.strip():
                    return
                method, target, _version = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    raw = await reader.readline()
                    if raw in (b"\r\n", b"\n", b""):
                        break
                    key, _, value = raw.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length") or 0))
                reply = await self._dispatch(_parse(method, target, headers, body))
                if reply is None:
                    await asyncio.sleep(self.hang_seconds)
                    return
                data, default_type = reply.encoded()
                out_headers = {"Content-Type": default_type, **reply.headers, "Content-Length": str(len(data))}
                try:
                    phrase = HTTPStatus(reply.status).phrase
                except ValueError:
                    phrase = "Unknown"
                head = f"HTTP/1.1 {reply.status} {phrase}\r\n" + "".join(
                    f"{k}: {v}\r\n" for k, v in out_headers.items()) + "\r\n"
                writer.write(head.encode("latin-1") + data)
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            return
        finally:
            writer.close()


def _parse(method: str, target: str, headers: dict[str, str], body: bytes) -> Request:
    parts = urlsplit(target)
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    request = Request(method, parts.path, query, headers, body)
    ctype = headers.get("content-type", "")
    if "application/x-www-form-urlencoded" in ctype:
        lists = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        request.form_lists = lists
        request.form = {k: v[-1] for k, v in lists.items()}
    elif "json" in ctype and body:
        try:
            request.json = json.loads(body)
        except ValueError:
            request.json = None
    return request
