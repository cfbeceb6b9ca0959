"""Status callbacks received from providers: the raw request, the parsed status, signature errors.

The adapter Protocol in `base` covers sending and polling only; callback parsing lives next to
each adapter as `parse_callback(callback) -> list[CallbackStatus]`. The engine's receiver builds
an `InboundCallback` from the HTTP request (with the public URL the provider called, which
Twilio signs), asks the provider account's adapter to parse it, and answers 2xx fast;
`CallbackRejected` means "answer 401/403 and store nothing".
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.errors import ProviderError
from app.providers.base import StatusUpdate

__all__ = ["CallbackRejected", "CallbackStatus", "InboundCallback", "from_timestamp", "same_digest"]


class CallbackRejected(ProviderError):
    """The callback failed its signature / token check or is not the provider's shape."""


@dataclass(frozen=True)
class InboundCallback:
    """One HTTP request a provider made to our status receiver.

    Attributes:
        method: "POST" (or "GET" for Meta's subscription handshake).
        url: the full public URL the provider called, query string included.
        headers: header names in lower case.
        body: the raw body bytes (signatures are computed over these exact bytes).
    """

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes = b""

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.url).query, keep_blank_values=True).items()}

    def json(self) -> Any:
        """The body parsed as JSON; CallbackRejected when it is not JSON."""
        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise CallbackRejected(f"the callback body is not JSON: {exc}") from exc

    def form_lists(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)


@dataclass(frozen=True)
class CallbackStatus(StatusUpdate):
    """A delivery status from a callback, with what only callbacks carry.

    Attributes:
        message_id: our outbox `message_id` when the provider echoes our metadata
            (SendGrid custom_args, Mailgun v: vars, Unisender Go metadata, Meta
            biz_opaque_callback_data); match on it first, else on `provider_message_id`.
        event_id: the provider's id of this event, for deduplicating redelivered callbacks.
        suppress: hard bounce, spam complaint or unsubscribe: add the address to suppressions.
        address: the recipient address the event is about (email or phone).
    """

    message_id: str = ""
    event_id: str = ""
    suppress: bool = False
    address: str = ""


def from_timestamp(value: object) -> datetime:
    """Unix seconds (int, float or numeric string) as an aware UTC datetime; now when missing."""
    try:
        return datetime.fromtimestamp(float(value), UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return datetime.now(UTC)


def same_digest(expected: str, received: str) -> bool:
    """Constant-time comparison of two signature strings."""
    return bool(received) and hmac.compare_digest(expected.encode(), received.strip().encode())
