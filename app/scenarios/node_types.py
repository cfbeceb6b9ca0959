"""The built-in node types: triggers, flow steps and actions of issue 6."""

from __future__ import annotations

from typing import Any

from app.scenarios.graph import Port
from app.scenarios.registry import FieldSpec as F
from app.scenarios.registry import NodeType

__all__ = ["BUILTIN_TYPES", "split_ports"]

_NO_INPUT: tuple[Port, ...] = ()
_START = (Port("next", "Старт", "Start"),)
_END: tuple[Port, ...] = ()


def _duration(name: str, ru: str, en: str, default: dict[str, Any] | None = None) -> F:
    return F(name, "duration", True, default or {"amount": 1, "unit": "days"}, title_ru=ru, title_en=en)


def _provider(required: bool = False) -> F:
    # Empty: the channel's default account at send time.
    return F("provider", "provider", required, title_ru="Аккаунт провайдера", title_en="Provider account")


def _template(ru: str = "Шаблон", en: str = "Template") -> F:
    return F("template", "template", True, title_ru=ru, title_en=en)


def split_ports(props: dict[str, Any]) -> tuple[Port, ...]:
    """One required output per A/B/n branch, named after the branch key."""
    branches = props.get("branches") or []
    ports = []
    for branch in branches if isinstance(branches, list) else []:
        key = str(branch.get("key", "")) if isinstance(branch, dict) else ""
        if key:
            ports.append(Port(key, f"Ветка {key}", f"Branch {key}", required=True))
    return tuple(ports)


_EVENT_FIELDS = (
    F("event_type", "text", True, "page_view", title_ru="Событие", title_en="Event"),
    F("filters", "event_filters", False, [], title_ru="Условия на свойства", title_en="Property filters"),
)

TRIGGERS = (
    NodeType("trigger.event", "Событие на сайте", "Event received", "trigger", _NO_INPUT, _START, _EVENT_FIELDS),
    NodeType("trigger.list_added", "Добавлен в список", "Added to a list", "trigger", _NO_INPUT, _START,
             (F("list", "list", True, title_ru="Список", title_en="List"),)),
    NodeType("trigger.segment_entered", "Попал в сегмент", "Entered a segment", "trigger", _NO_INPUT, _START,
             (F("segment", "segment", True, title_ru="Сегмент", title_en="Segment"),)),
    NodeType("trigger.date", "Годовщина даты", "Date anniversary", "trigger", _NO_INPUT, _START, (
        F("field", "date_field", True, "birthday", title_ru="Поле даты", title_en="Date field"),
        F("offset_days", "int", False, 0, title_ru="Дней до (−) или после (+)", title_en="Days before (−) / after (+)"),
        F("at", "time", True, "10:00", title_ru="Время (местное)", title_en="Local time"),
    )),
    NodeType("trigger.inactivity", "Неактивность", "Inactivity", "trigger", _NO_INPUT, _START, (
        F("what", "choice", True, "event", ("event", "purchase"), "Нет чего", "No what"),
        F("days", "int", True, 30, title_ru="Дней", title_en="Days", minimum=1),
    )),
    NodeType("trigger.audience", "Разовый запуск по аудитории", "One-off start for an audience", "trigger",
             _NO_INPUT, _START, (
                 F("audience", "choice", True, "segment", ("segment", "list", "all"), "Аудитория", "Audience"),
                 F("segment", "segment", title_ru="Сегмент", title_en="Segment"),
                 F("list", "list", title_ru="Список", title_en="List"),
             )),
)

FLOW = (
    NodeType("flow.wait", "Пауза", "Wait", "flow", fields=(_duration("duration", "Длительность", "Duration"),),
             waits=True, replaces=("delay",)),
    NodeType("flow.wait_window", "Ждать окна времени", "Wait for a time window", "flow", fields=(
        F("weekdays", "weekdays", True, [1, 2, 3, 4, 5], title_ru="Дни недели", title_en="Weekdays"),
        F("from", "time", True, "10:00", title_ru="С (местное)", title_en="From (local)"),
        F("to", "time", True, "20:00", title_ru="До (местное)", title_en="To (local)"),
    ), waits=True),
    NodeType("flow.wait_event", "Ждать события", "Wait for an event", "flow",
             outputs=(Port("event", "Случилось", "Happened", required=True),
                      Port("timeout", "Не дождались", "Timed out", required=True)),
             fields=(*_EVENT_FIELDS, _duration("timeout", "Ждать не дольше", "Timeout")), waits=True),
    NodeType("flow.condition", "Условие", "Condition", "flow",
             outputs=(Port("yes", "Да", "Yes", required=True), Port("no", "Нет", "No", required=True)),
             fields=(F("rule", "segment_rule", True, title_ru="Правило сегмента", title_en="Segment rule"),)),
    NodeType("flow.split", "A/B/n-тест", "A/B/n split", "flow", outputs=(), fields=(
        F("branches", "branches", True, [{"key": "A", "percent": 50}, {"key": "B", "percent": 50}],
          title_ru="Ветки и доли, %", title_en="Branches and shares, %"),
    ), dynamic_outputs=split_ports),
    NodeType("flow.frequency", "Ограничение частоты", "Frequency gate", "flow",
             outputs=(Port("pass", "Можно", "Pass", required=True), Port("limited", "Лимит", "Limited")),
             fields=(F("max_messages", "int", True, 1, title_ru="Не больше сообщений", title_en="Max messages",
                       minimum=1),
                     _duration("period", "За период", "Per period"))),
    NodeType("flow.goal", "Цель", "Goal", "flow", _NO_INPUT, _END, (
        *_EVENT_FIELDS,
        F("within", "duration", False, title_ru="Засчитывать в течение", title_en="Counts within"),
    )),
    NodeType("flow.exit", "Выход", "Exit", "flow", outputs=_END),
)

_TAG_OPS = ("add", "remove")
ACTIONS = (
    NodeType("action.email", "Письмо клиенту", "Email to the contact", "action",
             fields=(_template("Шаблон письма", "Email template"), _provider()), channel="email",
             template_kind="email"),
    NodeType("action.email_manager", "Письмо менеджеру", "Email to a manager", "action", fields=(
        _template("Шаблон уведомления", "Notification template"),
        F("recipients", "choice", True, "all", ("all", "round_robin"), "Кому", "Send to"),
        F("managers", "emails", True, [], title_ru="Адреса менеджеров", title_en="Manager addresses"),
        _provider(),
    ), channel="email", template_kind="manager"),
    NodeType("action.sms", "SMS", "SMS", "action", fields=(
        _template("Шаблон SMS", "SMS template"),
        F("sms_kind", "choice", True, "trigger", ("trigger", "service"), "Вид SMS", "SMS kind"),
        _provider(),
    ), channel="sms", template_kind="sms"),
    NodeType("action.whatsapp", "WhatsApp", "WhatsApp", "action",
             fields=(_template("Шаблон WhatsApp", "WhatsApp template"), _provider()), channel="whatsapp",
             template_kind="whatsapp"),
    NodeType("action.webhook", "Вебхук в CRM", "Webhook to a CRM", "action", fields=(
        _provider(required=True),
        F("event_type", "text", True, "scenario.step", title_ru="Тип события", title_en="Event type"),
    ), channel="webhook"),
    NodeType("action.tag", "Тег", "Tag", "action", fields=(
        F("op", "choice", True, "add", _TAG_OPS, "Действие", "Action"),
        F("tag", "tag", True, title_ru="Тег", title_en="Tag"),
    )),
    NodeType("action.list", "Список", "List", "action", fields=(
        F("op", "choice", True, "add", _TAG_OPS, "Действие", "Action"),
        F("list", "list", True, title_ru="Список", title_en="List"),
    )),
    NodeType("action.update_field", "Изменить поле", "Update a field", "action", fields=(
        F("field", "contact_field", True, title_ru="Поле", title_en="Field"),
        F("value", "text", False, "", title_ru="Значение", title_en="Value"),
    )),
)

BUILTIN_TYPES = (*TRIGGERS, *FLOW, *ACTIONS)
