"""Pickers of named things: segment, list, tag, provider account, contact field, date field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from app.scenarios.registry import FieldSpec
from app.segments.rules import CONTACT_FIELDS
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["NamePicker", "contact_field_label"]

translate = QCoreApplication.translate


def contact_field_label(key: str) -> str:
    """A contact field in plain words ("custom:size" → "size (own field)")."""
    labels = {
        "first_name": translate("ScenarioFields", "First name"), "last_name": translate("ScenarioFields", "Last name"),
        "middle_name": translate("ScenarioFields", "Middle name"), "city": translate("ScenarioFields", "City"),
        "gender": translate("ScenarioFields", "Gender"), "email": translate("ScenarioFields", "Email"),
        "phone": translate("ScenarioFields", "Phone"), "birthday": translate("ScenarioFields", "Birthday"),
        "timezone": translate("ScenarioFields", "Time zone"), "source": translate("ScenarioFields", "Source"),
        "created_at": translate("ScenarioFields", "Added on"),
        "external_id": translate("ScenarioFields", "ID in your CRM"),
    }
    if key.startswith("custom:"):
        return translate("ScenarioFields", "%1 (own field)").replace("%1", key[len("custom:"):])
    return labels.get(key, key)


class NamePicker(FieldWidget):
    """A drop-down of the names the workspace has; typing a name that is not there yet is allowed
    for tags and lists (the journey creates them), not for segments and providers."""

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(14)
        self.combo.setEditable(spec.type in ("tag", "list"))
        for value, label in self._options():
            self.combo.addItem(label, value)
        self.combo.currentIndexChanged.connect(self._emit)
        if self.combo.isEditable():
            self.combo.lineEdit().editingFinished.connect(self._typed)
            self.combo.lineEdit().setPlaceholderText(self.tr("choose or type a name"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)

    def _options(self) -> list[tuple[str, str]]:
        choices, kind = self.ctx.choices, self.spec.type
        if kind == "segment":
            return [("", self.tr("— choose a segment —"))] + [(n, n) for n in choices.segments]
        if kind == "list":
            return [(n, n) for n in choices.lists]
        if kind == "tag":
            return [(n, n) for n in choices.tags]
        if kind == "provider":
            channel = self.ctx.node_type.channel or ""
            names = choices.providers.get(channel, [])
            default = self.tr("Default account of the channel") if not self.spec.required else self.tr(
                "— choose an account —")
            # The built-in test account is named "sandbox-<channel>": show what it does instead.
            return [("", default)] + [(n, self.tr("Test mode: nothing leaves the computer") if n == f"sandbox-{channel}"
                                       else n) for n in names]
        if kind == "date_field":
            return [("birthday", contact_field_label("birthday"))] + [
                (f"custom:{n}", contact_field_label(f"custom:{n}")) for n in choices.custom_fields]
        if kind == "contact_field":
            return [(k, contact_field_label(k)) for k in CONTACT_FIELDS if k not in ("phone", "email", "created_at")] + [
                (f"custom:{n}", contact_field_label(f"custom:{n}")) for n in choices.custom_fields]
        return []

    def _typed(self) -> None:
        self._emit()

    def value(self) -> Any:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text)
            return self.combo.itemData(index) if index >= 0 else text
        return self.combo.currentData() or ""

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        text = "" if value is None else str(value)
        index = self.combo.findData(text)
        if index < 0 and text:
            # A name the workspace does not have (yet): keep it visible so nothing is lost silently.
            self.combo.addItem(self.tr("%1 (not found)").replace("%1", text) if not self.combo.isEditable() else text,
                               text)
            index = self.combo.count() - 1
        if index < 0 and self.combo.isEditable():
            self.combo.setEditText("")
        else:
            self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
