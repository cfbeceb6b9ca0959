"""Secrets: the encrypted-file fallback when no keyring exists (the test setup has none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import EnvironmentProblem, UserInputError
from app.secrets import SecretStore


def test_round_trip_through_the_encrypted_file(tmp_path: Path) -> None:
    store = SecretStore(tmp_path, master_password="correct horse")
    assert store.backend == "file"
    store.set("smsru", {"api_id": "SUPER-SECRET-KEY-123"})
    store.set("smsru", {"extra": "x"})
    store.set("smtp", {"password": "p@ss"})
    raw = (tmp_path / "secrets.enc").read_bytes()
    assert b"SUPER-SECRET" not in raw and b"p@ss" not in raw and b"smsru" not in raw
    again = SecretStore(tmp_path, master_password="correct horse")
    assert again.get("smsru") == {"api_id": "SUPER-SECRET-KEY-123", "extra": "x"}
    assert again.get("nobody") == {}
    again.delete("smtp")
    assert SecretStore(tmp_path, master_password="correct horse").get("smtp") == {}


def test_wrong_or_missing_master_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SecretStore(tmp_path, master_password="right").set("smsru", {"api_id": "k"})
    with pytest.raises(UserInputError, match="wrong master password"):
        SecretStore(tmp_path, master_password="wrong").get("smsru")
    monkeypatch.delenv("KASKAD_MASTER_PASSWORD", raising=False)
    with pytest.raises(EnvironmentProblem, match="KASKAD_MASTER_PASSWORD"):
        SecretStore(tmp_path).get("smsru")
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "right")
    assert SecretStore(tmp_path).get("smsru") == {"api_id": "k"}
