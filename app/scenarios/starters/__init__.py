"""Starter scenarios for the seed's cases, shipped as JSON documents next to this module.

Starters name their templates ("Приветственное письмо"); `template_needs` lists them so the
user can map each to a template of their library (`map_templates`) or create it, and
validation with an engine says which are still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import NotFoundError
from app.scenarios.graph import Scenario
from app.scenarios.readwrite import read_file
from app.scenarios.registry import Registry, default_registry

__all__ = ["STARTER_KEYS", "StarterInfo", "TemplateNeed", "list_starters", "load_starter", "map_templates",
           "template_needs"]

_DIR = Path(__file__).parent
#: Starter keys in the order the gallery shows them.
STARTER_KEYS = ("abandoned_visit", "new_lead", "birthday", "win_back", "service_reminder")


@dataclass(frozen=True)
class StarterInfo:
    """A starter for the gallery: key, title and description (Russian, as in the document)."""

    key: str
    title: str
    description: str


@dataclass(frozen=True)
class TemplateNeed:
    """A template a scenario names: which node, which name, which library kind."""

    node_id: str
    name: str
    kind: str


def load_starter(key: str, *, registry: Registry | None = None) -> Scenario:
    """A fresh, editable copy of the starter `key`."""
    if key not in STARTER_KEYS:
        raise NotFoundError(f"no starter scenario {key!r}; starters: {', '.join(STARTER_KEYS)}")
    return read_file(_DIR / f"{key}.json", registry=registry)


def list_starters() -> list[StarterInfo]:
    """Every starter with its title and description."""
    items = []
    for key in STARTER_KEYS:
        scenario = load_starter(key)
        items.append(StarterInfo(key, scenario.name, scenario.description))
    return items


def template_needs(scenario: Scenario, *, registry: Registry | None = None) -> list[TemplateNeed]:
    """The templates the scenario's actions name, in node order."""
    registry = registry or default_registry()
    needs = []
    for node in scenario.nodes.values():
        node_type = registry.get(node.type)
        name = node.props.get("template")
        if node_type is not None and node_type.template_kind and isinstance(name, str) and name:
            needs.append(TemplateNeed(node.id, name, node_type.template_kind))
    return needs


def map_templates(scenario: Scenario, mapping: dict[str, str]) -> int:
    """Replace template names per `mapping` (starter name → library name); returns nodes changed."""
    changed = 0
    for node in list(scenario.nodes.values()):
        name = node.props.get("template")
        if isinstance(name, str) and name in mapping:
            scenario.set_props(node.id, {**node.props, "template": mapping[name]})
            changed += 1
    return changed
