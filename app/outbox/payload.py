"""Message payloads as stored in the outbox (email payloads compressed)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import Any

__all__ = ["decode_payload", "encode_payload"]


def encode_payload(channel: str, payload: Mapping[str, Any]) -> tuple[bytes, bool]:
    data = json.dumps(payload, ensure_ascii=False, default=str).encode()
    if channel == "email":  # letters are large and repetitive: compress them
        return zlib.compress(data, 1), True
    return data, False


def decode_payload(data: bytes | None, zipped: bool) -> dict[str, Any]:
    if not data:
        return {}
    return json.loads(zlib.decompress(data) if zipped else data)
