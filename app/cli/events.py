"""`events post|import` and `tracker snippet|token`: feeding website and CRM events from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import emit
from app.errors import UserInputError
from app.events.importing import import_events
from app.events.ingest import store_events
from app.events.payload import PayloadError, parse_body
from app.events.tokens import api_token, tracker_token
from app.events.tracker import tracker_snippet
from app.workspace import Workspace

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("events", parents=[parent], help="store events (website, CRM, calls, orders)")
    sub = p.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    post = sub.add_parser("post", parents=[parent], help="store the events of a JSON file (same schema as the API)")
    post.add_argument("file", metavar="FILE.json")
    post.add_argument("--json", action="store_true")
    post.set_defaults(handler=_post)
    imp = sub.add_parser("import", parents=[parent], help="import events from a CSV/Excel file (call log, orders)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--type", dest="event_type", metavar="T", help="event type of every row (call, purchase, ...)")
    imp.add_argument("--map", action="append", default=[], metavar="COL=FIELD",
                     help="column to field: phone, email, external_id, visitor_id, name, type, occurred_at, id, "
                          "skip or property:<name> (repeatable)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)
    tracker = subparsers.add_parser("tracker", parents=[parent], help="the website tracker")
    tsub = tracker.add_subparsers(dest="tracker_command", metavar="ACTION", required=True)
    snippet = tsub.add_parser("snippet", parents=[parent], help="print the <script> to paste into the website")
    snippet.add_argument("--base-url", metavar="URL", help="public URL of the receiver (default: from settings)")
    snippet.add_argument("--json", action="store_true")
    snippet.set_defaults(handler=_snippet)


def _post(args: argparse.Namespace, workspace: Workspace) -> int:
    path = Path(args.file)
    try:
        body = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserInputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc
    try:
        batch = parse_body(body)
    except PayloadError as exc:
        raise UserInputError(f"{path}: {exc}") from exc
    result = store_events(workspace.engine, batch, source="cli")
    emit(args, {"ok": True, "stored": result.stored, "duplicates": result.duplicates,
                "contacts_created": result.contacts_created},
         f"{result.stored} events stored, {result.duplicates} already there")
    return 0


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    mapping = {}
    for item in args.map:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise UserInputError(f"--map {item!r}: use COLUMN=FIELD")
        mapping[column.strip()] = target.strip()
    result = import_events(workspace.engine, args.file, event_type=args.event_type, mapping=mapping)
    lines = [f"{result.stored} events stored, {result.duplicates} already there, {result.rejected} rows rejected"]
    lines += [f"  row {row}{f', column {col!r}' if col else ''}: {why}" for row, col, why in result.errors[:20]]
    emit(args, {"ok": True, "total": result.total, "stored": result.stored, "duplicates": result.duplicates,
                "rejected": result.rejected, "contacts_created": result.contacts_created,
                "errors": [{"row": r, "column": c, "reason": w} for r, c, w in result.errors]}, "\n".join(lines))
    return 0


def _snippet(args: argparse.Namespace, workspace: Workspace) -> int:
    snippet = tracker_snippet(workspace.engine, args.base_url)
    token = tracker_token(workspace.engine)
    secret = api_token(workspace.engine)
    emit(args, {"ok": True, "snippet": snippet, "tracker_token": token, "api_token": secret}, snippet)
    if not getattr(args, "json", False):
        # On stderr so that copying the snippet never copies the secret into a web page.
        print(f"API token for server-to-server POST /v1/events (keep it secret): {secret}", file=sys.stderr)
    return 0
