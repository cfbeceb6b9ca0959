"""The template picker of an action: templates of the node's kind, with a live filled-in preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.scenarios.registry import FieldSpec
from ui.audiences.live_count import read_lane
from ui.ops import OpHandle, run_in_worker
from ui.scenarios.backend import TemplatePreview, template_preview
from ui.scenarios.fields.base import FieldContext, FieldWidget

__all__ = ["TemplateField"]


class TemplateField(FieldWidget):
    """A template name of the node type's `template_kind`; the preview is rendered off the GUI thread.

    Attributes:
        preview: the filled text; last_preview: the newest TemplatePreview shown (None before the first).
    """

    def __init__(self, spec: FieldSpec, ctx: FieldContext, parent: QWidget | None = None) -> None:
        super().__init__(spec, ctx, parent)
        self.kind = ctx.node_type.template_kind or ""
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(14)
        self.combo.addItem(self.tr("— choose a template —"), "")
        for name in ctx.choices.templates.get(self.kind, []):
            self.combo.addItem(name, name)
        self.empty = QLabel(self.tr("There are no templates of this kind yet: create one in the Templates section."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #8a6d00;")
        self.empty.setVisible(self.combo.count() == 1)
        self.preview = QTextBrowser()
        self.preview.setMinimumHeight(90)
        self.preview.setMaximumHeight(180)
        self.preview.setPlaceholderText(self.tr("The preview appears when a template is chosen."))
        self.last_preview: TemplatePreview | None = None
        self.operation: OpHandle | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview)
        self.combo.currentIndexChanged.connect(self._picked)

    def _picked(self, _index: int) -> None:
        self._refresh()
        self._emit()

    def _refresh(self) -> None:
        name = self.combo.currentData()
        self.preview.setVisible(bool(name))
        if not name or self.ctx.engine is None:
            self.preview.clear()
            return
        self.preview.setPlainText(self.tr("Filling the template…"))
        wanted = name
        self.operation = run_in_worker(template_preview, self.ctx.engine, name, executor=read_lane(),
                                       on_done=lambda result: self._show(wanted, result))

    def _show(self, name: str, result: TemplatePreview) -> None:
        if name != self.combo.currentData():
            return  # an older pick finished after a newer one
        self.last_preview = result
        if result.missing:
            self.preview.setPlainText(self.tr("The library has no template with this name: create it in the "
                                              "Templates section or choose another one."))
            return
        if result.problem:
            self.preview.setPlainText(self.tr("This template cannot be filled: %1").replace("%1", result.problem))
            return
        parts = []
        if result.subject:
            parts.append(self.tr("Subject: %1").replace("%1", result.subject))
        parts.append(result.text)
        if result.sms_parts is not None:
            parts.append(self.tr("%1 characters, %2 SMS part(s)").replace("%1", str(len(result.text)))
                         .replace("%2", str(result.sms_parts)))
        self.preview.setPlainText("\n\n".join(parts))

    def value(self) -> Any:
        return self.combo.currentData() or ""

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        name = "" if value is None else str(value)
        index = self.combo.findData(name)
        if index < 0 and name:
            # A starter names templates the library may not have yet: show it, validation explains.
            self.combo.addItem(self.tr("%1 (not in the library)").replace("%1", name), name)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._refresh()
