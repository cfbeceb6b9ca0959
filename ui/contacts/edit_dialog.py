"""The dialog editing one contact; phone and email are normalised and checked before saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.contacts.query import Changes, ContactDetail, ContactEdit, ContactsQuery, FieldError
from ui.contacts.format import format_date, format_phone
from ui.widgets.dialogs import ErrorDialog

__all__ = ["EditDialog"]


class EditDialog(QDialog):
    """Edit one contact. Invalid input shows a message in the dialog, which stays open.

    Attributes:
        changes: what the save changed, once accepted.
        error_label: the message shown for invalid input.
    """

    def __init__(self, query: ContactsQuery, detail: ContactDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact"))
        self.setMinimumWidth(460)
        self.query = query
        self.contact_id = detail.row.id
        self.changes: Changes | None = None
        row = detail.row
        self.last_name = QLineEdit(row.last_name or "")
        self.first_name = QLineEdit(row.first_name or "")
        self.middle_name = QLineEdit(row.middle_name or "")
        self.phone = QLineEdit(format_phone(row.phone))
        self.phone.setPlaceholderText("+7 912 345-67-89")
        self.email = QLineEdit(row.email or "")
        self.email.setPlaceholderText("name@example.ru")
        self.city = QLineEdit(row.city or "")
        self.birthday = QLineEdit(format_date(row.birthday))
        self.birthday.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.gender = QComboBox()
        self.gender.addItem("—", "")
        self.gender.addItem(self.tr("male"), "m")
        self.gender.addItem(self.tr("female"), "f")
        if detail.gender and self.gender.findData(detail.gender) < 0:
            self.gender.addItem(detail.gender, detail.gender)
        self.gender.setCurrentIndex(max(0, self.gender.findData(detail.gender or "")))
        self.timezone = QLineEdit(detail.timezone or "")
        self.timezone.setPlaceholderText("Europe/Moscow")
        self.tags = QLineEdit(", ".join(row.tags))
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. VIP, shop"))

        form = QFormLayout()
        for label, widget in (
            (self.tr("Last name:"), self.last_name), (self.tr("First name:"), self.first_name),
            (self.tr("Middle name:"), self.middle_name), (self.tr("Phone:"), self.phone),
            (self.tr("Email:"), self.email), (self.tr("City:"), self.city), (self.tr("Birthday:"), self.birthday),
            (self.tr("Gender:"), self.gender), (self.tr("Time zone:"), self.timezone), (self.tr("Tags:"), self.tags),
        ):
            form.addRow(label, widget)
        self.error_label = QLabel()
        self.error_label.setObjectName("edit-error")
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _show_error(self, text: str, widget: QWidget | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        """Validate and save; on success the dialog closes with `changes` set."""
        birthday: dt.date | None = None
        if self.birthday.text().strip():
            try:
                birthday = dt.datetime.strptime(self.birthday.text().strip(), "%d.%m.%Y").date()
            except ValueError:
                self._show_error(self.tr("The birthday must be a date like 31.12.1990."), self.birthday)
                return
        edit = ContactEdit(
            last_name=self.last_name.text(), first_name=self.first_name.text(), middle_name=self.middle_name.text(),
            phone=self.phone.text(), email=self.email.text(), city=self.city.text(), birthday=birthday,
            gender=self.gender.currentData(), timezone=self.timezone.text(),
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
        )
        try:
            self.changes = self.query.update_contact(self.contact_id, edit)
        except FieldError as exc:
            self._show_error(self._message(exc), self.email if exc.field == "email" else self.phone)
            return
        except Exception as exc:  # noqa: BLE001 - shown in the standard error dialog
            ErrorDialog.ask(self, exc)
            return
        self.accept()

    def _message(self, exc: FieldError) -> str:
        messages = {
            ("phone", "invalid"): self.tr("“%1” is not a phone number. Type it like +7 912 345-67-89."),
            ("email", "invalid"): self.tr("“%1” is not a valid email address."),
            ("phone", "taken"): self.tr("Another contact already has the phone %1."),
            ("email", "taken"): self.tr("Another contact already has the email %1."),
        }
        text = messages.get((exc.field, exc.reason), self.tr("A contact needs a phone or an email."))
        return text.replace("%1", exc.value)
