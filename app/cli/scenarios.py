"""`scenario list|import|export|validate`: trigger scenarios from the shell."""

from __future__ import annotations

import argparse
import sys

from app.cli import EXIT, emit
from app.scenarios import store
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
