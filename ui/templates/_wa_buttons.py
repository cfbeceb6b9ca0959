"""WhatsApp template buttons: quick replies, links and a phone, with Meta's limits enforced while adding."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.templates.fields import Variable
from ui.templates._wa_params import FieldCombo

__all__ = ["LIMITS", "MAX_BUTTONS", "ButtonsEditor"]

MAX_BUTTONS = 10
#: At most this many buttons of a type (Meta's rules; quick replies are bounded by MAX_BUTTONS only).
LIMITS = {"QUICK_REPLY": MAX_BUTTONS, "URL": 2, "PHONE_NUMBER": 1}
_VALUE_KEY = {"QUICK_REPLY": "payload", "URL": "url", "PHONE_NUMBER": "phone_number"}
_HAS_PARAM = re.compile(r"\{\{\s*1\s*\}\}")


class _ButtonRow:
    """The widgets of one button."""

    def __init__(self, kind: str, variables: list[Variable]) -> None:
        self.kind = kind
        self.text = QLineEdit()
        self.text.setMaxLength(25)
        self.value = QLineEdit()
        self.param = FieldCombo(variables)
        self.param.setVisible(False)
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.kind, "text": self.text.text().strip()}
        out[_VALUE_KEY[self.kind]] = self.value.text().strip()
        if self.kind == "URL" and _HAS_PARAM.search(out["url"]):
            out["param"] = {"field": self.param.field(), "fallback": "", "example": ""}
        return out


class ButtonsEditor(QWidget):
    """The list of buttons with "add" actions that refuse what Meta would reject.

    Signals:
        edited(): a button was added, removed or changed.
    """

    edited = Signal()

    def __init__(self, variables: list[Variable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variables = variables
        self.rows: list[_ButtonRow] = []
        self._params: dict[int, dict[str, Any]] = {}
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 2)
        self.add_reply = QPushButton(self.tr("+ Quick reply"))
        self.add_url = QPushButton(self.tr("+ Link"))
        self.add_phone = QPushButton(self.tr("+ Phone call"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        adds = QHBoxLayout()
        for button in (self.add_reply, self.add_url, self.add_phone):
            adds.addWidget(button)
        adds.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(adds)
        layout.addWidget(self.message)
        self.add_reply.clicked.connect(lambda: self.add_button("QUICK_REPLY"))
        self.add_url.clicked.connect(lambda: self.add_button("URL"))
        self.add_phone.clicked.connect(lambda: self.add_button("PHONE_NUMBER"))
        self._refresh()

    def _type_label(self, kind: str) -> str:
        return {"QUICK_REPLY": self.tr("Quick reply"), "URL": self.tr("Link"),
                "PHONE_NUMBER": self.tr("Phone call")}[kind]

    def _placeholder(self, kind: str) -> str:
        return {"QUICK_REPLY": self.tr("Reply code for your records, e.g. STOP"),
                "URL": self.tr("https://shop.ru/promo or https://shop.ru/p/{{1}}"),
                "PHONE_NUMBER": self.tr("+74951234567")}[kind]

    def refusal(self, kind: str) -> str | None:
        """Why another button of `kind` may not be added, or None."""
        if len(self.rows) >= MAX_BUTTONS:
            return self.tr("A template has at most %1 buttons.").replace("%1", str(MAX_BUTTONS))
        if sum(1 for r in self.rows if r.kind == kind) >= LIMITS[kind]:
            return {"URL": self.tr("A template has at most 2 link buttons."),
                    "PHONE_NUMBER": self.tr("A template has at most 1 phone button.")}.get(kind)
        return None

    def add_button(self, kind: str, data: dict[str, Any] | None = None) -> bool:
        """Add a button (user action or loading); False, with the reason shown, when a limit forbids it."""
        refused = self.refusal(kind)
        if refused:
            self.message.setText(refused)
            self.message.show()
            return False
        row = _ButtonRow(kind, self.variables)
        data = data or {}
        row.text.setText(str(data.get("text") or ""))
        row.text.setPlaceholderText(self.tr("Button text (up to 25 characters)"))
        row.value.setText(str(data.get(_VALUE_KEY[kind]) or ""))
        row.value.setPlaceholderText(self._placeholder(kind))
        row.param.set_field(str((data.get("param") or {}).get("field") or ""))
        row.param.setToolTip(self.tr("The contact field that replaces {{1}} at the end of the link"))
        self._params[id(row)] = dict(data.get("param") or {})
        for widget in (row.text, row.value):
            widget.textEdited.connect(self._changed)
        row.param.currentIndexChanged.connect(self._changed)
        row.remove.setToolTip(self.tr("Remove this button"))
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_button(self.rows.index(r)))
        self.rows.append(row)
        self._relayout()
        if not data:
            self.edited.emit()
        return True

    def remove_button(self, index: int) -> None:
        """Remove the button at `index`."""
        row = self.rows.pop(index)
        for widget in (row.text, row.value, row.param, row.remove):
            widget.deleteLater()
        self._relayout()
        self.edited.emit()

    def set_buttons(self, buttons: list[dict[str, Any]]) -> None:
        """Replace every button with the document's `buttons`."""
        while self.rows:
            row = self.rows.pop()
            for widget in (row.text, row.value, row.param, row.remove):
                widget.deleteLater()
        for button in buttons:
            if button.get("type") in LIMITS:
                self.add_button(button["type"], button)
        self._relayout()

    def buttons(self) -> list[dict[str, Any]]:
        """The document's `buttons` list (examples and fallbacks of link parameters are kept)."""
        out = []
        for row in self.rows:
            data = row.data()
            if "param" in data:
                kept = self._params.get(id(row), {})
                data["param"].update(fallback=kept.get("fallback", ""), example=kept.get("example", ""))
            out.append(data)
        return out

    def _changed(self, *_args: object) -> None:
        for row in self.rows:
            row.param.setVisible(row.kind == "URL" and bool(_HAS_PARAM.search(row.value.text())))
        self.edited.emit()

    def _relayout(self) -> None:
        for i in reversed(range(self.grid.count())):
            item = self.grid.takeAt(i)
            if item.widget() is not None and not any(item.widget() in (r.text, r.value, r.param, r.remove)
                                                     for r in self.rows):
                item.widget().deleteLater()
        for index, row in enumerate(self.rows):
            self.grid.addWidget(QLabel(self._type_label(row.kind)), index, 0)
            self.grid.addWidget(row.text, index, 1)
            self.grid.addWidget(row.value, index, 2)
            row.param.setVisible(row.kind == "URL" and bool(_HAS_PARAM.search(row.value.text())))
            self.grid.addWidget(row.param, index, 3)
            self.grid.addWidget(row.remove, index, 4)
        self._refresh()

    def _refresh(self) -> None:
        for button, kind in ((self.add_reply, "QUICK_REPLY"), (self.add_url, "URL"),
                             (self.add_phone, "PHONE_NUMBER")):
            refused = self.refusal(kind)
            button.setEnabled(refused is None)
            button.setToolTip(refused or "")
        if all(self.refusal(k) is None for k in LIMITS):
            self.message.clear()
        self.message.setVisible(bool(self.message.text()))
