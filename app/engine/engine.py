"""The asyncio send engine: claims due outbox rows per provider and sends them.

One `Engine` per database (OS file lock + epoch, `app.engine.lock`). Per provider account a
driver task claims rows ahead (gated, rendered, durably claimed but still `queued`: after a
crash they are simply due again) and starts requests as concurrency slots and rate-limit
tokens allow. Right before its request every send joins a group commit of `sending`
(`SendingCommits`: one durable transaction for all sends starting together), so a row is
`sending` only while really on the wire. Results go through `decide` (outcome → state,
backoff, breaker, failover, pause) and are written in coalesced transactions right after the
answers arrive. `run_until_idle()` serves tests and
`campaign send --wait`; `run_forever()` serves `main.py engine` and the GUI (under qasync).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.engine.decide import Decider
from app.engine.limits import Backoff, Breaker, RateLimiter
from app.engine.lock import EngineLock, lock_path_for
from app.engine.sending import SendingCommits
from app.engine.tickers import Ticker, default_tickers, next_poll
from app.errors import KaskadError
from app.outbox.statuses import poll_provider_statuses
from app.outbox.store import Claimed, Finish, OutboxStore, Renderer
from app.outbox.unknown import reconcile
from app.providers.base import Provider, SendRequest, SendResult, create_provider
from app.providers.store import load_config
from app.providers.transport import create_http_client
from app.secrets import SecretStore
from app.workspace import Workspace

__all__ = ["Engine"]

log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class _Account:
    """Runtime state of one provider account."""

    provider: Provider
    limiter: RateLimiter
    breaker: Breaker
    concurrency: int
    inflight: int = 0
    freed: asyncio.Event = field(default_factory=asyncio.Event)
    driver: asyncio.Task[None] | None = None
    #: claimed ahead, waiting for a slot and a rate token (released when the driver ends)
    ready: deque[Claimed] = field(default_factory=deque)
    #: requests on the wire (at most `concurrency`); sends past their `sending` commit wait here
    slots: asyncio.Semaphore | None = None

    @property
    def lookahead(self) -> int:
        """Sends that may commit `sending` while every slot is busy, so a slot that frees up
        starts its next request at once instead of waiting for a commit. One per slot, and
        only for one-message requests (a batch already spreads the commit over its messages):
        after a crash at most `concurrency` more rows are `unknown` than were on the wire."""
        return self.concurrency if self.provider.max_batch == 1 else 0

    def claim_ahead(self) -> int:
        """How many rows to hold claimed: a few rounds of requests, about a second at most
        under a rate limit (a smaller claim would cost a transaction every few messages)."""
        rounds = max(self.concurrency * self.provider.max_batch * 2, 100)
        per_second = self.limiter.per_second
        if per_second:
            rounds = min(rounds, max(int(per_second), self.provider.max_batch))
        return min(rounds, 1000)


class Engine:
    """Sends what the outbox holds, obeying limits, gates, breaker and the single-sender lock.

    Args:
        workspace: the open workspace (database, sandbox folder, secrets location).
        now: the clock for database times, quiet hours and caps (tests pass a fake one).
        providers: adapter instances by account name (tests); others load from the database.
        render: builds a message payload at claim time; default renders campaign templates.
        backoff / breaker_threshold / breaker_reset: retry and circuit-breaker policy.
        http_timeout: seconds for provider HTTP calls (connect is capped at 5 s).
        grace: seconds `stop` waits for in-flight requests before cancelling them.
    """

    def __init__(self, workspace: Workspace, *, now: Callable[[], datetime] = _utcnow,
                 providers: dict[str, Provider] | None = None, render: Renderer | None = None,
                 backoff: Backoff | None = None, breaker_threshold: int = 5, breaker_reset: float = 30.0,
                 http_timeout: float = 15.0, grace: float = 5.0, secret_store: SecretStore | None = None,
                 tickers: list[Ticker] | None = None) -> None:
        self.workspace = workspace
        self.now = now
        self.store = OutboxStore(workspace.engine)
        self.backoff = backoff or Backoff()
        self.grace = grace
        self._injected = dict(providers or {})
        self._render = render
        self._breaker_args = (breaker_threshold, breaker_reset)
        self._http_timeout = http_timeout
        self._secrets = secret_store
        self._accounts: dict[str, _Account] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending: list[Finish] = []
        self._stopping = False
        self._started = False
        self._failure: BaseException | None = None
        self._poll_cursor: dict[str, int] = {}
        self.lock = EngineLock(workspace.engine, lock_path_for(workspace.engine, workspace.root))
        self.http: httpx.AsyncClient | None = None
        self.decider: Decider | None = None
        self._sending: SendingCommits | None = None
        self.sent_count = 0
        self.tickers: list[Ticker] = list(tickers) if tickers is not None else default_tickers(workspace)

    # -- lifecycle ------------------------------------------------------------------------
    async def start(self) -> None:
        """Take the lock (WorkspaceLocked if another engine runs), recover interrupted rows."""
        if self._started:
            return
        epoch = self.lock.acquire()
        try:
            recovered = self.store.recover_interrupted(self.now())
            if recovered:
                log.warning("%d messages were in flight when the engine stopped; marked unknown", recovered)
            if self.lock.restored:
                self.store.pause_all("the database looks restored from an older copy: check what was "
                                     "already sent before resuming / база данных восстановлена из старой копии: "
                                     "проверьте, что уже отправлено, прежде чем продолжить")
        except BaseException:
            self.lock.release()
            raise
        self.epoch = epoch
        self.http = create_http_client(self._http_timeout)
        self.decider = Decider(self.store, self.backoff, self.now)
        self._sending = SendingCommits(self.store, self.now, epoch)
        if self._render is None:
            from app.campaigns.render import CampaignRenderer
            self._render = CampaignRenderer(self.workspace.engine)
        prepare = getattr(self._render, "prepare", None)
        if prepare is not None:
            prepare()
        self._started = True

    async def close(self) -> None:
        """Stop gracefully: no new claims, wait `grace` s for in-flight sends, cancel the rest."""
        self._stopping = True
        if self._tasks:
            _done, pending = await asyncio.wait(self._tasks, timeout=self.grace)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
        for account in self._accounts.values():
            if account.driver and not account.driver.done():
                account.driver.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await account.driver
            with contextlib.suppress(Exception):
                await account.provider.aclose()
        if self._sending is not None:
            await self._sending.drain()
        self._flush()
        for ticker in self.tickers:
            with contextlib.suppress(Exception):
                await ticker.aclose()
        if self.http is not None:
            await self.http.aclose()
        if self._started:
            self.lock.release()
        self._started = False

    def request_stop(self) -> None:
        """Ask `run_forever` / `run_until_idle` to stop after the current step."""
        self._stopping = True

    async def __aenter__(self) -> Engine:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- running --------------------------------------------------------------------------
    async def run_until_idle(self, *, horizon: float = 30.0, tick: float = 0.02) -> dict[str, int]:
        """Send until nothing is due and no retry is due within `horizon` seconds.

        Held messages (quiet hours) do not keep it running; neither do tickers' timers beyond
        `horizon`, nor their periodic checks (`Ticker.next_poll`: a live scenario's segment diff
        would otherwise keep it running forever). Returns outbox counts by state.
        """
        own = not self._started
        await self.start()
        try:
            await self._loop(idle_horizon=horizon, tick=tick)
        finally:
            if own:
                await self.close()
        return self.store.counts()

    async def run_forever(self, *, tick: float = 0.05, status_every: float = 60.0) -> None:
        """Send as work becomes due until `request_stop()`; polls delivery statuses periodically
        and wakes for the tickers' periodic checks (`Ticker.next_poll`)."""
        await self.start()
        try:
            await self._loop(idle_horizon=None, tick=tick, status_every=status_every)
        finally:
            await self.close()

    async def _loop(self, *, idle_horizon: float | None, tick: float, status_every: float | None = None) -> None:
        last_status = last_scan = time.monotonic()
        busy = False
        while not self._stopping:
            if self._failure is not None:
                raise self._failure
            self._flush()
            # Looking for newly due providers costs a query; while sending, twice a second is enough.
            if not busy or time.monotonic() - last_scan > 0.5:
                last_scan = time.monotonic()
                for name in self.store.due_providers(self.now()):
                    self._spawn(name)
            ticked = False
            for ticker in self.tickers:
                ticked = await ticker.tick(self.now()) or ticked
            busy = bool(any(a.driver and not a.driver.done() for a in self._accounts.values()) or self._tasks)
            if ticked and not busy:
                continue
            if status_every is not None and time.monotonic() - last_status >= status_every:
                last_status = time.monotonic()
                await self.poll_statuses(older_than=timedelta(seconds=30))
            if busy:
                await asyncio.sleep(next_poll(self.tickers, self.now(), tick))
                continue
            self._flush()
            self.store.finish_campaigns(self.now())
            wake = self._next_wake()
            if idle_horizon is not None and (wake is None or wake > idle_horizon):
                return
            await asyncio.sleep(min(max(wake if wake is not None else 1.0, tick), next_poll(self.tickers, self.now(), 1.0)))

    def _next_wake(self) -> float | None:
        """Seconds until something could be sent: a retry falls due or a breaker half-opens."""
        waits = []
        due = self.store.next_due(("queued",))
        if due is not None:
            waits.append(max(0.0, (due - self.now()).total_seconds()))
        now = self.now()
        for ticker in self.tickers:
            wait = ticker.next_wake(now)
            if wait is not None:
                waits.append(max(0.0, wait))
        mono = time.monotonic()
        for name, account in self._accounts.items():
            if account.breaker.is_open and self.store.has_due(name, self.now()):
                waits.append(account.breaker.retry_in(mono))
        return min(waits) if waits else None

    def _spawn(self, name: str) -> None:
        account = self._account(name)
        if account is None or (account.driver and not account.driver.done()):
            return
        if account.breaker.blocked(time.monotonic()):
            return
        account.driver = asyncio.get_running_loop().create_task(self._drive(name, account))
        account.driver.add_done_callback(self._task_done)

    def _account(self, name: str) -> _Account | None:
        if name in self._accounts:
            return self._accounts[name]
        try:
            provider = self._injected.get(name) or self._load(name)
        except KaskadError as exc:
            self.store.pause_campaigns_of(name, self.decider.pause_reason(name, str(exc)))  # type: ignore[union-attr]
            return None
        options = provider.config.options
        already = self.store.sent_in_last(name, 60, self.now()) if options.get("rate_per_minute") else 0
        account = _Account(
            provider=provider,
            limiter=RateLimiter(_num(options.get("rate_per_second")), int(_num(options.get("rate_per_minute")) or 0),
                                already_sent_last_minute=already, now=time.monotonic()),
            breaker=Breaker(*self._breaker_args),
            concurrency=max(1, int(_num(options.get("concurrency")) or 10)),
        )
        self._accounts[name] = account
        return account

    def _load(self, name: str) -> Provider:
        if self._secrets is None:
            self._secrets = SecretStore(self.workspace.root)
        config = load_config(self.workspace.engine, self._secrets, name, self.workspace.sandbox_dir)
        return create_provider(config, http=self.http)

    async def _drive(self, name: str, account: _Account) -> None:
        provider = account.provider
        ready = account.ready
        drained = False  # nothing more was due at the last claim: send what is held, then stop
        try:
            while not self._stopping:
                allow = account.breaker.allow(time.monotonic())
                if allow == 0:
                    return
                if not drained and len(ready) < account.claim_ahead() // 2:
                    # At most 500 rows per claim: one claim renders them all in one go (GIL, locks).
                    want_rows = min(account.claim_ahead() - len(ready), 500)
                    claimed, examined = self.store.claim(name, want_rows, now=self.now(),
                                                         epoch=self.epoch, render=self._render)
                    ready.extend(claimed)
                    drained = not examined
                    if not ready:
                        if drained:
                            account.breaker.probing = False
                            return
                        continue  # everything examined was skipped or held: look again
                if not ready:
                    return
                free = account.concurrency + account.lookahead - account.inflight
                if free <= 0:
                    account.freed.clear()
                    await account.freed.wait()
                    continue
                want = min(len(ready), free * provider.max_batch if allow is None else provider.max_batch)
                grant = account.limiter.take(want, time.monotonic())
                if grant == 0:
                    await asyncio.sleep(max(account.limiter.wait(time.monotonic()), 0.001))
                    continue
                for start in range(0, grant, provider.max_batch):
                    chunk = [ready.popleft() for _ in range(min(provider.max_batch, grant - start))]
                    account.inflight += 1
                    task = asyncio.get_running_loop().create_task(self._send(name, account, chunk))
                    self._tasks.add(task)
                    task.add_done_callback(self._task_done)
                await asyncio.sleep(0)
        finally:
            # Claimed rows not sent now go back to plain `queued` (certainly unsent).
            left = [c.outbox_id for c in ready]
            ready.clear()
            if left:
                self.store.release(left)

    async def _send(self, name: str, account: _Account, chunk: list[Claimed]) -> None:
        assert self._sending is not None
        try:
            chunk = await self._sending.mark(chunk)
        except BaseException:
            account.inflight -= 1
            account.freed.set()
            raise
        if not chunk:  # its campaign was paused or cancelled after the claim
            account.inflight -= 1
            account.freed.set()
            return
        if account.slots is None:
            account.slots = asyncio.Semaphore(account.concurrency)
        try:
            await account.slots.acquire()
        except asyncio.CancelledError:
            account.inflight -= 1
            account.freed.set()
            self._sending.put_back(chunk)  # committed as `sending`, never sent: certainly unsent
            raise
        requests = [SendRequest(c.outbox_id, c.message_id, c.channel, c.address, c.payload, c.sender,
                                c.transactional, c.contact_id) for c in chunk]
        try:
            results = await account.provider.send(requests)
        except asyncio.CancelledError:
            results = [SendResult.unknown("sending was interrupted when the engine stopped; it may have been delivered",
                                          "interrupted")] * len(chunk)
            self._record(name, account, chunk, results)
            raise
        except Exception as exc:  # an adapter bug must not lose track of the messages
            log.exception("provider %s failed", name)
            results = [SendResult.unknown(f"internal error in the {name} adapter: {exc!r}", "bug")] * len(chunk)
        finally:
            account.slots.release()
            account.inflight -= 1
            account.freed.set()
        self._record(name, account, chunk, results)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None and self._failure is None:
            self._failure = task.exception()

    def _record(self, name: str, account: _Account, chunk: list[Claimed], results: list[SendResult]) -> None:
        assert self.decider is not None
        finishes, account_error = self.decider.decide(name, account.provider, account.breaker, chunk, results)
        self._pending.extend(finishes)
        self.sent_count += sum(1 for f in finishes if f.state == "sent")
        if account_error:
            self._flush()
            self.store.pause_campaigns_of(name, self.decider.pause_reason(name, account_error))

    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self.store.finish(batch, self.now())

    # -- delivery statuses ----------------------------------------------------------------
    async def poll_statuses(self, *, older_than: timedelta = timedelta(seconds=0), max_rows: int = 2000) -> int:
        """Ask polling providers about sent messages, a slice of `max_rows` per provider per
        call (the next call continues where this one stopped); returns rows that changed."""
        changed = 0
        for name in self.store.providers_with_sent():
            account = self._account(name)
            if account is None or not account.provider.polls_status:
                continue
            try:
                count, self._poll_cursor[name] = await poll_provider_statuses(
                    self.store.engine, name, account.provider, self.now(), older_than,
                    start_after=self._poll_cursor.get(name, 0), max_rows=max_rows)
            except KaskadError as exc:  # a status check failing must not stop the sending
                log.warning("status polling for %s failed: %s", name, exc)
                continue
            changed += count
            try:  # unknown outcomes that the provider can look up by our own id
                await reconcile(self.store.engine, name, account.provider, self.now())
            except KaskadError as exc:
                log.warning("reconciling unknown messages with %s failed: %s", name, exc)
        return changed


def _num(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
