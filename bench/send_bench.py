"""Send engine benchmark: email over SMTP and SMS over HTTP, end to end through the outbox.

Every scenario builds a fresh workspace with N contacts (consent granted, quiet hours and
caps off), creates a campaign, materialises it and times `Engine.run_until_idle()`: claim
(gates + render) → provider → result stored. The servers run in their own processes:

* SMTP: Postfix's `smtp-sink` (C) when found (`$SMTP_SINK`, PATH or /usr/sbin; on Debian
  `apt-get download postfix && dpkg -x postfix_*.deb DIR`, then SMTP_SINK=DIR/usr/sbin/smtp-sink
  and LD_LIBRARY_PATH=DIR/usr/lib/postfix), and an aiosmtpd sink. `mailmerge` (if installed)
  sends the same letters to the same sink for comparison.
* SMS: the fake SMSC with one recipient per request (option batch=1) and with its `list`
  form (100 personalised messages per request), the fake SMS.ru (100 per request), plus a run
  limited to 50 msg/s to check the limiter's accuracy.

Every line counts only messages stored as `sent` (per recipient). Targets (issue 4): email
≥ 1,000 msg/s into aiosmtpd and ≥ 3× mailmerge in the same run; SMS ≥ 1,000 msg/s one per
request, ≥ 5,000 msg/s batched; the 50/s line within 5 %.

Prints the median of `--runs` runs per scenario and exits 0. `--quick` for a fast look.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sinks import LETTER_HTML, find_smtp_sink, start_aiosmtpd, start_smtp_sink  # noqa: E402

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("KASKAD_MASTER_PASSWORD", "bench")

import sqlalchemy as sa  # noqa: E402

from app.campaigns.audience import materialise  # noqa: E402
from app.campaigns.model import create_campaign, start_campaign  # noqa: E402
from app.db.schema import consents, contacts, settings  # noqa: E402
from app.engine.engine import Engine  # noqa: E402
from app.outbox.tables import outbox, outbox_attempts  # noqa: E402
from app.providers.store import add_provider  # noqa: E402
from app.secrets import SecretStore  # noqa: E402
from app.templates.library import create_template  # noqa: E402
from app.workspace import Workspace  # noqa: E402

HTML = LETTER_HTML


def start_fake(kind: str) -> tuple[subprocess.Popen, str]:
    module, cls = {"smsru": ("tests.fakes.smsru", "FakeSmsRu"), "smsc": ("tests.fakes.smsc", "FakeSmsc")}[kind]
    code = textwrap.dedent(f"""
        import sys, time
        from {module} import {cls}
        server = {cls}().start()
        if hasattr(server, "dedupe"):
            server.dedupe = False
        print(server.url, flush=True)
        while True:
            time.sleep(5)
            with server.lock:
                server.requests.clear()  # keep the fake's memory flat
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    url = proc.stdout.readline().decode().strip()  # type: ignore[union-attr]
    return proc, url


# -- workspace ----------------------------------------------------------------------------
def workspace_with(n: int, folder: Path) -> Workspace:
    ws = Workspace.open(folder)
    now = datetime.now(UTC)
    with ws.engine.begin() as conn:
        conn.execute(settings.insert(), [
            {"key": "sending.quiet_hours", "value": {"channels": []}},
            {"key": "sending.frequency_caps", "value": {ch: {"day": None, "week": None}
                                                         for ch in ("email", "sms")}},
            {"key": "sending.unsubscribe_base_url", "value": "https://u.shop.example"},
        ])
        for start in range(0, n, 20_000):
            chunk = range(start, min(n, start + 20_000))
            conn.execute(contacts.insert(), [
                {"phone": f"+7916{i:07d}", "email": f"client{i}@example.org", "first_name": f"Имя{i}",
                 "timezone": "Europe/Moscow", "custom": {}, "search_text": "", "created_at": now,
                 "updated_at": now} for i in chunk])
        conn.execute(sa.insert(consents).from_select(
            ["contact_id", "channel", "status", "source", "recorded_at"],
            sa.select(contacts.c.id, sa.literal("email"), sa.literal("granted"), sa.literal("bench"),
                      sa.literal(now, sa.DateTime(timezone=True)))))
        conn.execute(sa.insert(consents).from_select(
            ["contact_id", "channel", "status", "source", "recorded_at"],
            sa.select(contacts.c.id, sa.literal("sms"), sa.literal("granted"), sa.literal("bench"),
                      sa.literal(now, sa.DateTime(timezone=True)))))
    return ws


def run_campaign(ws: Workspace, channel: str, provider: str) -> tuple[float, int, float]:
    """Materialise and send; returns (send seconds, messages sent, materialise seconds)."""
    if channel == "email":
        tpl = create_template(ws.engine, f"bench-{provider}", "email",
                              {"schema_version": 1, "type": "html", "subject": "Скидки для {{ first_name }}",
                               "preheader": "", "marketing": True, "html": HTML})
    else:
        tpl = create_template(ws.engine, f"bench-{provider}", "sms",
                              {"schema_version": 1, "type": "sms", "sender": "",
                               "text": "{{ first_name }}, скидка 20% до воскресенья"})
    campaign = create_campaign(ws.engine, name=f"bench {provider}", channel=channel, template=tpl.template_id,
                               all_contacts=True, provider=provider, sender="Магазин <news@shop.example>")
    started = time.perf_counter()
    start_campaign(ws.engine, campaign.id)
    materialise(ws.engine, campaign.id)
    materialised = time.perf_counter() - started
    started = time.perf_counter()
    asyncio.run(Engine(ws).run_until_idle(horizon=0))
    elapsed = time.perf_counter() - started
    with ws.engine.connect() as conn:
        sent = conn.execute(sa.select(sa.func.count()).where(outbox.c.campaign_id == campaign.id,
                                                             outbox.c.state == "sent")).scalar()
    return elapsed, int(sent or 0), materialised


def scenario(name: str, n: int, runs: int, channel: str, ptype: str, *, base_url: str | None = None,
             options: dict | None = None, secrets: dict | None = None) -> list[float]:
    rates = []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="kaskad-bench-"))
        try:
            ws = workspace_with(n, folder)
            add_provider(ws.engine, SecretStore(ws.root), "p", ptype, base_url=base_url, options=options or {},
                         secrets=secrets or {})
            elapsed, sent, mat = run_campaign(ws, channel, "p")
            ws.close()
            if sent != n:
                print(f"  {name}: only {sent} of {n} sent")
            rates.append(sent / elapsed)
            print(f"  {name}: {sent} in {elapsed:.2f} s = {sent / elapsed:,.0f} msg/s "
                  f"(materialise {mat:.2f} s); peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                  flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return rates


def mailmerge_rate(n: int, port: int) -> float | None:
    binary = shutil.which("mailmerge") or str(Path(sys.executable).with_name("mailmerge"))
    if not Path(binary).exists():
        return None
    folder = Path(tempfile.mkdtemp(prefix="kaskad-mailmerge-"))
    try:
        (folder / "server.conf").write_text(f"[smtp_server]\nhost = 127.0.0.1\nport = {port}\nsecurity = Never\n")
        (folder / "template.txt").write_text(
            "TO: {{email}}\nSUBJECT: Скидки для {{first_name}}\nFROM: news@shop.example\n"
            "CONTENT-TYPE: text/html\n\n" + HTML.replace("{{ first_name }}", "{{first_name}}")
            .replace("{{ id }}", "{{id}}").replace("{{ unsubscribe_url }}", "https://u.shop.example/u/x"),
            encoding="utf-8")
        with open(folder / "db.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["email", "first_name", "id"])
            writer.writerows([f"client{i}@example.org", f"Имя{i}", i] for i in range(n))
        started = time.perf_counter()
        subprocess.run([binary, "--no-dry-run", "--no-limit", "--output-format", "raw", "--template",
                        str(folder / "template.txt"), "--database", str(folder / "db.csv"), "--config",
                        str(folder / "server.conf")], check=True, stdout=subprocess.DEVNULL, cwd=folder)
        return n / (time.perf_counter() - started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def rate_limit_accuracy(n: int, url: str) -> float:
    folder = Path(tempfile.mkdtemp(prefix="kaskad-bench-"))
    try:
        ws = workspace_with(n, folder)
        add_provider(ws.engine, SecretStore(ws.root), "p", "smsc", base_url=url,
                     options={"login": "shop", "rate_per_second": 50, "concurrency": 10}, secrets={"psw": "secret"})
        run_campaign(ws, "sms", "p")
        with ws.engine.connect() as conn:
            starts = sorted(conn.execute(sa.select(outbox_attempts.c.started_at)).scalars())
        ws.close()
        burst = 5  # the limiter allows a tenth of a second's worth at once
        return (len(starts) - burst) / (starts[-1] - starts[0]).total_seconds()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--emails", type=int, help="emails per run (default 20000; the target is for 100000)")
    parser.add_argument("--sms", type=int, help="SMS per run (default 20000)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    emails = args.emails or (2000 if args.quick else 20_000)
    sms = args.sms or (2000 if args.quick else 20_000)
    runs = 1 if args.quick else args.runs
    results: dict[str, float] = {}
    procs: list[subprocess.Popen] = []
    try:
        sink_binary = find_smtp_sink()
        sinks = []
        if sink_binary:
            proc, port = start_smtp_sink(sink_binary)
            procs.append(proc)
            sinks.append(("smtp-sink", port))
        else:
            print("Postfix smtp-sink not found (see the module docstring); aiosmtpd only")
        proc, port = start_aiosmtpd()
        procs.append(proc)
        sinks.append(("aiosmtpd", port))
        for label, port in sinks:
            opts = {"host": "127.0.0.1", "port": port, "security": "none", "connections": 10, "concurrency": 10}
            rates = scenario(f"email → {label}", emails, runs, "email", "smtp", options=opts)
            results[f"email SMTP → {label} (10 connections)"] = statistics.median(rates)
            mm_n = min(emails, 2000)
            mm = [r for r in (mailmerge_rate(mm_n, port) for _ in range(runs)) if r is not None]
            if mm:
                results[f"mailmerge CLI → {label} ({mm_n} letters)"] = statistics.median(mm)
                print(f"  mailmerge → {label}: {statistics.median(mm):,.0f} msg/s; Kaskad is "
                      f"{statistics.median(rates) / statistics.median(mm):.1f}× mailmerge", flush=True)
        proc, smsc_url = start_fake("smsc")
        procs.append(proc)
        proc, smsru_url = start_fake("smsru")
        procs.append(proc)
        rates = scenario("SMS single (SMSC fake)", sms, runs, "sms", "smsc", base_url=smsc_url,
                         options={"login": "shop", "concurrency": 10, "batch": 1}, secrets={"psw": "secret"})
        results["SMS one recipient per request (SMSC fake, 10 concurrent)"] = statistics.median(rates)
        rates = scenario("SMS batched (SMSC fake, list)", sms, runs, "sms", "smsc", base_url=smsc_url,
                         options={"login": "shop", "concurrency": 4}, secrets={"psw": "secret"})
        results["SMS 100 recipients per request (SMSC fake, list + id)"] = statistics.median(rates)
        rates = scenario("SMS batched (SMS.ru fake)", sms, runs, "sms", "smsru", base_url=smsru_url,
                         options={"concurrency": 4}, secrets={"api_id": "test-api-id"})
        results["SMS 100 recipients per request (SMS.ru fake)"] = statistics.median(rates)
        limited = [rate_limit_accuracy(250 if args.quick else 500, smsc_url) for _ in range(runs)]
        results["SMS with a 50/s limit (measured rate)"] = statistics.median(limited)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    print("\nmedians:")
    for name, value in results.items():
        print(f"  {name:<60} {value:>10,.1f} msg/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
