"""Recognising what arrives in the unsubscribe / bounce mailbox: mailto unsubscribes and DSN bounces.

* An unsubscribe request is a letter whose subject carries our token, as the
  `mailto:...?subject=unsubscribe-<token>` in List-Unsubscribe produces it.
* A bounce is a delivery status notification (RFC 3464: `multipart/report;
  report-type=delivery-status`) whose recipient status is 5.x.x (4.x.x = delayed, not final).
  It is mapped back to our message through the returned original headers: our
  `X-Kaskad-Message`, else the `Message-ID` local part (our message id), else the unsubscribe
  token in `List-Unsubscribe`. Letters we cannot tie to our own mail are not ours to act on.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message
from email.parser import HeaderParser

__all__ = ["MailFinding", "classify", "might_be_ours"]

_TOKEN = r"(\d{1,12}\.[a-z]{2,10}\.[A-Za-z0-9_-]{16,32})"
_SUBJECT_TOKEN = re.compile(r"unsubscribe-" + _TOKEN)
_URL_TOKEN = re.compile(r"/u/" + _TOKEN)
_OUR_ID = re.compile(r"^<?([0-9a-f]{32})@", re.I)
_STATUS = re.compile(r"^\s*([245])\.(\d{1,3})\.(\d{1,3})")


@dataclass(frozen=True)
class MailFinding:
    """What one letter in the mailbox means.

    Attributes:
        kind: "unsubscribe", "bounce" (permanent, 5.x.x) or "delayed" (4.x.x, informational).
        token: the unsubscribe token found (request, or in the bounced letter's headers).
        message_id: our outbox message id from the bounced letter's headers.
        recipient: the address that bounced (DSN Final-Recipient).
        status: the DSN status code, e.g. "5.1.1".
        diagnostic: the remote server's words (Diagnostic-Code), if any.
        letter_id: the Message-ID of the letter in the mailbox itself (for deduplication).
    """

    kind: str
    token: str = ""
    message_id: str = ""
    recipient: str = ""
    status: str = ""
    diagnostic: str = ""
    letter_id: str = ""


def classify(raw: bytes) -> MailFinding | None:
    """The meaning of one raw letter, or None when it is neither of ours nor recognisable."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    letter_id = str(message.get("Message-ID", "")).strip()
    if message.get_content_type() == "multipart/report":
        return _bounce(message, letter_id)
    match = _SUBJECT_TOKEN.search(_decode(message.get("Subject", "")))
    if match:
        return MailFinding("unsubscribe", token=match.group(1), letter_id=letter_id)
    return None


def might_be_ours(header_block: bytes) -> bool:
    """From the headers alone: a report (DSN) or a subject carrying an unsubscribe token."""
    headers = email.message_from_bytes(header_block, policy=email.policy.compat32)
    return (headers.get_content_type() == "multipart/report"
            or bool(_SUBJECT_TOKEN.search(_decode(headers.get("Subject", "")))))


def _decode(value: str) -> str:
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError):
        return value


def _bounce(report: Message, letter_id: str) -> MailFinding | None:
    recipients: list[tuple[str, str, str]] = []  # (address, status, diagnostic)
    original: Message | None = None
    for part in report.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for block in part.get_payload() if part.is_multipart() else []:
                status = str(block.get("Status", ""))
                if _STATUS.match(status):
                    final = str(block.get("Final-Recipient") or block.get("Original-Recipient") or "")
                    address = final.split(";", 1)[-1].strip().strip("<>").lower()
                    recipients.append((address, _STATUS.match(status).group(0).strip(),
                                       " ".join(str(block.get("Diagnostic-Code", "")).split())))
        elif kind == "message/rfc822" and part.is_multipart() and original is None:
            original = part.get_payload(0)
        elif kind == "text/rfc822-headers" and original is None:
            payload = part.get_payload(decode=True) or b""
            original = HeaderParser().parsestr(payload.decode("utf-8", "replace"))
    if not recipients:
        return None
    hard = [r for r in recipients if r[1].startswith("5")]
    address, status, diagnostic = (hard or recipients)[0]
    kind = "bounce" if hard else "delayed"
    message_id = token = ""
    if original is not None:
        ours = str(original.get("X-Kaskad-Message", "")).strip()
        match = _OUR_ID.match(str(original.get("Message-ID", "")).strip())
        message_id = ours if re.fullmatch(r"[0-9a-f]{32}", ours) else (match.group(1).lower() if match else "")
        found = _URL_TOKEN.search(str(original.get("List-Unsubscribe", ""))) or _SUBJECT_TOKEN.search(
            str(original.get("List-Unsubscribe", "")))
        token = found.group(1) if found else ""
    return MailFinding(kind, token=token, message_id=message_id, recipient=address, status=status,
                       diagnostic=diagnostic[:500], letter_id=letter_id)
