"""Words the canvas shows: node and port titles in the UI language, one-line summaries, refusals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.importer.model import field_label
from app.scenarios.errors import CycleWithoutWait, ScenarioError
from app.scenarios.graph import Node, Port, Scenario
from app.scenarios.registry import NodeType, Registry
from app.segments.catalog import EVENT_TYPES

translate = QCoreApplication.translate


class CanvasWords(QObject):
    """Phrases with a number, so the catalogue can give each language its plural forms."""

    def minutes(self, n: int) -> str:
        """ "5 минут"."""
        return self.tr("%n minute(s)", "", n)

    def hours(self, n: int) -> str:
        """ "2 часа"."""
        return self.tr("%n hour(s)", "", n)

    def days(self, n: int) -> str:
        """ "3 дня"."""
        return self.tr("%n day(s)", "", n)

    def conditions(self, n: int) -> str:
        """ "+ 2 условия" (property filters of an event trigger)."""
        return self.tr("+ %n condition(s)", "", n)

    def days_before(self, n: int) -> str:
        """ "за 3 дня" (a date trigger before the date)."""
        return self.tr("%n day(s) before", "", n)

    def days_after(self, n: int) -> str:
        """ "через 3 дня" (a date trigger after the date)."""
        return self.tr("%n day(s) after", "", n)

    def no_purchase(self, n: int) -> str:
        """An inactivity trigger on purchases."""
        return self.tr("no purchase for %n day(s)", "", n)

    def no_activity(self, n: int) -> str:
        """An inactivity trigger on any event."""
        return self.tr("no activity for %n day(s)", "", n)

    def messages(self, n: int) -> str:
        """A frequency gate's limit."""
        return self.tr("at most %n message(s)", "", n)


_words: CanvasWords | None = None


def words() -> CanvasWords:
    """The shared phrase maker."""
    global _words
    if _words is None:
        _words = CanvasWords()
    return _words

__all__ = ["counter_label", "node_title", "pick", "port_title", "refusal", "summary", "ui_lang"]


def ui_lang() -> str:
    """"ru" when the Russian catalogue of the canvas is installed, else "en"."""
    # The translator answers this marker with its own language code.
    return "ru" if translate("ScenarioCanvas", "en", "language code of this translation") == "ru" else "en"


def pick(title_ru: str, title_en: str) -> str:
    """The registry title in the interface language (the other one when that is empty)."""
    first, second = (title_ru, title_en) if ui_lang() == "ru" else (title_en, title_ru)
    return first or second


def node_title(node: Node, node_type: NodeType | None) -> str:
    """The user's title for the node, else its type's title."""
    if node.title:
        return node.title
    if node_type is None:
        return translate("ScenarioCanvas", "Unknown step")
    return pick(node_type.title_ru, node_type.title_en)


def port_title(port: Port) -> str:
    """An exit's label ("Да", "Не дождались", "Ветка A")."""
    return pick(port.title_ru, port.title_en) or port.name


def counter_label(key: str) -> str:
    """The word on a live counter chip."""
    return {
        "entered": translate("ScenarioCanvas", "entered"),
        "waiting": translate("ScenarioCanvas", "waiting"),
        "sent": translate("ScenarioCanvas", "sent"),
        "converted": translate("ScenarioCanvas", "converted"),
    }.get(key, key)


def duration(value: Any) -> str:
    """ "3 дня", "2 hours"; empty for a malformed value."""
    if not isinstance(value, dict) or not isinstance(value.get("amount"), int):
        return ""
    amount = value["amount"]
    unit = value.get("unit")
    if unit == "minutes":
        return words().minutes(amount)
    if unit == "hours":
        return words().hours(amount)
    if unit == "days":
        return words().days(amount)
    return ""


def _weekdays(days: Any) -> str:
    names = [translate("ScenarioCanvas", "Mon"), translate("ScenarioCanvas", "Tue"),
             translate("ScenarioCanvas", "Wed"), translate("ScenarioCanvas", "Thu"),
             translate("ScenarioCanvas", "Fri"), translate("ScenarioCanvas", "Sat"),
             translate("ScenarioCanvas", "Sun")]
    if not isinstance(days, list) or not all(isinstance(d, int) and 1 <= d <= 7 for d in days):
        return ""
    days = sorted(set(days))
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{names[days[0] - 1]}–{names[days[-1] - 1]}"
    return ", ".join(names[d - 1] for d in days)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _field(value: Any) -> str:
    """A contact field as the user knows it ("Дата рождения" for "birthday")."""
    key = _text(value)
    return field_label(key, ui_lang()) if key else ""


def _event(value: Any) -> str:
    """A known event type by its name in the interface language; a custom one as typed."""
    key = _text(value)
    for known, ru, en in EVENT_TYPES:
        if known == key:
            return pick(ru, en)
    return key


def _trigger_summary(node_type: NodeType, props: dict[str, Any]) -> str:
    kind = node_type.type_id
    if kind == "trigger.event":
        filters = props.get("filters") or []
        text = _event(props.get("event_type"))
        if text and isinstance(filters, list) and filters:
            text += " " + words().conditions(len(filters))
        return text
    if kind == "trigger.date":
        offset = props.get("offset_days")
        field = _field(props.get("field"))
        at = _text(props.get("at"))
        if isinstance(offset, int) and offset:
            when = (words().days_before(-offset) if offset < 0
                    else words().days_after(offset))
            # The timing first: the field name may be cut off on a narrow card (it is in the tooltip).
            return f"{when}, {at} · {field}".strip(" ·,")
        return f"{at} · {field}".strip(" ·")
    if kind == "trigger.inactivity":
        days = props.get("days")
        if not isinstance(days, int):
            return ""
        if props.get("what") == "purchase":
            return words().no_purchase(days)
        return words().no_activity(days)
    if kind == "trigger.audience":
        audience = props.get("audience")
        if audience == "all":
            return translate("ScenarioCanvas", "all contacts")
        return _text(props.get(audience)) if audience in ("segment", "list") else ""
    return _text(props.get("list")) or _text(props.get("segment"))


def _flow_summary(node_type: NodeType, props: dict[str, Any]) -> str:
    kind = node_type.type_id
    if kind == "flow.wait":
        return duration(props.get("duration"))
    if kind == "flow.wait_window":
        hours = f"{_text(props.get('from'))}–{_text(props.get('to'))}".strip("–")
        return ", ".join(part for part in (_weekdays(props.get("weekdays")), hours) if part)
    if kind == "flow.wait_event":
        limit = duration(props.get("timeout"))
        event = _event(props.get("event_type"))
        return f"{event}, ≤ {limit}" if event and limit else event
    if kind == "flow.split":
        branches = props.get("branches")
        parts = [f"{b.get('key')} {b.get('percent')} %" for b in branches or []
                 if isinstance(b, dict) and b.get("key")] if isinstance(branches, list) else []
        return " / ".join(parts)
    if kind == "flow.frequency":
        count, period = props.get("max_messages"), duration(props.get("period"))
        if isinstance(count, int) and period:
            return words().messages(count) + " / " + period
        return ""
    if kind == "flow.condition":
        rule = props.get("rule")
        return translate("ScenarioCanvas", "segment rule") if isinstance(rule, dict) and rule else ""
    if kind == "flow.goal":
        return _event(props.get("event_type"))
    if kind == "flow.exit":
        return translate("ScenarioCanvas", "end of the scenario")
    return ""


def _action_summary(node_type: NodeType, props: dict[str, Any]) -> str:
    kind = node_type.type_id
    if node_type.template_kind:
        return _text(props.get("template"))
    if kind in ("action.tag", "action.list"):
        name = _text(props.get("tag" if kind == "action.tag" else "list"))
        sign = "−" if props.get("op") == "remove" else "+"
        return f"{sign} {name}" if name else ""
    if kind == "action.update_field":
        field = _field(props.get("field"))
        return f"{field} = {props.get('value', '')}" if field else ""
    if kind == "action.webhook":
        return _text(props.get("provider"))
    return ""


def summary(node: Node, node_type: NodeType | None) -> str:
    """One line about the node's key settings ("3 дня", a template name, "A 50 % / B 50 %")."""
    if node_type is None:
        return node.type
    props = node.props if isinstance(node.props, dict) else {}
    makers = {"trigger": _trigger_summary, "flow": _flow_summary, "action": _action_summary}
    maker = makers.get(node_type.category, _action_summary)
    text = maker(node_type, props)
    if text:
        return text
    if node_type.fields and any(f.required for f in node_type.fields):
        return translate("ScenarioCanvas", "not set up yet")
    return ""


def refusal(problem: ScenarioError, scenario: Scenario, registry: Registry, source: str, port: str,
            target: str) -> str:
    """Why a connection the user tried is refused, in plain words."""
    target_node = scenario.nodes.get(target)
    target_type = registry.get(target_node.type) if target_node else None
    if source == target:
        return translate("ScenarioCanvas", "A step cannot be connected to itself.")
    if target_type is not None and not target_type.inputs:
        return translate("ScenarioCanvas", "“%1” starts on its own: nothing can lead into it.").replace(
            "%1", node_title(target_node, target_type))
    if isinstance(problem, CycleWithoutWait):
        return translate("ScenarioCanvas",
                         "This would make a loop without a pause: put a “Wait” step inside the loop.")
    if any(e.source == source and e.source_port == port and e.target == target for e in scenario.edges.values()):
        return translate("ScenarioCanvas", "These steps are already connected.")
    if scenario.edges_from(source, port):
        return translate("ScenarioCanvas", "This exit already leads to another step: delete that arrow first.")
    return problem.reason
