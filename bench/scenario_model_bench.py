"""Scenario model: validate, save and load large graphs (the canvas validates after every edit)."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.scenarios.graph import Node, Scenario  # noqa: E402
from app.scenarios.readwrite import dumps, loads  # noqa: E402
from app.scenarios.validate import validate  # noqa: E402


def chain(size: int) -> Scenario:
    """trigger → (condition → wait / sms)… → exit: a long graph with branches and rejoins."""
    s = Scenario("bench")
    s.add_node(Node("t", "trigger.event", {"event_type": "page_view", "filters": []}))
    previous = "t"
    for i in range(size // 3):
        c, w, a = f"c{i}", f"w{i}", f"a{i}"
        s.add_node(Node(c, "flow.condition", {"rule": {"type": "field", "field": "city", "op": "eq",
                                                        "value": "Казань"}}, i * 200, 0))
        s.add_node(Node(w, "flow.wait", {"duration": {"amount": 1, "unit": "hours"}}, i * 200, 100))
        s.add_node(Node(a, "action.sms", {"template": "SMS", "sms_kind": "trigger"}, i * 200, 200))
        s.connect(previous, "next", c)
        s.connect(c, "yes", w)
        s.connect(c, "no", a)
        s.connect(w, "next", a)
        previous = a
    s.add_node(Node("x", "flow.exit"))
    s.connect(previous, "next", "x")
    return s


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeat = 5 if args.quick else 21
    for size in (200, 2000):
        scenario = chain(size)
        assert validate(scenario) == [], "the bench graph must be valid"
        text = dumps(scenario)
        print(f"{len(scenario.nodes)} nodes / {len(scenario.edges)} edges: "
              f"validate {median_ms(lambda s=scenario: validate(s), repeat):.1f} ms, "
              f"save {median_ms(lambda s=scenario: dumps(s), repeat):.1f} ms, "
              f"load {median_ms(lambda t=text: loads(t), repeat):.1f} ms (medians of {repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
