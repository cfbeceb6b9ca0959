"""Building the RFC 5322 bytes of one letter from an email `SendRequest`.

Uses the shared `app.mail.mime.build_mime` when that module is present; otherwise the
standard library builds the same shape: multipart/alternative (text + HTML), UTF-8 headers,
Message-ID = our message id, Reply-To, and the payload's extra headers (List-Unsubscribe,
List-Unsubscribe-Post) kept on one line each.
"""

from __future__ import annotations

import email.policy
import email.utils
import functools
from email.message import EmailMessage
from typing import Any

from app.providers.base import SendRequest

__all__ = ["build_letter", "envelope_address", "from_address", "message_id_header"]

# SMTP wants CRLF; header lines are not folded by us (a folded List-Unsubscribe broke DKIM
# at a relay: nodemailer #1654), so allow long lines.
_POLICY = email.policy.SMTPUTF8.clone(max_line_length=998)


def from_address(request: SendRequest, options: dict[str, Any]) -> str:
    """The From header: the campaign's sender, else the provider's configured `from`."""
    return request.payload.get("from_addr") or request.sender or options.get("from") or ""


@functools.lru_cache(maxsize=64)
def envelope_address(from_addr: str) -> str:
    """The bare address of a From header ("Shop <a@b>" → "a@b"); cached, every letter asks."""
    return email.utils.parseaddr(from_addr)[1]


def message_id_header(request: SendRequest, from_addr: str) -> str:
    """`<message id@sender domain>`: bounces and replies can be matched back to the row."""
    domain = envelope_address(from_addr).rpartition("@")[2] or "kaskad.local"
    return f"<{request.message_id}@{domain}>"


def build_letter(request: SendRequest, from_addr: str) -> bytes:
    """The complete message bytes for `request`."""
    payload = request.payload
    headers = dict(payload.get("headers") or {})
    message_id = message_id_header(request, from_addr)
    try:
        from app.mail.mime import build_mime  # the shared builder, when present
    except ImportError:
        build_mime = None
    if build_mime is not None:
        return build_mime(from_addr=from_addr, to_addr=request.to, subject=payload.get("subject", ""),
                          html=payload.get("html", ""), text=payload.get("text", ""), headers=headers,
                          message_id=message_id, reply_to=payload.get("reply_to"))
    msg = EmailMessage(policy=_POLICY)
    msg["From"] = from_addr
    msg["To"] = request.to
    msg["Subject"] = payload.get("subject", "")
    msg["Date"] = email.utils.formatdate(localtime=False)
    msg["Message-ID"] = message_id
    if payload.get("reply_to"):
        msg["Reply-To"] = payload["reply_to"]
    for name, value in headers.items():
        msg[name] = value
    msg.set_content(payload.get("text") or " ", charset="utf-8")
    if payload.get("html"):
        msg.add_alternative(payload["html"], subtype="html", charset="utf-8")
    return msg.as_bytes(policy=_POLICY)
