"""Choosing whose data a preview shows: a sample of real contacts, or a made-up one on an empty base."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.engine import Engine

from app.db.schema import contacts
from ui.contacts.format import format_phone

__all__ = ["SAMPLE_CONTACT", "ContactChooser", "load_contact"]

#: Shown when the base has no contacts yet, so the preview is never empty.
SAMPLE_CONTACT: dict[str, Any] = {
    "id": 0, "phone": "+79123456789", "email": "ivan.petrov@example.ru", "first_name": "Иван",
    "last_name": "Петров", "middle_name": "Сергеевич", "gender": "m", "city": "Москва",
    "birthday": dt.date(1990, 2, 1), "timezone": "Europe/Moscow", "external_id": "", "source": "",
    "custom": {"bonus": 350},
}
_SAMPLE_SIZE = 200


def load_contact(engine: Engine, contact_id: int) -> dict[str, Any] | None:
    """The contact row as a plain dict (columns plus the `custom` JSON), or None."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(contacts).where(contacts.c.id == contact_id)).first()
    return dict(row._mapping) if row is not None else None


class ContactChooser(QComboBox):
    """A combo of the first contacts of the base; `contact()` is the chosen one's full row.

    Signals:
        contact_changed(): another contact was chosen.
    """

    contact_changed = Signal()

    def __init__(self, engine: Engine | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setMinimumWidth(220)
        self.setToolTip(self.tr("Whose data the preview uses"))
        self.currentIndexChanged.connect(lambda _i: self.contact_changed.emit())
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Contacts may have been imported since the editor was last shown."""
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Re-read the sample of contacts (keeps the choice when it is still there)."""
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        rows: list[Any] = []
        if self.engine is not None:
            c = contacts.c
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(c.id, c.first_name, c.last_name, c.phone, c.email)
                                    .order_by(c.id).limit(_SAMPLE_SIZE)).all()
        for row in rows:
            name = " ".join(p for p in (row.first_name, row.last_name) if p)
            address = format_phone(row.phone) or row.email or f"#{row.id}"
            self.addItem(f"{name} ({address})" if name else address, row.id)
        if not rows:
            self.addItem(self.tr("Sample contact: Ivan Petrov"), 0)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if self.currentData() != keep and keep is not None:
            self.contact_changed.emit()

    def contact(self) -> dict[str, Any]:
        """The chosen contact's data (the sample contact on an empty base)."""
        contact_id = self.currentData()
        if contact_id and self.engine is not None:
            found = load_contact(self.engine, int(contact_id))
            if found is not None:
                return found
        return dict(SAMPLE_CONTACT)
