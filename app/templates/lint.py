"""Lint a template: what would embarrass the owner or hurt delivery, found before anything is sent.

Checks: Jinja syntax; marketing email without an unsubscribe link; images without `alt` or
without a picture; a letter over 102 KB (Gmail clips it); empty, `#`, `javascript:` or
malformed links (no network access); variables that are neither known fields nor guarded by
`default`; WhatsApp parameters with no field and no fallback; SMS sender name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from app.errors import TemplateError, UserInputError
from app.templates.document import DocumentError, iter_blocks
from app.templates.library import TemplateVersion
from app.templates.protect import Protector
from app.templates.variables import variable_uses

__all__ = ["GMAIL_CLIP_BYTES", "LintIssue", "lint_document", "lint_version"]

GMAIL_CLIP_BYTES = 102 * 1024


@dataclass(frozen=True)
class LintIssue:
    """One problem: a stable `code`, "error" or "warning", the message in Russian and English."""

    code: str
    severity: str
    message_ru: str
    message_en: str
    block_id: str | None = None
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (CLI `--json`)."""
        return asdict(self)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        elif tag == "img":
            self.images.append(dict(attrs))


def _link_problem(href: str) -> tuple[str, str] | None:
    """(ru, en) reason when a link is broken; None when fine or personalised."""
    value = href.strip()
    if Protector.has_token(value) and not value.lower().startswith("javascript"):
        # A personalised link: checked when rendered; only the literal scheme part can be judged.
        return None
    if not value:
        return "пустая ссылка", "empty link"
    if value == "#" or value.startswith("#"):
        return "ссылка-заглушка «#»", "placeholder link '#'"
    lowered = value.lower()
    if lowered.startswith("javascript:"):
        return "ссылка javascript:", "javascript: link"
    if lowered.startswith(("mailto:", "tel:")):
        return None if len(value) > 7 else ("пустой адрес", "empty address")
    if re.search(r"\s", value):
        return "пробел в адресе ссылки", "space in the link address"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "неправильный адрес", "malformed address"
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host.strip("."):
        return "неправильный адрес (нужно https://...)", "malformed address (needs https://...)"
    return None


def _variables(sources: list[tuple[str, str | None]], known: set[str] | None) -> list[LintIssue]:
    issues: list[LintIssue] = []
    if known is None:
        return issues
    seen: set[str] = set()
    for source, block_id in sources:
        try:
            uses = variable_uses(source)
        except TemplateError:
            continue
        for use in uses:
            root = use.path.split(".")[0]
            if use.has_default or use.path in known or root in known and "." not in use.path or use.path in seen:
                continue
            if root in ("lead", "event", "manager", "contact") and use.path in known:
                continue
            seen.add(use.path)
            issues.append(LintIssue(
                "unresolved_variable", "error",
                f"Переменная «{use.path}» не найдена в контактах и не имеет значения по умолчанию "
                f"(добавьте | default(\"...\"))",
                f"Variable '{use.path}' is not a contact field and has no default (add | default(\"...\"))",
                block_id, use.path))
    return issues


def lint_document(document: dict[str, Any], kind: str | None = None, *,
                  known_fields: set[str] | None = None,
                  sample_contact: Mapping[str, Any] | None = None) -> list[LintIssue]:
    """Every problem in a document.

    `known_fields` (see `app.templates.fields.known_names`) enables the unresolved-variable
    check; without it that check is skipped. The size check measures the letter rendered for
    `sample_contact` when given (loops can make it much larger than its source), else the source.
    """
    from app.templates.render import compile_document

    issues: list[LintIssue] = []
    try:
        tpl = compile_document(document, kind)
    except DocumentError as exc:
        return [LintIssue("invalid_document", "error", f"Ошибка в шаблоне: {exc}", f"Invalid template: {exc}",
                          exc.block_id)]
    except TemplateError as exc:
        block = re.match(r"block (\w+)", exc.name or "")
        return [LintIssue("syntax", "error", f"Ошибка в шаблоне: {exc}", f"Template error: {exc}",
                          block.group(1) if block else None)]
    doc_type = document.get("type")
    if doc_type in ("designer", "html"):
        issues += _lint_email(document, tpl.html_source)
        issues += _size(tpl.html_source, document, sample_contact)
        sources: list[tuple[str, str | None]] = [(document.get("subject", ""), None),
                                                 (document.get("preheader", ""), None)]
        if doc_type == "designer":
            for block in iter_blocks(document.get("blocks", [])):
                sources += [(v, block["id"]) for v in block.values() if isinstance(v, str) and "{" in v]
        else:
            sources.append((tpl.html_source, None))
        issues += _variables(sources, known_fields)
    elif doc_type == "manager":
        issues += _variables([(document.get("subject", ""), None), (tpl.text_source, None),
                              (tpl.html_source, None)], known_fields)
    elif doc_type == "sms":
        issues += _variables([(document.get("text", ""), None)], known_fields)
        issues += _sms_typography(document.get("text", ""))
        if document.get("sender"):
            from app.templates.sms import validate_sender

            try:
                validate_sender(document["sender"])
            except UserInputError as exc:
                issues.append(LintIssue("sender", "error", f"Имя отправителя: {exc}", f"Sender name: {exc}"))
    elif doc_type == "whatsapp":
        params = list(document.get("params", []))
        if document.get("header") and document["header"].get("param"):
            params.append(document["header"]["param"])
        params += [b["param"] for b in document.get("buttons", []) if b.get("param")]
        for param in params:
            if not param.get("field") and not param.get("fallback"):
                issues.append(LintIssue("unmapped_param", "error",
                                        "Параметр не связан с полем контакта и не имеет значения по умолчанию",
                                        "A parameter is mapped to no contact field and has no fallback",
                                        detail=param.get("example", "")))
    return issues


def _sms_typography(text: str) -> list[LintIssue]:
    """A Latin SMS that only typographic characters (« — …) push into UCS-2: 70 instead of 160 per part."""
    from app.templates.protect import JINJA_TAG
    from app.templates.sms import count_sms, replace_unsafe

    literal = JINJA_TAG.sub("", text)
    count = count_sms(literal)
    if count.encoding != "UCS-2" or count_sms(replace_unsafe(literal)).encoding != "GSM-7":
        return []
    chars = " ".join(dict.fromkeys(c for _, c in count.chars_forcing_ucs2))
    return [LintIssue("sms_ucs2_typography", "warning",
                      f"Символы {chars} переводят SMS в UCS-2 (70 знаков вместо 160): замените их",
                      f"Characters {chars} switch the SMS to UCS-2 (70 characters instead of 160): replace them",
                      detail=chars)]


def _size(html_source: str, document: dict[str, Any], contact: Mapping[str, Any] | None) -> list[LintIssue]:
    size = len(html_source.encode("utf-8"))
    if contact is not None:
        from app.templates.render import render_message

        try:
            size = len(render_message(document, contact, unsubscribe_url="https://example.invalid/u/x")
                       .html.encode("utf-8"))
        except TemplateError:
            pass  # the dry run reports render failures per contact
    if size <= GMAIL_CLIP_BYTES:
        return []
    return [LintIssue("too_large", "warning", f"Письмо весит {size // 1024} КБ: Gmail обрежет всё после 102 КБ",
                      f"The letter is {size // 1024} KB: Gmail clips everything after 102 KB", detail=str(size))]


def _lint_email(document: dict[str, Any], html_source: str) -> list[LintIssue]:
    issues: list[LintIssue] = []
    parser = _Links()
    parser.feed(Protector().protect(html_source))
    if document.get("marketing", True) and "unsubscribe_url" not in html_source \
            and not any("unsubscribe" in h.lower() or "otpis" in h.lower() for h in parser.links):
        issues.append(LintIssue("no_unsubscribe", "error",
                                "В рекламном письме нет ссылки отписки (добавьте подвал с отпиской)",
                                "A marketing letter has no unsubscribe link (add the footer block)"))
    if document.get("type") == "designer":
        for block in iter_blocks(document.get("blocks", [])):
            src_key = "image" if block["kind"] == "product" else "src"
            if block["kind"] in ("image", "logo") or (block["kind"] == "product" and block.get("image")):
                if not (block.get("alt") or "").strip():
                    issues.append(LintIssue("image_no_alt", "warning",
                                            "У картинки нет описания (alt): его видят, когда картинки отключены",
                                            "An image has no alt text (shown when images are off)", block["id"]))
                if not (block.get(src_key) or "").strip():
                    issues.append(LintIssue("image_no_src", "error", "Картинка не выбрана",
                                            "No picture chosen for an image", block["id"]))
            for key in ("url", "link", "unsubscribe_url"):
                if key in block and (block[key] or key == "url" or block["kind"] == "footer"):
                    problem = _link_problem(Protector().protect(block[key]))
                    if problem and not (key == "link" and not block[key]):
                        issues.append(LintIssue("bad_link", "error", f"Ссылка «{block[key]}»: {problem[0]}",
                                                f"Link '{block[key]}': {problem[1]}", block["id"], block[key]))
            if block["kind"] == "social":
                for link in block.get("links", []):
                    problem = _link_problem(Protector().protect(link.get("url", "")))
                    if problem:
                        issues.append(LintIssue("bad_link", "error", f"Ссылка «{link.get('url')}»: {problem[0]}",
                                                f"Link '{link.get('url')}': {problem[1]}", block["id"]))
        designer_links = {i.detail for i in issues if i.code == "bad_link"}
    else:
        designer_links = set()
        for image in parser.images:
            if not (image.get("alt") or "").strip():
                issues.append(LintIssue("image_no_alt", "warning", f"У картинки {image.get('src') or ''} нет alt",
                                        f"Image {image.get('src') or ''} has no alt text", detail=image.get("src") or ""))
    protector_free = Protector()
    for href in parser.links:
        problem = _link_problem(href)
        if problem and href not in designer_links and document.get("type") != "designer":
            shown = protector_free.restore(href)
            issues.append(LintIssue("bad_link", "error", f"Ссылка «{shown}»: {problem[0]}",
                                    f"Link '{shown}': {problem[1]}", detail=shown))
    if document.get("type") == "designer":
        # Links typed inside text blocks.
        for block in iter_blocks(document.get("blocks", [])):
            if block["kind"] == "text":
                inner = _Links()
                inner.feed(Protector().protect(block.get("text", "")))
                for href in inner.links:
                    problem = _link_problem(href)
                    if problem:
                        issues.append(LintIssue("bad_link", "error", f"Ссылка «{href}»: {problem[0]}",
                                                f"Link '{href}': {problem[1]}", block["id"], href))
    return issues


def lint_version(version: TemplateVersion, *, known_fields: set[str] | None = None) -> list[LintIssue]:
    """Lint a saved version (see `lint_document`)."""
    return lint_document(version.document, version.kind, known_fields=known_fields)
