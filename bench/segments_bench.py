"""Segment counts on a big base: 3 conditions over 1,000,000 contacts, plus an event condition over 5,000,000 events."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CITIES = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Новосибирск", "Пермь", "Самара", "Уфа", "Омск"]
TYPES = ["page_view"] * 6 + ["time_on_site"] * 2 + ["purchase", "call"]
TODAY = dt.date(2026, 11, 24)


def _contacts(count: int) -> Iterator[tuple]:
    rnd = random.Random(5)
    for i in range(count):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rnd.randrange(45 * 365))
        created = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00:00.000000"
        yield (f"+7{9_000_000_000 + i}", rnd.choice(CITIES), "f" if i % 2 else "m", born.isoformat(), "{}",
               "bench", "", created, created)


def _events(count: int, contacts: int) -> Iterator[tuple]:
    rnd = random.Random(9)
    start = dt.datetime(2025, 11, 24, tzinfo=dt.UTC)
    for _ in range(count):
        kind = rnd.choice(TYPES)
        when = (start + dt.timedelta(seconds=rnd.randrange(365 * 86400))).strftime("%Y-%m-%d %H:%M:%S.000000")
        props = f'{{"amount": {rnd.randrange(100, 20000)}}}' if kind == "purchase" else "{}"
        yield (1 + rnd.randrange(contacts), kind, props, when, when, "bench")


def build(root: Path, contacts: int, events: int) -> None:
    """A migrated workspace with the base, written by raw sqlite3 executemany (fast)."""
    from app.workspace import Workspace

    Workspace.open(root).close()
    con = sqlite3.connect(root / "kaskad.db")
    con.execute("PRAGMA synchronous=OFF")
    con.executemany("INSERT INTO contacts (phone, city, gender, birthday, custom, source, search_text, created_at,"
                    " updated_at) VALUES (?,?,?,?,?,?,?,?,?)", _contacts(contacts))
    con.execute("INSERT INTO tags (name) VALUES ('VIP')")
    con.execute("INSERT INTO contact_tags (contact_id, tag_id) SELECT id, 1 FROM contacts WHERE id % 7 = 0")
    con.executemany("INSERT INTO events (contact_id, type, properties, occurred_at, received_at, source)"
                    " VALUES (?,?,?,?,?,?)", _events(events, contacts))
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _median_ms(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


BASE = [{"type": "field", "field": "city", "op": "eq", "value": "Казань"},
        {"type": "field", "field": "birthday", "op": "birthday_in_next_days", "value": 7},
        {"type": "tag", "op": "has", "value": "VIP"}]
RULES = {
    "city + birthday window + tag": ({"type": "group", "op": "and", "children": BASE}, 300),
    "... + bought in the last 30 days": ({"type": "group", "op": "and", "children": [
        *BASE, {"type": "event", "event_type": "purchase", "op": "has", "within_days": 30}]}, 1500),
    "... + purchases sum >= 20,000": ({"type": "group", "op": "and", "children": [
        *BASE, {"type": "event", "event_type": "purchase", "op": "has", "sum_property": "amount",
                "sum_gte": 20000}]}, 1500),
    "... + 3+ page views, no purchase in 90 days": ({"type": "group", "op": "and", "children": [
        *BASE, {"type": "event", "event_type": "page_view", "op": "has", "count_gte": 3},
        {"type": "event", "event_type": "purchase", "op": "has_not", "within_days": 90}]}, 1500),
    # No target: shows the cost when no contact condition narrows the base first.
    "bought in the last 30 days, alone": ({"type": "event", "event_type": "purchase", "op": "has",
                                           "within_days": 30}, None),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="100,000 contacts, 500,000 events")
    args = parser.parse_args()
    if args.quick:
        args.contacts, args.events = 100_000, 500_000
    from app.segments.service import count_segment
    from app.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="kaskad-seg-bench-") as tmp:
        started = time.perf_counter()
        build(Path(tmp), args.contacts, args.events)
        print(f"built {args.contacts:,} contacts and {args.events:,} events in {time.perf_counter() - started:.0f} s")
        with Workspace.open(tmp) as ws:
            for label, (rule, target) in RULES.items():
                median, count = _median_ms(lambda rule=rule: count_segment(ws.engine, rule, today=TODAY), args.repeat)
                if target is None:
                    print(f"count, {label}: {count:,} contacts, median {median:.0f} ms (for information)")
                    continue
                verdict = "ok" if median <= target else "SLOWER THAN TARGET"
                print(f"count, {label}: {count:,} contacts, median {median:.0f} ms (target ≤ {target} ms) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
