"""Template documents: the versioned JSON stored per template version, and the designer blocks.

Every document is a plain dict with `schema_version` and `type`:

* `"designer"` (kind email) — subject, preheader, marketing flag, `styles`, `blocks` (below);
* `"html"` (kind email, HTML mode) — subject, preheader, marketing flag, `html` source edited directly;
* `"sms"` — `text`, `sender`;
* `"whatsapp"` — see `app.templates.whatsapp`;
* `"manager"` — subject, `text`, optional `html`.

Designer blocks are dicts with `id` (unique in the document), `kind` and the kind's fields;
`columns` holds `columns: [[block, ...], ...]` (2 or 3). `new_block(kind)` gives sensible
Russian defaults for the palette; `BLOCK_KINDS` lists kinds with ru/en labels.
"""

from __future__ import annotations

import copy
import re
import uuid
from dataclasses import dataclass
from typing import Any

from app.errors import UserInputError

__all__ = [
    "BLOCK_KINDS",
    "DEFAULT_STYLES",
    "DOCUMENT_TYPES",
    "SCHEMA_VERSION",
    "BlockKind",
    "DocumentError",
    "iter_blocks",
    "new_block",
    "new_document",
    "validate_document",
]

SCHEMA_VERSION = 1

#: Which document types each template kind may hold.
DOCUMENT_TYPES = {"email": ("designer", "html"), "sms": ("sms",), "whatsapp": ("whatsapp",), "manager": ("manager",)}

DEFAULT_STYLES: dict[str, Any] = {
    "brand_color": "#1a73e8",
    "font_family": "Arial, Helvetica, sans-serif",
    "width": 600,
    "background": "#f2f4f7",
    "content_background": "#ffffff",
    "text_color": "#222222",
}


class DocumentError(UserInputError):
    """A template document is malformed: says where (`path`, block id) and why."""

    def __init__(self, reason: str, *, path: str = "", block_id: str | None = None) -> None:
        self.reason = reason
        self.path = path
        self.block_id = block_id
        super().__init__(f"{path}: {reason}" if path else reason)


@dataclass(frozen=True)
class BlockKind:
    """A designer block kind for the palette: key, labels and the default fields."""

    key: str
    label_ru: str
    label_en: str
    defaults: dict[str, Any]


_SOCIAL_NETWORKS = ("vk", "telegram", "whatsapp", "ok", "youtube", "dzen", "website")

BLOCK_KINDS: dict[str, BlockKind] = {k.key: k for k in (
    BlockKind("logo", "Логотип / шапка", "Logo / header",
              {"src": "", "alt": "Логотип", "link": "", "width": 160, "align": "center"}),
    BlockKind("heading", "Заголовок", "Heading",
              {"text": "Здравствуйте, {{ first_name | default(\"друг\") }}!", "level": 1, "align": "left"}),
    BlockKind("text", "Текст", "Text",
              {"text": "Расскажите клиенту о новинках, акциях и бонусах. "
                       "Поддерживаются <b>жирный</b>, <i>курсив</i> и ссылки.", "align": "left"}),
    BlockKind("image", "Картинка", "Image",
              {"src": "", "alt": "Описание картинки", "link": "", "width": 600}),
    BlockKind("button", "Кнопка", "Button",
              {"text": "Перейти в магазин", "url": "https://example.ru", "color": "", "text_color": "#ffffff",
               "align": "center"}),
    BlockKind("divider", "Разделитель", "Divider", {"color": "#dddddd", "thickness": 1}),
    BlockKind("spacer", "Отступ", "Spacer", {"height": 24}),
    BlockKind("columns", "Колонки", "Columns", {"columns": [[], []]}),
    BlockKind("product", "Карточка товара", "Product card",
              {"image": "", "alt": "Фото товара", "title": "Название товара", "price": "1 990 ₽",
               "old_price": "", "url": "https://example.ru", "button_text": "Купить"}),
    BlockKind("social", "Соцсети", "Social links",
              {"links": [{"network": "vk", "url": "https://vk.com/"},
                         {"network": "telegram", "url": "https://t.me/"}]}),
    BlockKind("footer", "Подвал с отпиской", "Footer with unsubscribe",
              {"company": "ООО «Ваша компания»", "address": "г. Москва, ул. Примерная, д. 1",
               "note": "Вы получили это письмо, потому что подписались на новости магазина.",
               "unsubscribe_text": "Отписаться от рассылки", "unsubscribe_url": "{{ unsubscribe_url }}"}),
)}

SOCIAL_LABELS = {"vk": "ВКонтакте", "telegram": "Telegram", "whatsapp": "WhatsApp", "ok": "Одноклассники",
                 "youtube": "YouTube", "dzen": "Дзен", "website": "Сайт"}

_COLOR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|)$")
_ALIGN = ("left", "center", "right")


def new_block(kind: str) -> dict[str, Any]:
    """A new block of `kind` with a fresh id and Russian defaults (what the palette drops)."""
    if kind not in BLOCK_KINDS:
        raise DocumentError(f"unknown block kind {kind!r}; known: {', '.join(BLOCK_KINDS)}")
    block = {"id": uuid.uuid4().hex[:8], "kind": kind}
    block.update(copy.deepcopy(BLOCK_KINDS[kind].defaults))
    return block


def new_document(doc_type: str = "designer") -> dict[str, Any]:
    """An empty-but-valid document of `doc_type` ("designer", "html", "sms", "manager", "whatsapp")."""
    base: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "type": doc_type}
    if doc_type == "designer":
        base.update(subject="Новости магазина", preheader="", marketing=True, styles=dict(DEFAULT_STYLES),
                    blocks=[new_block("heading"), new_block("text"), new_block("button"),
                            new_block("footer")])
    elif doc_type == "html":
        base.update(subject="", preheader="", marketing=True, html="")
    elif doc_type == "sms":
        base.update(text="", sender="")
    elif doc_type == "manager":
        base.update(subject="Новая заявка: {{ lead.name }}", text="", html="")
    elif doc_type == "whatsapp":
        from app.templates.whatsapp import new_whatsapp_document

        return new_whatsapp_document()
    else:
        raise DocumentError(f"unknown document type {doc_type!r}")
    return base


def iter_blocks(blocks: list[dict[str, Any]]) -> Any:
    """Every block, depth first, including the ones inside columns."""
    for block in blocks:
        yield block
        if block.get("kind") == "columns":
            for column in block.get("columns", []):
                yield from iter_blocks(column)


def _need_str(block: dict[str, Any], key: str, where: str, *, required: bool = False) -> None:
    value = block.get(key, "")
    if not isinstance(value, str):
        raise DocumentError(f"{key!r} must be text", path=where, block_id=block.get("id"))
    if required and not value.strip():
        raise DocumentError(f"{key!r} must not be empty", path=where, block_id=block.get("id"))


def _need_int(block: dict[str, Any], key: str, where: str, lo: int, hi: int) -> None:
    value = block.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise DocumentError(f"{key!r} must be a whole number from {lo} to {hi}, got {value!r}",
                            path=where, block_id=block.get("id"))


def _validate_block(block: Any, where: str, seen: set[str], depth: int) -> None:
    if not isinstance(block, dict):
        raise DocumentError("a block must be an object", path=where)
    kind = block.get("kind")
    if kind not in BLOCK_KINDS:
        raise DocumentError(f"unknown block kind {kind!r}", path=where, block_id=block.get("id"))
    block_id = block.get("id")
    if not isinstance(block_id, str) or not block_id:
        raise DocumentError("every block needs an 'id'", path=where)
    if block_id in seen:
        raise DocumentError(f"duplicate block id {block_id!r}", path=where, block_id=block_id)
    seen.add(block_id)
    where = f"{where} ({kind} {block_id})"
    for key in ("color", "text_color"):
        if key in block and not (isinstance(block[key], str) and _COLOR.match(block[key])):
            raise DocumentError(f"{key!r} must be a colour like #1a73e8", path=where, block_id=block_id)
    if "align" in block and block["align"] not in _ALIGN:
        raise DocumentError("'align' must be left, center or right", path=where, block_id=block_id)
    if kind in ("logo", "image"):
        for key in ("src", "alt", "link"):
            _need_str(block, key, where)
        _need_int(block, "width", where, 10, 600)
    elif kind == "heading":
        _need_str(block, "text", where)
        _need_int(block, "level", where, 1, 3)
    elif kind == "text":
        _need_str(block, "text", where)
    elif kind == "button":
        _need_str(block, "text", where, required=True)
        _need_str(block, "url", where)
    elif kind == "divider":
        _need_int(block, "thickness", where, 1, 10)
    elif kind == "spacer":
        _need_int(block, "height", where, 1, 200)
    elif kind == "product":
        for key in ("image", "alt", "title", "price", "old_price", "url", "button_text"):
            _need_str(block, key, where)
    elif kind == "social":
        links = block.get("links")
        if not isinstance(links, list):
            raise DocumentError("'links' must be a list", path=where, block_id=block_id)
        for link in links:
            if not isinstance(link, dict) or link.get("network") not in _SOCIAL_NETWORKS:
                raise DocumentError(f"each link needs a network from {', '.join(_SOCIAL_NETWORKS)}",
                                    path=where, block_id=block_id)
            _need_str(link, "url", where)
    elif kind == "footer":
        for key in ("company", "address", "note", "unsubscribe_text", "unsubscribe_url"):
            _need_str(block, key, where)
    elif kind == "columns":
        columns = block.get("columns")
        if not isinstance(columns, list) or len(columns) not in (2, 3):
            raise DocumentError("a columns block has 2 or 3 columns", path=where, block_id=block_id)
        if depth > 0:
            raise DocumentError("columns cannot be nested inside columns", path=where, block_id=block_id)
        for index, column in enumerate(columns, 1):
            if not isinstance(column, list):
                raise DocumentError(f"column {index} must be a list of blocks", path=where, block_id=block_id)
            for pos, inner in enumerate(column, 1):
                _validate_block(inner, f"{where} column {index} block {pos}", seen, depth + 1)


def validate_document(doc: Any, kind: str | None = None) -> dict[str, Any]:
    """Check a document's structure; returns it, or raises DocumentError naming the place and the reason.

    `kind` (the template's kind) restricts the allowed document types. Jinja syntax is checked
    when the document is compiled (`app.templates.render.compile_document`).
    """
    if not isinstance(doc, dict):
        raise DocumentError("a template document must be a JSON object")
    version = doc.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DocumentError(f"unsupported schema_version {version!r} (expected {SCHEMA_VERSION})")
    doc_type = doc.get("type")
    allowed = DOCUMENT_TYPES.get(kind, ()) if kind else tuple(t for ts in DOCUMENT_TYPES.values() for t in ts)
    if doc_type not in allowed:
        raise DocumentError(f"document type {doc_type!r} does not fit a template of kind {kind!r}"
                            if kind else f"unknown document type {doc_type!r}")
    if doc_type in ("designer", "html", "manager"):
        for key in ("subject", "preheader"):
            if key in doc and not isinstance(doc[key], str):
                raise DocumentError(f"{key!r} must be text", path=key)
    if doc_type == "designer":
        styles = doc.get("styles", {})
        if not isinstance(styles, dict):
            raise DocumentError("'styles' must be an object", path="styles")
        width = styles.get("width", DEFAULT_STYLES["width"])
        if not isinstance(width, int) or not 320 <= width <= 800:
            raise DocumentError(f"content width must be 320–800 px, got {width!r}", path="styles.width")
        font = styles.get("font_family", DEFAULT_STYLES["font_family"])
        if not isinstance(font, str) or not font.strip() or len(font) > 200 or re.search(r"[<>{};]", font):
            raise DocumentError("the font must be a font list like: Arial, Helvetica, sans-serif",
                                path="styles.font_family")
        for key in ("brand_color", "background", "content_background", "text_color"):
            if key in styles and not (isinstance(styles[key], str) and _COLOR.match(styles[key])):
                raise DocumentError(f"{key!r} must be a colour like #1a73e8", path=f"styles.{key}")
        blocks = doc.get("blocks")
        if not isinstance(blocks, list):
            raise DocumentError("'blocks' must be a list", path="blocks")
        seen: set[str] = set()
        for pos, block in enumerate(blocks, 1):
            _validate_block(block, f"block {pos}", seen, 0)
    elif doc_type == "html":
        if not isinstance(doc.get("html"), str):
            raise DocumentError("'html' must be text", path="html")
    elif doc_type == "sms":
        if not isinstance(doc.get("text"), str):
            raise DocumentError("'text' must be text", path="text")
        if not isinstance(doc.get("sender", ""), str):
            raise DocumentError("'sender' must be text", path="sender")
    elif doc_type == "manager":
        if not isinstance(doc.get("text", ""), str) or not isinstance(doc.get("html", ""), str):
            raise DocumentError("'text' and 'html' must be text", path="text")
        if not (doc.get("text") or doc.get("html")):
            raise DocumentError("a manager email needs a text or an HTML body", path="text")
    elif doc_type == "whatsapp":
        from app.templates.whatsapp import validate_whatsapp

        validate_whatsapp(doc)
    return doc
