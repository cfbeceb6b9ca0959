"""Scenario canvas: load time and frame times of pans and zooms on a 200-node, 250-edge graph (offscreen).

Each frame is one programmatic pan or zoom step followed by a synchronous repaint of the
1400×900 viewport, so the time includes everything the user would wait for.
Usage: python bench/canvas_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.scenarios.graph import Node, Scenario  # noqa: E402

_APP = QApplication.instance() or QApplication([])

from ui.scenarios.canvas import ScenarioCanvas  # noqa: E402

_TYPES = [
    ("flow.wait", {"duration": {"amount": 2, "unit": "days"}}),
    ("action.sms", {"template": "Напоминание о записи", "sms_kind": "trigger"}),
    ("flow.condition", {"rule": {"type": "field", "field": "city", "op": "eq", "value": "Казань"}}),
    ("action.email", {"template": "Приветственное письмо"}),
    ("flow.wait_event", {"event_type": "purchase", "filters": [], "timeout": {"amount": 3, "unit": "days"}}),
    ("action.whatsapp", {"template": "Напоминание — WhatsApp"}),
    ("flow.split", {"branches": [{"key": "A", "percent": 50}, {"key": "B", "percent": 50}]}),
    ("action.tag", {"op": "add", "tag": "клиент"}),
]


def big_scenario(nodes: int = 200, edges: int = 250, seed: int = 7) -> Scenario:
    """A trigger and `nodes - 1` steps in 20 columns; exits lead to the next column until `edges` exist."""
    rng = random.Random(seed)
    scenario = Scenario("bench")
    scenario.add_node(Node("t", "trigger.event", {"event_type": "page_view", "filters": []}, 0, 0))
    columns: list[list[str]] = [["t"]]
    per_column = (nodes - 1) // 19 + 1
    count = 1
    for c in range(1, 20):
        column = []
        for row in range(per_column):
            if count >= nodes:
                break
            type_id, props = _TYPES[rng.randrange(len(_TYPES))]
            node_id = f"n{count}"
            scenario.add_node(Node(node_id, type_id, props, c * 320, row * 160))
            column.append(node_id)
            count += 1
        columns.append(column)
    ports = {"flow.condition": ("yes", "no"), "flow.wait_event": ("event", "timeout"), "flow.split": ("A", "B")}
    made = 0
    for c, column in enumerate(columns[:-1]):
        following = columns[c + 1]
        for node_id in column:
            for port in ports.get(scenario.nodes[node_id].type, ("next",)):
                if made < edges:
                    scenario.connect(node_id, port, rng.choice(following))
                    made += 1
    while made < edges:  # more joins from the first exits, to reach the edge count
        c = rng.randrange(len(columns) - 1)
        source, target = rng.choice(columns[c]), rng.choice(columns[c + 1])
        try:
            scenario.connect(source, "next", target)
            made += 1
        except Exception:  # noqa: BLE001 - a duplicate pair: pick another
            continue
    return scenario


def frame(canvas: ScenarioCanvas, step: object) -> float:
    """Milliseconds for one change plus the repaint it causes."""
    started = time.perf_counter()
    step()
    canvas.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def report(name: str, times: list[float]) -> None:
    """Median and 95th percentile."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{name:<34} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms   ({len(times)} frames)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer frames")
    args = parser.parse_args()
    frames = 40 if args.quick else 200
    scenario = big_scenario()
    print(f"graph: {len(scenario.nodes)} nodes, {len(scenario.edges)} edges; viewport 1400x900")
    canvas = ScenarioCanvas()
    canvas.resize(1400, 900)
    canvas.show()
    _APP.processEvents()
    loads = []
    for _ in range(3 if args.quick else 7):
        started = time.perf_counter()
        canvas.set_scenario(big_scenario())
        canvas.fit_to_view()
        canvas.viewport().repaint()
        loads.append((time.perf_counter() - started) * 1000)
    print(f"{'load + fit + first paint':<34} median {statistics.median(loads):7.2f} ms   "
          f"max {max(loads):7.2f} ms   ({len(loads)} runs)")
    hbar, vbar = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    for zoom in (1.0, 0.5, canvas.zoom()):
        canvas.set_zoom(zoom)
        canvas.centerOn(canvas.scene().itemsBoundingRect().center())
        canvas.viewport().repaint()
        times = []
        for i in range(frames):
            sign = 1 if (i // 20) % 2 == 0 else -1
            bar = hbar if i % 2 == 0 else vbar
            times.append(frame(canvas, lambda bar=bar, sign=sign: bar.setValue(bar.value() + sign * 30)))
        report(f"pan at {zoom:.0%}", times)
    canvas.set_zoom(1.0)
    times = []
    factor = 1.1
    for _ in range(frames):
        if canvas.zoom() * factor > 3.0 or canvas.zoom() * factor < 0.2:
            factor = 1 / factor
        times.append(frame(canvas, lambda f=factor: canvas.set_zoom(canvas.zoom() * f)))
    report("zoom step (×1.1, 20 %–300 %)", times)
    layouts = []
    for _ in range(3):
        canvas.set_scenario(big_scenario())
        started = time.perf_counter()
        canvas.auto_layout()
        layouts.append((time.perf_counter() - started) * 1000)
    print(f"{'auto-layout (one undo step)':<34} median {statistics.median(layouts):7.2f} ms")
    canvas.fit_to_view()
    canvas.select_all()
    times = [frame(canvas, lambda: canvas.nudge(20, 0)) for _ in range(10 if args.quick else 30)]
    report("move all 200 nodes (nudge)", times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
