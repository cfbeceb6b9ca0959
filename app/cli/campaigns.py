"""`campaign create/preflight/send/status/pause/resume/cancel/report`."""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.campaigns.audience import materialise, preflight
from app.campaigns.model import (
    cancel_campaign,
    create_campaign,
    get_campaign,
    pause_campaign,
    resume_campaign,
    start_campaign,
)
from app.campaigns.status import campaign_status, export_report
from app.cli import EXIT, emit
from app.db.schema import CHANNELS
from app.engine.engine import Engine
from app.errors import WorkspaceLocked
from app.outbox.store import OutboxStore
from app.workspace import Workspace

__all__ = ["register"]


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("campaign", parents=[parent], help="one-off mailings")
    sub = group.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)

    p = sub.add_parser("create", parents=[parent], help="create a campaign (prints its id)")
    p.add_argument("--name", required=True)
    p.add_argument("--channel", required=True, choices=CHANNELS)
    p.add_argument("--template", required=True, help="template name or id")
    p.add_argument("--template-version", type=int, help="pin this version (default: the latest)")
    audience = p.add_mutually_exclusive_group(required=True)
    audience.add_argument("--list", action="append", dest="lists", metavar="LIST", help="list name or id (repeatable)")
    audience.add_argument("--all", action="store_true", help="all contacts")
    audience.add_argument("--segment", metavar="SEGMENT", help="saved segment name or id (frozen when started)")
    p.add_argument("--provider", help="provider account (default: the channel's default, else the sandbox)")
    p.add_argument("--fallback-provider", help="used only for messages certainly not sent by the first")
    p.add_argument("--sender", help="From address (email) or sender name (SMS)")
    p.add_argument("--transactional", action="store_true", help="service message: no consent gate, no quiet hours")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_create)

    for action, handler, text in (("preflight", _preflight, "who would be reached, who is excluded and why"),
                                  ("status", _status, "counts per state"),
                                  ("pause", _pause, "pause sending"), ("resume", _resume, "resume sending"),
                                  ("cancel", _cancel, "cancel: queued messages are not sent")):
        p = sub.add_parser(action, parents=[parent], help=text)
        p.add_argument("id", type=int)
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)

    p = sub.add_parser("send", parents=[parent], help="start sending (materialises the audience)")
    p.add_argument("id", type=int)
    p.add_argument("--wait", action="store_true", help="send now and wait until the campaign is done")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_send)

    p = sub.add_parser("report", parents=[parent], help="export one row per message to .xlsx or .csv")
    p.add_argument("id", type=int)
    p.add_argument("--output", type=Path, help="file (default: reports/campaign-<id>.xlsx)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_report)


def _create(args: argparse.Namespace, ws: Workspace) -> int:
    campaign = create_campaign(ws.engine, name=args.name, channel=args.channel, template=args.template,
                               template_version=args.template_version, lists_=args.lists, all_contacts=args.all,
                               segment=args.segment,
                               provider=args.provider, fallback_provider=args.fallback_provider,
                               sender=args.sender, transactional=args.transactional)
    emit(args, {"ok": True, "id": campaign.id, "provider": campaign.provider,
                "template_version": campaign.template_version}, str(campaign.id))
    return EXIT["ok"]


def _preflight(args: argparse.Namespace, ws: Workspace) -> int:
    result = preflight(ws.engine, args.id)
    excluded = ", ".join(f"{k} {v}" for k, v in result.excluded.items())
    text = f"audience {result.total}, reachable {result.reachable}; excluded: {excluded}"
    if result.segments is not None:
        text += f"; SMS segments ≈ {result.segments}" + (f", cost ≈ {result.cost}" if result.cost is not None else "")
    emit(args, {"ok": True, "id": args.id, **result.as_dict()}, text)
    return EXIT["ok"]


def _status_text(data: dict[str, Any]) -> str:
    states = ", ".join(f"{k} {v}" for k, v in data["states"].items() if v)
    text = f"campaign {data['id']} {data['name']!r}: {data['status']}, {data['done']}/{data['total']} done; {states}"
    if data["pause_reason"]:
        text += f"\npaused: {data['pause_reason']}"
    return text


def _status(args: argparse.Namespace, ws: Workspace) -> int:
    data = campaign_status(ws.engine, args.id)
    emit(args, {"ok": True, **data}, _status_text(data))
    return EXIT["ok"]


def _send(args: argparse.Namespace, ws: Workspace) -> int:
    campaign = get_campaign(ws.engine, args.id)
    if not (campaign.status == "running" and not campaign.materialised):  # else: resume an interrupted start
        start_campaign(ws.engine, args.id)
    total = materialise(ws.engine, args.id)
    if args.wait:
        try:
            asyncio.run(_run_for(ws, args.id))
        except WorkspaceLocked:
            # Another engine (the app or `main.py engine`) sends; follow its progress instead.
            while not _settled(ws, args.id):
                time.sleep(1)
    data = campaign_status(ws.engine, args.id)
    note = "" if args.wait else "\nmessages are sent by the running engine (the app or `main.py engine`)"
    emit(args, {"ok": True, "materialised": total, **data}, _status_text(data) + note)
    return EXIT["ok"]


def _settled(ws: Workspace, campaign_id: int) -> bool:
    """Whether `--wait` is over: the campaign left `running`, or none of its rows is still to be
    sent now (the rest are final, or held by quiet hours until a later hour)."""
    data = campaign_status(ws.engine, campaign_id)
    return data["status"] != "running" or not (data["states"]["queued"] or data["states"]["sending"])


async def _run_for(ws: Workspace, campaign_id: int) -> None:
    """Run the engine until this campaign is settled. The engine also advances scenarios while it
    holds the workspace, but their timers (a journey due in ten minutes) do not keep `--wait` here."""
    engine = Engine(ws)

    async def watch() -> None:
        while not _settled(ws, campaign_id):
            await asyncio.sleep(0.2)
        engine.request_stop()

    watcher = asyncio.create_task(watch())
    try:
        await engine.run_until_idle(horizon=900)
    finally:
        watcher.cancel()
    # The engine may stop before its own turn marks the campaign finished: do it from the row counts.
    OutboxStore(ws.engine).finish_campaigns(datetime.now(UTC))


def _pause(args: argparse.Namespace, ws: Workspace) -> int:
    campaign = pause_campaign(ws.engine, args.id)
    emit(args, {"ok": True, "id": campaign.id, "status": campaign.status}, f"campaign {campaign.id} paused")
    return EXIT["ok"]


def _resume(args: argparse.Namespace, ws: Workspace) -> int:
    campaign = resume_campaign(ws.engine, args.id)
    emit(args, {"ok": True, "id": campaign.id, "status": campaign.status}, f"campaign {campaign.id} resumed")
    return EXIT["ok"]


def _cancel(args: argparse.Namespace, ws: Workspace) -> int:
    campaign = cancel_campaign(ws.engine, args.id)
    emit(args, {"ok": True, "id": campaign.id, "status": campaign.status}, f"campaign {campaign.id} cancelled")
    return EXIT["ok"]


def _report(args: argparse.Namespace, ws: Workspace) -> int:
    path = export_report(ws.engine, args.id, args.output or ws.reports_dir / f"campaign-{args.id}.xlsx")
    emit(args, {"ok": True, "path": str(path)}, f"report written to {path}")
    return EXIT["ok"]
