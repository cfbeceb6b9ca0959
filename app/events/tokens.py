"""Intake tokens: a secret API token (any event) and a public tracker token (website events only).

Both are random, generated on first use and kept in the workspace settings; the tracker
token is visible in the site's HTML, so it may only post what a browser can see happen.
"""

from __future__ import annotations

import secrets

from sqlalchemy.engine import Engine

from app.settings import get_str, set_setting

__all__ = ["API_TOKEN_KEY", "TRACKER_TOKEN_KEY", "TRACKER_TYPES", "api_token", "regenerate", "tracker_token"]

API_TOKEN_KEY = "events.api_token"
TRACKER_TOKEN_KEY = "events.tracker_token"
#: Event types the public tracker token may post.
TRACKER_TYPES = frozenset({"page_view", "time_on_site", "form_submitted", "goal"})


def _token(engine: Engine, key: str) -> str:
    token = get_str(engine, key)
    if not token:
        token = secrets.token_urlsafe(32)
        set_setting(engine, key, token)
    return token


def api_token(engine: Engine) -> str:
    """The secret token for server-to-server posting (CRM, shop, telephony); created on first use."""
    return _token(engine, API_TOKEN_KEY)


def tracker_token(engine: Engine) -> str:
    """The public token embedded in the website snippet; created on first use."""
    return _token(engine, TRACKER_TOKEN_KEY)


def regenerate(engine: Engine, key: str) -> str:
    """Replace a token (after a leak); the old one stops working at once."""
    token = secrets.token_urlsafe(32)
    set_setting(engine, key, token)
    return token
