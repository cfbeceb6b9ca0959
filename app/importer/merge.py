"""Duplicate policies: merging a file record into a stored contact; the per-row custom JSON encoder."""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring

from app.importer.rows import CUSTOM

__all__ = ["custom_dict", "custom_encoder", "merged"]


def custom_dict(keys: list[str], values: tuple | None) -> dict[str, str]:
    if values is None:
        return {}
    return {k: v for k, v in zip(keys, values, strict=True) if v is not None}


def custom_encoder(keys: list[str]) -> Callable[[tuple | None], str]:
    """JSON of the custom values without json.dumps per row (a million calls cost seconds)."""
    prefixes = [encode_basestring(k) + ": " for k in keys]
    if len(keys) == 1:
        # The usual case (one extra column): no join, no zip.
        head = "{" + prefixes[0]

        def encode_one(values: tuple | None) -> str:
            if values is None or values[0] is None:
                return "{}"
            return head + encode_basestring(values[0]) + "}"

        return encode_one

    def encode(values: tuple | None) -> str:
        if values is None:
            return "{}"
        return "{" + ", ".join(p + encode_basestring(v) for p, v in zip(prefixes, values, strict=True) if v is not None) + "}"

    return encode


def merged(current: list, record: list, keys: list[str], overwrite: bool) -> list | None:
    """The contact's new values under the policy, or None when nothing changes."""
    new = list(current[: CUSTOM + 1])
    new[CUSTOM] = dict(current[CUSTOM])
    changed = False
    for i in range(CUSTOM):
        value = record[i]
        if value is None or value == new[i]:
            continue
        if overwrite or new[i] in (None, ""):
            new[i] = value
            changed = True
    for key, value in custom_dict(keys, record[CUSTOM]).items():
        if new[CUSTOM].get(key) != value and (overwrite or key not in new[CUSTOM]):
            new[CUSTOM][key] = value
            changed = True
    return new if changed else None
