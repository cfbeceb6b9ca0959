"""Outgoing webhook: HTTP POST of JSON signed per Standard Webhooks, with custom headers.

Each message becomes `{"type", "timestamp", "data"}` POSTed to the configured URL with
`webhook-id` (stable across retries: "msg_" + our message id, the receiver's idempotency
key), `webhook-timestamp` (this attempt) and `webhook-signature: v1,<base64 HMAC-SHA256>`.
The URL passes the SSRF guard and the connection goes to the checked address. Verdicts per
the spec: 2xx accepted; 410 Gone / redirects / 404 / 401 / 403 → the endpoint needs fixing
(account level); 408 / 429 / 502 / 503 / 504 → retry honouring Retry-After; 500 → unknown,
which may be resent because receivers deduplicate on `webhook-id`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from app.errors import ProviderAuth, ProviderPermanent, ProviderTemporary
from app.providers.base import HttpProvider, ProviderConfig, SendRequest, SendResult, register
from app.providers.webhook import signing
from app.providers.webhook.ssrf import BlockedUrl, Resolver, check_url

__all__ = ["HttpWebhook", "webhook_body"]

_RESERVED = {"url", "type", "headers", "data"}
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: bytes of the endpoint's answer that are read (it only decorates the error text).
MAX_ANSWER = 64 * 1024
#: headers the user may not override (signature, framing, routing).
_PROTECTED = {"webhook-id", "webhook-timestamp", "webhook-signature", "content-type", "content-length",
              "host", "transfer-encoding", "connection"}


def webhook_body(request: SendRequest, event_type: str, now: datetime | None = None) -> bytes:
    """The minified JSON body for `request` (the exact bytes that are signed)."""
    payload = request.payload
    data = payload.get("data")
    if data is None:
        data = {k: v for k, v in payload.items() if k not in _RESERVED}
    stamp = (now or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
    body = {"type": payload.get("type") or event_type, "timestamp": stamp, "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


@register
class HttpWebhook(HttpProvider):
    """A customer's HTTP endpoint. Secret: `signing_secret` (`whsec_...`); secrets named
    `header:<Name>` become headers (API keys of the receiving system). Options: `url`,
    `event_type` (default "message.created"), `allow_local_network`, `header:<Name>` headers.
    """

    type = "webhook"
    channel = "webhook"
    default_base_url = ""
    max_batch = 1
    # Receivers deduplicate on webhook-id, so a message of unknown fate may be sent again.
    idempotent = True

    def __init__(self, config: ProviderConfig, *, http: httpx.AsyncClient | None = None,
                 resolver: Resolver | None = None) -> None:
        super().__init__(config, http=http)
        self.resolver = resolver

    def custom_headers(self, request: SendRequest) -> dict[str, str]:
        """Headers from options, secrets and the payload; protected names are refused."""
        headers: dict[str, str] = {}
        sources: list[Mapping[str, Any]] = [self.config.options, self.config.secrets]
        for source in sources:
            for key, value in source.items():
                if key.startswith("header:"):
                    headers[key[7:].strip()] = str(value)
        headers.update({str(k): str(v) for k, v in (request.payload.get("headers") or {}).items()})
        bad = [name for name, value in headers.items()
               if name.lower() in _PROTECTED or not _TOKEN.fullmatch(name) or "\r" in value or "\n" in value]
        if bad:
            raise ProviderAuth(f"webhook {self.config.name!r}: these headers cannot be set by hand: {', '.join(bad)}")
        return headers

    def _url(self, request: SendRequest) -> tuple[str, bool]:
        """(url, configured): a per-message URL, else the provider's `url` / base URL."""
        if request.payload.get("url"):
            return str(request.payload["url"]), False
        url = self.config.option("url") or self.config.base_url
        if not url:
            raise ProviderAuth(f"webhook {self.config.name!r} has no URL (--option url=https://...)")
        return str(url), True

    async def send(self, batch: Sequence[SendRequest]) -> list[SendResult]:
        return [await self._send_one(request) for request in batch]

    async def _send_one(self, request: SendRequest) -> SendResult:
        configured = True
        try:
            url, configured = self._url(request)
            target = await check_url(url, allow_local=_truthy(self.config.option("allow_local_network", "")),
                                     resolver=self.resolver)
            secret = self.config.secret("signing_secret")
            body = webhook_body(request, self.config.option("event_type", "message.created"))
            msg_id = f"msg_{request.message_id}"
            stamp = int(time.time())
            headers = {**self.custom_headers(request), "Host": _host_header(target.url),
                       "Content-Type": "application/json", "webhook-id": msg_id,
                       "webhook-timestamp": str(stamp), "webhook-signature": signing.sign(secret, msg_id, stamp, body)}
        except BlockedUrl as exc:
            # A bad configured URL stops the campaign; a bad per-message URL fails that message.
            return SendResult.account(str(exc), "blocked") if configured else SendResult.permanent(str(exc), "blocked")
        except ValueError as exc:
            return SendResult.account(f"webhook {self.config.name!r}: {exc}", "secret")
        except ProviderAuth as exc:
            return SendResult.account(str(exc), "config")
        except ProviderPermanent as exc:
            return SendResult.permanent(str(exc))
        extensions = {"sni_hostname": target.host} if target.url.lower().startswith("https") else {}
        http_request = self.http.build_request("POST", target.connect_url, content=body, headers=headers,
                                               extensions=extensions)
        response = await self._exchange(http_request)
        if isinstance(response, SendResult):
            return response
        return self._verdict(response, msg_id)

    async def _exchange(self, request: httpx.Request) -> httpx.Response | SendResult:
        # The endpoint is user-configured: read at most MAX_ANSWER bytes of its answer.
        try:
            response = await self.http.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            return SendResult.transient(f"cannot connect to the webhook endpoint: {exc}", "connect", reached=False)
        except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            return SendResult.unknown(f"no answer from the webhook endpoint: {type(exc).__name__}", "timeout")
        try:
            content = b""
            async for chunk in response.aiter_raw():
                content += chunk
                if len(content) >= MAX_ANSWER:
                    break
        except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError):
            # The status line already arrived: the verdict stands without the rest of the body.
            pass
        finally:
            await response.aclose()
        return httpx.Response(response.status_code, headers=response.headers, content=content[:MAX_ANSWER],
                              request=request)

    def _verdict(self, response: httpx.Response, msg_id: str) -> SendResult:
        status = response.status_code
        if 200 <= status < 300:
            return SendResult.accepted(msg_id)
        where = f"the webhook endpoint answered HTTP {status}"
        if 300 <= status < 400:
            return SendResult.account(f"{where} (a redirect to {response.headers.get('Location', '?')}); "
                                      f"redirects are not followed, update the URL", str(status))
        if status == 410:
            return SendResult.account(f"{where} (Gone): the receiver switched this endpoint off", "410")
        if status in (404, 405):
            return SendResult.account(f"{where}: check the URL", str(status))
        generic = self.classify_http_status(response)
        if generic is not None:
            return generic
        return SendResult.permanent(f"{where}: {response.text[:200]}", str(status))

    async def check(self) -> str:
        probe = SendRequest(0, "connection-test", "webhook", "", {"type": "kaskad.test", "data": {"test": True}})
        result = await self._send_one(probe)
        if result.outcome == "accepted":
            return "webhook: the endpoint accepted a signed test event"
        if result.outcome == "account":
            raise ProviderAuth(result.error)
        if result.outcome == "transient":
            raise ProviderTemporary(result.error, result.retry_after)
        raise ProviderPermanent(result.error or f"webhook test failed: {result.outcome}")


def _host_header(url: str) -> str:
    parts = httpx.URL(url)
    host = f"[{parts.host}]" if ":" in parts.host else parts.host
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if parts.port in (None, default) else f"{host}:{parts.port}"
