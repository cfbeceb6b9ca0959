"""Fixtures for the sending tests: a master password for the secrets file, fake SMS servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.smsc import FakeSmsc
from tests.fakes.smsru import FakeSmsRu


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test setup has no OS keyring, so secrets go to the encrypted file.
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


@pytest.fixture
def smsru() -> Iterator[FakeSmsRu]:
    with FakeSmsRu() as server:
        yield server


@pytest.fixture
def smsc() -> Iterator[FakeSmsc]:
    with FakeSmsc() as server:
        yield server
