"""Standard Webhooks v1 signatures: `v1,<base64 HMAC-SHA256(key, id.timestamp.body)>`.

The secret is shown to users as `whsec_<base64 key>`; the HMAC key is the decoded bytes.
Receivers verify over the raw body, accept any of several space-separated signatures (key
rotation) and reject timestamps more than 5 minutes off.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

__all__ = ["PREFIX", "TOLERANCE", "generate_secret", "secret_key", "sign", "verify"]

PREFIX = "whsec_"
TOLERANCE = 300


def generate_secret() -> str:
    """A new random signing secret in the `whsec_...` form (32 random bytes)."""
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret; ValueError for a malformed one."""
    raw = secret.strip().removeprefix(PREFIX)
    try:
        return base64.b64decode(raw + "=" * (-len(raw) % 4), validate=True)
    except ValueError as exc:
        raise ValueError("the webhook signing secret must look like whsec_<base64>") from exc


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header value for one attempt."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: str, headers: dict[str, str], body: bytes, *, now: float | None = None) -> bool:
    """True if one of the `v1` signatures matches and the timestamp is within ±5 minutes."""
    msg_id = headers.get("webhook-id", "")
    stamp = headers.get("webhook-timestamp", "")
    if not msg_id or not stamp.isdigit():
        return False
    if abs((time.time() if now is None else now) - int(stamp)) > TOLERANCE:
        return False
    expected = sign(secret, msg_id, int(stamp), body).encode()
    return any(hmac.compare_digest(expected, part.encode())
               for part in headers.get("webhook-signature", "").split() if part.startswith("v1,"))
