"""Helpers of the simulation dialog: running the simulator, reading typed properties, naming outcomes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.scenarios.graph import Scenario

__all__ = ["detail_label", "outcome_label", "parse_properties", "run_simulation"]

translate = QCoreApplication.translate


def outcome_label(outcome: str) -> str:
    """A step outcome or a journey result in plain words."""
    return {
        "entered": translate("ScenarioSimulation", "entered"),
        "passed": translate("ScenarioSimulation", "passed"),
        "waiting": translate("ScenarioSimulation", "waits"),
        "sent": translate("ScenarioSimulation", "message sent"),
        "skipped": translate("ScenarioSimulation", "skipped"),
        "held": translate("ScenarioSimulation", "held"),
        "yes": translate("ScenarioSimulation", "yes"),
        "no": translate("ScenarioSimulation", "no"),
        "branch": translate("ScenarioSimulation", "branch"),
        "event": translate("ScenarioSimulation", "the event happened"),
        "timeout": translate("ScenarioSimulation", "did not happen in time"),
        "converted": translate("ScenarioSimulation", "goal reached"),
        "exited": translate("ScenarioSimulation", "left the scenario"),
        "done": translate("ScenarioSimulation", "finished"),
        "failed": translate("ScenarioSimulation", "failed"),
        "horizon": translate("ScenarioSimulation", "still inside at the end of the test period"),
    }.get(outcome, outcome)


def parse_properties(text: str) -> dict[str, Any]:
    """"url=/prices; seconds=200" → {"url": "/prices", "seconds": 200} (whole numbers become numbers)."""
    found: dict[str, Any] = {}
    for part in text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise UserInputError(f"event property {part.strip()!r} needs the form name=value")
        name, value = (p.strip() for p in part.split("=", 1))
        if not name:
            raise UserInputError(f"event property {part.strip()!r} has no name")
        found[name] = int(value) if value.lstrip("-").isdigit() else value
    return found


def run_simulation(engine: Engine, scenario: Scenario, contact_id: int,
                   events: list[tuple[dt.timedelta, str, dict[str, Any]]]) -> Any:
    """The journey simulator's Simulation for one contact (runs on a worker thread)."""
    from app.journeys.simulate import SimEvent, simulate

    return simulate(engine, scenario, contact_id=contact_id,
                    events=[SimEvent(after, kind, props) for after, kind, props in events])


_ISO = r"(\d{4}-\d{2}-\d{2}T[0-9:.+\-]+)"
_FIXED = {
    "wait over": QT_TRANSLATE_NOOP("ScenarioSimulation", "the pause is over"),
    "inside the window": QT_TRANSLATE_NOOP("ScenarioSimulation", "the time window is open"),
    "no event before the timeout": QT_TRANSLATE_NOOP("ScenarioSimulation", "no event before the time ran out"),
    "exit node": QT_TRANSLATE_NOOP("ScenarioSimulation", "an exit step"),
    "goal node": QT_TRANSLATE_NOOP("ScenarioSimulation", "a goal step"),
    "goal reached": QT_TRANSLATE_NOOP("ScenarioSimulation", "goal reached"),
    "nobody to send to": QT_TRANSLATE_NOOP("ScenarioSimulation", "nobody to send to"),
    "would be sent": QT_TRANSLATE_NOOP("ScenarioSimulation", "would be sent"),
    "no consent: skipped": QT_TRANSLATE_NOOP("ScenarioSimulation", "no consent: skipped"),
    "no address: skipped": QT_TRANSLATE_NOOP("ScenarioSimulation", "no address: skipped"),
    "frequency cap reached: skipped": QT_TRANSLATE_NOOP("ScenarioSimulation", "frequency cap reached: skipped"),
    "address suppressed (unsubscribed or bounced): skipped": QT_TRANSLATE_NOOP(
        "ScenarioSimulation", "the address is on the stop list: skipped"),
    "would be sent (service message: no consent or quiet-hours gate)": QT_TRANSLATE_NOOP(
        "ScenarioSimulation", "would be sent (a service message: no consent or quiet hours check)"),
}


def _one(detail: str, when: Callable[[dt.datetime], str]) -> str:
    """One detail phrase in plain words (unknown phrases are kept as they are)."""
    detail = detail.strip()
    if detail in _FIXED:
        return translate("ScenarioSimulation", _FIXED[detail])
    if match := re.fullmatch(rf"until {_ISO}", detail):
        return translate("ScenarioSimulation", "until %1").replace("%1", when(dt.datetime.fromisoformat(match[1])))
    if match := re.fullmatch(rf"for (\S+) until {_ISO}", detail):
        return translate("ScenarioSimulation", "waits for “%1” until %2").replace("%1", match[1]).replace(
            "%2", when(dt.datetime.fromisoformat(match[2])))
    if match := re.fullmatch(rf"(\S+) at {_ISO}", detail):
        return translate("ScenarioSimulation", "“%1” at %2").replace("%1", match[1]).replace(
            "%2", when(dt.datetime.fromisoformat(match[2])))
    if match := re.fullmatch(r"would be held until (\d\d:\d\d) \((\d\d\.\d\d), quiet hours\)", detail):
        return translate("ScenarioSimulation", "would wait for the end of quiet hours: %1 (%2)").replace(
            "%1", match[1]).replace("%2", match[2])
    if match := re.fullmatch(r"branch (.+)", detail):
        return translate("ScenarioSimulation", "branch %1").replace("%1", match[1])
    if match := re.fullmatch(r"(\d+) message\(s\) in the period", detail):
        return translate("ScenarioSimulation", "messages in the period: %1").replace("%1", match[1])
    if match := re.fullmatch(r"the message cannot be prepared: (.*)", detail, re.S):
        return translate("ScenarioSimulation", "the message cannot be prepared: %1").replace("%1", match[1])
    if match := re.fullmatch(r"([^:;]+@[^:;]+|\+?[\d ()-]+|no address): (.+)", detail):
        return f"{match[1]}: {_one(match[2], when)}"
    return detail


def detail_label(detail: str, when: Callable[[dt.datetime], str]) -> str:
    """A simulation step's detail in plain words; `when` formats moments in local time."""
    return "; ".join(_one(part, when) for part in detail.split("; ")) if detail else ""
