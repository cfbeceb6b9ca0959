"""The JavaScript snippet the user pastes into their website (no dependencies, ~3 KB)."""

from __future__ import annotations

import json

from sqlalchemy.engine import Engine

from app.errors import UserInputError
from app.events.tokens import tracker_token
from app.events.tracker_js import SOURCE
from app.receiver.config import receiver_settings

__all__ = ["tracker_script", "tracker_snippet"]

def tracker_script(base_url: str, token: str) -> str:
    """The tracker's JavaScript for `base_url` (where /v1/events is reachable) and the public `token`."""
    base = base_url.strip().rstrip("/")
    if not base.startswith(("https://", "http://")):
        raise UserInputError(f"the public base URL must start with https:// (got {base_url!r})")
    # json.dumps gives a valid JS string literal for the placeholders' places.
    code = SOURCE
    code = code.replace('"__BASE_URL__"', json.dumps(base)).replace('"__TOKEN__"', json.dumps(token))
    return code.replace("</", "<\\/")


def tracker_snippet(engine: Engine, base_url: str | None = None) -> str:
    """`<script>` markup for the site, using the receiver's public URL unless `base_url` is given."""
    if base_url is None:
        host, port, public = receiver_settings(engine)
        base_url = public or f"http://{host}:{port}"
    return f"<script>\n{tracker_script(base_url, tracker_token(engine))}</script>\n"
