"""nh3 allowlists: tiny inline HTML for text blocks, and a full email allowlist for imported letters."""

from __future__ import annotations

import re

import css_inline
import nh3

from app.templates.protect import Protector

__all__ = ["EMAIL_ATTRIBUTES", "EMAIL_TAGS", "sanitize_email_html", "sanitize_inline"]

_INLINE_TAGS = {"b", "strong", "i", "em", "u", "s", "a", "br", "p", "ul", "ol", "li", "span"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}

EMAIL_TAGS = {
    "html", "head", "body", "title", "meta", "style", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "colgroup", "col", "div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a",
    "img", "b", "strong", "i", "em", "u", "s", "small", "sup", "sub", "del", "ul", "ol", "li", "blockquote",
    "center", "font", "pre", "code",
}
_COMMON = {"style", "class", "id", "align", "valign", "width", "height", "bgcolor", "dir", "lang", "role", "title"}
EMAIL_ATTRIBUTES = {
    "*": _COMMON,
    "a": {"href", "target", "name"},
    "img": {"src", "alt", "border"},
    "table": {"cellpadding", "cellspacing", "border"},
    "td": {"colspan", "rowspan", "nowrap"},
    "th": {"colspan", "rowspan", "nowrap", "scope"},
    "meta": {"charset", "name", "content", "http-equiv"},
    "font": {"color", "face", "size"},
    "col": {"span"},
}
# What email clients honour; positioning, behaviour and url() tricks are dropped.
_STYLE_PROPERTIES = {
    "background", "background-color", "border", "border-bottom", "border-collapse", "border-color",
    "border-left", "border-radius", "border-right", "border-spacing", "border-style", "border-top",
    "border-width", "color", "direction", "display", "font", "font-family", "font-size", "font-style",
    "font-weight", "height", "letter-spacing", "line-height", "list-style", "margin", "margin-bottom",
    "margin-left", "margin-right", "margin-top", "max-height", "max-width", "min-height", "min-width",
    "mso-hide", "mso-line-height-rule", "opacity", "overflow", "padding", "padding-bottom", "padding-left",
    "padding-right", "padding-top", "table-layout", "text-align", "text-decoration", "text-transform",
    "vertical-align", "visibility", "white-space", "width", "word-break", "word-wrap",
}


def sanitize_inline(text: str) -> str:
    """Sanitise a text block's limited HTML (bold, italic, underline, links, lists, line breaks).

    Jinja tags survive untouched. Plain text with newlines gets `<br>` for each newline.
    """
    protector = Protector()
    protected = protector.protect(text)
    lowered = protected.lower()
    if not any(tag in lowered for tag in ("<p", "<br", "<ul", "<ol", "<li")):
        protected = protected.replace("\r\n", "\n").replace("\n", "<br>")
    clean = nh3.clean(protected, tags=_INLINE_TAGS, attributes={"a": {"href", "title"}}, url_schemes=_URL_SCHEMES,
                      link_rel=None)
    return protector.restore(clean)


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_BODY_OPEN = re.compile(r"<body\b([^>]*)>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
_CSS_DANGER = re.compile(r"@import|url\s*\(|expression\s*\(|javascript:|behavior\s*:|-moz-binding|</", re.I)


def _safe_css(css: str) -> str:
    """Keep only CSS statements without remote loads or script hooks (the kept @media rules)."""
    return "" if _CSS_DANGER.search(css) else css.strip()


def sanitize_email_html(html: str) -> str:
    """Sanitise a whole imported letter into a complete HTML document.

    Scripts, event handlers, forms, `javascript:` links and dangerous CSS go; layout stays:
    the letter's `<style>` rules are first inlined with css-inline (so nh3 can filter each
    `style` attribute to email-safe properties), the remaining `@media` rules are kept in
    the head, and the body's own style moves to a wrapping `<div>`. Jinja tags survive.
    """
    protector = Protector()
    protected = protector.protect(html)
    try:
        protected = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False).inline(protected)
    except css_inline.InlineError:
        protected = _STYLE_BLOCK.sub("", protected)
    at_rules = [_safe_css(m.group(1)) for m in _STYLE_BLOCK.finditer(protected)]
    protected = _STYLE_BLOCK.sub("", protected)
    protected = _BODY_OPEN.sub(lambda m: f"<div{m.group(1)}>", protected, count=1)
    protected = _BODY_CLOSE.sub("</div>", protected, count=1)
    clean = nh3.clean(
        protected,
        tags=EMAIL_TAGS - {"html", "head", "body", "title", "meta", "style"},
        clean_content_tags={"script", "title"},
        attributes=EMAIL_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties=_STYLE_PROPERTIES,
    )
    style = "".join(c for c in at_rules if c)
    head = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            + (f"<style>{style}</style>" if style else "") + "</head>")
    return protector.restore(f'{head}<body style="margin:0;padding:0">{clean.strip()}</body></html>')
