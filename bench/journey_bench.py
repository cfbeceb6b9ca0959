"""Journey runner benchmark: N contacts waiting in a delay node whose timers fall due together.

A workspace is prepared once: N contacts (consent granted), an SMS template and a published
scenario `trigger → wait 1 day → SMS (sandbox provider) → wait 1 day`; every contact's
journey sits in the first wait with the same `wake_at`. Each run copies that database and
times `JourneyTicker.run_until_idle` at the wake time: per journey the wait passes, the SMS
is rendered and queued in the outbox, and the journey parks in the second wait (3 steps).
Prints steps/s and the resident memory (start, peak, end) of each run and their medians;
exits 0. Target (issue 6): ≥ 3,000 steps/s with memory flat.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import sqlalchemy as sa  # noqa: E402

from app.db.schema import consents, contacts  # noqa: E402
from app.journeys.runner import JourneyTicker  # noqa: E402
from app.journeys.tables import journey_steps, journeys  # noqa: E402
from app.outbox.tables import outbox  # noqa: E402
from app.scenarios.graph import Node, Scenario  # noqa: E402
from app.scenarios.store import create_scenario, publish_scenario  # noqa: E402
from app.templates.document import new_document  # noqa: E402
from app.templates.library import create_template  # noqa: E402
from app.workspace import DB_FILE, Workspace  # noqa: E402

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DUE = START + timedelta(days=1)


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def prepare(root: Path, n: int) -> None:
    with Workspace.open(root) as ws:
        engine = ws.engine
        document = new_document("sms")
        document["text"] = "Здравствуйте, {{ first_name }}! Скидка 10% ждёт вас до пятницы."
        create_template(engine, "Напоминание", "sms", document)
        scenario = Scenario("Бенчмарк")
        day = {"amount": 1, "unit": "days"}
        for i, (node_id, kind, props) in enumerate((
                ("t", "trigger.event", {"event_type": "page_view", "filters": []}),
                ("w", "flow.wait", {"duration": day}),
                ("a", "action.sms", {"template": "Напоминание", "sms_kind": "trigger"}),
                ("w2", "flow.wait", {"duration": day}))):
            scenario.add_node(Node(node_id, kind, props, i * 200.0, 0.0))
        for source, target in (("t", "w"), ("w", "a"), ("a", "w2")):
            scenario.connect(source, "next", target)
        info = create_scenario(engine, scenario)
        publish_scenario(engine, info.id)
        with engine.begin() as conn:
            for start in range(0, n, 10_000):
                conn.execute(contacts.insert(), [
                    {"phone": f"+7916{i:07d}", "email": f"c{i}@example.org", "first_name": f"Имя{i}",
                     "timezone": "Europe/Moscow", "custom": {}, "search_text": "", "created_at": START,
                     "updated_at": START} for i in range(start, min(n, start + 10_000))])
            ids = [i for (i,) in conn.execute(sa.select(contacts.c.id).order_by(contacts.c.id))]
            conn.execute(consents.insert(), [{"contact_id": i, "channel": "sms", "status": "granted",
                                              "source": "bench", "recorded_at": START} for i in ids])
            for start in range(0, n, 10_000):
                chunk = ids[start:start + 10_000]
                conn.execute(journeys.insert(), [
                    {"scenario_id": info.id, "version": 1, "contact_id": c, "node_id": "w", "state": "active",
                     "wake_at": DUE, "step": 1, "context": {}, "entered_at": START, "updated_at": START}
                    for c in chunk])
            conn.execute(sa.text("INSERT INTO journey_steps (journey_id, scenario_id, version, node_id, step, "
                                 "outcome, at) SELECT id, scenario_id, version, 'w', 1, 'waiting', entered_at "
                                 "FROM journeys"))


def run_once(template: Path, batch: int) -> tuple[float, int, float, float, float]:
    root = Path(tempfile.mkdtemp(prefix="kaskad-journey-bench-"))
    try:
        shutil.copy(template / DB_FILE, root / DB_FILE)
        with Workspace.open(root) as ws:
            ticker = JourneyTicker(ws.engine, batch_size=batch)
            start_rss = peak = rss_mb()
            done = threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.wait(0.05):
                    peak = max(peak, rss_mb())

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            started = time.perf_counter()
            steps = ticker.run_until_idle(DUE)
            elapsed = time.perf_counter() - started
            done.set()
            sampler.join()
            end_rss = rss_mb()
            with ws.engine.connect() as conn:
                queued = conn.execute(sa.select(sa.func.count()).select_from(outbox)).scalar()
                written = conn.execute(sa.select(sa.func.count()).select_from(journey_steps)).scalar()
            assert queued == written // 4, (queued, written)  # one SMS per journey (entered+waiting+3 new)
        return steps / elapsed, steps, start_rss, max(peak, end_rss), end_rss
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="10,000 contacts")
    args = parser.parse_args()
    n = 10_000 if args.quick else args.contacts
    template = Path(tempfile.mkdtemp(prefix="kaskad-journey-template-"))
    try:
        t0 = time.perf_counter()
        prepare(template, n)
        print(f"prepared {n:,} journeys due together in {time.perf_counter() - t0:.1f} s", flush=True)
        results = []
        for i in range(args.runs):
            rate, steps, start_rss, peak, end_rss = run_once(template, args.batch)
            results.append((rate, start_rss, peak, end_rss))
            print(f"run {i + 1}: {steps:,} steps, {rate:,.0f} steps/s; RSS start {start_rss:.0f} MB, "
                  f"peak {peak:.0f} MB, end {end_rss:.0f} MB", flush=True)
        print(f"median: {statistics.median(r[0] for r in results):,.0f} journey steps/s (target ≥ 3,000); "
              f"RSS growth peak−start {statistics.median(r[2] - r[1] for r in results):.0f} MB", flush=True)
    finally:
        shutil.rmtree(template, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
