"""`engine`: run the send engine headless until stopped (SIGINT/SIGTERM stop it gracefully).

Next to it run the status/unsubscribe receiver (unless `--no-receiver`) and the suppression
sync (`app.receiver.companions`); a receiver port already in use is a warning, not a stop."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from app.cli import EXIT, emit, stop_on_signals
from app.engine.engine import Engine
from app.receiver.companions import start_companions
from app.workspace import Workspace

__all__ = ["register"]


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("engine", parents=[parent],
                              help="send queued messages until stopped (one engine per workspace)")
    p.add_argument("--until-idle", action="store_true", help="exit when nothing is left to send soon")
    p.add_argument("--no-receiver", action="store_true",
                   help="do not start the status/unsubscribe receiver (e.g. `receiver serve` runs elsewhere)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_engine)


def _engine(args: argparse.Namespace, ws: Workspace) -> int:
    engine = Engine(ws)
    notes: dict[str, Any] = {}

    async def run() -> dict[str, int]:
        await engine.start()  # the lock first: a second engine must not open the receiver's port
        try:
            companions = await start_companions(ws, receiver=not args.no_receiver)
        except BaseException:
            await engine.close()
            raise
        if companions.warning:
            print(f"warning: {companions.warning}", file=sys.stderr, flush=True)
            notes["receiver_warning"] = companions.warning
        elif companions.receiver is not None:
            notes["receiver"] = companions.receiver.url
            print(f"receiver listening on {companions.receiver.url}", file=sys.stderr, flush=True)
        try:
            return await _send(engine)
        finally:
            await companions.close()

    async def _send(engine: Engine) -> dict[str, int]:
        stop_on_signals(engine.request_stop)
        if args.until_idle:
            try:
                return await engine.run_until_idle()
            finally:
                await engine.close()  # started above, so run_until_idle leaves closing to us
        await engine.run_forever()
        return engine.store.counts()

    counts = asyncio.run(run())
    emit(args, {"ok": True, "sent": engine.sent_count, "states": counts, **notes},
         f"engine stopped; sent {engine.sent_count} in this run; outbox: "
         + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return EXIT["ok"]
