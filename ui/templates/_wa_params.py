"""WhatsApp parameters: which contact field fills each positional `{{n}}`, with a fallback and an example."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidget, QWidget

from app.templates.fields import Variable
from ui.templates._sms_contacts import SAMPLE_CONTACT

__all__ = ["FieldCombo", "ParamTable"]


class FieldCombo(QComboBox):
    """A contact field chooser: "not chosen" first, then each variable as "Label (name)"."""

    def __init__(self, variables: list[Variable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        russian = QLocale().language() == QLocale.Language.Russian
        self.addItem(self.tr("— choose a field —"), "")
        for var in variables:
            if "." in var.name or var.group == "special":
                continue
            label = var.label_ru if russian else var.label_en
            self.addItem(label if label == var.name else f"{label} ({var.name})", var.name)

    def field(self) -> str:
        """The chosen field name ("" when none)."""
        return str(self.currentData() or "")

    def set_field(self, name: str) -> None:
        """Choose `name`, adding it when it is not a known field (e.g. a custom key not in the sample)."""
        index = self.findData(name or "")
        if index < 0:
            self.addItem(name, name)
            index = self.count() - 1
        self.setCurrentIndex(index)


class ParamTable(QTableWidget):
    """One row per body parameter `{{1}}`…: contact field, fallback when it is blank, example for Meta.

    Signals:
        edited(): the user changed a mapping.
    """

    edited = Signal()

    def __init__(self, variables: list[Variable], parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.variables = variables
        self.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Contact field"),
                                        self.tr("If empty"), self.tr("Example")])
        self.horizontalHeaderItem(2).setToolTip(self.tr("Sent when the contact's field is blank"))
        self.horizontalHeaderItem(3).setToolTip(self.tr("A sample value Meta sees when it reviews the template"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows (at least one), so the form does not grow an empty grey box."""
        rows = max(1, self.rowCount())
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows * 30 + 2 * self.frameWidth() + 2)

    def set_count(self, count: int) -> None:
        """Show exactly `count` rows, keeping the mappings of the rows that stay."""
        current = self.params()
        current += [{"field": "", "fallback": "", "example": ""}] * max(0, count - len(current))
        self.set_params(current[:count])

    def set_params(self, params: list[dict[str, Any]]) -> None:
        """Fill the rows from document parameters (`field`, `fallback`, `example`)."""
        self.blockSignals(True)
        self.setRowCount(len(params))
        for row, param in enumerate(params):
            label = QLineEdit(f"{{{{{row + 1}}}}}")
            label.setReadOnly(True)
            label.setFrame(False)
            self.setCellWidget(row, 0, label)
            combo = FieldCombo(self.variables)
            combo.set_field(str(param.get("field") or ""))
            self.setCellWidget(row, 1, combo)
            for column, key in ((2, "fallback"), (3, "example")):
                edit = QLineEdit(str(param.get(key) or ""))
                edit.textEdited.connect(self._edited)
                self.setCellWidget(row, column, edit)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._field_chosen(r))
        self.blockSignals(False)
        self._fit()

    def params(self) -> list[dict[str, Any]]:
        """The document's `params` list, in order."""
        out = []
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, 1)
            fallback = self.cellWidget(row, 2)
            example = self.cellWidget(row, 3)
            if not isinstance(combo, FieldCombo):
                continue
            out.append({"field": combo.field(), "fallback": fallback.text().strip(),
                        "example": example.text().strip()})
        return out

    def field_combo(self, number: int) -> FieldCombo:
        """The field chooser of parameter `{{number}}` (1-based)."""
        widget = self.cellWidget(number - 1, 1)
        assert isinstance(widget, FieldCombo)
        return widget

    def _field_chosen(self, row: int) -> None:
        """Suggest an example (Meta's review needs one) from the sample contact when none is typed."""
        example = self.cellWidget(row, 3)
        field = self.cellWidget(row, 1)
        if isinstance(example, QLineEdit) and isinstance(field, FieldCombo) and not example.text().strip():
            example.setText(str(SAMPLE_CONTACT.get(field.field()) or ""))
        self.edited.emit()

    def _edited(self, *_args: object) -> None:
        self.edited.emit()
