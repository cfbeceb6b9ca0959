"""`demo`: generate a messy Russian sample base and import it into a temporary workspace."""

from __future__ import annotations

import argparse

from app.cli import emit

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("demo", parents=[parent], help="import a generated sample base (nothing of yours is touched)")
    p.add_argument("--rows", type=int, default=3000, help="rows to generate (default 3000)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--folder", metavar="DIR", help="where to put the sample and its workspace (default: a new temp folder)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_demo, no_workspace=True)


def _demo(args: argparse.Namespace, _workspace: object) -> int:
    from app.demo import run_demo

    result, folder = run_demo(args.rows, args.seed, args.folder)
    text = "\n".join([
        f"Sample base: {folder / 'clients.csv'} (cp1251, ';', title row above the header)",
        f"Workspace:   {folder / 'workspace'}",
        f"Rows {result.total_rows}: created {result.created}, merged duplicates {result.merged}, "
        f"rejected {result.rejected}, conflicts {result.conflicts}, in {result.seconds:.2f} s",
        f"Rejected rows with reasons: {result.error_report}" if result.error_report else "No rows rejected.",
        f"Try: main.py --workspace {folder / 'workspace'} contacts count",
    ])
    emit(args, {"ok": True, "folder": str(folder), **result.to_dict()}, text)
    return 0
