"""`outbox list`: the messages in the outbox, newest first, optionally by state."""

from __future__ import annotations

import argparse
from typing import Any

import sqlalchemy as sa

from app.cli import EXIT, emit
from app.errors import UserInputError
from app.outbox.tables import OUTBOX_STATES, outbox
from app.workspace import Workspace

__all__ = ["register"]


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("outbox", parents=[parent], help="messages waiting, sent or failed")
    sub = group.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", parents=[parent], help="list outbox messages")
    p.add_argument("--status", help="one state: " + ", ".join(OUTBOX_STATES))
    p.add_argument("--campaign", type=int, help="only this campaign")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    if args.status and args.status not in OUTBOX_STATES:
        raise UserInputError(f"unknown status {args.status!r}; one of: {', '.join(OUTBOX_STATES)}")
    query = sa.select(outbox.c.id, outbox.c.message_id, outbox.c.campaign_id, outbox.c.channel, outbox.c.provider,
                      outbox.c.address, outbox.c.state, outbox.c.skip_reason, outbox.c.attempts, outbox.c.error,
                      outbox.c.provider_message_id, outbox.c.updated_at).order_by(outbox.c.id.desc()).limit(args.limit)
    if args.status:
        query = query.where(outbox.c.state == args.status)
    if args.campaign:
        query = query.where(outbox.c.campaign_id == args.campaign)
    with ws.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    lines = [f"{r['id']:>7} {r['state']:<10} {r['channel']:<6} {r['address'] or '-':<24} "
             f"{r['skip_reason'] or r['error'] or ''}"[:160] for r in rows]
    emit(args, {"messages": rows}, "\n".join(lines) or "the outbox is empty")
    return EXIT["ok"]
