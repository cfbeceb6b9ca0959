"""Words the Scenarios screen shows: statuses, node and field titles, choice labels, units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.scenarios.graph import Node
from app.scenarios.registry import CATEGORIES, ENTRY_MODE_TITLES, FieldSpec, NodeType, Registry

translate = QCoreApplication.translate

__all__ = ["choice_label", "entry_mode_label", "field_title", "node_label", "pick", "status_label", "type_title",
           "ui_lang"]


def ui_lang() -> str:
    """"ru" when the Russian catalogue of this screen is installed, else "en"."""
    # The translator answers this marker with its own language code.
    return "ru" if translate("ScenarioTexts", "en", "language code of this translation") == "ru" else "en"


def pick(label_ru: str, label_en: str) -> str:
    """The label in the interface language."""
    return label_ru if ui_lang() == "ru" else label_en


def status_label(status: str) -> str:
    """A scenario status in plain words."""
    return {
        "draft": translate("ScenarioTexts", "Draft"),
        "published": translate("ScenarioTexts", "Running"),
        "paused": translate("ScenarioTexts", "Paused"),
        "archived": translate("ScenarioTexts", "Archived"),
    }.get(status, status)


def type_title(node_type: NodeType | None, type_id: str = "") -> str:
    """A node type's title in the interface language (its id when the type is unknown)."""
    return pick(node_type.title_ru, node_type.title_en) if node_type else type_id


def category_title(category: str) -> str:
    """A palette group's title."""
    ru, en = CATEGORIES.get(category, (category, category))
    return pick(ru, en)


def node_label(node: Node, registry: Registry) -> str:
    """How a node is named in messages: its own title, else its type's title."""
    return node.title or type_title(registry.get(node.type), node.type)


def field_title(spec: FieldSpec) -> str:
    """A field's label in the properties panel."""
    if spec.type == "provider":  # the same words as Settings → Sending, where these accounts are added
        return translate("ScenarioTexts", "Sending account")
    return pick(spec.title_ru, spec.title_en) or spec.name


def entry_mode_label(mode: str) -> str:
    """An entry rule's title."""
    ru, en = ENTRY_MODE_TITLES.get(mode, (mode, mode))
    return pick(ru, en)


def choice_label(field: str, value: str) -> str:
    """The label of one value of a "choice" field."""
    labels = {
        ("what", "event"): translate("ScenarioTexts", "No events at all"),
        ("what", "purchase"): translate("ScenarioTexts", "No purchases"),
        ("audience", "segment"): translate("ScenarioTexts", "A saved segment"),
        ("audience", "list"): translate("ScenarioTexts", "A list"),
        ("audience", "all"): translate("ScenarioTexts", "All contacts"),
        ("recipients", "all"): translate("ScenarioTexts", "Every manager on the list"),
        ("recipients", "round_robin"): translate("ScenarioTexts", "One manager in turn (round robin)"),
        ("sms_kind", "trigger"): translate("ScenarioTexts", "Trigger SMS (marketing, needs consent)"),
        ("sms_kind", "service"): translate("ScenarioTexts", "Service SMS (booking, reminder)"),
        ("op", "add"): translate("ScenarioTexts", "Add"),
        ("op", "remove"): translate("ScenarioTexts", "Remove"),
    }
    return labels.get((field, value), value)


def unit_label(unit: str) -> str:
    """A duration unit."""
    return {"minutes": translate("ScenarioTexts", "minutes"), "hours": translate("ScenarioTexts", "hours"),
            "days": translate("ScenarioTexts", "days")}.get(unit, unit)


def weekday_short(day: int) -> str:
    """Mon…Sun for 1…7."""
    names = (translate("ScenarioTexts", "Mon"), translate("ScenarioTexts", "Tue"), translate("ScenarioTexts", "Wed"),
             translate("ScenarioTexts", "Thu"), translate("ScenarioTexts", "Fri"), translate("ScenarioTexts", "Sat"),
             translate("ScenarioTexts", "Sun"))
    return names[day - 1]
