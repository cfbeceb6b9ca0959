"""`engine`: run the send engine headless until stopped (SIGINT/SIGTERM stop it gracefully)."""

from __future__ import annotations

import argparse
import asyncio
import signal
from typing import Any

from app.cli import EXIT, emit
from app.engine.engine import Engine
from app.workspace import Workspace

__all__ = ["register"]


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("engine", parents=[parent],
                              help="send queued messages until stopped (one engine per workspace)")
    p.add_argument("--until-idle", action="store_true", help="exit when nothing is left to send soon")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_engine)


def _engine(args: argparse.Namespace, ws: Workspace) -> int:
    engine = Engine(ws)

    async def run() -> dict[str, int]:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, engine.request_stop)
            except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises KeyboardInterrupt
                pass
        if args.until_idle:
            return await engine.run_until_idle()
        await engine.run_forever()
        return engine.store.counts()

    counts = asyncio.run(run())
    emit(args, {"ok": True, "sent": engine.sent_count, "states": counts},
         f"engine stopped; sent {engine.sent_count} in this run; outbox: "
         + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return EXIT["ok"]
