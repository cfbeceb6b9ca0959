"""Fixtures for the wiring tests: a master password for the provider secrets file."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test setup has no OS keyring, so provider secrets go to the encrypted file.
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")
