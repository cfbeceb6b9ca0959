"""Configured provider accounts: the `providers` table plus credentials from app.secrets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.errors import NotFoundError, UserInputError
from app.outbox.tables import providers
from app.providers.base import ProviderConfig, create_provider, provider_class
from app.secrets import SecretStore

__all__ = ["ProviderInfo", "add_provider", "check_account", "default_provider", "get_provider", "list_providers",
           "load_config"]


@dataclass(frozen=True)
class ProviderInfo:
    """A configured provider account as listed to the user (no secrets)."""

    name: str
    type: str
    channel: str
    base_url: str | None
    options: dict[str, Any]
    is_default: bool


def _info(row: Any) -> ProviderInfo:
    return ProviderInfo(row.name, row.type, row.channel, row.base_url, dict(row.options or {}), bool(row.is_default))


def add_provider(engine: Engine, secret_store: SecretStore, name: str, type_name: str, *,
                 base_url: str | None = None, options: dict[str, Any] | None = None,
                 secrets: dict[str, str] | None = None, default: bool = False) -> ProviderInfo:
    """Create or update the account `name`; secrets go to the keyring / encrypted file only."""
    name = name.strip()
    if not name:
        raise UserInputError("the provider needs a name")
    cls = provider_class(type_name)
    if base_url and not base_url.startswith(("http://", "https://")) and cls.channel != "email":
        raise UserInputError(f"the base URL must start with http:// or https://: {base_url!r}")
    if secrets:
        secret_store.set(name, secrets)
    values = {"type": type_name, "channel": cls.channel, "base_url": base_url or None,
              "options": options or {}, "is_default": default}
    with engine.begin() as conn:
        if default:
            conn.execute(providers.update().where(providers.c.channel == cls.channel).values(is_default=False))
        exists = conn.execute(sa.select(providers.c.id).where(providers.c.name == name)).scalar()
        if exists:
            conn.execute(providers.update().where(providers.c.id == exists).values(values))
        else:
            conn.execute(providers.insert().values(name=name, created_at=datetime.now(UTC), **values))
    return get_provider(engine, name)


def list_providers(engine: Engine) -> list[ProviderInfo]:
    with engine.connect() as conn:
        return [_info(r) for r in conn.execute(sa.select(providers).order_by(providers.c.channel, providers.c.name))]


def get_provider(engine: Engine, name: str) -> ProviderInfo:
    with engine.connect() as conn:
        row = conn.execute(sa.select(providers).where(providers.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"no provider named {name!r} (main.py provider list shows them)")
    return _info(row)


def default_provider(engine: Engine, channel: str) -> str:
    """The channel's default account, else the channel's sandbox (created on first use)."""
    with engine.begin() as conn:
        name = conn.execute(sa.select(providers.c.name).where(providers.c.channel == channel)
                            .order_by(providers.c.is_default.desc(), providers.c.id)).scalar()
        if name and conn.execute(sa.select(providers.c.is_default).where(providers.c.name == name)).scalar():
            return name
        sandbox = f"sandbox-{channel}"
        if not conn.execute(sa.select(providers.c.id).where(providers.c.name == sandbox)).scalar():
            provider_class(sandbox)  # NotFoundError for a channel without a sandbox
            conn.execute(providers.insert().values(name=sandbox, type=sandbox, channel=channel, options={},
                                                   is_default=False, created_at=datetime.now(UTC)))
        return sandbox


def load_config(engine: Engine, secret_store: SecretStore, name: str, sandbox_dir: Path | None) -> ProviderConfig:
    """Everything an adapter needs for the account `name`, secrets included."""
    info = get_provider(engine, name)
    return ProviderConfig(name=info.name, type=info.type, base_url=info.base_url, options=info.options,
                          secrets=secret_store.get(info.name), sandbox_dir=sandbox_dir)


async def check_account(engine: Engine, secret_store: SecretStore, name: str, sandbox_dir: Path | None) -> str:
    """Run the adapter's connection test for account `name`; its connections are released after."""
    provider = create_provider(load_config(engine, secret_store, name, sandbox_dir))
    try:
        return await provider.check()
    finally:
        await provider.aclose()
