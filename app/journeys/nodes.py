"""What each node type does to a journey, with the clock passed in and the world behind `Effects`.

The runner (durable, database effects) and the simulation (simulated clock, in-memory
effects) walk a scenario graph with this same code, so "test on a contact" shows exactly
what the engine will do. A node either moves the journey on through one of its output
ports, holds it until a time (`wait_until`), or ends it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, Protocol

from app.journeys.windows import in_window, next_window
from app.scenarios.fields import duration_seconds
from app.scenarios.graph import Edge, Node, Scenario
from app.scenarios.registry import NodeType, Registry

__all__ = [
    "END_STATES",
    "Effects",
    "Journey",
    "Result",
    "StepRecord",
    "Walk",
    "Walker",
    "event_matches",
    "in_window",
    "next_window",
    "split_branch",
]

END_STATES = ("done", "exited", "failed")
#: Context keys the engine keeps for itself (never shown to templates).
WAIT_KEY = "_wait"
#: More steps than this without a wait means a broken graph (validation forbids such loops).
MAX_STEPS = 200


@dataclass
class Journey:
    """The mutable state of one contact in one scenario version (a `journeys` row)."""

    id: int
    scenario_id: int
    version: int
    contact_id: int
    node_id: str
    state: str
    wake_at: datetime | None
    step: int
    entered_at: datetime
    context: dict[str, Any] = field(default_factory=dict)
    branch: str | None = None
    outcome: str | None = None
    converted_at: datetime | None = None
    finished_at: datetime | None = None
    #: The event that started the journey: never counts as an awaited event or a goal.
    event_id: int | None = None


@dataclass(frozen=True)
class Result:
    """What a node did. `port`: the output to follow; `wait_until`: stay here until then;
    neither: the journey ends in `state` ("done", "exited", "failed")."""

    outcome: str
    port: str | None = None
    wait_until: datetime | None = None
    state: str = "active"
    detail: str = ""
    record: bool = True
    messages: tuple[Any, ...] = ()


@dataclass(frozen=True)
class StepRecord:
    """One `journey_steps` row to write (messages: the effects' handles of queued messages)."""

    step: int
    node_id: str
    outcome: str
    port: str | None
    detail: str
    at: datetime
    messages: tuple[Any, ...] = ()


@dataclass
class Walk:
    """What one `Walker.advance` did: the steps taken and the edges followed, in order."""

    steps: list[StepRecord] = field(default_factory=list)
    edges: list[str] = field(default_factory=list)


class Effects(Protocol):
    """Everything a node needs from the world; the runner reads and writes the database, the
    simulation answers from memory."""

    def contact(self, journey: Journey) -> Mapping[str, Any]:
        """The journey's contact as a contacts row (columns + `custom`)."""

    def zones(self, journey: Journey) -> Sequence[tzinfo]:
        """The contact's time zones (app.engine.gates.recipient_zones)."""

    def find_event(self, journey: Journey, event_type: str, filters: list[dict[str, Any]], since: datetime,
                   until: datetime) -> tuple[datetime, dict[str, Any]] | None:
        """The first event of the contact of `event_type` matching `filters` in [since, until]."""

    def matches_rule(self, journey: Journey, rule: dict[str, Any], now: datetime) -> bool:
        """Whether the contact matches a segment rule now."""

    def message_count(self, journey: Journey, since: datetime, now: datetime) -> int:
        """Messages to the contact queued or sent since `since` (frequency gate)."""

    def send(self, journey: Journey, node: Node, node_type: NodeType, now: datetime) -> Result:
        """Render and queue the message(s) of an action node."""

    def apply(self, journey: Journey, node: Node, now: datetime) -> Result:
        """Tag / list / field actions."""


# -- helpers shared with the entry side and the simulation --------------------------------------
def event_matches(filters: Sequence[Mapping[str, Any]] | None, properties: Mapping[str, Any] | None) -> bool:
    """Whether event `properties` pass every filter ({property, op, value}); the trigger side's
    matcher (`app.journeys.matching`), so waits, goals and triggers agree."""
    from app.journeys.matching import filter_matches

    return all(filter_matches(f, properties or {}) for f in filters or () if isinstance(f, Mapping))


def split_branch(journey_id: int, node_id: str, branches: Sequence[Mapping[str, Any]]) -> str:
    """The A/B/n branch of a journey: a stable hash of (journey, node) into 100 buckets, so a
    re-run after a crash always takes the same branch."""
    digest = hashlib.sha256(f"{journey_id}:{node_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % 100
    upto = 0
    for branch in branches:
        upto += int(branch["percent"])
        if bucket < upto:
            return str(branch["key"])
    return str(branches[-1]["key"])


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _parse(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _period(value: Mapping[str, Any]) -> timedelta:
    return timedelta(seconds=duration_seconds(dict(value)))


# -- the walker ------------------------------------------------------------------------------------
class Walker:
    """Walks one scenario version: node semantics plus the edge lookup, built once per version."""

    def __init__(self, graph: Scenario, registry: Registry) -> None:
        self.graph = graph
        self.registry = registry
        self._next: dict[tuple[str, str], Edge] = {}
        for edge in graph.edges.values():
            self._next.setdefault((edge.source, edge.source_port), edge)
        self.goals = [n for n in graph.nodes.values() if registry.resolve(n.type) == "flow.goal"]
        self.triggers = [n for n in graph.nodes.values() if (t := registry.get(n.type)) is not None and t.is_trigger]

    def goal_reached(self, journey: Journey, now: datetime, effects: Effects) -> tuple[Node, datetime] | None:
        """The goal node and the time of the event that converted the contact since entering, if any."""
        for goal in self.goals:
            until = now
            within = goal.props.get("within")
            if within:
                until = min(now, journey.entered_at + _period(within))
            if until < journey.entered_at:
                continue
            found = effects.find_event(journey, str(goal.props.get("event_type", "")), goal.props.get("filters") or [],
                                       journey.entered_at, until)
            if found is not None:
                return goal, found[0]
        return None

    def check_goal(self, journey: Journey, now: datetime, effects: Effects, walk: Walk) -> bool:
        """End the journey `exited` (step "converted") when its contact reached a goal; True if so."""
        hit = self.goal_reached(journey, now, effects) if self.goals else None
        if hit is None:
            return False
        goal, at = hit
        journey.converted_at = at
        self._record(journey, walk, goal.id, Result("converted", state="exited", detail="goal reached"), now)
        self._finish(journey, "exited", "goal reached", now)
        return True

    def advance(self, journey: Journey, now: datetime, effects: Effects) -> Walk:
        """Run the journey from where it stands until it waits or ends; mutates `journey`."""
        walk = Walk()
        if self.check_goal(journey, now, effects, walk):
            return walk
        resuming = True
        for _ in range(MAX_STEPS):
            node = self.graph.nodes.get(journey.node_id)
            node_type = self.registry.get(node.type) if node is not None else None
            if node is None or node_type is None:
                reason = (f"node {journey.node_id} is no longer in the scenario" if node is None
                          else f"node type {node.type!r} is not available")
                self._record(journey, walk, journey.node_id, Result("exited", state="exited", detail=reason), now)
                self._finish(journey, "exited", reason, now)
                return walk
            if resuming and node_type.waits:
                result = self.resume(journey, node, node_type, now, effects)
            else:
                result = self.execute(journey, node, node_type, now, effects)
            resuming = False
            self._record(journey, walk, node.id, result, now)
            if result.wait_until is not None:
                journey.state, journey.wake_at = result.state, result.wait_until
                return walk
            if result.port is None:
                self._finish(journey, result.state if result.state in END_STATES else "done", result.detail or
                             result.outcome, now)
                return walk
            edge = self._next.get((node.id, result.port))
            if edge is None:  # an unconnected optional output (or the last step): the path is complete
                self._finish(journey, "done", "completed", now)
                return walk
            walk.edges.append(edge.id)
            journey.node_id = edge.target
        reason = f"more than {MAX_STEPS} steps without a wait"
        self._record(journey, walk, journey.node_id, Result("failed", state="failed", detail=reason), now)
        self._finish(journey, "failed", reason, now)
        return walk

    @staticmethod
    def _record(journey: Journey, walk: Walk, node_id: str, result: Result, now: datetime) -> None:
        if not result.record:
            return
        journey.step += 1
        walk.steps.append(StepRecord(journey.step, node_id, result.outcome, result.port, result.detail, now,
                                     result.messages))

    @staticmethod
    def _finish(journey: Journey, state: str, outcome: str, now: datetime) -> None:
        journey.state, journey.wake_at, journey.finished_at = state, None, now
        journey.outcome = outcome[:200]
        journey.context.pop(WAIT_KEY, None)

    # -- one node ---------------------------------------------------------------------------
    def resume(self, journey: Journey, node: Node, node_type: NodeType, now: datetime, effects: Effects) -> Result:
        """A waiting node's timer fell due (or, for an event wait, the journey was woken)."""
        if node_type.type_id == "flow.wait_window":
            # The timer may run late (the computer was off): the window must still be open now.
            opening = next_window(now, effects.zones(journey), node.props["weekdays"], node.props["from"],
                                  node.props["to"])
            if opening is not None:
                return Result("waiting", wait_until=opening, detail=f"window closed; until {_iso(opening)}")
        if node_type.type_id != "flow.wait_event":
            journey.context.pop(WAIT_KEY, None)
            return Result("passed", "next", detail="wait over")
        wait = journey.context.get(WAIT_KEY) or {}
        since = _parse(wait["since"]) if wait.get("since") else journey.entered_at
        until = _parse(wait["until"]) if wait.get("until") else now
        found = effects.find_event(journey, str(node.props.get("event_type", "")), node.props.get("filters") or [],
                                   since, min(now, until))
        if found is not None:
            journey.context.pop(WAIT_KEY, None)
            # Templates after this step see the awaited event's properties as `event.*`.
            journey.context.update({k: v for k, v in found[1].items() if not str(k).startswith("_")})
            return Result("passed", "event", detail=f"{node.props.get('event_type')} at {_iso(found[0])}")
        if now >= until:
            journey.context.pop(WAIT_KEY, None)
            return Result("passed", "timeout", detail="no event before the timeout")
        # Woken early by an event that does not match: keep waiting, without a new step.
        return Result("waiting", wait_until=until, state="waiting", record=False)

    def execute(self, journey: Journey, node: Node, node_type: NodeType, now: datetime, effects: Effects) -> Result:
        """Arrive at `node` and do what it says."""
        kind, props = node_type.type_id, node.props
        if node_type.is_trigger:
            return Result("entered", "next", record=False)
        if kind == "flow.wait":
            until = now + _period(props["duration"])
            return Result("waiting", wait_until=until, detail=f"until {_iso(until)}")
        if kind == "flow.wait_window":
            opening = next_window(now, effects.zones(journey), props["weekdays"], props["from"], props["to"])
            if opening is None:
                return Result("passed", "next", detail="inside the window")
            return Result("waiting", wait_until=opening, detail=f"until {_iso(opening)}")
        if kind == "flow.wait_event":
            until = now + _period(props["timeout"])
            journey.context[WAIT_KEY] = {"since": _iso(now), "until": _iso(until)}
            return Result("waiting", wait_until=until, state="waiting",
                          detail=f"for {props.get('event_type')} until {_iso(until)}")
        if kind == "flow.condition":
            yes = effects.matches_rule(journey, props["rule"], now)
            return Result("yes" if yes else "no", "yes" if yes else "no")
        if kind == "flow.split":
            branch = split_branch(journey.id, node.id, props["branches"])
            journey.branch = branch
            return Result("branch", branch, detail=f"branch {branch}")
        if kind == "flow.frequency":
            count = effects.message_count(journey, now - _period(props["period"]), now)
            limited = count >= int(props["max_messages"])
            return Result("limited" if limited else "passed", "limited" if limited else "pass",
                          detail=f"{count} message(s) in the period")
        if kind == "flow.goal":
            return Result("exited", state="done", detail="goal node")
        if kind == "flow.exit":
            return Result("exited", state="exited", detail="exit node")
        if node_type.channel:
            return effects.send(journey, node, node_type, now)
        if kind in ("action.tag", "action.list", "action.update_field"):
            return effects.apply(journey, node, now)
        return Result("exited", state="exited", detail=f"node type {kind!r} cannot run in this version")
