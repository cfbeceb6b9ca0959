"""The provider adapter contract: request/result types, the closed outcome vocabulary, HTTP base.

Every adapter is one class in `app/providers/<channel>/<provider>.py` (or `sandbox.py`),
registered with `@register`. The engine owns retries, rate limits, the circuit breaker and
the outbox state; an adapter only turns `SendRequest`s into wire calls and the provider's
answer into one `SendResult` per request (R5: every recipient's result separately).

Outcome → outbox state (decided by the engine, not the adapter):

    ACCEPTED   provider took the message            → sent
    PERMANENT  refused for this recipient           → failed (never retried)
    TRANSIENT  "not now" (429, 503, SMTP 4xx ...)   → queued again with backoff / Retry-After
    ACCOUNT    credentials, balance, blocked sender → breaker opens, campaign paused, row requeued
    UNKNOWN    may or may not have been sent        → unknown (never resent automatically
               (read timeout after the body left,      unless the adapter is `idempotent`)
               SMTP drop after DATA, 500)
    DUPLICATE  provider says it saw this request    → unknown ("probably sent"), never resent
               already (SMSC error 9)

`SendResult.reached` is False only when the request certainly never reached the provider
(connect refused, DNS, TLS handshake): only such messages may fail over to another provider.

Writing an HTTP adapter::

    @register
    class MySms(HttpProvider):
        type = "mysms"; channel = "sms"; default_base_url = "https://api.example"
        max_batch = 1
        def build_request(self, batch): return self.http.build_request("POST", self.url("/send"), ...)
        def parse_response(self, batch, response): return [SendResult.accepted(...)]
"""

from __future__ import annotations

import asyncio
import email.utils
import enum
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

import httpx

from app.errors import NotFoundError, ProviderAuth, ProviderError, ProviderPermanent, ProviderTemporary

__all__ = [
    "DeliveryStatus",
    "HttpProvider",
    "Outcome",
    "Provider",
    "ProviderConfig",
    "SendRequest",
    "SendResult",
    "StatusUpdate",
    "UnsupportedFeature",
    "create_provider",
    "parse_retry_after",
    "provider_class",
    "provider_types",
    "register",
]


class Outcome(enum.StrEnum):
    """What happened to one message in one attempt (closed vocabulary, see module doc)."""

    ACCEPTED = "accepted"
    PERMANENT = "permanent"
    TRANSIENT = "transient"
    ACCOUNT = "account"
    UNKNOWN = "unknown"
    DUPLICATE = "duplicate"


class DeliveryStatus(enum.StrEnum):
    """Delivery status reported later by a provider (polling or callback)."""

    SENT = "sent"            # passed on to the operator / accepted, not yet delivered
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"        # final: not delivered
    UNKNOWN = "unknown"      # provider does not know the message


class UnsupportedFeature(ProviderError):
    """The provider lacks a feature that was asked for (never a silent drop)."""


@dataclass(frozen=True)
class SendRequest:
    """One message to one recipient, as the engine hands it to an adapter.

    Attributes:
        outbox_id: the outbox row id (an integer, unique in the workspace).
        message_id: the row's stable UUID hex; sent as idempotency key / client reference
            / Message-ID wherever the provider has one (R4).
        channel: "email", "sms", "whatsapp", "calls" or "webhook".
        to: the recipient address: E.164 phone ("+79991234567") or email address.
        payload: the rendered message. Email: subject, html, text, preheader, from_addr,
            reply_to, headers (dict). SMS: text. WhatsApp: template, language, params or text.
        sender: sender name / from address configured for the campaign, or "".
        transactional: service message (no consent gate, no quiet hours).
        contact_id: the contact, for per-contact tokens (unsubscribe).
    """

    outbox_id: int
    message_id: str
    channel: str
    to: str
    payload: Mapping[str, Any]
    sender: str = ""
    transactional: bool = False
    contact_id: int | None = None


@dataclass(frozen=True)
class SendResult:
    """The provider's verdict on one `SendRequest`.

    Attributes:
        outcome: see `Outcome`.
        provider_message_id: the provider's id for status lookups, when accepted.
        error: plain-language reason (with the provider's code) when not accepted.
        code: the provider's own error/status code as text, for reports.
        retry_after: seconds the provider asked us to wait (TRANSIENT), or None.
        reached: False only if the request certainly never reached the provider.
        cost: price reported by the provider, or None.
        segments: SMS parts reported by the provider, or None.
        suppress: the recipient must be added to the suppression list (hard bounce, STOP).
    """

    outcome: Outcome
    provider_message_id: str | None = None
    error: str = ""
    code: str = ""
    retry_after: float | None = None
    reached: bool = True
    cost: float | None = None
    segments: int | None = None
    suppress: bool = False

    @classmethod
    def accepted(cls, provider_message_id: str | None, *, cost: float | None = None,
                 segments: int | None = None) -> SendResult:
        return cls(Outcome.ACCEPTED, provider_message_id=provider_message_id, cost=cost, segments=segments)

    @classmethod
    def permanent(cls, error: str, code: str = "", *, suppress: bool = False) -> SendResult:
        return cls(Outcome.PERMANENT, error=error, code=code, suppress=suppress)

    @classmethod
    def transient(cls, error: str, code: str = "", *, retry_after: float | None = None,
                  reached: bool = True) -> SendResult:
        return cls(Outcome.TRANSIENT, error=error, code=code, retry_after=retry_after, reached=reached)

    @classmethod
    def account(cls, error: str, code: str = "") -> SendResult:
        return cls(Outcome.ACCOUNT, error=error, code=code)

    @classmethod
    def unknown(cls, error: str, code: str = "") -> SendResult:
        return cls(Outcome.UNKNOWN, error=error, code=code)

    @classmethod
    def duplicate(cls, error: str, code: str = "") -> SendResult:
        return cls(Outcome.DUPLICATE, error=error, code=code)


@dataclass(frozen=True)
class StatusUpdate:
    """A delivery status for one sent message (from polling or a callback)."""

    provider_message_id: str
    status: DeliveryStatus
    at: datetime
    code: str = ""
    detail: str = ""
    phone: str = ""


@dataclass
class ProviderConfig:
    """A configured provider account as stored in the `providers` table plus its secrets.

    Attributes:
        name: the user's name for the account ("smsru-main"); breaker and limits are per name.
        type: the adapter type ("smsru", "smtp", "sandbox-email" ...).
        base_url: overrides the adapter's default base URL (fake servers, proxies, regions).
        options: non-secret settings (sender, host, port, rate limits ...).
        secrets: credentials from app.secrets; never logged, never exported.
        sandbox_dir: the workspace's sandbox folder (sandbox adapters write there).
    """

    name: str
    type: str
    base_url: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict, repr=False)
    sandbox_dir: Path | None = None

    def option(self, key: str, default: Any = None) -> Any:
        value = self.options.get(key)
        return default if value in (None, "") else value

    def secret(self, key: str) -> str:
        """The secret `key`; a missing one is an account-level problem the user must fix."""
        value = self.secrets.get(key)
        if not value:
            raise ProviderAuth(f"provider {self.name!r}: the secret {key!r} is not set "
                               f"(main.py provider add {self.name} --secret {key}=...)")
        return value


@runtime_checkable
class Provider(Protocol):
    """What the engine needs from an adapter.

    Class attributes: `type` (registry key), `channel`, `max_batch` (recipients per request;
    the engine groups up to this many requests into one `send` call), `idempotent` (the
    provider deduplicates on our message id, so an `unknown` may be resent), `polls_status`.
    Optional: `lookup_by_our_id = True` when `fetch_statuses` accepts our outbox id (as text)
    in place of the provider's id and answers `DeliveryStatus.UNKNOWN` for a message it
    never received; the engine then reconciles `unknown` rows (app.outbox.unknown).
    """

    type: ClassVar[str]
    channel: ClassVar[str]
    max_batch: ClassVar[int]
    idempotent: ClassVar[bool]
    polls_status: ClassVar[bool]
    config: ProviderConfig

    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        """Send `batch` (≤ max_batch); one result per request, same order. Never raises for
        provider or network trouble: that is a result."""
        ...

    async def check(self) -> str:
        """Test the connection and credentials; returns a short description (e.g. balance).
        Raises ProviderAuth / ProviderTemporary / ProviderPermanent."""
        ...

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        """Delivery statuses for (provider_message_id, address) pairs, where `polls_status`."""
        ...

    async def aclose(self) -> None:
        """Release connections the adapter opened itself (SMTP pool)."""
        ...


_REGISTRY: dict[str, type] = {}


def register(cls: type) -> type:
    """Class decorator: make an adapter available under its `type` name."""
    _REGISTRY[cls.type] = cls
    return cls


def _load_builtin() -> None:
    # Importing the modules runs their @register decorators; a missing optional module
    # (written later) is simply not offered.
    import importlib
    import pkgutil

    import app.providers as pkg

    for info in pkgutil.walk_packages(pkg.__path__, prefix="app.providers."):
        if info.name.rsplit(".", 1)[-1] not in ("base", "registry", "store"):
            importlib.import_module(info.name)


def provider_types() -> dict[str, type]:
    """All adapter classes by type name."""
    _load_builtin()
    return dict(sorted(_REGISTRY.items()))


def provider_class(type_name: str) -> type:
    """The adapter class for `type_name`; NotFoundError lists the known ones."""
    types = provider_types()
    if type_name not in types:
        raise NotFoundError(f"unknown provider type {type_name!r}; known: {', '.join(types)}")
    return types[type_name]


def create_provider(config: ProviderConfig, http: httpx.AsyncClient | None = None) -> Provider:
    """Instantiate the adapter for `config`, sharing the engine's HTTP client."""
    return provider_class(config.type)(config, http=http)


def parse_retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), clamped ≥ 0."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


class HttpProvider:
    """Base for HTTP adapters: the engine's shared `httpx.AsyncClient`, transport-error mapping.

    Subclasses implement `build_request(batch) -> httpx.Request` and
    `parse_response(batch, response) -> list[SendResult]`; this class sends, and maps
    network failures to outcomes: connect errors → TRANSIENT with reached=False (certainly
    unsent); timeouts or drops after the request left → UNKNOWN; 429/502/503/504/408 →
    TRANSIENT honouring Retry-After (only when the subclass did not parse the body itself).
    """

    type: ClassVar[str] = ""
    channel: ClassVar[str] = ""
    default_base_url: ClassVar[str] = ""
    max_batch: ClassVar[int] = 1
    idempotent: ClassVar[bool] = False
    polls_status: ClassVar[bool] = False
    #: HTTP status codes that mean "not now" before any processing happened.
    transient_statuses: ClassVar[frozenset[int]] = frozenset({408, 429, 502, 503, 504})

    def __init__(self, config: ProviderConfig, *, http: httpx.AsyncClient | None = None) -> None:
        self.config = config
        self._own_client = http is None
        self.http = http or httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0))

    @property
    def base_url(self) -> str:
        return (self.config.base_url or self.default_base_url).rstrip("/")

    def url(self, path: str) -> str:
        return self.base_url + path

    def build_request(self, batch: Sequence[SendRequest]) -> httpx.Request:
        raise UnsupportedFeature(f"{self.type} cannot send")

    def parse_response(self, batch: Sequence[SendRequest], response: httpx.Response) -> list[SendResult]:
        raise UnsupportedFeature(f"{self.type} cannot parse a send response")

    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        # One request carries one sender name: a batch mixing campaigns with different
        # senders goes out as one request per sender.
        senders = list(dict.fromkeys(r.sender for r in batch))
        if len(senders) == 1:
            return await self._send_batch(batch)
        groups = [[i for i, r in enumerate(batch) if r.sender == sender] for sender in senders]
        answers = await asyncio.gather(*(self._send_batch([batch[i] for i in group]) for group in groups))
        results: list[SendResult | None] = [None] * len(batch)
        for group, answer in zip(groups, answers, strict=True):
            for i, result in zip(group, answer, strict=True):
                results[i] = result
        return results  # type: ignore[return-value]

    async def _send_batch(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        try:
            request = self.build_request(batch)
        except ProviderAuth as exc:
            return [SendResult.account(str(exc))] * len(batch)
        except ProviderPermanent as exc:
            return [SendResult.permanent(str(exc))] * len(batch)
        response = await self._exchange(request)
        if isinstance(response, SendResult):
            return [response] * len(batch)
        generic = self.classify_http_status(response)
        if generic is not None:
            return [generic] * len(batch)
        try:
            results = self.parse_response(batch, response)
        except (ValueError, KeyError, TypeError) as exc:
            # The provider answered, but not in the documented shape: it may have sent.
            results = [SendResult.unknown(f"unreadable answer from {self.type} (HTTP {response.status_code}): {exc}")] * len(batch)
        if len(results) != len(batch):
            raise AssertionError(f"{self.type} returned {len(results)} results for {len(batch)} requests")
        return results

    async def _exchange(self, request: httpx.Request) -> httpx.Response | SendResult:
        try:
            response = await self.http.send(request)
            await response.aread()
            return response
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            return SendResult.transient(f"cannot connect to {self.type}: {exc}", "connect", reached=False)
        except httpx.PoolTimeout as exc:
            return SendResult.transient(f"no free connection to {self.type}: {exc}", "pool", reached=False)
        except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            return SendResult.unknown(f"no answer from {self.type} after the request was sent: {type(exc).__name__}", "timeout")

    def classify_http_status(self, response: httpx.Response) -> SendResult | None:
        """Generic verdict from the HTTP status, or None to let `parse_response` decide."""
        status = response.status_code
        if status in self.transient_statuses:
            retry = parse_retry_after(response.headers.get("Retry-After"))
            return SendResult.transient(f"{self.type} answered HTTP {status}", str(status), retry_after=retry)
        if status in (401, 403):
            return SendResult.account(f"{self.type} refused the credentials (HTTP {status})", str(status))
        if status >= 500:
            return SendResult.unknown(f"{self.type} failed with HTTP {status}; the message may have been sent", str(status))
        return None

    async def call(self, request: httpx.Request) -> httpx.Response:
        """For `check` / status polling: send and raise ProviderError subclasses on failure."""
        response = await self._exchange(request)
        if isinstance(response, SendResult):
            raise ProviderTemporary(response.error)
        verdict = self.classify_http_status(response)
        if verdict is not None:
            if verdict.outcome is Outcome.ACCOUNT:
                raise ProviderAuth(verdict.error)
            raise ProviderTemporary(verdict.error, verdict.retry_after)
        return response

    async def check(self) -> str:
        raise UnsupportedFeature(f"{self.type} has no connection test")

    async def fetch_statuses(self, sent: Sequence[tuple[str, str]]) -> list[StatusUpdate]:
        raise UnsupportedFeature(f"{self.type} does not report delivery statuses by polling")

    async def aclose(self) -> None:
        if self._own_client:
            await self.http.aclose()
