"""Running the send engine from the GUI: start/stop, lock errors, and asking before quitting.

The engine's claims and result writes are synchronous database transactions; run on the
GUI's own (qasync) loop they froze the window for up to half a second per claim of a few
hundred rows. So the host gives the engine its own thread with its own asyncio loop; the GUI
only sees plain signals. Progress is read from row counts by the screens (never from here).

The host keeps the engine running while any campaign is `running` (held messages wait for
their sending window inside it) and stops it when none is left, so `main.py engine` can take
over. Closing the main window while it sends asks first, then stops it gracefully.

Next to the engine, on the same thread, run the status/unsubscribe receiver and the
suppression sync (`app.receiver.companions`); a receiver port already in use is reported as
`warning` and sending carries on.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.errors import KaskadError, WorkspaceLocked
from app.heap import freeze_long_lived
from app.outbox.tables import campaigns
from app.workspace import Workspace
from ui.widgets.dialogs import Confirm

__all__ = ["EngineHost", "engine_host"]

_hosts: dict[int, EngineHost] = {}


def engine_host(workspace: Workspace, window: QWidget | None = None) -> EngineHost:
    """The one host of this workspace (created on first use); `window` gets the close guard."""
    key = id(workspace)
    host = _hosts.get(key)
    if host is None or host.workspace is not workspace:
        host = EngineHost(workspace)
        _hosts[key] = host
        if window is not None:
            # Lives as long as the window: its timer never outlives the workspace it reads.
            host.setParent(window)
            # Only forget this very host: its key (an id) may already belong to a newer workspace.
            host.destroyed.connect(lambda _obj=None, k=key, h=id(host): _forget(k, h))
    if window is not None:
        host.guard_window(window)
    return host


def _forget(key: int, host_id: int) -> None:
    if key in _hosts and id(_hosts[key]) == host_id:
        del _hosts[key]


class EngineHost(QObject):
    """Starts and stops one `app.engine.Engine` on a background thread.

    Args:
        workspace: the open workspace.
        engine_kwargs: extra arguments for `Engine(...)` (tests pass a clock).
        idle_check_ms: how often to look for running campaigns (to start or stop).

    Signals:
        started(): the engine holds the lock and sends.
        stopped(): the engine released the lock.
        problem(str): a plain-language reason it could not run (another sender, a failure).
        warning(str): something works less well but sending goes on (the receiver's port is taken).

    Attributes:
        receiver_url: the running receiver's local URL ("" when it does not run).
    """

    started = Signal()
    stopped = Signal()
    problem = Signal(str)
    warning = Signal(str)
    _posted = Signal()

    def __init__(self, workspace: Workspace, *, engine_kwargs: dict[str, Any] | None = None,
                 idle_check_ms: int = 2000, receiver: bool = True, receiver_port: int | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.engine_kwargs = dict(engine_kwargs or {})
        self.receiver = receiver
        self.receiver_port = receiver_port  # None: the port saved in Settings
        self.receiver_url = ""
        self.last_problem = ""
        self.last_warning = ""
        self._thread: threading.Thread | None = None
        self._engine: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_flag = threading.Event()
        # Each engine thread has a number: a late "stopped" from an earlier thread must not be
        # taken for the current one's (that joined the wrong thread and ran close callbacks
        # while the new engine kept sending).
        self._generation = 0
        self._inbox: queue.SimpleQueue[tuple[str, str, int]] = queue.SimpleQueue()
        self._posted.connect(self._drain)
        self._after_stop: list[Callable[[], None]] = []
        self._windows: list[QWidget] = []
        self._closing_ok = False
        self._timer = QTimer(self)
        self._timer.setInterval(idle_check_ms)
        self._timer.timeout.connect(self.sync)
        self._timer.start()

    # -- state ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while the engine thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def running_campaigns(self) -> int:
        """How many campaigns are `running` (a cheap indexed count)."""
        with self.workspace.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(campaigns)
                                    .where(campaigns.c.status == "running")).scalar() or 0)

    @Slot()
    def sync(self) -> None:
        """Start the engine when a campaign runs, stop it when none does."""
        if self._after_stop:
            return  # a stop someone waits for (closing the window) must not be undone by a tick
        try:
            busy = self.running_campaigns() > 0
        except SQLAlchemyError:
            return  # the database is busy or gone; the next tick looks again
        if busy and not self.running:
            self.start()
        elif not busy and self.running:
            self.stop()

    # -- control ----------------------------------------------------------------------
    def start(self) -> None:
        """Start sending (no-op when already running); problems arrive as `problem`."""
        if self.running:
            return
        self.last_problem = ""
        self._stop_flag.clear()
        self._generation += 1
        # The send allocates fast enough to trigger full collections; each would also walk the
        # window's whole heap under the interpreter lock and stall the GUI for its length.
        freeze_long_lived()
        self._thread = threading.Thread(target=self._run, args=(self._generation,), name="kaskad-engine",
                                        daemon=True)
        self._thread.start()

    def stop(self, then: Callable[[], None] | None = None) -> None:
        """Ask the engine to stop gracefully; `then` runs on the GUI thread once it has."""
        if then is not None:
            self._after_stop.append(then)
        if not self.running:
            self._flush_after_stop()
            return
        # The flag first, then the loop: a thread still starting up sees the flag itself.
        self._stop_flag.set()
        loop, engine = self._loop, self._engine
        if loop is not None and engine is not None:
            loop.call_soon_threadsafe(engine.request_stop)

    def wait_stopped(self, timeout: float = 15.0) -> bool:
        """Block until the engine thread ended (tests and shutdown); True when it did."""
        self.stop()
        if self._thread is not None:
            self._thread.join(timeout)
        self._drain()
        return not self.running

    def shutdown(self) -> None:
        """Stop for good (the workspace is closing)."""
        self._timer.stop()
        self.wait_stopped()
        _forget(id(self.workspace), id(self))

    # -- the thread -------------------------------------------------------------------
    def _run(self, generation: int) -> None:
        from app.engine.engine import Engine
        from app.receiver.companions import start_companions

        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            kwargs = dict(self.engine_kwargs)
            if "secret_store" not in kwargs:
                from ui.settings.providers_store import secret_store

                # The master password given in Settings this session (keyring and env need none).
                kwargs["secret_store"] = secret_store(self.workspace, ask=False)
            engine = Engine(self.workspace, **kwargs)
            self._engine = engine
            if self._stop_flag.is_set():
                return
            await engine.start()
            try:
                companions = await start_companions(self.workspace, receiver=self.receiver,
                                                    secret_store=kwargs["secret_store"], port=self.receiver_port)
            except BaseException:
                await engine.close()
                raise
            if companions.receiver is not None:
                self.receiver_url = companions.receiver.url
            elif companions.warning:
                self._post(generation, "warning", self.tr(
                    "Sending goes on, but the status receiver could not use port %1 (another program holds "
                    "it). Delivery statuses and unsubscribe clicks are not received until the port is free or "
                    "another one is set in Settings → Sending.").replace("%1", str(companions.port)))
            self._post(generation, "started", "")
            try:
                await engine.run_forever(tick=0.05, status_every=60.0)
            finally:
                await companions.close()
                self.receiver_url = ""

        try:
            asyncio.run(main())
        except WorkspaceLocked:
            self._post(generation, "problem", self.tr("Another Kaskad window or the background sender (main.py engine) is "
                                          "already sending from this workspace. Messages are sent by it; "
                                          "close it to send from here."))
        except KaskadError as exc:
            self._post(generation, "problem", self.tr("Sending stopped: %1").replace("%1", str(exc)))
        except Exception as exc:  # noqa: BLE001 - the GUI must learn why sending stopped
            self._post(generation, "problem", self.tr("Sending stopped because of an internal error: %1").replace("%1", repr(exc)))
        finally:
            if generation == self._generation:
                self._engine = None
                self._loop = None
            self._post(generation, "stopped", "")

    def _post(self, generation: int, kind: str, text: str) -> None:
        # Only a parameterless signal crosses threads; the payload waits in a thread-safe inbox.
        self._inbox.put((kind, text, generation))
        try:
            self._posted.emit()
        except RuntimeError:  # the window (and this host with it) is already gone
            pass

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                kind, text, generation = self._inbox.get_nowait()
            except queue.Empty:
                return
            if generation != self._generation:
                continue  # an earlier engine thread's news: the current one speaks for itself
            if kind == "started":
                self.started.emit()
            elif kind == "warning":
                self.last_warning = text
                self.warning.emit(text)
            elif kind == "problem":
                self.last_problem = text
                self.problem.emit(text)
            elif kind == "stopped":
                if self._thread is not None:
                    # "stopped" is the thread's last act: wait the moment it needs to end, so
                    # `running` is already False for whoever reacts to `stopped`.
                    self._thread.join(10.0)
                    if not self._thread.is_alive():
                        self._thread = None
                self.stopped.emit()
                self._flush_after_stop()

    def _flush_after_stop(self) -> None:
        callbacks, self._after_stop = self._after_stop, []
        for callback in callbacks:
            callback()

    # -- closing the window -----------------------------------------------------------
    def guard_window(self, window: QWidget) -> None:
        """Ask before `window` closes while a campaign is being sent, then stop gracefully."""
        if window not in self._windows:
            self._windows.append(window)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Close or watched not in self._windows or not self.running:
            return False
        if self._closing_ok:
            return False
        if not Confirm.ask(watched, self.tr("A mailing is being sent"),  # type: ignore[arg-type]
                           self.tr("Kaskad is sending a mailing right now. Quit anyway?\n\nMessages already "
                                   "handed to the provider are kept; the rest are sent the next time you open "
                                   "Kaskad (or by the background sender).")):
            event.ignore()
            return True
        event.ignore()

        def close_again() -> None:
            self._closing_ok = True
            watched.close()  # type: ignore[attr-defined]
            self._closing_ok = False
            if watched.isVisible():  # type: ignore[attr-defined]
                self._timer.start()  # the window stayed open after all: keep sending

        self._timer.stop()
        self.stop(then=close_again)
        return True
