"""`segment create|update|count|preview|export|freeze|list|delete`: saved segments from the shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli import emit
from app.errors import UserInputError
from app.segments import service
from app.workspace import Workspace

__all__ = ["load_rule", "register"]


def load_rule(path: str) -> Any:
    """The rule JSON from a file (UserInputError naming the file and line for bad JSON)."""
    file = Path(path)
    try:
        return json.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserInputError(f"{file}: cannot read the rule file: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{file}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("segment", parents=[parent], help="saved segments (rules over contacts and events)")
    sub = p.add_subparsers(dest="segment_command", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str, *, target: bool = True) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, parents=[parent], help=help_text)
        if target:
            parser.add_argument("name", metavar="NAME", help="segment name or id")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)
        return parser

    action("create", _create, "save a segment from a rule file").add_argument(
        "--rule", required=True, metavar="FILE.json", help="the rule (see README: segment rules)")
    update = action("update", _update, "replace a segment's rule and/or rename it")
    update.add_argument("--rule", metavar="FILE.json")
    update.add_argument("--rename", metavar="NEW_NAME")
    action("count", _count, "how many contacts match now")
    action("preview", _preview, "the first matching contacts").add_argument("--limit", type=int, default=20)
    action("export", _export, "export the matching contacts to .xlsx or .csv").add_argument("path", metavar="PATH")
    action("freeze", _freeze, "copy the matching contacts into a static list").add_argument("list_name", metavar="LIST")
    action("delete", _delete, "delete a saved segment")
    action("list", _list, "saved segments and their sizes", target=False)


def _create(args: argparse.Namespace, workspace: Workspace) -> int:
    segment_id = service.create_segment(workspace.engine, args.name, load_rule(args.rule))
    count = service.count_segment(workspace.engine, service.get_segment(workspace.engine, segment_id).rule)
    emit(args, {"ok": True, "id": segment_id, "count": count}, f"segment {segment_id} saved: {count} contacts")
    return 0


def _update(args: argparse.Namespace, workspace: Workspace) -> int:
    info = service.get_segment(workspace.engine, args.name)
    rule = load_rule(args.rule) if args.rule else None
    service.update_segment(workspace.engine, info.id, name=args.rename, rule=rule)
    emit(args, {"ok": True, "id": info.id}, f"segment {info.id} updated")
    return 0


def _count(args: argparse.Namespace, workspace: Workspace) -> int:
    info = service.get_segment(workspace.engine, args.name)
    count = service.count_segment(workspace.engine, info.rule)
    emit(args, {"ok": True, "id": info.id, "name": info.name, "count": count}, str(count))
    return 0


def _preview(args: argparse.Namespace, workspace: Workspace) -> int:
    info = service.get_segment(workspace.engine, args.name)
    rows = service.preview_segment(workspace.engine, info.rule, limit=args.limit)
    text = "\n".join(" · ".join(str(r[k]) for k in ("id", "last_name", "first_name", "phone", "email", "city")
                                if r[k] not in (None, "")) for r in rows) or "(no contacts)"
    emit(args, {"ok": True, "contacts": rows}, text)
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    written = service.export_segment(workspace.engine, args.name, args.path)
    emit(args, {"ok": True, "path": str(args.path), "rows": written}, f"{written} contacts written to {args.path}")
    return 0


def _freeze(args: argparse.Namespace, workspace: Workspace) -> int:
    info = service.get_segment(workspace.engine, args.name)
    list_id, members = service.freeze_segment(workspace.engine, info.id, args.list_name)
    emit(args, {"ok": True, "list_id": list_id, "members": members}, f"list {args.list_name!r}: {members} contacts")
    return 0


def _delete(args: argparse.Namespace, workspace: Workspace) -> int:
    info = service.get_segment(workspace.engine, args.name)
    service.delete_segment(workspace.engine, info.id)
    emit(args, {"ok": True, "id": info.id}, f"segment {info.name!r} deleted")
    return 0


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    items = [{"id": s.id, "name": s.name, "count": service.count_segment(workspace.engine, s.rule),
              "updated_at": s.updated_at} for s in service.list_segments(workspace.engine)]
    text = "\n".join(f"{i['id']}\t{i['count']}\t{i['name']}" for i in items) or "(no segments)"
    emit(args, {"ok": True, "segments": items}, text)
    return 0
