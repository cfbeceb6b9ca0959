"""Rendering a campaign's message for one contact at claim time, and the unsubscribe token.

A campaign references a template and a pinned version (rendered with `app.templates.render`)
or, for quick tests and scripts, carries inline content {"subject", "text", "html"} that is
personalised with the same sandboxed Jinja environments. Email payloads get RFC 8058
headers: `List-Unsubscribe` with a per-contact token signed with HMAC-SHA256 under a
workspace secret, and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` when an HTTPS
unsubscribe base URL is configured (a mailto alone does not satisfy Gmail's rule).

The unsubscribe link is `{receiver.public_url}/u/{token}`: the engine's receiver serves
`/u/{token}`. `sending.unsubscribe_base_url` is an optional override for setups where another
server answers those links (it must serve the same `/u/{token}` path). The sender identity
(`sending.identity`: from_name, from_email, reply_to, sms_sender) gives the e-mail From (a
campaign's own sender wins) and Reply-To.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from collections.abc import Mapping
from email.headerregistry import Address
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import settings
from app.errors import TemplateError
from app.outbox.store import RenderInput
from app.outbox.tables import campaigns

__all__ = ["IDENTITY_KEY", "CampaignRenderer", "email_from", "make_unsubscribe_token", "read_unsubscribe_token",
           "unsubscribe_secret"]

SETTING_SECRET = "sending.unsubscribe_secret"
#: Optional override of the unsubscribe base URL; by default it is `receiver.public_url`.
SETTING_BASE_URL = "sending.unsubscribe_base_url"
SETTING_PUBLIC_URL = "receiver.public_url"
SETTING_MAILTO = "sending.unsubscribe_mailto"
#: The sender identity saved in Settings: {from_name, from_email, reply_to, sms_sender}.
IDENTITY_KEY = "sending.identity"


def email_from(identity: Any) -> str:
    """"Name <address>" (or just the address) from a stored identity; "" without an address."""
    if not isinstance(identity, dict) or not str(identity.get("from_email") or "").strip():
        return ""
    address = str(identity["from_email"]).strip()
    name = str(identity.get("from_name") or "").strip()
    if not name:
        return address
    try:  # quotes a name holding commas or quotes; keeps Cyrillic readable (encoded when sent)
        return str(Address(display_name=name, addr_spec=address))
    except (ValueError, IndexError):
        return f"{name} <{address}>"


def unsubscribe_secret(engine: Engine) -> bytes:
    """The workspace's token-signing secret (created on first use)."""
    with engine.begin() as conn:
        value = conn.execute(sa.select(settings.c.value).where(settings.c.key == SETTING_SECRET)).scalar()
        if not value:
            value = secrets.token_hex(32)
            conn.execute(settings.insert().values(key=SETTING_SECRET, value=value))
    return bytes.fromhex(value)


def make_unsubscribe_token(secret: bytes, contact_id: int, channel: str) -> str:
    """Opaque token `<contact>.<channel>.<hmac>`: no address in clear, not forgeable."""
    body = f"{contact_id}.{channel}"
    mac = hmac.new(secret, body.encode(), hashlib.sha256).digest()[:16]
    return f"{body}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def read_unsubscribe_token(secret: bytes, token: str) -> tuple[int, str] | None:
    """(contact id, channel) for a valid token, None for a forged or damaged one."""
    try:
        contact, channel, _mac = token.split(".")
        expected = make_unsubscribe_token(secret, int(contact), channel)
    except ValueError:
        return None
    return (int(contact), channel) if hmac.compare_digest(expected, token) else None


class CampaignRenderer:
    """Callable used by the engine's claim: `renderer(RenderInput) -> payload dict`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._campaigns: dict[int, dict[str, Any]] = {}
        self._compiled: dict[tuple[int, str], Any] = {}
        self._lock = threading.Lock()
        self._settings: dict[str, Any] | None = None

    def prepare(self) -> None:
        """Read settings (and create the signing secret) before any claim transaction opens:
        the renderer runs inside the claim, where a second writer would wait on the lock."""
        with self.engine.connect() as conn:
            self._settings = dict(conn.execute(sa.select(settings.c.key, settings.c.value).where(
                settings.c.key.in_((SETTING_BASE_URL, SETTING_PUBLIC_URL, SETTING_MAILTO, IDENTITY_KEY)))).all())
        self._secret = unsubscribe_secret(self.engine)

    def _setting(self, key: str) -> Any:
        if self._settings is None:
            self.prepare()
        return self._settings.get(key)  # type: ignore[union-attr]

    def _campaign(self, campaign_id: int) -> dict[str, Any]:
        with self._lock:
            if campaign_id not in self._campaigns:
                with self.engine.connect() as conn:
                    row = conn.execute(sa.select(campaigns).where(campaigns.c.id == campaign_id)).mappings().first()
                if row is None:
                    raise TemplateError(f"campaign {campaign_id} no longer exists")
                campaign = dict(row)
                if campaign["template_id"] is not None:
                    from app.templates.library import get_version

                    campaign["version_obj"] = get_version(self.engine, campaign["template_id"],
                                                          campaign["template_version"])
                self._campaigns[campaign_id] = campaign
            return self._campaigns[campaign_id]

    def unsubscribe_headers(self, contact_id: int | None) -> tuple[dict[str, str], str]:
        """(List-Unsubscribe headers, the URL for the footer link) for one contact."""
        base = self._setting(SETTING_BASE_URL) or self._setting(SETTING_PUBLIC_URL)
        mailto = self._setting(SETTING_MAILTO)
        if contact_id is None or not (base or mailto):
            return {}, ""
        token = make_unsubscribe_token(self._secret, contact_id, "email")
        parts, url = [], ""
        if base:
            url = f"{str(base).rstrip('/')}/u/{token}"
            parts.append(f"<{url}>")
        if mailto:
            parts.append(f"<mailto:{mailto}?subject=unsubscribe-{token}>")
        headers = {"List-Unsubscribe": ", ".join(parts)}
        if base and str(base).startswith("https://"):
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        return headers, url or f"mailto:{mailto}?subject=unsubscribe-{token}"

    def __call__(self, item: RenderInput) -> dict[str, Any]:
        if item.campaign_id is None:
            raise TemplateError("a message outside a campaign must carry its rendered payload")
        campaign = self._campaign(item.campaign_id)
        contact = item.contact
        payload: dict[str, Any] = {}
        if item.channel == "email":
            headers, url = self.unsubscribe_headers(contact.get("id"))
            headers["X-Kaskad-Message"] = item.message_id
            payload["headers"] = headers
            identity = self._setting(IDENTITY_KEY)
            sender = campaign["sender"] or email_from(identity)
            if sender:
                payload["from_addr"] = sender
            if isinstance(identity, dict) and str(identity.get("reply_to") or "").strip():
                payload["reply_to"] = str(identity["reply_to"]).strip()
            payload.update(self._email(campaign, contact, url))
        else:
            payload.update(self._text(campaign, contact, item.channel))
        return payload

    def _email(self, campaign: Mapping[str, Any], contact: Mapping[str, Any], url: str) -> dict[str, Any]:
        if campaign.get("version_obj") is not None:
            from app.templates.render import render_message

            rendered = render_message(campaign["version_obj"], contact, unsubscribe_url=url)
            return {"subject": rendered.subject, "html": rendered.html, "text": rendered.text,
                    "preheader": rendered.preheader}
        content = campaign.get("content") or {}
        context = _context(contact, {"unsubscribe_url": url})
        return {part: self._inline(campaign["id"], part, content.get(part, ""), "html" if part == "html" else "text")
                .render(context) for part in ("subject", "text", "html") if content.get(part) is not None}

    def _text(self, campaign: Mapping[str, Any], contact: Mapping[str, Any], channel: str) -> dict[str, Any]:
        if campaign.get("version_obj") is not None:
            from app.templates import render as template_render

            if channel == "whatsapp" and hasattr(template_render, "render_whatsapp"):
                rendered = template_render.render_whatsapp(campaign["version_obj"], contact)
                return dict(vars(rendered)) if hasattr(rendered, "__dict__") else dict(rendered)
            rendered = template_render.render_sms(campaign["version_obj"], contact)
            return {"text": rendered.text, "segments": rendered.count.segments}
        content = campaign.get("content") or {}
        text = self._inline(campaign["id"], "text", content.get("text", ""), "sms").render(_context(contact, {}))
        return {"text": text.strip()}

    def _inline(self, campaign_id: int, part: str, source: str, env: str) -> Any:
        from app.templates.personalize import compile_text

        key = (campaign_id, part)
        with self._lock:
            if key not in self._compiled:
                self._compiled[key] = compile_text(source, env=env, name=part)
            return self._compiled[key]


def _context(contact: Mapping[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    from app.templates.personalize import build_context

    return build_context(contact, extra=extra)
