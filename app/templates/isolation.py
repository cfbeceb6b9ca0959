"""Render in a separate process with a wall-clock limit (reliability.md §4.1).

The sandbox blocks unsafe attributes and giant values, but not a template that simply loops
for ever (`range(100000)` nested twice): a Python thread cannot be stopped, a process can.
`RenderWorker` keeps one child process (started with "spawn", safe next to Qt threads),
sends it a job, and kills and restarts it when the job outlives its time limit; the caller
gets a TemplateError saying the template took too long.

    with RenderWorker() as worker:
        email = worker.run("render_message", document, contact, unsubscribe_url=url, timeout=5)
"""

from __future__ import annotations

import multiprocessing
import threading
from typing import Any

from app.errors import TemplateError

__all__ = ["JOBS", "RenderWorker"]

#: What a worker may run: names, never callables or paths chosen by the caller's data.
JOBS = ("render_message", "render_manager", "render_sms", "render_whatsapp", "dry_run", "lint_document")


def _job(name: str) -> Any:
    if name in ("render_message", "render_manager", "render_sms", "dry_run"):
        from app.templates import render

        return getattr(render, name)
    if name == "render_whatsapp":
        from app.templates.whatsapp import render_whatsapp

        return render_whatsapp
    from app.templates.lint import lint_document

    return lint_document


def _serve(conn: Any) -> None:
    """Child process loop: run jobs until the pipe closes."""
    while True:
        try:
            name, args, kwargs = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", _job(name)(*args, **kwargs)))
        except TemplateError as exc:
            conn.send(("template", (exc.reason, exc.line, exc.column, exc.name)))
        except Exception as exc:  # reported to the caller as a template fault, never lost
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class RenderWorker:
    """One render child process, restarted after a timeout; thread-safe (jobs run one at a time)."""

    def __init__(self) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child,), daemon=True, name="kaskad-render")
        self._proc.start()
        child.close()
        self._conn = parent

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def run(self, job: str, *args: Any, timeout: float = 5.0, **kwargs: Any) -> Any:
        """Run `job` (one of JOBS) in the child; TemplateError on a template fault or after `timeout` seconds."""
        if job not in JOBS:
            raise ValueError(f"unknown render job {job!r}")
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._start()
            try:
                self._conn.send((job, args, kwargs))
                ready = self._conn.poll(timeout)
                status, payload = self._conn.recv() if ready else (None, None)
            except (EOFError, OSError, BrokenPipeError):
                self._kill()
                raise TemplateError("the template renderer stopped unexpectedly") from None
            if not ready:
                self._kill()
                raise TemplateError(f"the template took longer than {timeout:g} s to render (a loop too large?)")
        if status == "ok":
            return payload
        if status == "template":
            reason, line, column, name = payload
            raise TemplateError(reason, line=line, column=column, name=name)
        raise TemplateError(str(payload))

    def close(self) -> None:
        """Stop the child process."""
        with self._lock:
            self._kill()

    def __enter__(self) -> RenderWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
