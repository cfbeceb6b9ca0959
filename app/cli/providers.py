"""`provider add/list/test`: configure provider accounts; secrets go to the keyring or encrypted file."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from app.cli import EXIT, emit
from app.errors import UserInputError
from app.providers.base import provider_types
from app.providers.store import add_provider, check_account, list_providers
from app.secrets import SecretStore
from app.workspace import Workspace

__all__ = ["register"]


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    result = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserInputError(f"{what} must look like KEY=VALUE, got {item!r}")
        result[key.strip()] = value
    return result


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    """Add the `provider` command group."""
    group = subparsers.add_parser("provider", parents=[parent], help="messaging provider accounts")
    sub = group.add_subparsers(dest="provider_command", metavar="ACTION", required=True)

    p = sub.add_parser("add", parents=[parent], help="add or update a provider account")
    p.add_argument("name")
    p.add_argument("--type", required=True, help="adapter type: " + ", ".join(provider_types()))
    p.add_argument("--base-url", help="override the provider's API address (proxy, region, test server)")
    p.add_argument("--option", action="append", metavar="KEY=VALUE",
                   help="non-secret setting, e.g. from=Shop, host=smtp.example.com, rate_per_second=20")
    p.add_argument("--secret", action="append", metavar="KEY=VALUE",
                   help="credential (api_id, psw, password...): kept in the OS keyring or the encrypted file")
    p.add_argument("--default", action="store_true", help="make it the default for its channel")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_add)

    p = sub.add_parser("list", parents=[parent], help="list provider accounts (no secrets)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = sub.add_parser("test", parents=[parent], help="test the connection and credentials")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_test)


def _add(args: argparse.Namespace, ws: Workspace) -> int:
    options: dict[str, Any] = _pairs(args.option, "--option")
    info = add_provider(ws.engine, SecretStore(ws.root), args.name, args.type, base_url=args.base_url,
                        options=options, secrets=_pairs(args.secret, "--secret"), default=args.default)
    emit(args, {"ok": True, "name": info.name, "type": info.type, "channel": info.channel},
         f"provider {info.name} ({info.type}, {info.channel}) saved")
    return EXIT["ok"]


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    items = list_providers(ws.engine)
    data = [{"name": p.name, "type": p.type, "channel": p.channel, "base_url": p.base_url,
             "options": p.options, "default": p.is_default} for p in items]
    lines = [f"{p.name:<24} {p.type:<18} {p.channel:<9} {'default' if p.is_default else ''}" for p in items]
    emit(args, {"providers": data}, "\n".join(lines) or "no providers configured (the sandbox is used)")
    return EXIT["ok"]


def _test(args: argparse.Namespace, ws: Workspace) -> int:
    message = asyncio.run(check_account(ws.engine, SecretStore(ws.root), args.name, ws.sandbox_dir))
    emit(args, {"ok": True, "name": args.name, "message": message}, message)
    return EXIT["ok"]
