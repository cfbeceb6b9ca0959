"""Phones in the audience previews read like the Contacts table ("+7 900 000-00-01"), not as stored E.164."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.audiences.conftest import Base
from ui.audiences.screen import AudiencesScreen


def test_list_preview_formats_phones(screen: AudiencesScreen, base: Base) -> None:
    screen.sidebar.select(screen.sidebar.lists_view, base.list_id)
    model = screen.list_page.preview.preview
    column = model.KEYS.index("phone")
    phones = {model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())}
    assert phones and all(p.startswith("+7 900 ") and p[-3] == "-" for p in phones), phones
