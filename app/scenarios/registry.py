"""Node-type descriptions and the registry that maps type ids (and their old names) to them.

A description says what the canvas palette, the properties panel, the validator and the
journey engine need: ports, fields, category, channel and template kind. Later channels
(callback, pop-up, ad audiences) add their own descriptions with `register`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.errors import UserInputError
from app.scenarios.graph import Port

__all__ = ["CATEGORIES", "ENTRY_MODE_TITLES", "FIELD_TYPES", "FieldSpec", "NodeType", "Registry", "default_registry"]

#: Palette groups, in display order, with ru/en titles.
CATEGORIES = {"trigger": ("Триггеры", "Triggers"), "flow": ("Логика", "Flow"), "action": ("Действия", "Actions")}

#: Entry rules (app.scenarios.graph.ENTRY_MODES) for the scenario settings panel: ru/en titles.
ENTRY_MODE_TITLES = {"once": ("Один раз за всё время", "Once per contact ever"),
                     "once_per_days": ("Не чаще раза в N дней", "Once per N days"),
                     "every_time": ("Каждый раз", "Every time")}

#: Value types a field may have; `app.scenarios.validate` checks each.
FIELD_TYPES = (
    "text", "int", "bool", "choice", "duration", "time", "weekdays", "event_filters", "branches",
    "segment_rule", "template", "provider", "segment", "list", "tag", "contact_field", "date_field", "emails",
    "url",
)


@dataclass(frozen=True)
class FieldSpec:
    """One editable property of a node type.

    Attributes:
        name: key in `Node.props`.
        type: one of FIELD_TYPES.
        required: validation fails when the value is missing or empty.
        default: value a freshly dropped node gets.
        choices: allowed values for "choice" fields.
        title_ru / title_en: label in the properties panel.
        minimum: lowest allowed value for "int" fields.
    """

    name: str
    type: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    title_ru: str = ""
    title_en: str = ""
    minimum: int | None = None


@dataclass(frozen=True)
class NodeType:
    """The description of a node type.

    Attributes:
        type_id: stable id stored in documents ("action.sms").
        title_ru / title_en: palette and node label.
        category: a key of CATEGORIES (new categories are allowed for later channels).
        inputs / outputs: ports; triggers have no inputs, "exit" has no outputs.
        fields: the editable properties.
        channel: the sending channel of an action ("email", "sms", ...), else None.
        template_kind: the template library kind an action needs, else None.
        waits: the node holds the contact until a time or an event (breaks "cycle without wait").
        replaces: older type ids that documents may still carry (resolved on load).
        dynamic_outputs: computes the output ports from the node's props (A/B/n split).
    """

    type_id: str
    title_ru: str
    title_en: str
    category: str
    inputs: tuple[Port, ...] = (Port("in", "Вход", "In", multi=True),)
    outputs: tuple[Port, ...] = (Port("next", "Далее", "Next"),)
    fields: tuple[FieldSpec, ...] = ()
    channel: str | None = None
    template_kind: str | None = None
    waits: bool = False
    replaces: tuple[str, ...] = ()
    dynamic_outputs: Callable[[dict[str, Any]], tuple[Port, ...]] | None = field(default=None, compare=False)

    @property
    def is_trigger(self) -> bool:
        """Whether this node starts journeys (no input, category "trigger")."""
        return self.category == "trigger"

    def output_ports(self, props: dict[str, Any]) -> tuple[Port, ...]:
        """The output ports of a node of this type with these props."""
        return self.dynamic_outputs(props) if self.dynamic_outputs is not None else self.outputs

    def field(self, name: str) -> FieldSpec | None:
        """The field spec called `name`, or None."""
        return next((f for f in self.fields if f.name == name), None)

    def default_props(self) -> dict[str, Any]:
        """Props of a freshly dropped node (copies of the defaults)."""
        return {f.name: copy.deepcopy(f.default) for f in self.fields if f.default is not None}


class Registry:
    """Node types by id; `get` also resolves ids listed in a type's `replaces`."""

    def __init__(self, types: Iterable[NodeType] = ()) -> None:
        self._types: dict[str, NodeType] = {}
        self._aliases: dict[str, str] = {}
        for node_type in types:
            self.register(node_type)

    def register(self, node_type: NodeType) -> NodeType:
        """Add a description; ids and old names must not clash with registered ones."""
        names = (node_type.type_id, *node_type.replaces)
        clash = [n for n in names if n in self._types or n in self._aliases]
        if clash:
            raise UserInputError(f"node type id already registered: {', '.join(clash)}")
        self._types[node_type.type_id] = node_type
        for old in node_type.replaces:
            self._aliases[old] = node_type.type_id
        return node_type

    def resolve(self, type_id: str) -> str | None:
        """The current id for `type_id` (itself or the type that replaces it), or None if unknown."""
        if type_id in self._types:
            return type_id
        return self._aliases.get(type_id)

    def get(self, type_id: str) -> NodeType | None:
        """The description for `type_id` (old names resolved), or None if unknown."""
        current = self.resolve(type_id)
        return self._types[current] if current is not None else None

    def __contains__(self, type_id: object) -> bool:
        return isinstance(type_id, str) and self.resolve(type_id) is not None

    def types(self, category: str | None = None) -> list[NodeType]:
        """Registered descriptions in registration order (one category when given)."""
        return [t for t in self._types.values() if category is None or t.category == category]

    def copy(self) -> Registry:
        """An independent registry with the same entries (tests add their own types to it)."""
        return Registry(self._types.values())


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The built-in node types (built once; later channels register into this same object)."""
    global _DEFAULT
    if _DEFAULT is None:
        from app.scenarios.node_types import BUILTIN_TYPES

        _DEFAULT = Registry(BUILTIN_TYPES)
    return _DEFAULT
