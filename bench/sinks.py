"""Local SMTP sinks for the send benchmarks (aiosmtpd in its own process, Postfix's smtp-sink) and their letter."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

__all__ = ["LETTER_HTML", "find_smtp_sink", "free_port", "start_aiosmtpd", "start_smtp_sink", "wait_port"]


#: The benchmark letter (a Jinja template): ~6 KB of Cyrillic text in a table layout.
LETTER_HTML = textwrap.dedent("""\
    <html><body style="margin:0;background:#f4f4f4">
    <table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
    <table width="600" style="background:#ffffff;font-family:Arial,sans-serif">
    <tr><td style="padding:24px;font-size:22px">Здравствуйте, {{ first_name }}!</td></tr>
    <tr><td style="padding:0 24px;font-size:15px;line-height:1.5">
    """) + "Неделя скидок в нашем магазине: до 30% на весь ассортимент. " * 60 + textwrap.dedent("""\
    </td></tr>
    <tr><td style="padding:24px"><a href="https://shop.example/sale?c={{ id }}"
      style="background:#d33;color:#fff;padding:12px 20px;text-decoration:none">Перейти к покупкам</a></td></tr>
    <tr><td style="padding:24px;font-size:12px;color:#888">
      <a href="{{ unsubscribe_url }}">Отписаться</a></td></tr>
    </table></td></tr></table></body></html>""")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def start_aiosmtpd() -> tuple[subprocess.Popen, int]:
    port = free_port()
    code = textwrap.dedent(f"""
        import time
        from aiosmtpd.controller import Controller
        class Sink:
            async def handle_DATA(self, server, session, envelope):
                return "250 OK"
        c = Controller(Sink(), hostname="127.0.0.1", port={port}); c.start()
        while True: time.sleep(3600)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    wait_port(port)
    return proc, port


def find_smtp_sink() -> str | None:
    for candidate in (os.environ.get("SMTP_SINK"), shutil.which("smtp-sink"), "/usr/sbin/smtp-sink"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def start_smtp_sink(binary: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    user = ["-u", "nobody"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    proc = subprocess.Popen([binary, *user, "-m", "200", f"127.0.0.1:{port}", "512"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    return proc, port
