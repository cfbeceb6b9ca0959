"""SMTP adapter benchmark: `Smtp.send` alone (MIME build + SMTP transaction), no database, no rendering.

An aiosmtpd sink runs in its own process (and Postfix's `smtp-sink` too when found: `$SMTP_SINK`,
PATH or /usr/sbin; see bench/send_bench.py for how to get it without installing Postfix). N
`SendRequest`s carrying the payload the campaign renderer produces (personalised ~10 KB HTML
letter, its plain-text part, List-Unsubscribe + List-Unsubscribe-Post + X-Kaskad-Message
headers, a Cyrillic subject and From) are built before the clock starts; then the adapter is
driven the way the engine drives it: a pool of 10 connections and up to 10 concurrent
single-message `send([request])` calls. Only letters the adapter reports as accepted count.

Prints msg/s (wall) and CPU ms per message of this process (the sink's CPU is not counted),
median of `--runs` runs per sink, and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sinks import LETTER_HTML, find_smtp_sink, start_aiosmtpd, start_smtp_sink  # noqa: E402

from app.providers.base import Outcome, ProviderConfig, SendRequest  # noqa: E402
from app.providers.email.smtp import Smtp  # noqa: E402
from app.templates.plaintext import html_to_text  # noqa: E402

# The letter of bench/send_bench.py, with str.format placeholders.
HTML = LETTER_HTML.replace("{{ ", "{").replace(" }}", "}")
CONNECTIONS = 10
CONCURRENCY = 10


def requests_for(n: int) -> list[SendRequest]:
    """N letters shaped like `app.campaigns.render` output (personalised HTML + text + headers)."""
    out = []
    for i in range(n):
        message_id = f"{i:032x}"
        token = f"{i}.email.{message_id[:22]}"
        url = f"https://u.shop.example/u/{token}"
        html = HTML.format(first_name=f"Имя{i}", id=i, unsubscribe_url=url)
        out.append(SendRequest(
            outbox_id=i + 1, message_id=message_id, channel="email", to=f"client{i}@example.org",
            payload={"from_addr": "Магазин <news@shop.example>", "subject": f"Скидки для Имя{i}",
                     "html": html, "text": html_to_text(html), "preheader": "",
                     "headers": {"List-Unsubscribe": f"<{url}>",
                                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                 "X-Kaskad-Message": message_id}},
            sender="Магазин <news@shop.example>", contact_id=i + 1))
    return out


async def drive(port: int, requests: list[SendRequest]) -> tuple[float, float, int]:
    """Send everything; returns (wall seconds, CPU seconds, accepted)."""
    provider = Smtp(ProviderConfig("bench", "smtp", options={
        "host": "127.0.0.1", "port": port, "security": "none", "connections": CONNECTIONS}))
    # Warm the pool so connection set-up (EHLO) is not part of the per-message figure.
    await asyncio.gather(*(provider.send([r]) for r in requests[:CONNECTIONS]))
    queue = iter(requests)
    accepted = 0

    async def worker() -> None:
        nonlocal accepted
        for request in queue:
            (result,) = await provider.send([request])
            accepted += result.outcome is Outcome.ACCEPTED

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    await provider.aclose()
    return wall, cpu, accepted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, help="letters per run (default 5000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1000 letters, one run")
    args = parser.parse_args()
    args.n = args.n or (1000 if args.quick else 5000)
    args.runs = 1 if args.quick else args.runs
    requests = requests_for(args.n)
    print(f"{args.n} letters of {len(requests[0].payload['html'].encode()) / 1024:.1f} KB HTML "
          f"+ {len(requests[0].payload['text'].encode()) / 1024:.1f} KB text; load {os.getloadavg()[0]:.2f}")
    procs: list[subprocess.Popen] = []
    results: dict[str, tuple[float, float]] = {}
    try:
        sinks = []
        binary = find_smtp_sink()
        if binary:
            proc, port = start_smtp_sink(binary)
            procs.append(proc)
            sinks.append(("smtp-sink (C)", port))
        proc, port = start_aiosmtpd()
        procs.append(proc)
        sinks.append(("aiosmtpd", port))
        for label, port in sinks:
            rates, cpus = [], []
            for _ in range(args.runs):
                wall, cpu, accepted = asyncio.run(drive(port, requests))
                if accepted != len(requests):
                    print(f"  {label}: only {accepted} of {len(requests)} accepted")
                rates.append(accepted / wall)
                cpus.append(cpu * 1000 / len(requests))
                print(f"  → {label}: {accepted} in {wall:.2f} s = {accepted / wall:,.0f} msg/s, "
                      f"CPU {cpus[-1]:.3f} ms/msg", flush=True)
            results[label] = (statistics.median(rates), statistics.median(cpus))
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    print("\nmedians (Smtp.send, 10 connections, 10 concurrent):")
    for label, (rate, cpu) in results.items():
        print(f"  → {label:<16} {rate:>8,.0f} msg/s   {cpu:.3f} ms CPU/msg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
