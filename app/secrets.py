"""Provider credentials: the OS keyring, or an encrypted file where no keyring exists.

Never in the database, logs or exports. The keyring entry is one JSON object per provider
account (service "Kaskad", user "<workspace id>/<provider name>"). Headless Linux usually
has no keyring backend, so the fallback is `<workspace>/secrets.enc`: a JSON object
encrypted with AES-256-GCM under a key derived by scrypt (n=2**15, r=8, p=1, random salt)
from the master password (`KASKAD_MASTER_PASSWORD`, or asked by the UI and passed in).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import EnvironmentProblem, UserInputError

__all__ = ["ENV_MASTER_PASSWORD", "SecretStore"]

ENV_MASTER_PASSWORD = "KASKAD_MASTER_PASSWORD"
SERVICE = "Kaskad"
FILE_NAME = "secrets.enc"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def _keyring_usable() -> bool:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    return not any(bad in name for bad in ("fail.Keyring", "null.Keyring"))


class SecretStore:
    """Secrets of one workspace's provider accounts.

    Attributes:
        backend: "keyring" or "file" — where `set` writes.
    """

    def __init__(self, workspace_root: Path, master_password: str | None = None) -> None:
        self.root = Path(workspace_root)
        self.file = self.root / FILE_NAME
        self._password = master_password or os.environ.get(ENV_MASTER_PASSWORD) or None
        self._workspace_id = hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16]
        self.backend = "keyring" if _keyring_usable() else "file"
        self._key_cache: tuple[bytes, bytes] | None = None

    # -- public -------------------------------------------------------------------------
    def get(self, provider: str) -> dict[str, str]:
        """The secrets of `provider` ({} when none are stored)."""
        if self.backend == "keyring":
            try:
                raw = keyring.get_password(SERVICE, self._user(provider))
                if raw:
                    return dict(json.loads(raw))
            except keyring.errors.KeyringError:
                self.backend = "file"
        if self.file.exists():
            return dict(self._read_file().get(provider, {}))
        return {}

    def set(self, provider: str, values: dict[str, str], *, merge: bool = True) -> None:
        """Store (merge by default) secrets for `provider`."""
        merged = {**(self.get(provider) if merge else {}), **values}
        if self.backend == "keyring":
            try:
                keyring.set_password(SERVICE, self._user(provider), json.dumps(merged))
                return
            except keyring.errors.KeyringError:
                self.backend = "file"
        data = self._read_file() if self.file.exists() else {}
        data[provider] = merged
        self._write_file(data)

    def delete(self, provider: str) -> None:
        if self.backend == "keyring":
            try:
                keyring.delete_password(SERVICE, self._user(provider))
            except keyring.errors.KeyringError:
                pass
        if self.file.exists():
            data = self._read_file()
            if data.pop(provider, None) is not None:
                self._write_file(data)

    # -- internals ----------------------------------------------------------------------
    def _user(self, provider: str) -> str:
        return f"{self._workspace_id}/{provider}"

    def _need_password(self) -> str:
        if not self._password:
            raise EnvironmentProblem(
                "no system keyring is available, so provider passwords are kept in an encrypted file; "
                f"set the master password in ${ENV_MASTER_PASSWORD} (or enter it in the app)")
        return self._password

    def _derive(self, salt: bytes) -> bytes:
        if self._key_cache and self._key_cache[0] == salt:
            return self._key_cache[1]
        key = Scrypt(salt=salt, length=32, **_SCRYPT).derive(self._need_password().encode())
        self._key_cache = (salt, key)
        return key

    def _read_file(self) -> dict[str, dict[str, str]]:
        try:
            envelope = json.loads(self.file.read_text("utf-8"))
            salt = base64.b64decode(envelope["salt"])
            nonce = base64.b64decode(envelope["nonce"])
            sealed = base64.b64decode(envelope["data"])
        except (OSError, ValueError, KeyError) as exc:
            raise EnvironmentProblem(f"the secrets file {self.file} is damaged: {exc}") from exc
        try:
            plain = AESGCM(self._derive(salt)).decrypt(nonce, sealed, b"kaskad-secrets-v1")
        except InvalidTag as exc:
            raise UserInputError(f"wrong master password for {self.file}") from exc
        return json.loads(plain)

    def _write_file(self, data: dict[str, dict[str, str]]) -> None:
        salt = self._key_cache[0] if self._key_cache else os.urandom(16)
        nonce = os.urandom(12)
        sealed = AESGCM(self._derive(salt)).encrypt(nonce, json.dumps(data).encode(), b"kaskad-secrets-v1")
        envelope = {"version": 1, "kdf": "scrypt", **_SCRYPT, "cipher": "AES-256-GCM",
                    "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
                    "data": base64.b64encode(sealed).decode()}
        tmp = self.file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(envelope, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.file)
