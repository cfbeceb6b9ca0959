"""The bytes of one letter from an email `SendRequest`, and the SMTP envelope forms of its addresses.

`build_letter` uses `app.mail.mime.build_mime`: multipart/alternative (text + HTML), UTF-8
headers, Message-ID = our message id, Reply-To, and the payload's extra headers
(List-Unsubscribe, List-Unsubscribe-Post) kept on one line each. Its bytes are already in
SMTP DATA form (CRLF line ends, no line starting with "."), so SMTP sends them unchanged.
"""

from __future__ import annotations

import email.utils
import functools
import re
from typing import Any

from app.mail.mime import build_mime
from app.providers.base import SendRequest

__all__ = ["build_letter", "envelope_address", "from_address", "message_id_header", "smtp_address"]

# What an address on an SMTP command line may not contain (controls enable command injection).
_UNSAFE = re.compile(r"[\x00-\x20<>\x7f]")


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


@functools.lru_cache(maxsize=1024)
def _idna(domain: str) -> str:
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"the domain {domain!r} cannot be written in ASCII: {exc}") from None


def smtp_address(address: str) -> tuple[str, bool]:
    """(address for MAIL FROM / RCPT TO and the To header, needs SMTPUTF8).

    An internationalised domain (ivan@пример.рф) becomes its ASCII form (xn--...); only a
    non-Latin local part needs the server's SMTPUTF8. ValueError for what no server accepts.
    """
    address = address.strip()
    if not address or _UNSAFE.search(address) or address.count("@") != 1:
        raise ValueError(f"{address!r} is not an email address that can be sent to")
    if address.isascii():
        return address, False
    local, _, domain = address.partition("@")
    if not domain.isascii():
        domain = _idna(domain)
    return f"{local}@{domain}", not local.isascii()


def build_letter(request: SendRequest, from_addr: str, *, to: str | None = None, eight_bit: bool = False) -> bytes:
    """The complete message bytes for `request` (CRLF line ends); `to` overrides the To address;
    `eight_bit`: UTF-8 bodies in SMTP DATA form for an 8BITMIME server (see `build_mime`)."""
    payload = request.payload
    return build_mime(from_addr=from_addr, to_addr=to or request.to, subject=payload.get("subject", ""),
                      html=payload.get("html", ""), text=payload.get("text", ""),
                      headers=payload.get("headers") or None, message_id=message_id_header(request, from_addr),
                      reply_to=payload.get("reply_to"), eight_bit=eight_bit)
