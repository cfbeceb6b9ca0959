"""Which editor widget a field type gets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.scenarios.registry import FieldSpec
from ui.scenarios.fields.base import FieldContext, FieldWidget
from ui.scenarios.fields.branches import BranchesField
from ui.scenarios.fields.duration import DurationField
from ui.scenarios.fields.emails import EmailsField
from ui.scenarios.fields.event_filters import EventFiltersField
from ui.scenarios.fields.event_type import EventTypeField
from ui.scenarios.fields.pickers import NamePicker
from ui.scenarios.fields.segment_rule import SegmentRuleField
from ui.scenarios.fields.simple import BoolField, ChoiceField, IntField, TextField
from ui.scenarios.fields.template import TemplateField
from ui.scenarios.fields.time_of_day import TimeField
from ui.scenarios.fields.weekdays import WeekdaysField

__all__ = ["make_field"]

_BY_TYPE: dict[str, type[FieldWidget]] = {
    "text": TextField, "url": TextField, "int": IntField, "bool": BoolField, "choice": ChoiceField,
    "duration": DurationField, "time": TimeField, "weekdays": WeekdaysField, "event_filters": EventFiltersField,
    "branches": BranchesField, "segment_rule": SegmentRuleField, "template": TemplateField,
    "provider": NamePicker, "segment": NamePicker, "list": NamePicker, "tag": NamePicker,
    "contact_field": NamePicker, "date_field": NamePicker, "emails": EmailsField,
}


def make_field(spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> FieldWidget:
    """The editor for `spec` (an event type text field gets the event picker)."""
    if spec.name == "event_type" and spec.type == "text" and ctx.node_type.type_id != "action.webhook":
        return EventTypeField(spec, ctx, parent)
    return _BY_TYPE.get(spec.type, TextField)(spec, ctx, parent)
