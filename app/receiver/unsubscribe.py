"""`/u/{token}`: the unsubscribe link (GET: a confirmation page) and RFC 8058 one-click (POST).

GET never unsubscribes: mail scanners open links. POST (our page's button, or the mailbox
provider's one-click request `List-Unsubscribe=One-Click`, urlencoded or multipart, with no
cookies) suppresses the contact's address on the token's channel and answers 200 directly,
never a redirect; repeating it changes nothing. A forged or damaged token gets 400 and no
details.
"""

from __future__ import annotations

import html
import logging

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from app.campaigns.render import unsubscribe_secret
from app.receiver.routes import ROUTES, ReceiverContext
from app.suppression.unsubscribe import resolve_token, unsubscribe_contact

__all__ = ["render_page"]

log = logging.getLogger(__name__)

_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
}
_CHANNELS = {"email": ("электронные письма", "emails"), "sms": ("SMS", "text messages"),
             "whatsapp": ("сообщения WhatsApp", "WhatsApp messages"), "calls": ("звонки", "calls")}

_STYLE = ("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f4f5f7;"
          "color:#1f2328;margin:0;padding:40px 16px}main{max-width:460px;margin:0 auto;background:#fff;"
          "border-radius:12px;padding:28px 28px 24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}"
          "h1{font-size:22px;margin:0 0 12px}p{line-height:1.5;margin:0 0 12px}.en{color:#57606a;font-size:14px}"
          "button{font-size:16px;padding:12px 20px;border:0;border-radius:8px;background:#c62828;color:#fff;"
          "cursor:pointer;width:100%;margin:8px 0 16px;font-family:inherit}")


def render_page(title_ru: str, title_en: str, text_ru: str, text_en: str, *, button: bool = False) -> str:
    """A small bilingual page (Russian first); all text is escaped."""
    e = html.escape
    lead = title_en if title_en.endswith(("?", ".", "!")) else title_en + "."
    form = ('<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">'
            '<button type="submit">Отписаться · Unsubscribe</button></form>') if button else ""
    return (f'<!doctype html><html lang="ru"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{e(title_ru)} · {e(title_en)}</title>'
            f'<style>{_STYLE}</style></head><body><main>'
            f'<h1>{e(title_ru)}</h1><p>{e(text_ru)}</p>{form}'
            f'<p class="en" lang="en"><b>{e(lead)}</b> {e(text_en)}</p></main></body></html>')


def _page(status: int, body: str) -> web.Response:
    return web.Response(status=status, text=body, content_type="text/html", charset="utf-8", headers=_HEADERS)


def _invalid() -> web.Response:
    return _page(400, render_page("Ссылка недействительна", "This link is not valid",
                                  "Проверьте, что ссылка скопирована полностью.",
                                  "Please check that the whole link was copied."))


async def _target(ctx: ReceiverContext, token: str) -> tuple[int, str] | None:
    secret = ctx.cache.get("unsubscribe_secret")
    if secret is None:
        secret = ctx.cache["unsubscribe_secret"] = await ctx.db(unsubscribe_secret, ctx.workspace.engine)
    return resolve_token(ctx.workspace.engine, token, secret)


@ROUTES.route("GET", "/u/{token}")
async def confirm_page(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """The confirmation page with a button; nothing changes on GET."""
    target = await _target(ctx, request.match_info["token"])
    if target is None:
        return _invalid()
    what_ru, what_en = _CHANNELS.get(target[1], _CHANNELS["email"])
    return _page(200, render_page(
        "Отписаться от рассылки?", "Unsubscribe?",
        f"Нажмите кнопку, и мы больше не будем присылать вам {what_ru} с рекламой.",
        f"Press the button and we will stop sending you promotional {what_en}.", button=True))


@ROUTES.route("POST", "/u/{token}")
async def one_click(ctx: ReceiverContext, request: web.Request) -> web.StreamResponse:
    """RFC 8058 one-click unsubscribe (and the page's button)."""
    target = await _target(ctx, request.match_info["token"])
    if target is None:
        return _invalid()
    form = await request.post()  # urlencoded or multipart; the signed token alone identifies the person
    contact_id, channel = target
    source = "one-click" if form.get("List-Unsubscribe") == "One-Click" else "unsubscribe link"
    try:
        await ctx.db(unsubscribe_contact, ctx.workspace.engine, contact_id, channel, source=source)
    except SQLAlchemyError:
        log.exception("unsubscribe of contact %s could not be stored", contact_id)
        return _page(503, render_page("Не получилось", "Something went wrong",
                                      "Попробуйте ещё раз через минуту.", "Please try again in a minute."))
    what_ru, what_en = _CHANNELS.get(channel, _CHANNELS["email"])
    return _page(200, render_page("Вы отписаны", "You are unsubscribed",
                                  f"Мы больше не будем присылать вам {what_ru} с рекламой.",
                                  f"We will not send you promotional {what_en} any more."))

