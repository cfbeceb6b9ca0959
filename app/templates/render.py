"""Rendering a template version for one contact: email, SMS, WhatsApp, manager email; dry runs.

Compilation (designer → HTML, CSS inlining, plain-text derivation, Jinja compile) happens once
per `(template_id, version)` and is cached; rendering one contact is then pure Jinja (about
0.1 ms for a 6 KB letter). The send engine calls `render_message` / `render_sms` /
`render_whatsapp` per recipient and `app.mail.mime.build_mime` for the bytes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from app.errors import TemplateError
from app.progress import CancelToken, ProgressCallback, no_progress
from app.templates.designer import document_html
from app.templates.document import iter_blocks, validate_document
from app.templates.library import TemplateVersion
from app.templates.personalize import (
    MAX_HTML_SOURCE,
    MAX_SOURCE,
    CompiledText,
    FallbackRecorder,
    build_context,
    compile_text,
)
from app.templates.plaintext import html_to_text
from app.templates.protect import Protector
from app.templates.sanitize import sanitize_email_html

__all__ = [
    "CompiledTemplate",
    "ContactProblem",
    "DryRunReport",
    "RenderedEmail",
    "RenderedSms",
    "compile_document",
    "compiled",
    "dry_run",
    "render_manager",
    "render_message",
    "render_sms",
    "render_whatsapp",
]

_PREHEADER_FILL = "&#847;&zwnj;&nbsp;" * 40


@dataclass(frozen=True)
class RenderedEmail:
    """One personalised letter: what goes into the MIME parts and the Subject header."""

    subject: str
    html: str
    text: str
    preheader: str


@dataclass(frozen=True)
class RenderedSms:
    """One personalised SMS with its segment count (see `app.templates.sms.count_sms`)."""

    text: str
    sender: str
    count: Any


@dataclass
class CompiledTemplate:
    """A document compiled once: each part a `CompiledText` (None when the kind has no such part).

    `html_source` is the final HTML template source (inlined, Jinja intact) — what the
    lint measures and the preview shows before personalisation.
    """

    kind: str
    document: dict[str, Any]
    subject: CompiledText | None = None
    preheader: CompiledText | None = None
    html: CompiledText | None = None
    text: CompiledText | None = None
    html_source: str = ""
    text_source: str = ""
    extras: dict[str, Any] = field(default_factory=dict)


def _text_from_html(source: str) -> str:
    protector = Protector()
    return protector.restore(html_to_text(protector.protect(source)))


def _check_blocks(doc: dict[str, Any]) -> None:
    """Compile each block field alone first, so a syntax error names the block and its own line."""
    for block in iter_blocks(doc.get("blocks", [])):
        for key, value in block.items():
            if isinstance(value, str) and ("{" in value or len(value) > MAX_SOURCE):
                compile_text(value, env="html", name=f"block {block['id']} ({block['kind']}), field {key}")


def _html_mode_source(doc: dict[str, Any]) -> str:
    # Sanitised again at compile time (once per version): the source is edited by hand after
    # import, and a <script> typed there must not reach a recipient or the preview.
    source = sanitize_email_html(doc.get("html", ""))
    preheader = doc.get("preheader") or ""
    if preheader:
        protector = Protector()
        shown = protector.restore(escape(protector.protect(preheader), quote=False))
        hidden = ('<div class="preheader" style="display:none;max-height:0;overflow:hidden;mso-hide:all;'
                  f'font-size:1px;line-height:1px;opacity:0">{shown}{_PREHEADER_FILL}</div>')
        lower = source.lower()
        at = lower.find("<body")
        end = source.find(">", at) + 1 if at >= 0 else 0
        source = source[:end] + hidden + source[end:]
    return source


def compile_document(document: dict[str, Any], kind: str | None = None) -> CompiledTemplate:
    """Validate and compile a document (no cache: use for unsaved previews).

    Raises DocumentError for a malformed document and TemplateError (with line/column, and
    for designer documents the block) for a Jinja syntax error.
    """
    validate_document(document, kind)
    doc_type = document["type"]
    if doc_type in ("designer", "html"):
        if doc_type == "designer":
            _check_blocks(document)
            source = document_html(document)
        else:
            if len(document.get("html", "").encode("utf-8")) > MAX_HTML_SOURCE:
                raise TemplateError(f"the HTML is larger than {MAX_HTML_SOURCE // 1024} KB", name="HTML")
            source = _html_mode_source(document)
        text_source = document.get("text") or _text_from_html(source)
        return CompiledTemplate(
            kind="email", document=document,
            subject=compile_text(document.get("subject", ""), env="text", name="subject"),
            preheader=compile_text(document.get("preheader", ""), env="text", name="preheader"),
            html=compile_text(source, env="html", name="HTML", max_source=2 * MAX_HTML_SOURCE),
            text=compile_text(text_source, env="text", name="text part", max_source=MAX_HTML_SOURCE),
            html_source=source, text_source=text_source,
        )
    if doc_type == "manager":
        html_source = document.get("html") or ""
        text_source = document.get("text") or _text_from_html(html_source)
        return CompiledTemplate(
            kind="manager", document=document,
            subject=compile_text(document.get("subject", ""), env="text", name="subject"),
            html=compile_text(html_source, env="html", name="HTML") if html_source else None,
            text=compile_text(text_source, env="text", name="text"),
            html_source=html_source, text_source=text_source,
        )
    if doc_type == "sms":
        return CompiledTemplate(kind="sms", document=document,
                                text=compile_text(document["text"], env="sms", name="SMS text"),
                                text_source=document["text"])
    from app.templates.whatsapp import compile_whatsapp

    return compile_whatsapp(document)


_CACHE: OrderedDict[tuple[Any, ...], CompiledTemplate] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 64


def compiled(version: TemplateVersion | Mapping[str, Any]) -> CompiledTemplate:
    """The compiled form of a saved version (cached per template id and version) or of a bare document."""
    if not isinstance(version, TemplateVersion):
        return compile_document(dict(version))
    # The row's timestamp is part of the key: ids can be reused after a delete, and one
    # process may open several workspaces (tests, a second database).
    created = version.created_at
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    key = (version.template_id, version.version, version.kind, created.isoformat())
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    result = compile_document(version.document, version.kind)
    with _CACHE_LOCK:
        _CACHE[key] = result
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result


def _locate_in_blocks(exc: TemplateError, doc: dict[str, Any]) -> TemplateError:
    """Re-point a runtime fault in generated designer HTML at the block field that holds it."""
    needle = exc.reason.split("'")[1] if exc.reason.count("'") >= 2 else None
    if not needle or doc.get("type") != "designer":
        return exc
    for block in iter_blocks(doc.get("blocks", [])):
        for key, value in block.items():
            if isinstance(value, str) and needle in value:
                for number, line in enumerate(value.splitlines(), 1):
                    col = line.find(needle)
                    if col >= 0:
                        return TemplateError(exc.reason, line=number, column=col + 1,
                                             name=f"block {block['id']} ({block['kind']}), field {key}")
    return exc


def render_message(version: TemplateVersion | Mapping[str, Any], contact: Mapping[str, Any] | None, *,
                   unsubscribe_url: str, extra: Mapping[str, Any] | None = None,
                   lead: Mapping[str, Any] | None = None, event: Mapping[str, Any] | None = None,
                   manager: Mapping[str, Any] | None = None) -> RenderedEmail:
    """Personalise an email (designer or HTML mode) or manager email for one contact.

    `contact` is a contacts row as a mapping (columns plus the `custom` JSON dict);
    `unsubscribe_url` is exposed as `{{ unsubscribe_url }}` (the footer's link). Raises
    TemplateError naming the part, line and column when the template cannot be rendered
    for this contact (e.g. a variable with no value and no `default`).
    """
    tpl = compiled(version)
    if tpl.kind not in ("email", "manager"):
        raise TemplateError(f"a {tpl.kind} template cannot be rendered as an email")
    context = build_context(contact, lead=lead, event=event, manager=manager,
                            extra={"unsubscribe_url": unsubscribe_url, **(extra or {})})
    try:
        subject = " ".join(tpl.subject.render(context).split()) if tpl.subject else ""
        preheader = tpl.preheader.render(context).strip() if tpl.preheader else ""
        html = tpl.html.render(context) if tpl.html else ""
        text = tpl.text.render(context) if tpl.text else ""
    except TemplateError as exc:
        raise _locate_in_blocks(exc, tpl.document) from exc
    return RenderedEmail(subject=subject, html=html, text=text, preheader=preheader)


def render_manager(version: TemplateVersion | Mapping[str, Any], *, lead: Mapping[str, Any] | None = None,
                   event: Mapping[str, Any] | None = None, contact: Mapping[str, Any] | None = None,
                   manager: Mapping[str, Any] | None = None) -> RenderedEmail:
    """Personalise a manager notification over `lead.*`, `event.*`, `contact.*`, `manager.*`."""
    return render_message(version, contact, unsubscribe_url="", lead=lead or {}, event=event or {},
                          manager=manager or {})


def render_sms(version: TemplateVersion | Mapping[str, Any], contact: Mapping[str, Any] | None, *,
               extra: Mapping[str, Any] | None = None) -> RenderedSms:
    """Personalise an SMS for one contact and count its segments."""
    from app.templates.sms import count_sms

    tpl = compiled(version)
    if tpl.kind != "sms" or tpl.text is None:
        raise TemplateError(f"a {tpl.kind} template cannot be rendered as an SMS")
    text = tpl.text.render(build_context(contact, extra=extra)).strip()
    return RenderedSms(text=text, sender=tpl.document.get("sender", ""), count=count_sms(text))


def render_whatsapp(version: TemplateVersion | Mapping[str, Any], contact: Mapping[str, Any] | None, *,
                    extra: Mapping[str, Any] | None = None) -> Any:
    """Fill a WhatsApp template for one contact: a `RenderedWhatsApp` whose `template` is the
    Cloud API send-time object (see `app.templates.whatsapp.render_whatsapp`)."""
    from app.templates.whatsapp import render_whatsapp as fill

    return fill(version, contact, extra=extra)


@dataclass(frozen=True)
class ContactProblem:
    """A contact whose render fell back to a default or failed."""

    contact_id: Any
    label: str
    status: str  # "fallback" | "error"
    detail: str


@dataclass
class DryRunReport:
    """Result of rendering a template for a whole audience without sending anything."""

    total: int = 0
    ok: int = 0
    fallbacks: list[ContactProblem] = field(default_factory=list)
    errors: list[ContactProblem] = field(default_factory=list)
    sms_segments: list[int] = field(default_factory=list)


def _label(contact: Mapping[str, Any]) -> str:
    name = " ".join(str(contact.get(k)) for k in ("first_name", "last_name") if contact.get(k))
    address = contact.get("email") or contact.get("phone") or f"#{contact.get('id')}"
    return f"{name} <{address}>" if name else str(address)


def dry_run(version: TemplateVersion | Mapping[str, Any], contacts: Iterable[Mapping[str, Any]], *,
            total: int | None = None, unsubscribe_url: str = "https://example.invalid/unsubscribe",
            progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
            limit_problems: int = 1000) -> DryRunReport:
    """Render for every contact; report which ones fall back to a default and which ones fail.

    For SMS templates `sms_segments` collects each rendered text's segment count (for the
    min/avg/max and cost in `app.templates.sms.audience_stats`). At most `limit_problems`
    problems of each sort are kept (the counts stay exact in `total`/`ok`).
    """
    tpl = compiled(version)
    from app.templates.sms import count_sms

    report = DryRunReport()
    for contact in contacts:
        if cancel is not None:
            cancel.raise_if_cancelled()
        report.total += 1
        with FallbackRecorder() as taken:
            try:
                if tpl.kind == "sms":
                    text = tpl.text.render(build_context(contact)).strip()
                    report.sms_segments.append(count_sms(text).segments)
                elif tpl.kind == "whatsapp":
                    render_whatsapp(version, contact)
                else:
                    render_message(version, contact, unsubscribe_url=unsubscribe_url)
            except TemplateError as exc:
                if len(report.errors) < limit_problems:
                    report.errors.append(ContactProblem(contact.get("id"), _label(contact), "error", str(exc)))
                continue
        if taken:
            if len(report.fallbacks) < limit_problems:
                report.fallbacks.append(ContactProblem(contact.get("id"), _label(contact), "fallback",
                                                       "; ".join(dict.fromkeys(taken))))
        else:
            report.ok += 1
        if report.total % 200 == 0:
            progress(report.total, total, "render")
    progress(report.total, total, "render")
    return report
