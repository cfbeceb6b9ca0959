"""`receiver serve` (status callbacks + unsubscribe links) and `suppression list|add|remove|sync|mailbox`."""

from __future__ import annotations

import argparse
import asyncio
import os
from dataclasses import asdict
from typing import Any

from app.cli import EXIT, emit, stop_on_signals
from app.db.schema import CHANNELS
from app.errors import EnvironmentProblem, UserInputError
from app.receiver.config import DEFAULT_PORT
from app.secrets import SecretStore
from app.suppression.imap import MailboxSettings, poll_mailbox, save_mailbox_settings
from app.suppression.store import REASONS, add_suppression, list_suppressions, remove_suppression
from app.suppression.sync import keep_synced, sync_from_providers
from app.workspace import Workspace

__all__ = ["register"]

MAILBOX_PASSWORD_ENV = "KASKAD_MAILBOX_PASSWORD"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("receiver", parents=[parent],
                                  help="the HTTP receiver for delivery statuses and unsubscribe links")
    sub = group.add_subparsers(dest="receiver_command", metavar="ACTION", required=True)
    p = sub.add_parser("serve", parents=[parent], help="serve until stopped (Ctrl+C)")
    p.add_argument("--port", type=int, help=f"port (default: the saved setting, else {DEFAULT_PORT})")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1; 0.0.0.0 = every interface)")
    p.add_argument("--public-url", help="the public base URL providers call, e.g. https://hooks.shop.example")
    p.add_argument("--sync-minutes", type=float, default=15.0,
                   help="also sync ESP suppressions and read the unsubscribe mailbox this often (0 = never)")
    p.set_defaults(handler=_serve)

    group = subparsers.add_parser("suppression", parents=[parent],
                                  help="addresses that must never be messaged again")
    sub = group.add_subparsers(dest="suppression_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", parents=[parent], help="list suppressed addresses, newest first")
    p.add_argument("--channel", choices=CHANNELS)
    p.add_argument("--reason", choices=REASONS)
    p.add_argument("--search", help="part of the address")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--export", metavar="FILE", help="also write the list to FILE (.xlsx or .csv)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = sub.add_parser("add", parents=[parent], help="suppress an address on a channel")
    p.add_argument("channel", choices=CHANNELS)
    p.add_argument("address")
    p.add_argument("--reason", choices=REASONS, default="manual")
    p.add_argument("--source", default="manual", help="why, in a few words (kept as evidence)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_add)
    p = sub.add_parser("remove", parents=[parent], help="allow messages to an address again")
    p.add_argument("channel", choices=CHANNELS)
    p.add_argument("address")
    p.add_argument("--note", default="", metavar="TEXT",
                   help="why messages are allowed again (how consent was given); kept as evidence")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_remove)
    p = sub.add_parser("sync", parents=[parent],
                       help="copy the ESPs' suppression lists and read the unsubscribe mailbox")
    p.add_argument("--full", action="store_true", help="re-read the ESP lists completely")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_sync)
    p = sub.add_parser("mailbox", parents=[parent],
                       help=f"set the IMAP mailbox of mailto unsubscribes and bounces (password in ${MAILBOX_PASSWORD_ENV})")
    p.add_argument("host")
    p.add_argument("--user", required=True)
    p.add_argument("--port", type=int, default=993)
    p.add_argument("--folder", default="INBOX")
    p.add_argument("--no-ssl", action="store_true", help="plain IMAP (only for a server on this computer)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_mailbox)


def _serve(args: argparse.Namespace, ws: Workspace) -> int:
    from app.receiver.server import start_receiver

    async def run() -> None:
        stop = asyncio.Event()
        stop_on_signals(stop.set)
        try:
            receiver = await start_receiver(ws, host=args.host, port=args.port, public_url=args.public_url)
        except OSError as exc:
            raise EnvironmentProblem(f"cannot start the receiver (is the port taken? choose another with --port): "
                                     f"{exc.strerror or exc}") from exc
        print(f"receiver listening on {receiver.url} (Ctrl+C stops it)", flush=True)
        syncing = (asyncio.create_task(keep_synced(ws, stop, interval=args.sync_minutes * 60,
                                                   secret_store=receiver.context.secret_store))
                   if args.sync_minutes > 0 else None)
        try:
            await stop.wait()
        finally:
            if syncing is not None:
                await syncing
            await receiver.close()

    asyncio.run(run())
    print("receiver stopped")
    return EXIT["ok"]


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    entries = list_suppressions(ws.engine, channel=args.channel, reason=args.reason, search=args.search,
                                limit=args.limit)
    rows = [asdict(e) for e in entries]
    if args.export:
        from app.exports import write_table

        write_table(args.export, ["channel", "address", "reason", "source", "created_at"],
                    ([e.channel, e.address, e.reason, e.source, e.created_at.strftime("%Y-%m-%d %H:%M")]
                     for e in entries), sheet="Suppressions")
    lines = [f"{e.channel:<9} {e.address:<40} {e.reason:<13} {e.created_at:%Y-%m-%d %H:%M}  {e.source}"[:160]
             for e in entries]
    emit(args, {"suppressions": rows, "count": len(rows)}, "\n".join(lines) or "no suppressed addresses")
    return EXIT["ok"]


def _add(args: argparse.Namespace, ws: Workspace) -> int:
    added = add_suppression(ws.engine, args.channel, args.address, args.reason, args.source)
    emit(args, {"ok": True, "added": added},
         "suppressed" if added else "already suppressed (the earlier entry is kept)")
    return EXIT["ok"]


def _remove(args: argparse.Namespace, ws: Workspace) -> int:
    if not remove_suppression(ws.engine, args.channel, args.address, note=args.note):
        raise UserInputError(f"{args.address} is not suppressed on {args.channel}")
    emit(args, {"ok": True, "removed": True}, "removed: messages to this address are allowed again")
    return EXIT["ok"]


def _sync(args: argparse.Namespace, ws: Workspace) -> int:
    async def run() -> tuple[Any, Any]:
        result = await sync_from_providers(ws, full=args.full)
        mailbox = await poll_mailbox(ws)
        return result, mailbox

    result, mailbox = asyncio.run(run())
    data: dict[str, Any] = {"ok": not result.errors, "accounts": result.accounts, "added": result.added,
                            "errors": result.errors, "mailbox": asdict(mailbox) if mailbox else None}
    lines = [f"{name}: {count} addresses reported" for name, count in result.accounts.items()]
    lines += [f"{name}: FAILED: {error}" for name, error in result.errors.items()]
    if mailbox is not None:
        lines.append(f"mailbox: {mailbox.read} letters read, {mailbox.unsubscribed} unsubscribes, "
                     f"{mailbox.bounced} bounces, {mailbox.ignored + mailbox.skipped} left for you to read")
    lines.append(f"{result.added} new suppressions from the providers")
    emit(args, data, "\n".join(lines))
    return EXIT["provider"] if result.errors else EXIT["ok"]


def _mailbox(args: argparse.Namespace, ws: Workspace) -> int:
    password = os.environ.get(MAILBOX_PASSWORD_ENV, "")
    if not password:
        raise UserInputError(f"put the mailbox password in ${MAILBOX_PASSWORD_ENV} (it is stored encrypted, "
                             "never in the database)")
    settings = MailboxSettings(host=args.host, user=args.user, password=password, port=args.port,
                               folder=args.folder, ssl=not args.no_ssl)
    save_mailbox_settings(ws.engine, SecretStore(ws.root), settings)
    emit(args, {"ok": True, "host": args.host, "user": args.user, "port": args.port},
         f"mailbox saved: {args.user} at {args.host}:{args.port}")
    return EXIT["ok"]
