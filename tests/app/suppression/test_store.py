"""Suppression entries: normalised per channel, the first entry kept, filters and clear errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import UserInputError
from app.suppression.store import (
    add_suppression,
    add_suppressions,
    is_suppressed,
    list_suppressions,
    remove_suppression,
)
from app.workspace import Workspace


def test_first_entry_is_kept_and_addresses_are_normalised(workspace: Workspace) -> None:
    early = datetime(2026, 1, 1, tzinfo=UTC)
    assert add_suppression(workspace.engine, "email", "Ivan@Example.org", "bounced", "sg: 550", now=early)
    assert not add_suppression(workspace.engine, "email", "ivan@example.org", "manual")
    assert add_suppression(workspace.engine, "whatsapp", "8 912 345 67 89", "unsubscribed", "wa")
    [entry] = list_suppressions(workspace.engine, channel="email")
    assert (entry.address, entry.reason, entry.source, entry.created_at) == ("ivan@example.org", "bounced",
                                                                              "sg: 550", early)
    assert is_suppressed(workspace.engine, "whatsapp", "+79123456789")
    assert not is_suppressed(workspace.engine, "sms", "+79123456789")  # per channel


def test_bulk_add_list_filters_and_remove(workspace: Workspace) -> None:
    now = datetime.now(UTC)
    added = add_suppressions(workspace.engine, [("email", f"u{i}@example.org", "unsubscribed", "mg") for i in range(700)]
                             + [("email", "u1@example.org", "complained", "mg"), ("email", "a_b%@example.org", "manual", "x")],
                             now=now - timedelta(days=1))
    assert added == 701
    assert len(list_suppressions(workspace.engine, reason="unsubscribed")) == 700
    assert [e.address for e in list_suppressions(workspace.engine, search="_b%")] == ["a_b%@example.org"]
    assert len(list_suppressions(workspace.engine, limit=10)) == 10
    assert remove_suppression(workspace.engine, "email", "U5@example.org")
    assert not remove_suppression(workspace.engine, "email", "u5@example.org")


def test_bad_input_is_refused_clearly(workspace: Workspace) -> None:
    with pytest.raises(UserInputError, match="unknown channel 'fax'"):
        add_suppression(workspace.engine, "fax", "123")
    with pytest.raises(UserInputError, match="unknown reason 'bored'"):
        add_suppression(workspace.engine, "email", "a@b.ru", "bored")
    with pytest.raises(UserInputError, match="not a phone number"):
        add_suppression(workspace.engine, "sms", "12")
    assert list_suppressions(workspace.engine) == []
