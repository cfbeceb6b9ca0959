"""`scenario list|import|export|validate|publish|pause|resume|archive|report|simulate` from the shell."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import sqlalchemy as sa

from app.cli import EXIT, emit
from app.contacts.normalize import normalize_email, normalize_phone
from app.db.schema import contacts
from app.errors import NotFoundError, UserInputError
from app.journeys import lifecycle
from app.journeys.report import export_report, scenario_report
from app.scenarios import store
from app.scenarios.errors import ScenarioInvalid
from app.scenarios.readwrite import read_file, write_file
from app.scenarios.starters import load_starter
from app.scenarios.validate import validate
from app.workspace import Workspace

__all__ = ["register"]

_STARTER = "starter:"


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("scenario", parents=[parent], help="trigger scenarios (graphs of triggers and actions)")
    sub = p.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", parents=[parent], help="scenarios with their status and versions")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    imp = sub.add_parser("import", parents=[parent], help="store a scenario JSON file as a new draft")
    imp.add_argument("file", metavar="FILE", help=f"a scenario .json file, or {_STARTER}KEY for a starter "
                                                   "(abandoned_visit, new_lead, birthday, win_back, service_reminder)")
    imp.add_argument("--name", metavar="NAME", help="store under this name instead of the one in the file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)

    exp = sub.add_parser("export", parents=[parent], help="write the newest version of a scenario to a JSON file")
    exp.add_argument("name", metavar="NAME", help="scenario name or id")
    exp.add_argument("path", metavar="PATH")
    exp.add_argument("--version", type=int, metavar="N", help="a stored version instead of the newest")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=_export)

    val = sub.add_parser("validate", parents=[parent], help="check a scenario; exit 3 naming every problem")
    val.add_argument("name", metavar="NAME", help="scenario name or id")
    val.add_argument("--json", action="store_true")
    val.set_defaults(handler=_validate)

    for verb, text, handler in (
            ("publish", "validate and make the newest version live (a one-off audience starts now)", _publish),
            ("pause", "stop new entries; contacts inside wait where they are", _pause),
            ("resume", "run a paused scenario again (what happened while paused does not count)", _resume),
            ("archive", "retire a scenario; contacts inside leave it", _archive)):
        cmd = sub.add_parser(verb, parents=[parent], help=text)
        cmd.add_argument("name", metavar="NAME", help="scenario name or id")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=handler)

    rep = sub.add_parser("report", parents=[parent], help="contacts, messages and conversions per step and branch")
    rep.add_argument("name", metavar="NAME", help="scenario name or id")
    rep.add_argument("--version", type=int, metavar="N", help="only journeys of this version")
    rep.add_argument("--export", metavar="PATH", help="also write the table to a .csv or .xlsx file")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(handler=_report)

    sim = sub.add_parser("simulate", parents=[parent], help="test on a contact: the path and the messages, "
                                                          "with a simulated clock; nothing is sent")
    sim.add_argument("name", metavar="NAME", help="scenario name or id")
    sim.add_argument("--contact", required=True, metavar="PHONE|EMAIL", help="the contact to run it for")
    sim.add_argument("--events", metavar="FILE", help='JSON list of {"after": "2h", "type": ..., "properties": {...}}')
    sim.add_argument("--json", action="store_true")
    sim.set_defaults(handler=_simulate)


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    items = [{"id": s.id, "name": s.name, "status": s.status, "live_version": s.live_version,
              "latest_version": s.latest_version, "draft_version": s.draft_version, "updated_at": s.updated_at}
             for s in store.list_scenarios(workspace.engine)]
    lines = [f"{i['id']}\t{i['status']}\tv{i['latest_version']}"
             + (f" (live v{i['live_version']})" if i["live_version"] else "") + f"\t{i['name']}" for i in items]
    emit(args, {"ok": True, "scenarios": items}, "\n".join(lines) or "(no scenarios)")
    return EXIT["ok"]


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.file.startswith(_STARTER):
        scenario = load_starter(args.file[len(_STARTER):])
    else:
        scenario = read_file(args.file)
    info = store.create_scenario(workspace.engine, scenario, name=args.name)
    problems = validate(store.load_scenario(workspace.engine, info.id), engine=workspace.engine)
    text = f"scenario {info.name!r} imported as a draft (id {info.id})"
    if problems:
        text += f"; {len(problems)} problem(s) to fix before publishing (main.py scenario validate {info.id})"
    emit(args, {"ok": True, "id": info.id, "name": info.name, "problems": [p.to_dict() for p in problems]}, text)
    return EXIT["ok"]


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    scenario = store.load_scenario(workspace.engine, args.name, args.version)
    path = write_file(scenario, args.path)
    emit(args, {"ok": True, "path": str(path)}, f"scenario {scenario.name!r} written to {path}")
    return EXIT["ok"]


def _validate(args: argparse.Namespace, workspace: Workspace) -> int:
    info = store.get_scenario(workspace.engine, args.name)
    problems = validate(store.load_scenario(workspace.engine, info.id), engine=workspace.engine)
    if not problems:
        emit(args, {"ok": True, "id": info.id, "name": info.name, "problems": []},
             f"scenario {info.name!r}: no problems")
        return EXIT["ok"]
    emit(args, {"ok": False, "error": "input", "id": info.id, "name": info.name,
                "problems": [p.to_dict() for p in problems]},
         "\n".join(f"{p.code}: {p}" for p in problems))
    print(f"kaskad: error: scenario {info.name!r} has {len(problems)} problem(s)", file=sys.stderr)
    return EXIT["input"]


def _status(args: argparse.Namespace, info: store.ScenarioInfo, text: str, **extra: Any) -> int:
    emit(args, {"ok": True, "id": info.id, "name": info.name, "status": info.status,
                "live_version": info.live_version, **extra}, text)
    return EXIT["ok"]


def _publish(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        info = lifecycle.publish(workspace.engine, args.name)
    except ScenarioInvalid as exc:
        emit(args, {"ok": False, "error": "input", "problems": [p.to_dict() for p in exc.problems]},
             "\n".join(f"{p.code}: {p}" for p in exc.problems))
        print(f"kaskad: error: not published: {len(exc.problems)} problem(s) to fix first", file=sys.stderr)
        return EXIT["input"]
    return _status(args, info, f"scenario {info.name!r} published: version {info.live_version} is live")


def _pause(args: argparse.Namespace, workspace: Workspace) -> int:
    info = lifecycle.pause(workspace.engine, args.name)
    return _status(args, info, f"scenario {info.name!r} paused: no new entries, contacts inside wait")


def _resume(args: argparse.Namespace, workspace: Workspace) -> int:
    info = lifecycle.resume(workspace.engine, args.name)
    return _status(args, info, f"scenario {info.name!r} resumed on version {info.live_version}")


def _archive(args: argparse.Namespace, workspace: Workspace) -> int:
    info, ended = lifecycle.archive(workspace.engine, args.name)
    return _status(args, info, f"scenario {info.name!r} archived; {ended} contact(s) left it", ended=ended)


def _report(args: argparse.Namespace, workspace: Workspace) -> int:
    report = scenario_report(workspace.engine, args.name, version=args.version)
    data = report.to_dict()
    if args.export:
        data["path"] = str(export_report(report, args.export))
    t = report.totals
    lines = [f"{report.name}: {t['journeys']} journeys, {t['converted']} converted "
             f"({100 * t['conversion_rate']:.1f}%), active {t['active']}, waiting {t['waiting']}, "
             f"done {t['done']}, exited {t['exited']}, failed {t['failed']}",
             "node\tentered\tactive\twaiting\tdone\texited\tfailed\tconverted\tmessages"]
    for n in report.nodes:
        messages = ", ".join(f"{k} {v}" for k, v in sorted(n.messages.items())) or "-"
        lines.append(f"{n.node_id} ({n.title})\t{n.entered}\t{n.active}\t{n.waiting}\t{n.done}\t{n.exited}\t"
                     f"{n.failed}\t{n.converted}\t{messages}")
    for b in report.branches:
        lines.append(f"branch {b.node_id}/{b.branch}: {b.contacts} contacts, sent {b.sent}, delivered {b.delivered}, "
                     f"failed {b.failed}, converted {b.converted} ({100 * b.conversion_rate:.1f}%)")
    if args.export:
        lines.append(f"written to {data['path']}")
    emit(args, {"ok": True, **data}, "\n".join(lines))
    return EXIT["ok"]


def _contact_id(workspace: Workspace, value: str) -> int:
    email = normalize_email(value) if "@" in value else None
    phone = None if email else normalize_phone(value)
    if email is None and phone is None:
        raise UserInputError(f"--contact {value!r} is neither a phone number nor an e-mail address")
    column, wanted = (contacts.c.email, email) if email else (contacts.c.phone, phone)
    with workspace.engine.connect() as conn:
        found = conn.execute(sa.select(contacts.c.id).where(column == wanted)).scalar()
    if found is None:
        raise NotFoundError(f"no contact with {'e-mail' if email else 'phone'} {wanted}")
    return int(found)


def _simulate(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.journeys.simulate import load_sim_events, simulate

    events = load_sim_events(args.events) if args.events else []
    contact_id = _contact_id(workspace, args.contact)
    result = simulate(workspace.engine, args.name, contact_id=contact_id, events=events)
    path = [{"at": s.at.isoformat(), "node": s.node_id, "outcome": s.outcome, "port": s.port, "detail": s.detail}
            for s in result.path]
    messages = [{"at": m.at.isoformat(), "node": m.node_id, "channel": m.channel, "address": m.address,
                 "subject": m.subject, "text": m.text} for m in result.messages]
    lines = [f"{s['at'][:16]}  {s['node']}: {s['outcome']}" + (f" → {s['port']}" if s["port"] else "")
             + (f" ({s['detail']})" if s["detail"] else "") for s in path]
    for m in messages:
        lines.append(f"--- {m['channel']} to {m['address']} at {m['at'][:16]} ({m['node']})")
        if m["subject"]:
            lines.append(f"Subject: {m['subject']}")
        lines.append(m["text"])
    lines.append(f"outcome: {result.outcome}; {len(messages)} message(s) would be sent; nothing was sent")
    emit(args, {"ok": True, "contact_id": contact_id, "outcome": result.outcome, "path": path, "edges": result.edges,
                "messages": messages}, "\n".join(lines))
    return EXIT["ok"]
