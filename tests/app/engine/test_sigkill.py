"""kill -9 at random moments during a 5,000-message campaign: nothing twice, nothing lost, no lies.

An engine subprocess sends through the fake SMSC (in this process, so it survives the kills;
its duplicate protection is off, so any resend would show), with random 429/503 replies and
requests that are processed but never answered. After several SIGKILLs and a final run:
no message id reached the provider twice; every row is sent/delivered, failed with a reason,
skipped with a reason, or unknown; every row marked sent really reached the provider.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.campaigns.status import campaign_status
from app.db.schema import settings
from app.outbox.unknown import reconcile
from app.providers.base import ProviderConfig
from app.providers.sms.smsc import Smsc
from app.providers.store import add_provider
from app.secrets import SecretStore
from app.workspace import Workspace
from tests.app.engine.helpers import add_contacts, launch, rows, sms_campaign
from tests.fakes.base import Reply, Request
from tests.fakes.smsc import FakeSmsc

ROOT = Path(__file__).resolve().parents[3]
N = 5000


def start_engine(ws_root: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KASKAD_MASTER_PASSWORD": "test master password",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.Popen([sys.executable, "-m", "tests.app.engine.sigkill_runner", str(ws_root), *extra],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
@pytest.mark.parametrize("batch", ["1", "20"])  # one recipient per request, and SMSC's `list` batches
def test_sigkill_during_a_campaign_never_duplicates_or_loses(workspace: Workspace, smsc: FakeSmsc, batch: str) -> None:
    rng = random.Random(20261124)
    smsc.dedupe = False
    smsc.hang_seconds = 3.0

    def faults(request: Request) -> Reply | str | None:
        roll = rng.random()
        if roll < 0.03:
            return Reply(429, "", {"Retry-After": "1"})
        if roll < 0.05:
            return Reply(503, "")
        if roll < 0.06:
            return "accept_then_hang"  # processed (received) but never answered
        return None

    smsc.faults.hook = faults
    if batch != "1":
        smsc.faults.delay = 0.15  # batches finish 5,000 messages in a second: slow the answers so kills land mid-flight
    add_contacts(workspace, N)
    with workspace.engine.begin() as conn:  # the gates run, but the night must not hold the test
        conn.execute(settings.insert().values(key="sending.quiet_hours", value={"channels": []}))
    add_provider(workspace.engine, SecretStore(workspace.root), "smsc", "smsc", base_url=smsc.url,
                 options={"login": "shop", "concurrency": 16, "batch": batch}, secrets={"psw": "secret"})
    campaign = sms_campaign(workspace, "smsc", text="Акция для {{ first_name }}")
    assert launch(workspace, campaign) == N

    kills, started = 0, time.monotonic()
    for _ in range(5):
        proc = start_engine(workspace.root)
        try:
            time.sleep(rng.uniform(1.2, 2.5))  # the process needs ~1 s to start sending
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        kills += 1
        if campaign_status(workspace.engine, campaign)["states"]["queued"] == 0:
            break
    final = start_engine(workspace.root, "--until-idle")
    try:
        _, err = final.communicate(timeout=90)
    finally:
        final.kill()
    assert final.returncode == 0, err.decode()
    print(f"{kills} kills, {time.monotonic() - started:.1f} s")

    received = Counter(message_id for _phone, _text, message_id in smsc.received)
    duplicates = {k: v for k, v in received.items() if v > 1}
    assert duplicates == {}
    result = rows(workspace, campaign)
    assert len(result) == N
    states = Counter(r["state"] for r in result)
    assert set(states) <= {"sent", "delivered", "failed", "skipped", "unknown"}, states
    for r in result:
        if r["state"] in ("sent", "delivered"):
            assert str(r["id"]) in received, f"row {r['id']} is marked sent but never reached the provider"
        if r["state"] in ("failed", "unknown"):
            assert r["error"], r
        if r["state"] == "skipped":
            assert r["skip_reason"], r
    assert kills >= 2 and states["unknown"] >= 1  # the kills really hit messages in flight
    assert campaign_status(workspace.engine, campaign)["status"] == "finished"
    if batch == "1":
        assert states["sent"] >= N * 0.9
        return
    # A kill during a batched request leaves the whole batch unknown; SMSC looks each message up
    # by phone + our id, so reconciling settles every one of them: received → sent, else queued.
    smsc.faults.hook, smsc.faults.delay = None, 0.0
    config = ProviderConfig("smsc", "smsc", base_url=smsc.url, options={"login": "shop"}, secrets={"psw": "secret"})

    async def settle() -> None:
        provider = Smsc(config)
        try:
            for _ in range(N // 500 + 1):
                await reconcile(workspace.engine, "smsc", provider, datetime.now(UTC), older_than=timedelta(0))
        finally:
            await provider.aclose()

    asyncio.run(settle())
    settled = rows(workspace, campaign)
    assert not [r for r in settled if r["state"] == "unknown"]
    for r in settled:
        assert (str(r["id"]) in received) == (r["state"] in ("sent", "delivered")) or r["state"] in ("failed",
                                                                                                   "skipped"), r
