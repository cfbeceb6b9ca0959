"""Helpers shared by the email API adapters (SendGrid, Mailgun, Unisender Go)."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.errors import ProviderPermanent
from app.providers.base import SendRequest
from app.providers.email.message import from_address

__all__ = ["RESERVED_HEADERS", "Suppression", "extra_headers", "sender_parts"]


@dataclass(frozen=True)
class Suppression:
    """An address the ESP itself refuses to mail, to be copied into our suppression list.

    Attributes:
        address: the email address (lower case).
        reason: "unsubscribed", "bounced" or "complained" (our suppression reasons).
        at: when the ESP recorded it (UTC).
        detail: the ESP's own text (bounce reason), if any.
    """

    address: str
    reason: str
    at: datetime
    detail: str = ""

    @classmethod
    def make(cls, address: str, reason: str, at: datetime | None, detail: str = "") -> Suppression:
        return cls(address.strip().lower(), reason, at or datetime.now(UTC), detail)

#: Headers the APIs set themselves from dedicated fields (or refuse as custom headers).
RESERVED_HEADERS = frozenset({"from", "to", "cc", "bcc", "subject", "reply-to", "content-type",
                              "content-transfer-encoding", "mime-version", "date", "received",
                              "dkim-signature", "x-sg-id", "x-sg-eid", "return-path"})


def sender_parts(request: SendRequest, options: Mapping[str, Any]) -> tuple[str, str]:
    """(name, address) of the From identity; ProviderPermanent when none is configured."""
    name, address = email.utils.parseaddr(from_address(request, dict(options)))
    if not address or "@" not in address:
        raise ProviderPermanent("no sender address: set the campaign's From or the provider's --option from=...")
    return name or str(options.get("from_name") or ""), address


def extra_headers(request: SendRequest) -> dict[str, str]:
    """The payload's custom headers (List-Unsubscribe ...) minus those set by dedicated fields."""
    headers = request.payload.get("headers") or {}
    return {str(k): str(v) for k, v in headers.items() if str(k).lower() not in RESERVED_HEADERS}
