"""The API adapters are registered and run from a stored account with secrets from the secret store."""

from __future__ import annotations

import asyncio

import httpx

from app.providers.base import Outcome, SendRequest, SendResult, create_provider, provider_types
from app.providers.store import add_provider, load_config
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.fakes.twilio_server import FakeTwilio

TYPES = {"sendgrid": "email", "mailgun": "email", "unisender-go": "email", "smsaero": "sms", "twilio": "sms",
         "whatsapp-cloud": "whatsapp", "wazzup": "whatsapp", "webhook": "webhook"}


def test_every_adapter_is_registered_with_its_channel() -> None:
    types = provider_types()
    assert {name: types[name].channel for name in TYPES} == TYPES


def test_stored_account_sends_with_secrets_from_the_store(workspace: Workspace) -> None:
    store = SecretStore(workspace.root, master_password="correct horse")
    with FakeTwilio() as server:
        add_provider(workspace.engine, store, "twilio-main", "twilio", base_url=server.url,
                     options={"account_sid": server.account_sid, "from": "+15017122661"},
                     secrets={"auth_token": server.auth_token})
        config = load_config(workspace.engine, SecretStore(workspace.root, master_password="correct horse"),
                             "twilio-main", workspace.sandbox_dir)
        assert "auth_token" not in repr(config)

        async def go() -> list[SendResult]:
            async with httpx.AsyncClient(timeout=2) as http:
                adapter = create_provider(config, http)
                return await adapter.send([SendRequest(1, "a" * 32, "sms", "+79991234567", {"text": "Привет"})])

        [result] = asyncio.run(go())
    assert result.outcome is Outcome.ACCEPTED and server.received[0][2] == "Привет"
