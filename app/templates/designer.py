"""Designer document → email-safe HTML source (Jinja tags intact), inlined once per version.

Layout: nested presentation tables, a 600 px (configurable) container, one cell per block
with its padding inline; a class-based stylesheet is inlined by css-inline and only the
mobile `@media` rules stay in a `<style>` in the head. Every `<img>` gets `alt`, `width`
and `display:block`; the preheader is a hidden div right after `<body>`.
"""

from __future__ import annotations

import html
from typing import Any

import css_inline

from app.templates.document import DEFAULT_STYLES, SOCIAL_LABELS
from app.templates.protect import Protector
from app.templates.sanitize import sanitize_inline

__all__ = ["document_html", "inline_css"]

_PAD = 24
_PREHEADER_FILL = "&#847;&zwnj;&nbsp;" * 40

_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False, minify_css=True)


def inline_css(source: str) -> str:
    """Inline `<style>` rules into `style` attributes, keeping `@media` rules; Jinja tags survive."""
    protector = Protector()
    return protector.restore(_INLINER.inline(protector.protect(source)))


class _Builder:
    """Writes one document; `p` protects Jinja tags in every user-given string."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.styles = {**DEFAULT_STYLES, **doc.get("styles", {})}
        self.width = int(self.styles["width"])
        self.p = Protector()

    def t(self, value: Any) -> str:
        """User text for an element's content."""
        return html.escape(self.p.protect(str(value or "")), quote=False)

    def a(self, value: Any) -> str:
        """User text for an attribute value."""
        return html.escape(self.p.protect(str(value or "")), quote=True)

    def brand(self, value: str = "") -> str:
        return value or self.styles["brand_color"]

    # --- blocks -----------------------------------------------------------------------
    def img(self, src: str, alt: str, width: int, link: str = "", css_class: str = "fluid",
            align: str = "center") -> str:
        # display:block ignores text-align, so the margin does the centring.
        margin = {"center": "0 auto", "right": "0 0 0 auto"}.get(align, "0")
        tag = (f'<img class="{css_class}" src="{self.a(src)}" alt="{self.a(alt)}" width="{width}" '
               f'style="width:{width}px;max-width:100%;height:auto;display:block;border:0;margin:{margin}">')
        return f'<a href="{self.a(link)}" target="_blank">{tag}</a>' if link else tag

    def button(self, text: str, url: str, color: str, text_color: str, align: str) -> str:
        bg = self.brand(color)
        return (f'<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="{align}">'
                f'<tr><td class="btn" bgcolor="{bg}" style="border-radius:6px;background-color:{bg}">'
                f'<a href="{self.a(url)}" target="_blank" style="display:inline-block;padding:12px 28px;'
                f'color:{text_color or "#ffffff"};text-decoration:none;font-weight:bold;border-radius:6px">'
                f'{self.t(text)}</a></td></tr></table>')

    def cell(self, inner: str, *, pad: str = f"12px {_PAD}px", align: str = "left", extra: str = "") -> str:
        return (f'<tr><td class="px" align="{align}" style="padding:{pad};text-align:{align}{extra}">'
                f'{inner}</td></tr>')

    def block(self, b: dict[str, Any], avail: int, nested: bool = False) -> str:
        kind = b["kind"]
        pad = f"8px {_PAD // 2}px" if nested else f"12px {_PAD}px"
        inner_w = avail - (_PAD if nested else 2 * _PAD)
        align = b.get("align", "left")
        if kind == "logo":
            return self.cell(self.img(b["src"], b["alt"], min(b["width"], inner_w), b.get("link", ""), "logo",
                                      align), pad=pad, align=align)
        if kind == "heading":
            level = b.get("level", 1)
            return self.cell(f"<h{level}>{self.t(b['text'])}</h{level}>", pad=pad, align=align)
        if kind == "text":
            return self.cell(f'<div class="text">{sanitize_inline(self.p.protect(b["text"]))}</div>',
                             pad=pad, align=align)
        if kind == "image":
            if b["width"] >= avail and not nested:
                return self.cell(self.img(b["src"], b["alt"], avail, b.get("link", "")), pad="0", align="center")
            return self.cell(self.img(b["src"], b["alt"], min(b["width"], inner_w), b.get("link", "")),
                             pad=pad, align="center")
        if kind == "button":
            align = b.get("align", "center")
            return self.cell(self.button(b["text"], b["url"], b.get("color", ""), b.get("text_color", ""), align),
                             pad=pad, align=align)
        if kind == "divider":
            line = (f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
                    f'<td style="border-top:{b["thickness"]}px solid {b.get("color") or "#dddddd"};font-size:0;'
                    f'line-height:0;height:1px">&nbsp;</td></tr></table>')
            return self.cell(line, pad=pad)
        if kind == "spacer":
            return (f'<tr><td style="height:{b["height"]}px;font-size:0;line-height:0;padding:0">&nbsp;</td>'
                    f'</tr>')
        if kind == "columns":
            return self.columns(b, avail)
        if kind == "product":
            return self.cell(self.product(b, inner_w), pad=pad, align="center")
        if kind == "social":
            links = " &nbsp;·&nbsp; ".join(
                f'<a href="{self.a(link["url"])}" target="_blank">{SOCIAL_LABELS[link["network"]]}</a>'
                for link in b["links"])
            return self.cell(f'<div class="social">{links}</div>', pad=pad, align="center")
        if kind == "footer":
            parts = [self.t(b.get(k, "")) for k in ("company", "address", "note") if b.get(k)]
            unsub = (f'<a href="{self.a(b.get("unsubscribe_url") or "{{ unsubscribe_url }}")}" target="_blank">'
                     f'{self.t(b.get("unsubscribe_text") or "Отписаться")}</a>')
            body = "<br>".join(parts + [unsub])
            return self.cell(f'<div class="footer">{body}</div>', pad=f"20px {_PAD}px", align="center",
                             extra=";font-size:12px;line-height:1.5;color:#777777")
        raise ValueError(f"unknown block kind {kind!r}")

    def product(self, b: dict[str, Any], width: int) -> str:
        rows = []
        if b.get("image"):
            rows.append(f'<tr><td align="center" style="padding:0 0 10px 0">'
                        f'{self.img(b["image"], b.get("alt") or b.get("title", ""), width, b.get("url", ""))}'
                        f"</td></tr>")
        rows.append(f'<tr><td class="product-title" align="center" style="padding:0 0 6px 0">'
                    f'{self.t(b["title"])}</td></tr>')
        old = (f' <del class="old-price" style="text-decoration:line-through;color:#999999;font-size:14px">'
               f'{self.t(b["old_price"])}</del>') if b.get("old_price") else ""
        rows.append(f'<tr><td class="price" align="center" style="padding:0 0 10px 0">'
                    f'<strong>{self.t(b["price"])}</strong>{old}</td></tr>')
        if b.get("button_text") and b.get("url"):
            rows.append(f'<tr><td align="center">{self.button(b["button_text"], b["url"], "", "", "center")}'
                        f"</td></tr>")
        return ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">'
                + "".join(rows) + "</table>")

    def columns(self, b: dict[str, Any], avail: int) -> str:
        count = len(b["columns"])
        col_w = (avail - _PAD) // count
        cells = []
        for column in b["columns"]:
            inner = "".join(self.block(x, col_w, nested=True) for x in column) or "<tr><td>&nbsp;</td></tr>"
            cells.append(f'<td class="col" width="{col_w}" valign="top" style="width:{col_w}px;vertical-align:top">'
                         f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">'
                         f"{inner}</table></td>")
        row = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
               + "".join(cells) + "</tr></table>")
        return f'<tr><td class="cols" style="padding:8px {_PAD // 2}px">{row}</td></tr>'

    # --- page -------------------------------------------------------------------------
    def stylesheet(self) -> str:
        s = self.styles
        font = s["font_family"].replace("<", "").replace("{", "").replace("}", "")
        return (
            f"body{{margin:0;padding:0;background-color:{s['background']}}}"
            "table{border-collapse:collapse}"
            f"td{{font-family:{font};color:{s['text_color']};font-size:16px;line-height:1.5}}"
            "h1{margin:0;font-size:26px;line-height:1.25;font-weight:bold}"
            "h2{margin:0;font-size:21px;line-height:1.3;font-weight:bold}"
            "h3{margin:0;font-size:18px;line-height:1.35;font-weight:bold}"
            "p{margin:0 0 12px 0}"
            f"a{{color:{s['brand_color']}}}"
            ".product-title{font-size:16px;font-weight:bold}"
            ".price{font-size:18px}"
            ".footer a{color:#777777}"
            f"@media only screen and (max-width:{self.width + 20}px){{"
            ".container{width:100% !important}"
            ".col{display:block !important;width:100% !important}"
            "img.fluid{width:100% !important;height:auto !important}"
            ".px{padding-left:16px !important;padding-right:16px !important}}"
        )

    def page(self) -> str:
        s = self.styles
        blocks = "".join(self.block(b, self.width) for b in self.doc.get("blocks", []))
        preheader = self.doc.get("preheader") or ""
        hidden = (f'<div class="preheader" style="display:none;max-height:0;overflow:hidden;mso-hide:all;'
                  f'font-size:1px;line-height:1px;color:{s["background"]};opacity:0">'
                  f"{self.t(preheader)}{_PREHEADER_FILL}</div>") if preheader else ""
        return (
            '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">'
            f"<title>{self.t(self.doc.get('subject', ''))}</title><style>{self.stylesheet()}</style></head>"
            f'<body style="margin:0;padding:0;background-color:{s["background"]}">{hidden}'
            f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            f'bgcolor="{s["background"]}"><tr><td align="center" style="padding:16px 0">'
            f'<table role="presentation" class="container" width="{self.width}" cellpadding="0" cellspacing="0" '
            f'border="0" bgcolor="{s["content_background"]}" style="width:{self.width}px;'
            f'background-color:{s["content_background"]}">{blocks}</table>'
            "</td></tr></table></body></html>"
        )


def document_html(doc: dict[str, Any]) -> str:
    """The email-safe HTML *template source* of a designer document (CSS inlined, Jinja intact).

    Call once per template version; the result is compiled by `app.templates.render`.
    """
    builder = _Builder(doc)
    page = builder.page()
    return builder.p.restore(_INLINER.inline(page))
