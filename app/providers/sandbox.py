"""Sandbox providers, one per channel: write what would be sent into the workspace.

Email: `<sandbox>/email/<message id>.eml` (open it in any mail program). SMS and WhatsApp:
one JSON line per message in `<sandbox>/<channel>.jsonl`. Writing the same message id again
overwrites / is skipped, so the sandbox is idempotent and `unknown` messages may be resent.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import httpx

from app.providers.base import (
    ProviderConfig,
    SendRequest,
    SendResult,
    StatusUpdate,
    UnsupportedFeature,
    register,
)
from app.providers.email.message import build_letter, from_address

__all__ = ["SandboxEmail", "SandboxSms", "SandboxWhatsApp"]


class _Sandbox(ABC):
    type: ClassVar[str] = ""
    channel: ClassVar[str] = ""
    max_batch: ClassVar[int] = 50
    idempotent: ClassVar[bool] = True
    polls_status: ClassVar[bool] = False

    def __init__(self, config: ProviderConfig, *, http: httpx.AsyncClient | None = None) -> None:
        self.config = config
        folder = config.option("dir") or config.sandbox_dir
        if folder is None:
            raise UnsupportedFeature("the sandbox provider needs the workspace's sandbox folder")
        self.folder = Path(folder)

    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        return await asyncio.to_thread(self._write, list(batch))

    @abstractmethod
    def _write(self, batch: list[SendRequest]) -> list[SendResult]:
        """Store `batch` in the sandbox folder (runs in a worker thread)."""

    async def check(self) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        return f"sandbox: messages are written to {self.folder}"

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        raise UnsupportedFeature("the sandbox keeps no delivery statuses")

    async def aclose(self) -> None:
        return None


@register
class SandboxEmail(_Sandbox):
    """Email sandbox: one .eml file per message."""

    type = "sandbox-email"
    channel = "email"

    def _write(self, batch: list[SendRequest]) -> list[SendResult]:
        target = self.folder / "email"
        target.mkdir(parents=True, exist_ok=True)
        results = []
        for request in batch:
            data = build_letter(request, from_address(request, self.config.options) or "shop@kaskad.local")
            tmp = target / f"{request.message_id}.eml.tmp"
            tmp.write_bytes(data)
            tmp.replace(target / f"{request.message_id}.eml")
            results.append(SendResult.accepted(request.message_id))
        return results


class _JsonLines(_Sandbox):
    def _write(self, batch: list[SendRequest]) -> list[SendResult]:
        self.folder.mkdir(parents=True, exist_ok=True)
        now = datetime.now(UTC).isoformat()
        with open(self.folder / f"{self.channel}.jsonl", "a", encoding="utf-8") as fh:
            for request in batch:
                fh.write(json.dumps({"id": request.message_id, "to": request.to, "sender": request.sender,
                                     "payload": dict(request.payload), "at": now}, ensure_ascii=False) + "\n")
        return [SendResult.accepted(r.message_id) for r in batch]


@register
class SandboxSms(_JsonLines):
    """SMS sandbox: JSON lines in sms.jsonl."""

    type = "sandbox-sms"
    channel = "sms"


@register
class SandboxWhatsApp(_JsonLines):
    """WhatsApp sandbox: JSON lines in whatsapp.jsonl."""

    type = "sandbox-whatsapp"
    channel = "whatsapp"
