"""Events intake over loopback HTTP: events/s with batches and with one event per request.

The receiver runs in its own process (as in the app); clients are concurrent keep-alive
connections from this one (aiohttp), like many browsers and a CRM posting at once.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _serve(root: str, ready: object) -> None:
    import asyncio

    os.environ.setdefault("KASKAD_MASTER_PASSWORD", "bench")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import app.events.http  # noqa: F401  (registers /v1/events)
    from app.receiver.server import start_receiver
    from app.workspace import Workspace

    async def run() -> None:
        ws = Workspace.open(root)
        receiver = await start_receiver(ws, host="127.0.0.1", port=0)
        ready.put(receiver.url)  # type: ignore[attr-defined]
        await asyncio.Event().wait()

    asyncio.run(run())


def _event(i: int, tag: str) -> dict:
    if i % 5 == 0:
        return {"id": f"{tag}-{i}", "type": "purchase", "phone": f"+7912{i % 1_000_000:07d}",
                "properties": {"amount": 100 + i % 9000}}
    return {"id": f"{tag}-{i}", "type": "page_view", "visitor_id": f"v-{i % 5000}",
            "properties": {"path": f"/p/{i % 300}", "utm_source": "vk"}}


def _post_all(url: str, token: str, bodies: list, clients: int) -> float:
    """Post every body with `clients` concurrent keep-alive connections; returns seconds taken."""
    import asyncio
    import json

    import aiohttp

    async def run() -> float:
        pending = list(reversed(bodies))
        errors: list[str] = []
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        connector = aiohttp.TCPConnector(limit=clients)
        async with aiohttp.ClientSession(connector=connector, headers=headers) as http:
            async def worker() -> None:
                while pending:
                    body = json.dumps(pending.pop())
                    async with http.post(url, data=body) as answer:
                        if answer.status != 200:
                            errors.append(await answer.text())
                        else:
                            await answer.read()

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(clients)))
            elapsed = time.perf_counter() - started
        if errors:
            raise SystemExit(f"intake refused events: {errors[0]}")
        return elapsed

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=30_000, help="events per batch run")
    parser.add_argument("--single", type=int, default=3_000, help="events per one-per-request run")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients (browsers, CRM)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="5,000 batched and 800 single events")
    args = parser.parse_args()
    if args.quick:
        args.events, args.single = 5_000, 800
    from app.events.tokens import api_token
    from app.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="kaskad-intake-bench-") as tmp:
        with Workspace.open(tmp) as ws:
            token = api_token(ws.engine)
        context = mp.get_context("spawn")
        ready = context.Queue()
        server = context.Process(target=_serve, args=(tmp, ready), daemon=True)
        server.start()
        try:
            url = ready.get(timeout=60) + "/v1/events"
            batch_rates, single_rates = [], []
            for run in range(args.repeat):
                events = [_event(i, f"b{run}") for i in range(args.events)]
                bodies = [{"events": events[k:k + args.batch]} for k in range(0, len(events), args.batch)]
                batch_rates.append(args.events / _post_all(url, token, bodies, args.clients))
                singles = [_event(i, f"s{run}") for i in range(args.single)]
                single_rates.append(args.single / _post_all(url, token, singles, args.clients))
            batch, single = statistics.median(batch_rates), statistics.median(single_rates)
            print(f"batches of {args.batch}, {args.clients} clients: median {batch:,.0f} events/s (target ≥ 3,000) "
                  f"{'ok' if batch >= 3000 else 'SLOWER THAN TARGET'}")
            print(f"one event per request, {args.clients} clients: median {single:,.0f} events/s (target ≥ 800) "
                  f"{'ok' if single >= 800 else 'SLOWER THAN TARGET'}")
        finally:
            server.terminate()
            server.join(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
