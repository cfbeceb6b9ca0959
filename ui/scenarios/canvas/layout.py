"""Auto-layout: layered left to right, ranks by longest path from the triggers, order by barycentre.

Pure Python (no Qt): it takes the graph and each card's size and returns top-left positions
on the grid, with no two cards overlapping.
"""

from __future__ import annotations

from collections.abc import Callable

from app.scenarios.graph import Scenario

__all__ = ["layered_layout"]

Size = tuple[float, float]


def _back_edges(order: list[str], successors: dict[str, list[str]], roots: list[str]) -> set[tuple[str, str]]:
    """Edges that close a loop, found by an iterative depth-first walk from the roots first."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    back: set[tuple[str, str]] = set()
    for root in [*roots, *order]:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors[root]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(successors[child])))
    return back


def _ranks(order: list[str], successors: dict[str, list[str]], back: set[tuple[str, str]]) -> dict[str, int]:
    """Longest-path rank of every node over the graph without its loop-closing edges."""
    forward = {n: [t for t in successors[n] if (n, t) not in back] for n in order}
    incoming = {n: 0 for n in order}
    for n in order:
        for t in forward[n]:
            incoming[t] += 1
    rank = {n: 0 for n in order}
    ready = [n for n in order if incoming[n] == 0]
    while ready:
        node = ready.pop(0)
        for t in forward[node]:
            rank[t] = max(rank[t], rank[node] + 1)
            incoming[t] -= 1
            if incoming[t] == 0:
                ready.append(t)
    return rank


def _snap(value: float, grid: int) -> float:
    return float(round(value / grid) * grid)


class _Layers:
    """The ranked graph with a placeholder in every column a long edge crosses (kept free of cards)."""

    def __init__(self, scenario: Scenario, rank: dict[str, int], back: set[tuple[str, str]],
                 port_y: Callable[[str, str], float]) -> None:
        self.rank = dict(rank)
        #: node → (predecessor, y of the exit inside the predecessor's card, order of the exit)
        self.preds: dict[str, list[tuple[str, float, int]]] = {n: [] for n in rank}
        for number, edge in enumerate(scenario.edges.values()):
            if edge.source not in rank or edge.target not in rank or (edge.source, edge.target) in back:
                continue
            source, y = edge.source, port_y(edge.source, edge.source_port)
            order = int(y)
            for step in range(rank[edge.source] + 1, rank[edge.target]):
                dummy = f"\0{number}.{step}"
                self.rank[dummy] = step
                self.preds[dummy] = [(source, y, order)]
                source, y, order = dummy, _DUMMY_H / 2, 0
            self.preds[edge.target].append((source, y, order))


_DUMMY_H = 20.0


def layered_layout(scenario: Scenario, size_of: Callable[[str], Size], *,
                   port_y: Callable[[str, str], float] | None = None, input_y: float = 36,
                   column_gap: float = 100, row_gap: float = 40, grid: int = 20,
                   is_trigger: Callable[[str], bool] | None = None) -> dict[str, tuple[float, float]]:
    """Top-left position per node id.

    Args:
        size_of: (width, height) of a node's card, including anything drawn under it.
        port_y: vertical position of an exit inside its card, so "yes" lands above "no" and
            cards line up with the exit that leads to them.
        input_y: vertical position of the input port inside a card.
        is_trigger: which nodes start journeys (ranked first); by default nodes with no input edges.
    """
    order = list(scenario.nodes)
    if not order:
        return {}
    successors: dict[str, list[str]] = {n: [] for n in order}
    has_input = {e.target for e in scenario.edges.values()}
    for edge in scenario.edges.values():
        if edge.source in successors and edge.target in successors:
            successors[edge.source].append(edge.target)
    roots = [n for n in order if (is_trigger(n) if is_trigger else n not in has_input)]
    back = _back_edges(order, successors, roots)
    layers = _Layers(scenario, _ranks(order, successors, back), back,
                     port_y or (lambda node, port: size_of(node)[1] / 2))

    def size(node: str) -> Size:
        return size_of(node) if node in scenario.nodes else (0.0, _DUMMY_H)

    columns: dict[int, list[str]] = {}
    for node in sorted(order, key=lambda n: (scenario.nodes[n].y, scenario.nodes[n].x)):
        columns.setdefault(layers.rank[node], []).append(node)
    for node, r in layers.rank.items():
        if node not in scenario.nodes:
            columns.setdefault(r, []).append(node)
    slot = {n: float(i) for column in columns.values() for i, n in enumerate(column)}
    for _sweep in range(4):
        for r in sorted(columns)[1:]:
            def centre(node: str, r: int = r) -> float:
                # Exits of one node spread by a fraction of a slot, keeping branches in port order.
                weights = [slot[p] + k / 1000 for p, _, k in layers.preds[node] if layers.rank[p] < r]
                return sum(weights) / len(weights) if weights else slot[node]
            columns[r].sort(key=lambda n: (centre(n), slot[n]))
            slot.update({n: float(i) for i, n in enumerate(columns[r])})
    positions: dict[str, tuple[float, float]] = {}
    tops: dict[str, float] = {}
    x = 0.0
    for r in sorted(columns):
        real = [n for n in columns[r] if n in scenario.nodes]
        width = max((size(n)[0] for n in real), default=0.0)
        bottom: float | None = None
        for node in columns[r]:
            height = size(node)[1]
            aims = [tops[p] + y for p, y, _ in layers.preds[node] if p in tops]
            own_input = input_y if node in scenario.nodes else _DUMMY_H / 2
            wanted = sum(aims) / len(aims) - own_input if aims else 0.0
            y = _snap(wanted if bottom is None else max(wanted, bottom + row_gap), grid)
            if bottom is not None and y < bottom + row_gap / 2:
                y = _snap(bottom + row_gap, grid)
            tops[node] = y
            bottom = y + height
            if node in scenario.nodes:
                positions[node] = (_snap(x, grid), y)
        x += (width + column_gap) if real else column_gap
    _straighten(scenario, positions, size_of, port_y or (lambda node, port: size_of(node)[1] / 2), input_y,
                layers.rank, back, row_gap, grid)
    return positions


def _curve_points(sx: float, sy: float, ex: float, ey: float, steps: int = 24) -> list[tuple[float, float]]:
    """Points along the canvas's edge curve (the same cubic as `edge_item.curve`)."""
    dx = max(60.0, abs(ex - sx) / 2)
    points = []
    for i in range(1, steps):
        t = i / steps
        u = 1 - t
        points.append((u ** 3 * sx + 3 * u * u * t * (sx + dx) + 3 * u * t * t * (ex - dx) + t ** 3 * ex,
                       (u ** 3 + 3 * u * u * t) * sy + (3 * u * t * t + t ** 3) * ey))
    return points


def _straighten(scenario: Scenario, positions: dict[str, tuple[float, float]], size_of: Callable[[str], Size],
                port_y: Callable[[str, str], float], input_y: float, rank: dict[str, int],
                back: set[tuple[str, str]], row_gap: float, grid: int) -> None:
    """Line up the target of an edge that skips columns with its exit when the curve would cross a card."""
    rects = {n: (x, y, x + size_of(n)[0], y + size_of(n)[1]) for n, (x, y) in positions.items()}

    def crosses(source: str, target: str, sx: float, sy: float, target_top: float) -> bool:
        ex = positions[target][0]
        points = _curve_points(sx, sy, ex, target_top + input_y)
        between = [r for n, r in rects.items() if n not in (source, target) and r[2] >= sx and r[0] <= ex]
        return any(r[0] - 6 <= px <= r[2] + 6 and r[1] - 6 <= py <= r[3] + 6 for r in between for px, py in points)

    for edge in scenario.edges.values():
        source, target = edge.source, edge.target
        if (source, target) in back or source not in positions or target not in positions \
                or rank[target] - rank[source] < 2:
            continue
        sx = rects[source][2]
        sy = positions[source][1] + port_y(source, edge.source_port)
        if not crosses(source, target, sx, sy, positions[target][1]):
            continue
        top = _snap(sy - input_y, grid)
        width, height = size_of(target)
        x = positions[target][0]
        free = all(r[2] <= x or x + width <= r[0] or r[3] + row_gap / 2 <= top or top + height + row_gap / 2 <= r[1]
                   for n, r in rects.items() if n != target)
        if free and not crosses(source, target, sx, sy, top):
            positions[target] = (x, top)
            rects[target] = (x, top, x + width, top + height)
