"""The variable picker: a button whose menu lists every contact field, custom field and special name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QToolButton, QWidget
from sqlalchemy.engine import Engine

from app.templates.fields import Variable, available_variables
from ui.widgets.menu_button import leave_room_for_arrow

__all__ = ["VariablePicker", "insert_variable", "picker_variables"]

TextTarget = QPlainTextEdit | QLineEdit | QTextEdit


def _russian() -> bool:
    return QLocale().language() == QLocale.Language.Russian


def insert_variable(edit: TextTarget, snippet: str) -> None:
    """Insert `snippet` at the edit's cursor (replacing a selection), as typing would."""
    if isinstance(edit, QLineEdit):
        edit.insert(snippet)
    else:
        edit.textCursor().insertText(snippet)
        edit.ensureCursorVisible()
    edit.setFocus()


def picker_variables(engine: Engine | None, kind: str) -> list[Variable]:
    """The picker's entries for a template kind; manager emails read the contact as `contact.*`."""
    found = available_variables(engine, kind)
    if kind != "manager":
        return found
    return [Variable(f"contact.{v.name}", v.label_ru, v.label_en, v.group)
            if v.group in ("contact", "custom") else v for v in found]


class VariablePicker(QToolButton):
    """"Insert variable" button; choosing an entry emits `variable_chosen(name)` and inserts its snippet.

    The snippet (`{{ first_name | default("") }}` for fields that may be blank, `{{ phone }}`
    otherwise) goes into the attached edit that had focus last, at its cursor. Custom fields
    are read from the contacts' `custom` JSON each time the menu opens, so new imports show up.
    """

    variable_chosen = Signal(str)

    _GROUPS = ("contact", "custom", "special", "lead", "event", "manager")

    def __init__(self, engine: Engine | None = None, kind: str = "sms", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.kind = kind
        self._targets: list[TextTarget] = []
        self._target: TextTarget | None = None
        self._variables: list[Variable] = []
        self.setText(self.tr("Insert variable"))
        self.setToolTip(self.tr("Insert a contact field at the cursor, e.g. the first name"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        leave_room_for_arrow(self)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.refresh)

    def attach(self, *edits: TextTarget) -> None:
        """Insert into these edits: the one focused last gets the variable (the first by default)."""
        for edit in edits:
            self._targets.append(edit)
            edit.installEventFilter(self)
        if self._target is None and self._targets:
            self._target = self._targets[0]

    def target(self) -> TextTarget | None:
        """The edit that receives the next variable."""
        return self._target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remember which attached edit the user worked in last."""
        if event.type() == QEvent.Type.FocusIn and watched in self._targets:
            self._target = watched  # type: ignore[assignment]
        return False

    def variables(self) -> list[Variable]:
        """The entries the menu shows (read on the last refresh)."""
        if not self._variables:
            self.refresh()
        return list(self._variables)

    def _group_title(self, group: str) -> str:
        return {
            "contact": self.tr("Contact fields"),
            "custom": self.tr("Custom fields"),
            "special": self.tr("Special"),
            "lead": self.tr("Lead (the request)"),
            "event": self.tr("Event"),
            "manager": self.tr("Manager"),
        }[group]

    def refresh(self) -> None:
        """Re-read the variables (custom keys from the contacts) and rebuild the menu."""
        self._variables = picker_variables(self.engine, self.kind)
        menu = self.menu()
        menu.clear()
        russian = _russian()
        for group in self._GROUPS:
            entries = [v for v in self._variables if v.group == group]
            if not entries:
                continue
            menu.addSection(self._group_title(group))
            for var in entries:
                label = var.label_ru if russian else var.label_en
                text = label if label == var.name else f"{label}  —  {var.name}"
                action = menu.addAction(text)
                action.setData(var.name)
                action.triggered.connect(lambda _=False, name=var.name: self.choose(name))

    def choose(self, name: str) -> None:
        """Pick the variable `name` as the menu does: insert its snippet and emit `variable_chosen`."""
        var = next((v for v in self.variables() if v.name == name), None)
        snippet = var.snippet if var else f"{{{{ {name} }}}}"
        if self._target is not None:
            insert_variable(self._target, snippet)
        self.variable_chosen.emit(name)
