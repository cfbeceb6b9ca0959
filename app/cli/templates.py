"""`template ...` commands (library, render, lint, import, export) and `sms count`."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.cli import EXIT, emit
from app.db.schema import contacts
from app.errors import NotFoundError, UserInputError
from app.templates import library
from app.templates.document import SCHEMA_VERSION, new_block, new_document
from app.templates.fields import known_names
from app.templates.lint import lint_version
from app.templates.sanitize import sanitize_email_html
from app.templates.sms import count_sms
from app.templates.tables import TEMPLATE_KINDS
from app.workspace import Workspace

__all__ = ["register"]

PREVIEW_UNSUBSCRIBE = "https://example.invalid/unsubscribe/preview"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    """Add `template` and `sms` command groups."""
    tpl = subparsers.add_parser("template", parents=[parent], help="email, SMS, WhatsApp and manager templates")
    sub = tpl.add_subparsers(dest="template_command", metavar="ACTION", required=True)

    p = sub.add_parser("create", parents=[parent], help="create a template from text or a file")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=TEMPLATE_KINDS)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the text (SMS, manager email, plain email body, WhatsApp body)")
    source.add_argument("--file", type=Path, help="designer JSON, HTML, or WhatsApp template JSON")
    p.add_argument("--subject", help="email subject")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_create)

    p = sub.add_parser("list", parents=[parent], help="list templates")
    p.add_argument("--kind", choices=TEMPLATE_KINDS)
    p.add_argument("--search", help="part of the name")
    p.add_argument("--archived", action="store_true", help="include archived templates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = sub.add_parser("render", parents=[parent], help="personalise a template for one contact")
    p.add_argument("name")
    p.add_argument("--contact", required=True, metavar="PHONE|EMAIL")
    p.add_argument("--part", choices=("html", "text", "subject", "sms", "whatsapp"))
    p.add_argument("--version", type=int, help="a saved version (default: the latest)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_render)

    p = sub.add_parser("lint", parents=[parent], help="check a template for problems")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_lint)

    p = sub.add_parser("import-html", parents=[parent], help="import an HTML letter (sanitised)")
    p.add_argument("file", type=Path)
    p.add_argument("--name", required=True)
    p.add_argument("--subject", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import_html)

    p = sub.add_parser("export", parents=[parent], help="write a template's document (or WhatsApp JSON) to a file")
    p.add_argument("name")
    p.add_argument("path", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_export)

    sms = subparsers.add_parser("sms", parents=[parent], help="SMS tools")
    sms_sub = sms.add_subparsers(dest="sms_command", metavar="ACTION", required=True)
    p = sms_sub.add_parser("count", parents=[parent], help="encoding, units and segments of a text")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_sms_count, no_workspace=True)


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserInputError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserInputError(f"{path}: not a text file")


def _html_document(html: str, subject: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "type": "html", "subject": subject, "preheader": "",
            "marketing": True, "html": sanitize_email_html(html)}


def _document(args: argparse.Namespace) -> dict[str, Any]:
    """Build the version-1 document from --text / --file for the kind."""
    kind, subject = args.kind, args.subject
    text = args.text if args.text is not None else _read(args.file)
    stripped = text.lstrip()
    parsed: Any = None
    if args.file is not None and stripped.startswith("{"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserInputError(f"{args.file}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") \
                from exc
    if kind == "whatsapp":
        from app.templates.whatsapp import import_meta

        if isinstance(parsed, dict):
            return parsed if parsed.get("type") == "whatsapp" else import_meta(parsed)
        doc = new_document("whatsapp")
        doc["name"] = "_".join("".join(c if c.isalnum() and c.isascii() else " " for c in args.name.lower()).split()) \
            or "template"
        doc["body"] = text
        doc["params"] = [{"field": "", "fallback": "", "example": ""} for _ in
                         sorted(set(re.findall(r"\{\{\s*(\d+)\s*\}\}", text)))]
        return doc
    if isinstance(parsed, dict):
        if subject is not None:
            parsed["subject"] = subject
        return parsed
    if kind == "sms":
        return {"schema_version": SCHEMA_VERSION, "type": "sms", "text": text, "sender": ""}
    is_html = stripped[:1] == "<"
    if kind == "manager":
        doc = new_document("manager")
        doc.update(text="" if is_html else text, html=text if is_html else "")
        if subject is not None:
            doc["subject"] = subject
        return doc
    if is_html:
        return _html_document(text, subject or args.name)
    doc = new_document("designer")
    body = new_block("text")
    body["text"] = text
    doc["blocks"] = [body, new_block("footer")]
    doc["subject"] = subject or args.name
    return doc


def _create(args: argparse.Namespace, ws: Workspace) -> int:
    version = library.create_template(ws.engine, args.name, args.kind, _document(args))
    emit(args, {"ok": True, "id": version.template_id, "name": version.name, "kind": version.kind, "version": 1},
         f"created {version.kind} template {version.name!r} (id {version.template_id}, version 1)")
    return EXIT["ok"]


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    rows = library.list_templates(ws.engine, kind=args.kind, search=args.search, include_archived=args.archived)
    data = {"templates": [{"id": r.id, "name": r.name, "kind": r.kind, "version": r.latest_version,
                           "updated_at": r.updated_at.isoformat(), "archived": r.archived} for r in rows]}
    lines = [f"{r.id:>4}  {r.kind:<8} v{r.latest_version:<3} {r.name}{'  (archived)' if r.archived else ''}"
             for r in rows]
    emit(args, data, "\n".join(lines) if lines else "no templates")
    return EXIT["ok"]


def _find_contact(ws: Workspace, value: str) -> dict[str, Any]:
    from app.contacts.normalize import normalize_email, normalize_phone

    if "@" in value:
        key, column = normalize_email(value), contacts.c.email
    else:
        key, column = normalize_phone(value), contacts.c.phone
    if not key:
        raise UserInputError(f"{value!r} is neither a valid phone number nor an email address")
    with ws.engine.connect() as conn:
        row = conn.execute(sa.select(contacts).where(column == key)).mappings().first()
    if row is None:
        raise NotFoundError(f"no contact with {key}")
    return dict(row)


def _render(args: argparse.Namespace, ws: Workspace) -> int:
    from app.templates import render

    info = library.find_template(ws.engine, args.name)
    version = library.get_version(ws.engine, info.id, args.version)
    contact = _find_contact(ws, args.contact)
    default_part = {"email": "text", "manager": "text", "sms": "sms", "whatsapp": "whatsapp"}[info.kind]
    part = args.part or default_part
    allowed = {"email": ("html", "text", "subject"), "manager": ("html", "text", "subject"), "sms": ("sms",),
               "whatsapp": ("whatsapp",)}[info.kind]
    if part not in allowed:
        raise UserInputError(f"a {info.kind} template has no {part!r} part; use one of {', '.join(allowed)}")
    data: dict[str, Any] = {"template": info.name, "version": version.version, "part": part}
    if info.kind == "sms":
        sms = render.render_sms(version, contact)
        data.update(text=sms.text, encoding=sms.count.encoding, segments=sms.count.segments)
        output = sms.text
    elif info.kind == "whatsapp":
        from app.templates.whatsapp import render_whatsapp

        wa = render_whatsapp(version, contact)
        data.update(body=wa.body, header=wa.header_text, footer=wa.footer, template=wa.template)
        output = "\n".join(x for x in (wa.header_text, wa.body, wa.footer) if x)
    else:
        if info.kind == "manager":
            lead = {"name": " ".join(str(contact.get(k) or "") for k in ("first_name", "last_name")).strip(),
                    "phone": contact.get("phone"), "email": contact.get("email")}
            email = render.render_manager(version, lead=lead, event={}, contact=contact, manager={})
        else:
            email = render.render_message(version, contact, unsubscribe_url=PREVIEW_UNSUBSCRIBE)
        output = {"html": email.html, "text": email.text, "subject": email.subject}[part]
        data.update(subject=email.subject, preheader=email.preheader, content=output)
    emit(args, data, output.rstrip("\n"))
    return EXIT["ok"]


def _lint(args: argparse.Namespace, ws: Workspace) -> int:
    info = library.find_template(ws.engine, args.name)
    version = library.latest_version(ws.engine, info.id)
    issues = lint_version(version, known_fields=known_names(ws.engine, info.kind))
    errors = sum(1 for i in issues if i.severity == "error")
    lines = [f"{i.severity}: {i.message_en}" + (f" [block {i.block_id}]" if i.block_id else "") for i in issues]
    emit(args, {"template": info.name, "version": version.version, "ok": errors == 0,
                "issues": [i.as_dict() for i in issues]},
         "\n".join(lines) if lines else f"{info.name}: no problems found")
    return EXIT["ok"] if errors == 0 else EXIT["input"]


def _import_html(args: argparse.Namespace, ws: Workspace) -> int:
    doc = _html_document(_read(args.file), args.subject or args.name)
    version = library.create_template(ws.engine, args.name, "email", doc)
    emit(args, {"ok": True, "id": version.template_id, "name": version.name, "version": 1},
         f"imported {args.file} as email template {version.name!r} (id {version.template_id}, HTML mode)")
    return EXIT["ok"]


def _export(args: argparse.Namespace, ws: Workspace) -> int:
    info = library.find_template(ws.engine, args.name)
    version = library.latest_version(ws.engine, info.id)
    data: Any = version.document
    if info.kind == "whatsapp":
        from app.templates.whatsapp import export_meta

        data = export_meta(version.document)
    try:
        args.path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UserInputError(f"{args.path}: cannot write: {exc.strerror or exc}") from exc
    emit(args, {"ok": True, "path": str(args.path), "version": version.version},
         f"wrote {info.name!r} version {version.version} to {args.path}")
    return EXIT["ok"]


def _sms_count(args: argparse.Namespace, _ws: Workspace | None) -> int:
    count = count_sms(args.text)
    data = {"encoding": count.encoding, "units": count.units, "segments": count.segments,
            "per_segment": count.per_segment, "characters": count.characters, "remaining": count.remaining,
            "chars_forcing_ucs2": [{"index": i, "char": c} for i, c in count.chars_forcing_ucs2],
            "extension_chars": [{"index": i, "char": c} for i, c in count.extension_chars]}
    forcing = "".join(dict.fromkeys(c for _, c in count.chars_forcing_ucs2))
    text = (f"{count.encoding}: {count.units} units, {count.segments} segment(s) of {count.per_segment}"
            + (f"\nforcing UCS-2: {forcing}" if forcing else "")
            + (f"\nextension characters (count double): {''.join(c for _, c in count.extension_chars)}"
               if count.extension_chars else ""))
    emit(args, data, text)
    return EXIT["ok"]
