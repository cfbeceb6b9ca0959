"""The words of the publish confirmation: who will enter the scenario, how often, and what happens next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.scenarios.graph import Scenario
from app.segments.catalog import EVENT_TYPES
from ui.scenarios.fields.pickers import contact_field_label
from ui.scenarios.texts import entry_mode_label, pick

__all__ = ["confirm_text"]

translate = QCoreApplication.translate


def _event(key: str) -> str:
    return next((pick(ru, en) for k, ru, en in EVENT_TYPES if k == key), key)


def _who(kind: str, value: str) -> str:
    if kind == "all":
        count = QLocale().toString(int(value)) if value.isdigit() else value
        return translate("ScenarioPublish", "all contacts of the base (%1) at once").replace("%1", count)
    if kind == "segment":
        return translate("ScenarioPublish", "everyone in the segment “%1” at once").replace("%1", value)
    if kind == "list":
        return translate("ScenarioPublish", "everyone on the list “%1” at once").replace("%1", value)
    if kind == "event":
        return translate("ScenarioPublish", "every contact with the event “%1” from now on").replace("%1", _event(value))
    if kind == "list_added":
        return translate("ScenarioPublish", "contacts added to the list “%1” from now on").replace("%1", value)
    if kind == "segment_entered":
        return translate("ScenarioPublish", "contacts who newly match the segment “%1” (those already in it do "
                                            "not enter)").replace("%1", value)
    if kind == "date":
        return translate("ScenarioPublish", "contacts on the anniversary of “%1”").replace(
            "%1", contact_field_label(value))
    if kind == "inactivity":
        return translate("ScenarioPublish", "contacts inactive for %1 days").replace("%1", value)
    return value


def confirm_text(facts: list[tuple[str, str]], scenario: Scenario) -> str:
    """The question shown before publishing."""
    who = "; ".join(_who(kind, value) for kind, value in facts) or translate("ScenarioPublish", "nobody yet")
    entry = entry_mode_label(scenario.entry.mode)
    if scenario.entry.mode == "once_per_days":
        entry += f" (N = {scenario.entry.days})"
    return (translate("ScenarioPublish", "Who will enter: %1.").replace("%1", who) + "\n"
            + translate("ScenarioPublish", "How often one contact may enter: %1.").replace("%1", entry) + "\n\n"
            + translate("ScenarioPublish", "Messages go out through your real provider accounts as soon as "
                                           "contacts reach them. Publish now?"))
